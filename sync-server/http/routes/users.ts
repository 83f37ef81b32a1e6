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
    handle({ context, session }) {
      requireAdmin(session);
      const body: UsersResponse = { users: context.store.users.list() };
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
      const target = store.users.get(params.userId!);
      if (target === null) throw new ApiFailure(404, 'user_not_found', 'Esa cuenta no existe.');
      if (target.id === session.user.id) {
        throw new ApiFailure(
          403,
          'forbidden',
          'No puede desactivar ni cambiar su propia cuenta de administración; pídaselo a otra persona administradora.',
        );
      }
      store.transaction(() => {
        if (changes.disabled !== undefined && changes.disabled !== target.disabled) {
          store.users.setDisabled(target.id, changes.disabled);
          if (changes.disabled) store.sessions.revokeAllOf(target.id);
          store.audit.record({
            action: changes.disabled ? 'user_disabled' : 'user_enabled',
            actorId: session.user.id,
            targetUserId: target.id,
            email: target.email,
          });
        }
        if (changes.workspaceRole !== undefined && changes.workspaceRole !== target.workspaceRole) {
          store.users.setWorkspaceRole(target.id, changes.workspaceRole);
          store.audit.record({
            action: 'workspace_role_changed',
            actorId: session.user.id,
            targetUserId: target.id,
            detail: `${target.workspaceRole} → ${changes.workspaceRole}`,
          });
        }
      });
      context.accessChanged(target.id);
      return ok(store.users.get(target.id));
    },
  },
  {
    method: 'GET',
    path: API_PATHS.audit,
    handle({ query, context, session }) {
      requireAdmin(session);
      const raw = query.get('limit') ?? '100';
      const limit = Number(raw);
      if (!/^\d+$/.test(raw) || limit < 1 || limit > 500) {
        throw new ApiFailure(400, 'invalid_query', '«limit» debe ser un número entre 1 y 500.');
      }
      // Admins see every row, but not which private group it concerns unless they belong to it.
      const visible = (groupId: string) =>
        context.store.groups.visibleTo(groupId, session.user.id) !== null;
      const body: AuditResponse = {
        entries: context.store.audit
          .list(limit)
          .map((entry) =>
            entry.groupId === null || visible(entry.groupId) ? entry : { ...entry, groupId: null },
          ),
      };
      return ok(body);
    },
  },
];
