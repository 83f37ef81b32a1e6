/**
 * The shape of `window.minka`, the whole API the preload exposes to the renderer. Only
 * renderer/platform/ reads it; in a plain browser it is absent and platform/ falls back.
 * Adding a member here is a security decision: each one is a named function or value, never a
 * way to reach `ipcRenderer` or an arbitrary channel.
 */
import type { AppInfo } from './schemas';

export interface MinkaBridge {
  /** Origin of the sync server, e.g. `http://127.0.0.1:4455`; `/api` and `/sync` hang off it. */
  readonly serverUrl: string;
  getInfo(): Promise<AppInfo>;
}

/** Every key of {@link MinkaBridge}, in the order the preload exposes them. */
export const MINKA_BRIDGE_KEYS = [
  'serverUrl',
  'getInfo',
] as const satisfies readonly (keyof MinkaBridge)[];
