/**
 * A group's members: listed to its members and managers; roles changed and members removed by
 * leads and admins (anyone may leave). A group always keeps one lead. Every change is audited and
 * re-checks the person's open sockets at once.
 */
import type { GroupRole } from '../../../shared/model/accounts';
import { type MembersResponse, changeRoleRequest } from '../../../shared/protocol/api';
import type { AccountStore } from '../../accounts/accountStore';
import type { Session } from '../../accounts/sessions';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { requireManager, requireMemberOrManager, visibleGroup } from '../permissions';
import { noContent, ok, type Route } from '../route';

async function currentRole(
  store: AccountStore,
  groupId: string,
  userId: string,
): Promise<GroupRole> {
  const role = await store.groups.roleOf(userId, groupId);
  if (role === null)
    throw new ApiFailure(404, 'member_not_found', 'Esa persona no es miembro de este grupo.');
  return role;
}

async function keepALead(
  store: AccountStore,
  groupId: string,
  from: GroupRole,
  to: GroupRole | null,
): Promise<void> {
  if (from === 'lead' && to !== 'lead' && (await store.groups.leadCount(groupId)) <= 1) {
    throw new ApiFailure(
      409,
      'last_lead',
      'El grupo se quedaría sin coordinación: nombre primero a otra persona como líder.',
    );
  }
}

function audit(
  store: AccountStore,
  session: Session,
  groupId: string,
  userId: string,
  action: 'role_changed' | 'membership_removed',
  detail: string,
): Promise<void> {
  return store.audit.record({
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
    async handle({ params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      await requireMemberOrManager(context, session, group);
      const body: MembersResponse = { members: await context.store.groups.members(group.id) };
      return ok(body);
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId/members/:userId',
    async handle({ req, params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      await requireManager(context, session, group);
      const { role } = await readJson(req, changeRoleRequest);
      const userId = params.userId!;
      // Checked inside the transaction, so two leads stepping down at once cannot both pass.
      const changed = await context.store.transaction(async (tx) => {
        const from = await currentRole(tx, group.id, userId);
        await keepALead(tx, group.id, from, role);
        if (from === role) return false;
        await tx.groups.setRole(group.id, userId, role);
        await audit(tx, session, group.id, userId, 'role_changed', `${from} → ${role}`);
        return true;
      });
      if (changed) await context.accessChanged(userId);
      return ok(await context.store.groups.member(group.id, userId));
    },
  },
  {
    method: 'DELETE',
    path: '/api/groups/:groupId/members/:userId',
    async handle({ params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      const userId = params.userId!;
      if (userId !== session.user.id) await requireManager(context, session, group);
      await context.store.transaction(async (tx) => {
        const from = await currentRole(tx, group.id, userId);
        await keepALead(tx, group.id, from, null);
        await tx.groups.removeMember(group.id, userId);
        await audit(tx, session, group.id, userId, 'membership_removed', from);
      });
      await context.accessChanged(userId);
      return noContent;
    },
  },
];
