/**
 * The group directory: every listed group and the caller's private ones, with the organizations
 * taking part. Admins create groups (and lead them first); leads and admins edit them.
 */
import {
  API_PATHS,
  type GroupsResponse,
  createGroupRequest,
  updateGroupRequest,
} from '../../../shared/protocol/api';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { requireAdmin, requireManager, visibleGroup } from '../permissions';
import { created, ok, type Route } from '../route';

export const groupRoutes: Route[] = [
  {
    method: 'GET',
    path: API_PATHS.groups,
    handle({ context, session }) {
      const body: GroupsResponse = { groups: context.store.groups.directory(session.user.id) };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: API_PATHS.groups,
    async handle({ req, context: { store }, session }) {
      requireAdmin(session);
      const input = await readJson(req, createGroupRequest);
      if (store.groups.workspace() === null) {
        throw new ApiFailure(
          404,
          'workspace_not_found',
          'Este servidor aún no tiene un espacio de trabajo.',
        );
      }
      const group = store.transaction(() => {
        const made = store.groups.create(input);
        store.groups.addMember(made.id, session.user.id, 'lead');
        store.audit.record({
          action: 'group_created',
          actorId: session.user.id,
          groupId: made.id,
          detail: made.visibility,
        });
        store.audit.record({
          action: 'membership_added',
          actorId: session.user.id,
          targetUserId: session.user.id,
          groupId: made.id,
          detail: 'lead',
        });
        return made;
      });
      return created(store.groups.entry(group, session.user.id));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId',
    handle({ params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      return ok(context.store.groups.entry(group, session.user.id));
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId',
    async handle({ req, params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      requireManager(context, session, group);
      const changes = await readJson(req, updateGroupRequest);
      const { store } = context;
      store.transaction(() => {
        store.groups.update(group.id, changes);
        store.audit.record({
          action: 'group_updated',
          actorId: session.user.id,
          groupId: group.id,
          detail: Object.keys(changes).join(', '),
        });
      });
      return ok(store.groups.entry(store.groups.get(group.id)!, session.user.id));
    },
  },
];
