/**
 * The names every IPC call between the renderer's preload and Electron main goes through, and
 * how main hands the sync server URL to the preload.
 *
 * This module is imported by the sandboxed preload, so it stays free of zod and of anything else
 * that would have to be bundled into it: argument and result schemas live in ./schemas.
 *
 * The server URL travels as a command-line switch (`webPreferences.additionalArguments`) instead
 * of an IPC call: the preload reads it synchronously from `process.argv`, so `window.minka.serverUrl`
 * is a plain string the moment the page starts, the renderer never awaits its own configuration,
 * and no IPC channel exists that a compromised page could probe.
 */

// shared/ compiles against plain ES2022 (no DOM, no Node types), yet the browser, Node and
// Electron all provide the WHATWG URL parser; declare just the part used here.
interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}
declare const URL: new (input: string) => ParsedUrl;

/** renderer → main calls (`ipcRenderer.invoke`); schemas in ./schemas, handlers in electron/main. */
export const IpcChannel = {
  getInfo: 'app:getInfo',
  setLanguage: 'app:setLanguage',
  loadToken: 'token:load',
  saveToken: 'token:save',
  clearToken: 'token:clear',
  exportDocument: 'document:export',
  notify: 'os:notify',
  answerQuitCheck: 'app:answerQuitCheck',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

export const SERVER_URL_SWITCH = '--minka-server-url=';

/** The switch main appends to the renderer's argv; `origin` comes from {@link parseServerOrigin}. */
export function serverUrlSwitch(origin: string): string {
  return `${SERVER_URL_SWITCH}${origin}`;
}

/**
 * The sync server origin (`http(s)://host[:port]`) of `value`, or null when `value` is not a bare
 * http(s) origin: no credentials, path, query or fragment, because the renderer appends `/api` and
 * `/sync` to it and the CSP's connect-src is built from it.
 */
export function parseServerOrigin(value: string): string | null {
  let url: ParsedUrl;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return null;
  return url.origin;
}

/** The server origin main put in `argv`, or null when the switch is missing or malformed. */
export function readServerUrlSwitch(argv: readonly string[]): string | null {
  const found = argv.find((arg) => arg.startsWith(SERVER_URL_SWITCH));
  return found === undefined ? null : parseServerOrigin(found.slice(SERVER_URL_SWITCH.length));
}
