/**
 * The renderer reaches /api from other origins than the server's own: the Vite dev server and
 * the e2e static server on loopback ports, and Electron's app://minka. Only those are allowed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_ORIGIN = /^(http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?|app:\/\/minka)$/;

/** Adds the CORS headers; true when the request was a preflight and has been answered. */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  const allowed = origin !== undefined && ALLOWED_ORIGIN.test(origin);
  if (allowed) res.setHeader('Access-Control-Allow-Origin', origin);
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.writeHead(allowed ? 204 : 403);
  res.end();
  return true;
}
