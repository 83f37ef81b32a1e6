// Builds the three parts of the desktop app into out/: main (ESM, like the package, with its few
// imports such as zod bundled in, so the installers ship no node_modules), the preload
// (CommonJS, because a sandboxed preload cannot be an ES module, and with its imports bundled in,
// because a sandboxed preload cannot require anything but electron) and the renderer, the same
// build the sync server serves to browsers.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { sandboxedPreloadRequires } from './scripts/lib/preloadRequires';

const root = import.meta.dirname;

/**
 * Absolute asset URLs (`/assets/…`): app://minka/ and the sync server both serve the build at
 * `/` and answer any extensionless path with index.html, where relative URLs (which electron-vite
 * forces in production) would point below that path. The renderer routes by hash today, so
 * this keeps a future path route or a pasted deep link from loading a blank page.
 */
function absoluteBase(): Plugin {
  return {
    name: 'minka:absolute-base',
    config(config) {
      config.base = '/';
    },
  };
}

/**
 * The web client's service worker (sw.js, Workbox's generateSW): it precaches the build so a
 * browser tab reloaded with the server down still opens the app, and waits for the person to
 * press "Actualizar" before a new build takes over (registerType 'prompt'; registration and
 * the prompt are in renderer/platform/serviceWorker.ts, which skips it under Electron).
 * Navigations fall back to index.html, except the server's own paths, and nothing under /api,
 * /sync or /healthz is ever cached: those always reach the network or fail.
 */
function serviceWorker() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    filename: 'sw.js',
    workbox: {
      globPatterns: ['**/*.{js,css,html,woff2,svg,png,ico}'],
      // The main bundle is over Workbox's 2 MiB default; a cut-off precache would not open.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/sync(\/|$)/, /^\/healthz$/],
      cleanupOutdatedCaches: true,
      // The first install takes the open tab at once, so it opens offline after one visit.
      clientsClaim: true,
      skipWaiting: false,
    },
  });
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: false,
      lib: {
        entry: resolve(root, 'electron/main/index.ts'),
        formats: ['es'],
        fileName: () => 'index.js',
      },
    },
  },
  preload: {
    plugins: [sandboxedPreloadRequires()],
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      lib: {
        entry: resolve(root, 'electron/preload/index.ts'),
        formats: ['cjs'],
        fileName: () => 'index.cjs',
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), absoluteBase(), serviceWorker()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
      // electron-vite leaves the renderer unminified; the same bundle is served to browsers,
      // often over slow links from mine sites, so it is minified (with source maps to debug).
      minify: true,
      sourcemap: true,
    },
  },
});
