/**
 * Sign-in and sign-out. A failed login takes as long for an unknown email as for a wrong
 * password, is slowed and counted (loginLimiter.ts: reserved before the password is verified) per
 * account and address, per address and per account, and is written to the audit log.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { API_PATHS, type LoginResponse, loginRequest } from '../../../shared/protocol/api';
import { UNKNOWN_USER_HASH, verifyPassword } from '../../accounts/passwords';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { noContent, ok, type ApiContext, type Route } from '../route';
import type { User } from '../../../shared/model/accounts';

/** Signs `user` in: a new session, its audit row, and the answer login and invitations give. */
export async function startSession(
  context: ApiContext,
  user: User,
  address: string,
): Promise<LoginResponse> {
  const session = await context.store.sessions.create(user.id);
  await context.store.audit.record({
    action: 'login',
    actorId: user.id,
    email: user.email,
    detail: address,
  });
  return { token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), user };
}

/** Checks a password the way login does: limited, slowed, audited. Returns the user when right. */
export async function checkPassword(
  context: ApiContext,
  email: string,
  password: string,
  address: string,
): Promise<User> {
  const { store, limiter, loginLimits } = context;
  const reservation = await limiter.reserve(email, address);
  if (!reservation.ok) {
    const seconds = reservation.retryAfterSeconds;
    throw new ApiFailure(
      429,
      'too_many_attempts',
      `Demasiados intentos fallidos: espere ${seconds} s antes de volver a intentarlo.`,
      { 'Retry-After': String(seconds) },
    );
  }
  const found = await store.users.withPassword(email);
  const right = await verifyPassword(password, found?.passwordHash ?? UNKNOWN_USER_HASH);
  if (found === null || !right) {
    await store.audit.record({
      action: 'login_failed',
      email,
      targetUserId: found?.user.id ?? null,
      detail: address,
    });
    if (loginLimits.failureDelayMs > 0) await delay(loginLimits.failureDelayMs);
    throw new ApiFailure(401, 'invalid_credentials', 'El correo o la contraseña no son correctos.');
  }
  if (found.user.disabled) {
    await store.audit.record({
      action: 'login_failed',
      email,
      targetUserId: found.user.id,
      detail: `${address} cuenta desactivada`,
    });
    throw new ApiFailure(
      403,
      'user_disabled',
      'Su cuenta fue desactivada; consulte a la administración del clúster.',
    );
  }
  await reservation.succeed();
  return found.user;
}

export const authRoutes: Route[] = [
  {
    method: 'POST',
    path: API_PATHS.login,
    public: true,
    async handle({ req, context, address }) {
      const { email, password } = await readJson(req, loginRequest);
      const user = await checkPassword(context, email, password, address);
      return ok(await startSession(context, user, address));
    },
  },
  {
    method: 'POST',
    path: API_PATHS.logout,
    async handle({ context, session }) {
      await context.store.sessions.revoke(session.id);
      await context.store.audit.record({ action: 'logout', actorId: session.user.id });
      await context.accessChanged(session.user.id);
      return noContent;
    },
  },
  {
    method: 'POST',
    path: API_PATHS.logoutEverywhere,
    async handle({ context, session }) {
      await context.store.sessions.revokeAllOf(session.user.id);
      await context.store.audit.record({ action: 'logout_everywhere', actorId: session.user.id });
      await context.accessChanged(session.user.id);
      return noContent;
    },
  },
];
