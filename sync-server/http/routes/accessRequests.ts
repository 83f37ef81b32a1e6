/**
 * "Solicitar acceso": a workspace member asks to join a listed group; its leads (and admins) see
 * the pending requests and approve with a role, or decline. Private groups cannot be asked for:
 * to a non-member they do not exist.
 */
import {
  type AccessRequest,
  type AccessRequestsResponse,
  approveAccessRequestRequest,
  createAccessRequestRequest,
} from '../../../shared/protocol/api';
import type { AccessRequestRecord } from '../../accounts/accessRequests';
import type { AccountStore } from '../../accounts/accountStore';
import { toSummary } from '../../accounts/users';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { requireManager, visibleGroup } from '../permissions';
import { created, noContent, ok, type ApiContext, type Route } from '../route';
import type { GroupId } from '../../../shared/model/ids';

async function view(context: ApiContext, request: AccessRequestRecord): Promise<AccessRequest> {
  return {
    id: request.id,
    groupId: request.groupId as GroupId,
    user: toSummary((await context.store.users.get(request.userId))!),
    message: request.message,
    status: request.status,
    createdAt: new Date(request.createdAt).toISOString(),
  };
}

async function pendingRequest(
  store: AccountStore,
  groupId: string,
  requestId: string,
): Promise<AccessRequestRecord> {
  const request = await store.accessRequests.get(requestId);
  if (request === null || request.groupId !== groupId || request.status !== 'pending') {
    throw new ApiFailure(
      404,
      'access_request_not_found',
      'Esa solicitud no existe o ya fue respondida.',
    );
  }
  return request;
}

export const accessRequestRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/groups/:groupId/access-requests',
    async handle({ req, params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      const { message } = await readJson(req, createAccessRequestRequest, true);
      const request = await context.store.transaction(async (tx) => {
        if ((await tx.groups.roleOf(session.user.id, group.id)) !== null) {
          throw new ApiFailure(409, 'already_member', 'Usted ya es miembro de este grupo.');
        }
        if ((await tx.accessRequests.pending(group.id, session.user.id)).length > 0) {
          throw new ApiFailure(
            409,
            'request_pending',
            'Su solicitud ya está en espera; la coordinación del grupo la responderá.',
          );
        }
        const made = await tx.accessRequests.create(group.id, session.user.id, message ?? '');
        await tx.audit.record({
          action: 'access_requested',
          actorId: session.user.id,
          groupId: group.id,
        });
        for (const member of await tx.groups.members(group.id)) {
          if (member.role !== 'lead') continue;
          await tx.notifications.record({
            userId: member.user.id,
            dedupeKey: `access_request:${made.id}`,
            kind: 'access_request',
            groupId: group.id,
            targetKind: 'group',
            targetId: group.id,
            actorId: session.user.id,
            actorName: session.user.name,
            excerpt: made.message,
          });
        }
        return made;
      });
      return created(await view(context, request));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/access-requests',
    async handle({ params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      await requireManager(context, session, group);
      const requests: AccessRequest[] = [];
      for (const request of await context.store.accessRequests.pending(group.id))
        requests.push(await view(context, request));
      const body: AccessRequestsResponse = { requests };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/access-requests/:requestId/approve',
    async handle({ req, params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      await requireManager(context, session, group);
      const { role } = await readJson(req, approveAccessRequestRequest);
      const request = await context.store.transaction(async (tx) => {
        const pending = await pendingRequest(tx, group.id, params.requestId!);
        await tx.accessRequests.decide(pending.id, 'approved', session.user.id);
        await tx.audit.record({
          action: 'access_approved',
          actorId: session.user.id,
          targetUserId: pending.userId,
          groupId: group.id,
          detail: role,
        });
        if ((await tx.groups.roleOf(pending.userId, group.id)) === null) {
          await tx.groups.addMember(group.id, pending.userId, role);
          await tx.audit.record({
            action: 'membership_added',
            actorId: session.user.id,
            targetUserId: pending.userId,
            groupId: group.id,
            detail: role,
          });
        }
        return pending;
      });
      return ok(await context.store.groups.member(group.id, request.userId));
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/access-requests/:requestId/decline',
    async handle({ params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      await requireManager(context, session, group);
      await context.store.transaction(async (tx) => {
        const request = await pendingRequest(tx, group.id, params.requestId!);
        await tx.accessRequests.decide(request.id, 'declined', session.user.id);
        await tx.audit.record({
          action: 'access_declined',
          actorId: session.user.id,
          targetUserId: request.userId,
          groupId: group.id,
        });
      });
      return noContent;
    },
  },
];
