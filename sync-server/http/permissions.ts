/**
 * Who may do what, in one place. A private group the caller is not a member of answers exactly
 * like a group that does not exist (404 group_not_found), so no answer reveals its name or size.
 * Admins manage organizations, users and the groups they can see; leads manage their groups.
 */
import type { GroupRole, WorkingGroupSummary } from '../../shared/model/accounts';
import { canonicalUuid } from '../../shared/model/ids';
import type { Session } from '../accounts/sessions';
import { ApiFailure } from './failure';
import type { ApiContext } from './route';

export function requireAdmin(session: Session): void {
  if (session.user.workspaceRole !== 'admin') {
    throw new ApiFailure(
      403,
      'forbidden',
      'Solo la administración del espacio de trabajo puede hacer esto.',
    );
  }
}

export async function visibleGroup(
  context: ApiContext,
  session: Session,
  groupId: string,
): Promise<WorkingGroupSummary> {
  const id = canonicalUuid(groupId);
  const group = id === null ? null : await context.store.groups.visibleTo(id, session.user.id);
  if (group === null) {
    throw new ApiFailure(
      404,
      'group_not_found',
      'Ese grupo de trabajo no existe o usted no tiene acceso a él.',
    );
  }
  return group;
}

export function roleIn(
  context: ApiContext,
  session: Session,
  group: WorkingGroupSummary,
): Promise<GroupRole | null> {
  return context.store.groups.roleOf(session.user.id, group.id);
}

/** Leads of the group, and admins. */
export async function canManage(
  context: ApiContext,
  session: Session,
  group: WorkingGroupSummary,
): Promise<boolean> {
  return (
    session.user.workspaceRole === 'admin' || (await roleIn(context, session, group)) === 'lead'
  );
}

export async function requireManager(
  context: ApiContext,
  session: Session,
  group: WorkingGroupSummary,
): Promise<void> {
  if (!(await canManage(context, session, group))) {
    throw new ApiFailure(
      403,
      'forbidden',
      'Solo quienes coordinan este grupo (o la administración) pueden hacer esto.',
    );
  }
}

/** Members see their group's members; so do its managers. */
export async function requireMemberOrManager(
  context: ApiContext,
  session: Session,
  group: WorkingGroupSummary,
): Promise<void> {
  if (
    (await roleIn(context, session, group)) === null &&
    !(await canManage(context, session, group))
  ) {
    throw new ApiFailure(
      403,
      'not_a_member',
      'Solo los miembros de este grupo ven esto; solicite acceso desde el directorio.',
    );
  }
}
