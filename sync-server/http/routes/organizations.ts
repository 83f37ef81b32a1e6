/** GET /api/organizations (every signed-in person) and POST (admins). */
import {
  API_PATHS,
  type CreateOrganizationResponse,
  type OrganizationsResponse,
  createOrganizationRequest,
} from '../../../shared/protocol/api';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { requireAdmin } from '../permissions';
import { created, ok, type Route } from '../route';

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    path: API_PATHS.organizations,
    async handle({ context }) {
      const body: OrganizationsResponse = {
        organizations: await context.store.organizations.list(),
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: API_PATHS.organizations,
    async handle({ req, context: { store }, session }) {
      requireAdmin(session);
      const { name, kind } = await readJson(req, createOrganizationRequest);
      const organization: CreateOrganizationResponse = await store.transaction(async (tx) => {
        if ((await tx.organizations.byName(name)) !== null) {
          throw new ApiFailure(409, 'organization_exists', `Ya existe la organización «${name}».`);
        }
        const made = await tx.organizations.create(name, kind);
        await tx.audit.record({
          action: 'organization_created',
          actorId: session.user.id,
          detail: `${name} (${kind})`,
        });
        return made;
      });
      return created(organization);
    },
  },
];
