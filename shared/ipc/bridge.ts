/**
 * The shape of `window.minka`, the whole API the preload exposes to the renderer. Only
 * renderer/platform/ reads it; in a plain browser it is absent and platform/ falls back.
 * Adding a member here is a security decision: each one is a named function or value, never a
 * way to reach `ipcRenderer` or an arbitrary channel.
 */
import type { AppCommand, UiLanguage } from './events';
import type {
  AppInfo,
  ExportRequest,
  ExportResult,
  OsNotification,
  TokenSaveResult,
} from './schemas';

export interface MinkaBridge {
  /** Origin of the sync server, e.g. `http://127.0.0.1:4455`; `/api` and `/sync` hang off it. */
  readonly serverUrl: string;
  getInfo(): Promise<AppInfo>;
  /** The renderer's UI language, so the menu and native dialogs speak it too. */
  setLanguage(language: UiLanguage): Promise<void>;
  /** The session token kept for `server` (an origin), decrypted with the OS keystore; null if none. */
  loadToken(server: string): Promise<string | null>;
  /** Encrypts with safeStorage; `stored: false` when the OS offers no encryption (nothing is written). */
  saveToken(server: string, token: string): Promise<TokenSaveResult>;
  clearToken(server: string): Promise<void>;
  /** Asks where to save through the native dialog and writes the file (PDF printed by main). */
  exportDocument(request: ExportRequest): Promise<ExportResult>;
  /** An OS notification; silently nothing where the OS has none. */
  notify(notification: OsNotification): Promise<void>;
  /** Menu and deep-link commands; commands that arrived before the first listener are replayed. Returns an unsubscribe. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /**
   * Registers the one answer to "how many changes are saved only on this computer?", asked when
   * the person quits. Returns an unregister; without an answer main quits without asking.
   */
  onQuitCheck(countPending: () => number | Promise<number>): () => void;
}

/** Every key of {@link MinkaBridge}, in the order the preload exposes them. */
export const MINKA_BRIDGE_KEYS = [
  'serverUrl',
  'getInfo',
  'setLanguage',
  'loadToken',
  'saveToken',
  'clearToken',
  'exportDocument',
  'notify',
  'onCommand',
  'onQuitCheck',
] as const satisfies readonly (keyof MinkaBridge)[];

export type { AppCommand, UiLanguage } from './events';
export type {
  AppInfo,
  ExportRequest,
  ExportResult,
  OsNotification,
  TokenSaveResult,
} from './schemas';

// Fails to compile when a member of MinkaBridge is missing from the allowlist above.
type MissingBridgeKey = Exclude<keyof MinkaBridge, (typeof MINKA_BRIDGE_KEYS)[number]>;
export const BRIDGE_KEYS_COMPLETE: [MissingBridgeKey] extends [never] ? true : never = true;
