/** The HTTP API of v1: health and the workspace. Every error is `{ error: { code, message } }`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PATHS, type HealthResponse } from '../../shared/protocol/api';
import type { Storage } from '../storage/storage';
import { applyCors } from './cors';
import { sendError, sendJson } from './respond';

export interface ApiContext {
  storage: Storage;
  /** True while some room cannot commit: the server is up but not saving. */
  commitsFailing: () => boolean;
  log: (line: string) => void;
}

export function isApiPath(pathname: string): boolean {
  return pathname === API_PATHS.health || pathname === '/api' || pathname.startsWith('/api/');
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: ApiContext,
): Promise<void> {
  if (applyCors(req, res)) return;
  const route = pathname === API_PATHS.health ? health : pathname === API_PATHS.workspace ? workspace : null;
  if (route === null) {
    sendError(res, 404, 'not_found', `No existe la ruta ${pathname} en la API de Minka.`);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD, OPTIONS');
    sendError(res, 405, 'method_not_allowed', `${pathname} solo admite GET.`);
    return;
  }
  try {
    await route(res, context);
  } catch (error) {
    context.log(`ERROR en ${pathname}: ${error instanceof Error ? error.message : String(error)}`);
    sendError(res, 500, 'internal_error', 'El servidor no pudo leer sus datos; revise su registro y vuelva a intentarlo.');
  }
}

async function health(res: ServerResponse, { storage, commitsFailing }: ApiContext): Promise<void> {
  try {
    await storage.check();
  } catch {
    sendError(res, 503, 'storage_unavailable', 'El servidor no puede leer su base de datos; revise el directorio de datos.');
    return;
  }
  if (commitsFailing()) {
    sendError(res, 503, 'storage_failing', 'El servidor no logra guardar cambios (¿disco lleno?); revise el directorio de datos.');
    return;
  }
  const body: HealthResponse = { ok: true };
  sendJson(res, 200, body);
}

async function workspace(res: ServerResponse, { storage }: ApiContext): Promise<void> {
  const found = await storage.loadWorkspace();
  if (found === null) {
    sendError(res, 404, 'workspace_not_found', 'Este servidor aún no tiene un espacio de trabajo; inícielo con --seed-demo para crear el de demostración.');
    return;
  }
  sendJson(res, 200, found);
}
