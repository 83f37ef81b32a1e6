/**
 * The HTTP API: matches a route, checks the Origin and the session, runs the handler and writes
 * its answer. Every error is `{ error: { code, message } }` with the status it stands for.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PATHS } from '../../shared/protocol/api';
import { describeError } from '../describeError';
import { ApiFailure } from './failure';
import { applyCors, originAllowed, type OriginPolicy } from './origin';
import { sendError, sendJson } from './respond';
import type { ApiContext, Call, Method, Route } from './route';
import { requireSession } from './session';
import { accessRequestRoutes } from './routes/accessRequests';
import { authRoutes } from './routes/auth';
import { groupRoutes } from './routes/groups';
import { healthRoutes } from './routes/health';
import { invitationRoutes } from './routes/invitations';
import { memberRoutes } from './routes/members';
import { meRoutes } from './routes/me';
import { notificationRoutes } from './routes/notifications';
import { organizationRoutes } from './routes/organizations';
import { storageRoutes } from './routes/storage';
import { syncTicketRoutes } from './routes/syncTickets';
import { userRoutes } from './routes/users';
import { isDatabaseUnavailable } from '../databaseErrors';
import { versionRoutes } from './routes/versions';
import { governanceRoutes } from './routes/governance';
import { missionRoutes } from './routes/missions';
import { regulationRoutes } from './routes/regulations';
import { innovationRoutes } from '../innovation/routes';

export type { ApiContext } from './route';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const ROUTES: readonly CompiledRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...meRoutes,
  ...organizationRoutes,
  ...userRoutes,
  ...groupRoutes,
  ...memberRoutes,
  ...accessRequestRoutes,
  ...invitationRoutes,
  ...notificationRoutes,
  ...syncTicketRoutes,
  ...storageRoutes,
  ...versionRoutes,
  ...governanceRoutes,
  ...regulationRoutes,
  ...missionRoutes,
  ...innovationRoutes,
].map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/:(\w+)/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

export function isApiPath(pathname: string): boolean {
  return pathname === API_PATHS.health || pathname === '/api' || pathname.startsWith('/api/');
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: ApiContext,
  origins: OriginPolicy,
): Promise<void> {
  const allowed = originAllowed(req, origins);
  if (applyCors(req, res, allowed)) return;
  if (!allowed) {
    sendError(
      res,
      403,
      'origin_not_allowed',
      'Este servidor no acepta solicitudes de esa página; abra Minka desde su propia dirección.',
    );
    return;
  }
  try {
    const reply = await dispatch(req, url, context);
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, { 'Cache-Control': 'no-store' });
      res.end();
    } else sendJson(res, reply.status, reply.body);
  } catch (error) {
    if (error instanceof ApiFailure) {
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      sendError(res, error.status, error.code, error.message);
      return;
    }
    context.log(`ERROR en ${req.method ?? ''} ${url.pathname}: ${describeError(error)}`);
    if (isDatabaseUnavailable(error)) {
      sendError(
        res,
        503,
        'storage_unavailable',
        'El servidor no puede usar su base de datos ahora (¿disco lleno u otro proceso la bloquea?); vuelva a intentarlo en unos segundos.',
      );
      return;
    }
    sendError(
      res,
      500,
      'internal_error',
      'El servidor no pudo completar la operación; revise su registro y vuelva a intentarlo.',
    );
  }
}

async function dispatch(req: IncomingMessage, url: URL, context: ApiContext) {
  const method = (req.method === 'HEAD' ? 'GET' : req.method) as Method;
  const matching = ROUTES.flatMap((compiled) => {
    const match = compiled.pattern.exec(url.pathname);
    return match === null ? [] : [{ compiled, match }];
  });
  if (matching.length === 0) {
    throw new ApiFailure(404, 'not_found', `No existe la ruta ${url.pathname} en la API de Minka.`);
  }
  const found = matching.find(({ compiled }) => compiled.route.method === method);
  if (found === undefined) {
    const allow = [...new Set(matching.map(({ compiled }) => compiled.route.method))];
    throw new ApiFailure(
      405,
      'method_not_allowed',
      `${url.pathname} solo admite ${allow.join(', ')}.`,
      {
        Allow: [...allow, 'OPTIONS'].join(', '),
      },
    );
  }
  const params: Record<string, string> = {};
  found.compiled.names.forEach((name, index) => {
    try {
      params[name] = decodeURIComponent(found.match[index + 1]!);
    } catch {
      params[name] = '';
    }
  });
  const call: Call = {
    req,
    params,
    query: url.searchParams,
    context,
    address: clientAddress(req, context.trustProxy),
  };
  const { route } = found.compiled;
  if (route.public === true) return route.handle(call);
  return route.handle({ ...call, session: await requireSession(req, context.store) });
}

/**
 * The address login limits count per. Behind a reverse proxy every request comes from the proxy,
 * so with `trustProxy` the address is the last X-Forwarded-For entry: the one the proxy appended.
 */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined;
  return trustProxy && last !== undefined && last !== '' ? last : (req.socket.remoteAddress ?? '');
}
