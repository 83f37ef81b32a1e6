/** GET /api/me (who am I, where do I belong) and GET /api/workspace (only my groups). */
import { API_PATHS, type MeResponse, type WorkspaceResponse } from '../../../shared/protocol/api';
import { ApiFailure } from '../failure';
import { ok, type Route } from '../route';

export const meRoutes: Route[] = [
  {
    method: 'GET',
    path: API_PATHS.me,
    async handle({ context: { store }, session }) {
      const body: MeResponse = {
        user: session.user,
        organization: session.user.organization,
        workspace: await store.groups.workspace(),
        memberships: await store.groups.membershipsOf(session.user.id),
        pendingAccessRequests: await store.accessRequests.pendingForLead(session.user.id),
      };
      return ok(body);
    },
  },
  {
    method: 'GET',
    path: API_PATHS.workspace,
    async handle({ context: { store }, session }) {
      const workspace = await store.groups.workspace();
      if (workspace === null) {
        throw new ApiFailure(
          404,
          'workspace_not_found',
          'Este servidor aún no tiene un espacio de trabajo; inícielo con --seed-demo o cree la primera cuenta de administración.',
        );
      }
      const body: WorkspaceResponse = {
        ...workspace,
        groups: (await store.groups.membershipsOf(session.user.id)).map(({ group }) => ({
          id: group.id,
          name: group.name,
          purpose: group.purpose,
        })),
      };
      return ok(body);
    },
  },
];
