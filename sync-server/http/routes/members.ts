/**
 * A group's members: listed to its members and managers; roles changed and members removed by
 * leads and admins (anyone may leave). A group always keeps one lead. Every change is audited and
 * re-checks the person's open sockets at once.
 */
import type { GroupRole } from '../../../shared/model/accounts';
import { type MembersResponse, changeRoleRequest } from '../../../shared/protocol/api';
import type { Session } from '../../accounts/sessions';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { requireManager, requireMemberOrManager, visibleGroup } from '../permissions';
import { noContent, ok, type ApiContext, type Route } from '../route';

function currentRole(context: ApiContext, groupId: string, userId: string): GroupRole {
  const role = context.store.groups.roleOf(userId, groupId);
  if (role === null)
    throw new ApiFailure(404, 'member_not_found', 'Esa persona no es miembro de este grupo.');
  return role;
}

function keepALead(
  context: ApiContext,
  groupId: string,
  from: GroupRole,
  to: GroupRole | null,
): void {
  if (from === 'lead' && to !== 'lead' && context.store.groups.leadCount(groupId) <= 1) {
    throw new ApiFailure(
      409,
      'last_lead',
      'El grupo se quedaría sin coordinación: nombre primero a otra persona como líder.',
    );
  }
}

function audit(
  context: ApiContext,
  session: Session,
  groupId: string,
  userId: string,
  action: 'role_changed' | 'membership_removed',
  detail: string,
) {
  context.store.audit.record({
    action,
    actorId: session.user.id,
    targetUserId: userId,
    groupId,
    detail,
  });
}

export const memberRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/groups/:groupId/members',
    handle({ params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      requireMemberOrManager(context, session, group);
      const body: MembersResponse = { members: context.store.groups.members(group.id) };
      return ok(body);
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId/members/:userId',
    async handle({ req, params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      requireManager(context, session, group);
      const { role } = await readJson(req, changeRoleRequest);
      const userId = params.userId!;
      const from = currentRole(context, group.id, userId);
      keepALead(context, group.id, from, role);
      if (from !== role) {
        context.store.transaction(() => {
          context.store.groups.setRole(group.id, userId, role);
          audit(context, session, group.id, userId, 'role_changed', `${from} → ${role}`);
        });
        context.accessChanged(userId);
      }
      return ok(context.store.groups.member(group.id, userId));
    },
  },
  {
    method: 'DELETE',
    path: '/api/groups/:groupId/members/:userId',
    handle({ params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      const userId = params.userId!;
      if (userId !== session.user.id) requireManager(context, session, group);
      const from = currentRole(context, group.id, userId);
      keepALead(context, group.id, from, null);
      context.store.transaction(() => {
        context.store.groups.removeMember(group.id, userId);
        audit(context, session, group.id, userId, 'membership_removed', from);
      });
      context.accessChanged(userId);
      return noContent;
    },
  },
];
