/**
 * The web client's service worker (built by vite-plugin-pwa, see electron.vite.config.ts): it
 * keeps the app's own files so a browser tab reloaded with the server unreachable still opens
 * Minka, whose data is already in IndexedDB. It never answers /api or /sync (see the build's
 * denylist); those always go to the network.
 *
 * Registered only in a browser that loaded the build from the sync server over http(s): the
 * desktop app (app://, with the preload bridge) ships its files on disk and needs none, and the
 * dev server (`npm run dev:web`) would serve stale modules from it.
 */
import { Workbox } from 'workbox-window';
import { getBridge } from './bridge';

/** How often an open tab asks the server whether a new build was deployed. */
const UPDATE_CHECK_MS = 60 * 60_000;

/** Called when a new build is installed and waiting; `apply` activates it and reloads. */
export type UpdateListener = (apply: () => void) => void;

export function serviceWorkerSupported(): boolean {
  return (
    import.meta.env.PROD &&
    getBridge() === null &&
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    (location.protocol === 'http:' || location.protocol === 'https:')
  );
}

/** Registers /sw.js (a no-op where unsupported) and reports a waiting new version. */
export function registerServiceWorker(onUpdate: UpdateListener): void {
  if (!serviceWorkerSupported()) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  const offer = () =>
    onUpdate(() => {
      // Reload once the new worker controls the page, so the new files load together.
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    });
  workbox.addEventListener('waiting', offer);
  // A failed registration (private mode, a proxy stripping the file) leaves the app online-only.
  workbox.register().then(
    // Browsers look for a new sw.js on navigation; a tab left open for days asks hourly too.
    () => setInterval(() => void workbox.update().catch(() => undefined), UPDATE_CHECK_MS),
    () => undefined,
  );
}
