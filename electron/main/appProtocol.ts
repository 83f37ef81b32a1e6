/**
 * The `app://minka` protocol that serves the built renderer (out/renderer) to Electron windows.
 *
 * Why not file://: a custom standard scheme gives the renderer one stable origin, so IndexedDB
 * (the offline copy of every document) survives moving the install folder, and it lets main put
 * a Content-Security-Policy header on every response, which file:// cannot carry.
 *
 * {@link resolveAppRequest} is the whole security decision and does no I/O: it refuses any URL
 * that is not app://minka, and any path that could leave the root (dot segments, raw or
 * percent-encoded; encoded slashes or backslashes; empty segments; drive letters; NUL). Paths
 * without an extension fall back to index.html, as the sync server's static route does, so a
 * reload on a client-side route still finds the app.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { contentTypeOf } from '../../shared/protocol/contentTypes';

export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

/**
 * The policy for every app:// response. Scripts only from the app itself (no eval, no remote
 * code); network only to the app and the sync server (HTTP for /api, WebSocket for /sync).
 * Inline styles are allowed because the editor (Tiptap/ProseMirror) and Radix set them at run
 * time; a style cannot run code.
 */
export function contentSecurityPolicy(serverOrigin: string): string {
  const server = new URL(serverOrigin);
  const wsOrigin = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${server.origin} ${wsOrigin}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export type AppRequest =
  { readonly kind: 'file'; readonly filePath: string } | { readonly kind: 'notFound' };

const NOT_FOUND: AppRequest = { kind: 'notFound' };

export function resolveAppRequest(rawUrl: string, root: string): AppRequest {
  const schemePrefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!rawUrl.toLowerCase().startsWith(schemePrefix)) return NOT_FOUND;
  // Checked on the raw text, before URL parsing normalizes `..` away and hides the attempt.
  const rawPath = rawUrl.slice(schemePrefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath !== '' && !rawPath.startsWith('/')) return NOT_FOUND;

  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return NOT_FOUND;
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.host !== APP_HOST ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return NOT_FOUND;
  }

  const encodedSegments = rawPath === '' || rawPath === '/' ? [] : rawPath.slice(1).split('/');
  const segments: string[] = [];
  for (const [index, encoded] of encodedSegments.entries()) {
    const isLast = index === encodedSegments.length - 1;
    if (encoded === '' && isLast) break;
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return NOT_FOUND;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\:\0]/.test(segment)) return NOT_FOUND;
    segments.push(segment);
  }

  const last = segments.at(-1);
  const relative =
    last === undefined || path.extname(last) === '' ? 'index.html' : segments.join('/');
  const resolvedRoot = path.resolve(root);
  const filePath = path.resolve(resolvedRoot, relative);
  if (!filePath.startsWith(resolvedRoot + path.sep)) return NOT_FOUND;
  return { kind: 'file', filePath };
}

export interface AppProtocolOptions {
  /** Absolute path of the built renderer (out/renderer). */
  readonly root: string;
  readonly serverOrigin: string;
  readonly readFile: (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;
}

const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** The function given to `protocol.handle('app', …)`. Every response, 404s included, carries the CSP. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const baseHeaders = {
    'Content-Security-Policy': contentSecurityPolicy(options.serverOrigin),
    'X-Content-Type-Options': 'nosniff',
  };
  const notFound = (): Response =>
    new Response('Not found', {
      status: 404,
      headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: baseHeaders });
    }
    const resolved = resolveAppRequest(request.url, options.root);
    if (resolved.kind === 'notFound') return notFound();
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await options.readFile(resolved.filePath);
    } catch (error) {
      if (MISSING_FILE_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return notFound();
      throw error;
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': contentTypeOf(resolved.filePath) },
    });
  };
}
