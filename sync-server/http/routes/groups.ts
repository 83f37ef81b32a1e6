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
    async handle({ context, session }) {
      const body: GroupsResponse = {
        groups: await context.store.groups.directory(session.user.id),
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: API_PATHS.groups,
    async handle({ req, context: { store }, session }) {
      requireAdmin(session);
      const input = await readJson(req, createGroupRequest);
      if ((await store.groups.workspace()) === null) {
        throw new ApiFailure(
          404,
          'workspace_not_found',
          'Este servidor aún no tiene un espacio de trabajo.',
        );
      }
      const group = await store.transaction(async (tx) => {
        const made = await tx.groups.create(input);
        await tx.groups.addMember(made.id, session.user.id, 'lead');
        await tx.audit.record({
          action: 'group_created',
          actorId: session.user.id,
          groupId: made.id,
          detail: made.visibility,
        });
        await tx.audit.record({
          action: 'membership_added',
          actorId: session.user.id,
          targetUserId: session.user.id,
          groupId: made.id,
          detail: 'lead',
        });
        return made;
      });
      return created(await store.groups.entry(group, session.user.id));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId',
    async handle({ params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      return ok(await context.store.groups.entry(group, session.user.id));
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId',
    async handle({ req, params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      await requireManager(context, session, group);
      const changes = await readJson(req, updateGroupRequest);
      const { store } = context;
      await store.transaction(async (tx) => {
        await tx.groups.update(group.id, changes);
        await tx.audit.record({
          action: 'group_updated',
          actorId: session.user.id,
          groupId: group.id,
          detail: Object.keys(changes).join(', '),
        });
      });
      return ok(await store.groups.entry((await store.groups.get(group.id))!, session.user.id));
    },
  },
];
