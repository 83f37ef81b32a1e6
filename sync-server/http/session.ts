/** The session behind an `Authorization: Bearer <token>` header, or the 401/403 that refuses it. */
import type { IncomingMessage } from 'node:http';
import type { AccountStore } from '../accounts/accountStore';
import type { Session } from '../accounts/sessions';
import { ApiFailure } from './failure';

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match === null ? null : match[1]!;
}

export function requireSession(req: IncomingMessage, store: AccountStore): Promise<Session> {
  const token = bearerToken(req);
  if (token === null) {
    throw new ApiFailure(401, 'unauthenticated', 'Inicie sesión para continuar.');
  }
  return checkToken(token, store);
}

export async function checkToken(token: string, store: AccountStore): Promise<Session> {
  const check = await store.sessions.authenticate(token);
  if (check.ok) return check.session;
  switch (check.reason) {
    case 'session_expired':
      throw new ApiFailure(
        401,
        'session_expired',
        'Su sesión venció por inactividad: vuelva a iniciar sesión.',
      );
    case 'user_disabled':
      throw new ApiFailure(
        403,
        'user_disabled',
        'Su cuenta fue desactivada; consulte a la administración del clúster.',
      );
    case 'session_invalid':
      throw new ApiFailure(
        401,
        'session_invalid',
        'El servidor rechazó la sesión: vuelva a iniciar sesión.',
      );
  }
}
