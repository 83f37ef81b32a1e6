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
import { toSummary } from '../../accounts/users';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { requireManager, visibleGroup } from '../permissions';
import { created, noContent, ok, type ApiContext, type Route } from '../route';
import type { GroupId } from '../../../shared/model/ids';

function view(context: ApiContext, request: AccessRequestRecord): AccessRequest {
  return {
    id: request.id,
    groupId: request.groupId as GroupId,
    user: toSummary(context.store.users.get(request.userId)!),
    message: request.message,
    status: request.status,
    createdAt: new Date(request.createdAt).toISOString(),
  };
}

function pendingRequest(
  context: ApiContext,
  groupId: string,
  requestId: string,
): AccessRequestRecord {
  const request = context.store.accessRequests.get(requestId);
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
      const group = visibleGroup(context, session, params.groupId!);
      const { message } = await readJson(req, createAccessRequestRequest, true);
      const { store } = context;
      if (store.groups.roleOf(session.user.id, group.id) !== null) {
        throw new ApiFailure(409, 'already_member', 'Usted ya es miembro de este grupo.');
      }
      if (store.accessRequests.pending(group.id, session.user.id).length > 0) {
        throw new ApiFailure(
          409,
          'request_pending',
          'Su solicitud ya está en espera; la coordinación del grupo la responderá.',
        );
      }
      const request = store.transaction(() => {
        const made = store.accessRequests.create(group.id, session.user.id, message ?? '');
        store.audit.record({
          action: 'access_requested',
          actorId: session.user.id,
          groupId: group.id,
        });
        for (const member of store.groups.members(group.id)) {
          if (member.role !== 'lead') continue;
          store.notifications.record({
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
      return created(view(context, request));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/access-requests',
    handle({ params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      requireManager(context, session, group);
      const body: AccessRequestsResponse = {
        requests: context.store.accessRequests
          .pending(group.id)
          .map((request) => view(context, request)),
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/access-requests/:requestId/approve',
    async handle({ req, params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      requireManager(context, session, group);
      const { role } = await readJson(req, approveAccessRequestRequest);
      const request = pendingRequest(context, group.id, params.requestId!);
      const { store } = context;
      store.transaction(() => {
        store.accessRequests.decide(request.id, 'approved', session.user.id);
        store.audit.record({
          action: 'access_approved',
          actorId: session.user.id,
          targetUserId: request.userId,
          groupId: group.id,
          detail: role,
        });
        if (store.groups.roleOf(request.userId, group.id) === null) {
          store.groups.addMember(group.id, request.userId, role);
          store.audit.record({
            action: 'membership_added',
            actorId: session.user.id,
            targetUserId: request.userId,
            groupId: group.id,
            detail: role,
          });
        }
      });
      return ok(store.groups.member(group.id, request.userId));
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/access-requests/:requestId/decline',
    handle({ params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      requireManager(context, session, group);
      const request = pendingRequest(context, group.id, params.requestId!);
      context.store.transaction(() => {
        context.store.accessRequests.decide(request.id, 'declined', session.user.id);
        context.store.audit.record({
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
