/**
 * Invitations: an admin or a group lead invites an email into an organization and a group with a
 * role. The code is shown once; anyone holding it may preview the invitation and accept it once,
 * within 7 days, which creates the account (name, password) or, for an email that has one already,
 * adds the membership after checking that account's password. Accepting signs the person in.
 */
import type { GroupRole, User } from '../../../shared/model/accounts';
import type { GroupId } from '../../../shared/model/ids';
import {
  API_PATHS,
  type CreateInvitationResponse,
  type Invitation,
  type InvitationPreview,
  type InvitationsResponse,
  acceptInvitationRequest,
  createInvitationRequest,
  newPassword,
} from '../../../shared/protocol/api';
import type { AccountStore } from '../../accounts/accountStore';
import type { InvitationRecord } from '../../accounts/invitations';
import { hashPassword } from '../../accounts/passwords';
import { toSummary } from '../../accounts/users';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { requireManager, visibleGroup } from '../permissions';
import { created, noContent, ok, type ApiContext, type Route } from '../route';
import { checkPassword, startSession } from './auth';

function status(invitation: InvitationRecord, now: number): Invitation['status'] {
  if (invitation.acceptedAt !== null) return 'accepted';
  if (invitation.revokedAt !== null) return 'revoked';
  return now >= invitation.expiresAt ? 'expired' : 'pending';
}

async function view(context: ApiContext, invitation: InvitationRecord): Promise<Invitation> {
  const { store } = context;
  return {
    id: invitation.id,
    email: invitation.email,
    organization: (await store.organizations.get(invitation.organizationId))!,
    group: (await store.groups.get(invitation.groupId))!,
    role: invitation.role,
    invitedBy: toSummary((await store.users.get(invitation.invitedBy))!),
    createdAt: new Date(invitation.createdAt).toISOString(),
    expiresAt: new Date(invitation.expiresAt).toISOString(),
    status: status(invitation, context.now()),
  };
}

/** The invitation a code names, if it can still be accepted. */
async function usable(context: ApiContext, code: string): Promise<InvitationRecord> {
  const invitation = code === '' ? null : await context.store.invitations.byCode(code);
  if (invitation === null) {
    throw new ApiFailure(
      404,
      'invitation_not_found',
      'Esa invitación no existe; revise el enlace o pida uno nuevo.',
    );
  }
  switch (status(invitation, context.now())) {
    case 'accepted':
      throw new ApiFailure(
        410,
        'invitation_used',
        'Esta invitación ya fue usada; inicie sesión o pida una nueva.',
      );
    case 'revoked':
      throw new ApiFailure(
        410,
        'invitation_revoked',
        'Esta invitación fue retirada; pida una nueva a quien coordina el grupo.',
      );
    case 'expired':
      throw new ApiFailure(
        410,
        'invitation_expired',
        'Esta invitación venció (dura 7 días); pida una nueva.',
      );
    case 'pending':
      return invitation;
  }
}

