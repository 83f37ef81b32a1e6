/** GET /api/groups/:groupId/storage: stored bytes per room of a group (shared/protocol/storageApi.ts). */
import type { GroupStorageResponse } from '../../../shared/protocol/storageApi';
import { ApiFailure } from '../failure';
import { visibleGroup } from '../permissions';
import { ok, type Route } from '../route';

export const storageRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/groups/:groupId/storage',
    async handle({ params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      // Members read every room of their group (socketAccess.ts); anyone else reads none, so a
      // public group's sizes are not theirs to know either.
      if ((await context.store.groups.roleOf(session.user.id, group.id)) === null) {
        throw new ApiFailure(
          404,
          'group_not_found',
          'Ese grupo de trabajo no existe o usted no tiene acceso a él.',
        );
      }
      const rooms = await context.storage.roomSizes(`g/${group.id}/`);
      const body: GroupStorageResponse = {
        rooms,
        totalBytes: rooms.reduce((sum, room) => sum + room.bytes, 0),
      };
      return ok(body);
    },
  },
];
