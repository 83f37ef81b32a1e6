/**
 * Serves the built renderer (out/renderer) so a plain browser gets the app from the same origin
 * as /api and /sync. Paths without a file extension fall back to index.html (client-side
 * routes); a path that resolves outside the directory is refused as not found.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendError } from './respond';
import { contentTypeOf } from '../../shared/protocol/contentTypes';
import { createGzip } from 'node:zlib';

/** Vite puts content-hashed files under assets/: they never change under the same name. */
const IMMUTABLE = `${sep}assets${sep}`;

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  staticDir: string | undefined,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendError(res, 405, 'method_not_allowed', 'Solo se pueden leer archivos con GET.');
    return;
  }
  const root = staticDir === undefined ? undefined : resolve(staticDir);
  const file = root === undefined ? null : resolveInside(root, pathname);
  if (root === undefined) {
    sendError(
      res,
      404,
      'no_web_app',
      'Este servidor no sirve la aplicación web: compílela (npm run build) e inícielo con --static out/renderer.',
    );
    return;
  }
  if (file === null) {
    sendError(res, 404, 'not_found', `No existe ${pathname} en este servidor.`);
    return;
  }
  if (await isFile(file)) {
    send(req, res, file, file.startsWith(root + IMMUTABLE));
    return;
  }
  const index = join(root, 'index.html');
  if (extname(file) === '' && (await isFile(index))) {
    send(req, res, index, false);
    return;
  }
  sendError(res, 404, 'not_found', `No existe ${pathname} en este servidor.`);
}

/**
 * The file a raw (not normalized) URL path names, or null when it is malformed or climbs with
 * `..`: a request that tries to leave the directory is refused even where it would land inside.
 */
function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return null;
  const file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Text formats shrink several times under gzip; fonts and images are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

function acceptsGzip(req: IncomingMessage): boolean {
  const accepted = req.headers['accept-encoding'];
  return typeof accepted === 'string' && /\bgzip\b/.test(accepted);
}

/**
 * Sends a file, gzipped when it is text and the browser accepts it: the web app's script
 * shrinks from 1.4 MB to about 0.4 MB, which matters on a mine site's satellite link.
 */
function send(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean): void {
  const contentType = contentTypeOf(file);
  const gzip = COMPRESSIBLE.test(contentType) && acceptsGzip(req);
  res.writeHead(200, {
    'Content-Type': contentType,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const fail = () => res.destroy();
  const stream = createReadStream(file).on('error', fail);
  if (gzip) stream.pipe(createGzip().on('error', fail)).pipe(res);
  else stream.pipe(res);
}
