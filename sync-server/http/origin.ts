/**
 * Which web origins may call the API and open sync sockets: Electron's app://minka, the server's
 * own origin (the Origin's host equals the Host the request was sent to), any origin configured
 * with --origin, and, only while the server itself listens on loopback, the loopback dev and e2e
 * origins (http://127.0.0.1:*, http://localhost:*). A request without Origin is not from a web page
 * (browsers always send it cross-origin and on WebSockets), so it is let through to the token check.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface OriginPolicy {
  /** Exact origins allowed besides the server's own (default: app://minka). */
  allowed: ReadonlySet<string>;
  /** True when the server listens on loopback: then loopback dev origins are allowed too. */
  loopback: boolean;
}

export const DEFAULT_ALLOWED_ORIGINS = ['app://minka'] as const;

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (policy.allowed.has(origin)) return true;
  if (policy.loopback && LOOPBACK_ORIGIN.test(origin)) return true;
  try {
    const { host, protocol } = new URL(origin);
    return (
      (protocol === 'http:' || protocol === 'https:') && host !== '' && host === req.headers.host
    );
  } catch {
    return false;
  }
}

/**
 * Adds CORS headers for an allowed origin; answers a preflight (true: nothing left to do).
 * A refused origin gets no CORS headers, and its preflight a 403.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: boolean): boolean {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (allowed && origin !== undefined) res.setHeader('Access-Control-Allow-Origin', origin);
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PATCH, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.writeHead(allowed ? 204 : 403);
  res.end();
  return true;
}
