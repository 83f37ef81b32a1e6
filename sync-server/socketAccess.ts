/**
 * Access for sync sockets (ARCHITECTURE §3–§4). Before an upgrade: the session, named by a
 * single-use `?ticket=` (syncTickets.ts) or, from older clients, a `?token=`, must be valid (else
 * 401) and its person a member of the room's group (else 403), so a refused client gets no byte
 * of the room. After it: whenever a person's access changes through the API (role, membership,
 * session, account), their open sockets are re-checked at once, and every open socket is
 * re-checked on a timer, which catches what the API does not see (a session that expires by time,
 * a password reset or a disable by `npm run admin` in another process): closed with 4401 when the
 * session is gone, 4403 when the membership is, switched between read-only and writable otherwise.
 */
import { canWriteRoom, type PresenceUser } from '../shared/model/accounts';
import { AccessCloseCode, type ApiErrorCode } from '../shared/protocol/api';
import type { Room } from '../shared/protocol/rooms';
import type { AccountStore } from './accounts/accountStore';
import type { SessionCheck } from './accounts/sessions';
import type { Connection, ConnectionAccess } from './connection';

export type UpgradeDecision =
  | { ok: true; access: ConnectionAccess }
  | { ok: false; status: 401 | 403; code: ApiErrorCode; message: string };

/** How an upgrade names its session: a redeemed ticket's session id, or a token. */
export type SocketCredential = { sessionId: string } | { token: string } | null;

export function authorizeUpgrade(
  store: AccountStore,
  credential: SocketCredential,
  room: Room,
): UpgradeDecision {
  if (credential === null) {
    return {
      ok: false,
      status: 401,
      code: 'unauthenticated',
      message: 'Inicie sesión para sincronizar.',
    };
  }
  const check: SessionCheck =
    'sessionId' in credential
      ? store.sessions.byId(credential.sessionId)
      : store.sessions.authenticate(credential.token);
  if (!check.ok) {
    return {
      ok: false,
      status: 401,
      code: check.reason,
      message: 'El servidor rechazó la sesión: vuelva a iniciar sesión.',
    };
  }
  const { session } = check;
  const role = store.groups.roleOf(session.user.id, room.groupId);
  if (role === null) {
    return {
      ok: false,
      status: 403,
      code: 'not_a_member',
      message: 'Usted no es miembro de este grupo de trabajo; solicite acceso desde el directorio.',
    };
  }
  const presence: PresenceUser = {
    userId: session.user.id,
    name: session.user.name,
    organization: session.user.organization.name,
    color: session.user.colour,
  };
  return {
    ok: true,
    access: {
      userId: session.user.id,
      sessionId: session.id,
      groupId: room.groupId,
      kind: room.kind,
      role,
      writable: canWriteRoom(role, room.kind),
      presence,
    },
  };
}

export function reevaluate(
  store: AccountStore,
  connections: Iterable<Connection>,
  userId: string,
): void {
  recheck(
    store,
    [...connections].filter((connection) => connection.access.userId === userId),
  );
}

/** Re-checks every open socket (the timer); a database error leaves sockets as they are. */
export function reevaluateAll(store: AccountStore, connections: Iterable<Connection>): void {
  recheck(store, [...connections]);
}

function recheck(store: AccountStore, connections: Connection[]): void {
  for (const connection of connections) {
    const { access } = connection;
    const { userId } = access;
    const user = store.users.get(userId);
    if (user === null || user.disabled || !store.sessions.isActive(access.sessionId)) {
      connection.close(AccessCloseCode.sessionRevoked, 'session revoked');
      continue;
    }
    const role = store.groups.roleOf(userId, access.groupId);
    if (role === null) connection.close(AccessCloseCode.membershipRevoked, 'membership revoked');
    else {
      access.role = role;
      connection.setWritable(canWriteRoom(role, access.kind));
    }
  }
}
