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
import { canWriteRoom, type GroupRole, type PresenceUser } from '../shared/model/accounts';
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

export async function authorizeUpgrade(
  store: AccountStore,
  credential: SocketCredential,
  room: Room,
): Promise<UpgradeDecision> {
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
      ? await store.sessions.byId(credential.sessionId)
      : await store.sessions.authenticate(credential.token);
  if (!check.ok) {
    return {
      ok: false,
      status: 401,
      code: check.reason,
      message: 'El servidor rechazó la sesión: vuelva a iniciar sesión.',
    };
  }
  const { session } = check;
  const role = await store.groups.roleOf(session.user.id, room.groupId);
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
): Promise<void> {
  return recheck(
    store,
    [...connections].filter((connection) => connection.access.userId === userId),
  );
}

/** Re-checks every open socket (the timer); a database error leaves sockets as they are. */
export function reevaluateAll(
  store: AccountStore,
  connections: Iterable<Connection>,
): Promise<void> {
  return recheck(store, [...connections]);
}

/**
 * Asks the database once per person (account and memberships) and once per session, however
 * many sockets they have open, then applies the answers to every socket at once.
 */
async function recheck(store: AccountStore, connections: Connection[]): Promise<void> {
  const people = new Map<string, { active: boolean; roles: Map<string, GroupRole> }>();
  const sessions = new Map<string, boolean>();
  for (const { access } of connections) {
    if (!people.has(access.userId)) {
      const user = await store.users.get(access.userId);
      const active = user !== null && !user.disabled;
      const roles = new Map<string, GroupRole>();
      if (active) {
        for (const { group, role } of await store.groups.membershipsOf(access.userId))
          roles.set(group.id, role);
      }
      people.set(access.userId, { active, roles });
    }
    if (!sessions.has(access.sessionId))
      sessions.set(access.sessionId, await store.sessions.isActive(access.sessionId));
  }
  for (const connection of connections) {
    const { access } = connection;
    const person = people.get(access.userId)!;
    if (!person.active || sessions.get(access.sessionId) !== true) {
      connection.close(AccessCloseCode.sessionRevoked, 'session revoked');
      continue;
    }
    const role = person.roles.get(access.groupId) ?? null;
    if (role === null) connection.close(AccessCloseCode.membershipRevoked, 'membership revoked');
    else {
      access.role = role;
      connection.setWritable(canWriteRoom(role, access.kind));
    }
  }
}