export const invitationRoutes: Route[] = [
  {
    method: 'POST',
    path: API_PATHS.invitations,
    async handle({ req, context, session }) {
      const input = await readJson(req, createInvitationRequest);
      const group = await visibleGroup(context, session, input.groupId);
      await requireManager(context, session, group);
      const { store } = context;
      if ((await store.organizations.get(input.organizationId)) === null) {
        throw new ApiFailure(
          404,
          'organization_not_found',
          'Esa organización no existe; créela primero o elija otra.',
        );
      }
      const existing = (await store.users.withPassword(input.email))?.user ?? null;
      if (existing !== null && (await store.groups.roleOf(existing.id, group.id)) !== null) {
        throw new ApiFailure(409, 'already_member', `${input.email} ya es miembro de este grupo.`);
      }
      const { code, invitation } = await store.transaction(async (tx) => {
        const made = await tx.invitations.create({
          ...input,
          groupId: group.id,
          invitedBy: session.user.id,
        });
        await tx.audit.record({
          action: 'invitation_created',
          actorId: session.user.id,
          email: input.email,
          targetUserId: existing?.id ?? null,
          groupId: group.id,
          detail: input.role,
        });
        if (existing !== null) {
          await tx.notifications.record({
            userId: existing.id,
            dedupeKey: `invitation:${made.invitation.id}`,
            kind: 'invitation',
            groupId: group.id,
            targetKind: 'group',
            targetId: group.id,
            actorId: session.user.id,
            actorName: session.user.name,
            excerpt: group.name,
          });
        }
        return made;
      });
      const body: CreateInvitationResponse = {
        invitation: await view(context, invitation),
        code,
        acceptPath: `/#/invitation/${code}`,
      };
      return created(body);
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/invitations',
    async handle({ params, context, session }) {
      const group = await visibleGroup(context, session, params.groupId!);
      await requireManager(context, session, group);
      const invitations: Invitation[] = [];
      for (const invitation of await context.store.invitations.pendingFor(group.id))
        invitations.push(await view(context, invitation));
      const body: InvitationsResponse = { invitations };
      return ok(body);
    },
  },
  {
    method: 'DELETE',
    path: '/api/invitations/by-id/:invitationId',
    async handle({ params, context, session }) {
      const invitation = await context.store.invitations.get(params.invitationId!);
      const group =
        invitation === null
          ? null
          : await context.store.groups.visibleTo(invitation.groupId, session.user.id);
      if (invitation === null || group === null) {
        throw new ApiFailure(404, 'invitation_not_found', 'Esa invitación no existe.');
      }
      await requireManager(context, session, group);
      await context.store.transaction(async (tx) => {
        await tx.invitations.revoke(invitation.id);
        await tx.audit.record({
          action: 'invitation_revoked',
          actorId: session.user.id,
          email: invitation.email,
          groupId: group.id,
        });
      });
      return noContent;
    },
  },
  {
    method: 'GET',
    path: '/api/invitations/:code',
    public: true,
    async handle({ params, context }) {
      const invitation = await usable(context, params.code!);
      const full = await view(context, invitation);
      const body: InvitationPreview = {
        email: full.email,
        organization: full.organization,
        group: full.group,
        role: full.role,
        invitedBy: { name: full.invitedBy.name, organization: full.invitedBy.organization.name },
        expiresAt: full.expiresAt,
        accountExists: (await context.store.users.withPassword(invitation.email)) !== null,
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/invitations/:code/accept',
    public: true,
    async handle({ req, params, context, address }) {
      const invitation = await usable(context, params.code!);
      const input = await readJson(req, acceptInvitationRequest);
      const { store } = context;
      const existing = (await store.users.withPassword(invitation.email))?.user ?? null;
      let passwordHash: string | null = null;
      if (existing !== null) {
        await checkPassword(context, invitation.email, input.password, address);
      } else {
        if (input.name === undefined) {
          throw new ApiFailure(
            400,
            'invalid_body',
            'Revise el campo «name»: escriba su nombre para crear la cuenta.',
          );
        }
        if (!newPassword.safeParse(input.password).success) {
          throw new ApiFailure(
            400,
            'weak_password',
            'La contraseña debe tener al menos 10 caracteres.',
          );
        }
        passwordHash = await hashPassword(input.password);
      }
      const user = await store.transaction(async (tx) => {
        if (!(await tx.invitations.accept(invitation.id))) {
          throw new ApiFailure(
            410,
            'invitation_used',
            'Esta invitación ya fue usada; inicie sesión o pida una nueva.',
          );
        }
        return accept(tx, invitation, existing?.id ?? null, input.name ?? '', passwordHash);
      });
      return ok(await startSession(context, user, address));
    },
  },
];

/** Inside the accepting transaction: the account (made if new), the membership, the audit rows. */
async function accept(
  tx: AccountStore,
  invitation: InvitationRecord,
  existingId: string | null,
  name: string,
  passwordHash: string | null,
): Promise<User> {
  let userId = existingId;
  if (userId === null) {
    const user = await tx.users.create({
      email: invitation.email,
      name,
      organizationId: invitation.organizationId,
      workspaceRole: 'member',
      passwordHash: passwordHash!,
    });
    userId = user.id;
    await tx.audit.record({
      action: 'user_created',
      actorId: userId,
      targetUserId: userId,
      email: invitation.email,
    });
  }
  await tx.invitations.markAcceptedBy(invitation.id, userId);
  await tx.audit.record({
    action: 'invitation_accepted',
    actorId: userId,
    targetUserId: userId,
    email: invitation.email,
    groupId: invitation.groupId,
  });
  await addMembership(
    tx,
    invitation.groupId as GroupId,
    userId,
    invitation.role,
    invitation.invitedBy,
  );
  return (await tx.users.get(userId))!;
}

async function addMembership(
  tx: AccountStore,
  groupId: GroupId,
  userId: string,
  role: GroupRole,
  by: string,
): Promise<void> {
  if ((await tx.groups.roleOf(userId, groupId)) !== null) return;
  await tx.groups.addMember(groupId, userId, role);
  await tx.audit.record({
    action: 'membership_added',
    actorId: by,
    targetUserId: userId,
    groupId,
    detail: role,
  });
}
