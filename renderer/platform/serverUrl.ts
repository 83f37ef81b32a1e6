/**
 * Which sync server this window talks to: the preload bridge (Electron), else a `?server=`
 * query parameter (kept in sessionStorage so a reload keeps it), else the page's own origin
 * (the sync server serves the web build).
 */
import { getBridge } from './bridge';

const SESSION_KEY = 'minka:server';

function normalize(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function getServerUrl(): string {
  const fromBridge = getBridge()?.serverUrl;
  if (typeof fromBridge === 'string') {
    const url = normalize(fromBridge);
    if (url !== null) return url;
  }
  const fromQuery = new URLSearchParams(window.location.search).get('server');
  if (fromQuery !== null) {
    const url = normalize(fromQuery);
    if (url !== null) {
      window.sessionStorage.setItem(SESSION_KEY, url);
      return url;
    }
  }
  const remembered = window.sessionStorage.getItem(SESSION_KEY);
  if (remembered !== null) {
    const url = normalize(remembered);
    if (url !== null) return url;
  }
  return window.location.origin;
}

/** The WebSocket origin of a server URL: http → ws, https → wss. */
export function toWebSocketUrl(serverUrl: string): string {
  return new URL(serverUrl).origin.replace(/^http/, 'ws');
}
