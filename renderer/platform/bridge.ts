/**
 * The preload bridge Electron exposes as `window.minka` (shape in shared/ipc/bridge). It is
 * absent in a plain browser, so every reader here has a browser fallback; nothing else in the
 * renderer touches the bridge.
 */
import type { MinkaBridge } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    minka?: MinkaBridge;
  }
}

export function getBridge(): MinkaBridge | null {
  return typeof window !== 'undefined' && window.minka !== undefined ? window.minka : null;
}
