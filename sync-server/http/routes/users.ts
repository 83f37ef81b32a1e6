/**
 * Admin pages: the users (list, disable/enable, workspace role) and the audit log. Disabling a
 * user revokes every session they have and closes their open sockets.
 */
import {
  API_PATHS,
  type AuditResponse,
  type UsersResponse,
  updateUserRequest,
} from '../../../shared/protocol/api';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { requireAdmin } from '../permissions';
import { ok, type Route } from '../route';

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: API_PATHS.users,
    async handle({ context, session }) {
      requireAdmin(session);
      const body: UsersResponse = { users: await context.store.users.list() };
      return ok(body);
    },
  },
  {
    method: 'PATCH',
    path: '/api/users/:userId',
    async handle({ req, params, context, session }) {
      requireAdmin(session);
      const changes = await readJson(req, updateUserRequest);
      const { store } = context;
      const target = await store.users.get(params.userId!);
      if (target === null) throw new ApiFailure(404, 'user_not_found', 'Esa cuenta no existe.');
      if (target.id === session.user.id) {
        throw new ApiFailure(
          403,
          'forbidden',
          'No puede desactivar ni cambiar su propia cuenta de administración; pídaselo a otra persona administradora.',
        );
      }
      await store.transaction(async (tx) => {
        if (changes.disabled !== undefined && changes.disabled !== target.disabled) {
          await tx.users.setDisabled(target.id, changes.disabled);
          if (changes.disabled) await tx.sessions.revokeAllOf(target.id);
          await tx.audit.record({
            action: changes.disabled ? 'user_disabled' : 'user_enabled',
            actorId: session.user.id,
            targetUserId: target.id,
            email: target.email,
          });
        }
        if (changes.workspaceRole !== undefined && changes.workspaceRole !== target.workspaceRole) {
          await tx.users.setWorkspaceRole(target.id, changes.workspaceRole);
          await tx.audit.record({
            action: 'workspace_role_changed',
            actorId: session.user.id,
            targetUserId: target.id,
            detail: `${target.workspaceRole} → ${changes.workspaceRole}`,
          });
        }
      });
      await context.accessChanged(target.id);
      return ok(await store.users.get(target.id));
    },
  },
  {
    method: 'GET',
    path: API_PATHS.audit,
    async handle({ query, context, session }) {
      requireAdmin(session);
      const raw = query.get('limit') ?? '100';
      const limit = Number(raw);
      if (!/^\d+$/.test(raw) || limit < 1 || limit > 500) {
        throw new ApiFailure(400, 'invalid_query', '«limit» debe ser un número entre 1 y 500.');
      }
      // Admins see every row, but not which private group it concerns unless they belong to it.
      const visibility = new Map<string, boolean>();
      const visible = async (groupId: string) => {
        let known = visibility.get(groupId);
        if (known === undefined) {
          known = (await context.store.groups.visibleTo(groupId, session.user.id)) !== null;
          visibility.set(groupId, known);
        }
        return known;
      };
      const entries: AuditResponse['entries'] = [];
      for (const entry of await context.store.audit.list(limit)) {
        entries.push(
          entry.groupId === null || (await visible(entry.groupId))
            ? entry
            : { ...entry, groupId: null },
        );
      }
      const body: AuditResponse = { entries };
      return ok(body);
    },
  },
];
