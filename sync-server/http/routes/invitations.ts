/**
 * Invitations: an admin or a group lead invites an email into an organization and a group with a
 * role. The code is shown once; anyone holding it may preview the invitation and accept it once,
 * within 7 days, which creates the account (name, password) or, for an email that has one already,
 * adds the membership after checking that account's password. Accepting signs the person in.
 */
import type { GroupRole } from '../../../shared/model/accounts';
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

function view(context: ApiContext, invitation: InvitationRecord): Invitation {
  const { store } = context;
  return {
    id: invitation.id,
    email: invitation.email,
    organization: store.organizations.get(invitation.organizationId)!,
    group: store.groups.get(invitation.groupId)!,
    role: invitation.role,
    invitedBy: toSummary(store.users.get(invitation.invitedBy)!),
    createdAt: new Date(invitation.createdAt).toISOString(),
    expiresAt: new Date(invitation.expiresAt).toISOString(),
    status: status(invitation, context.now()),
  };
}

/** The invitation a code names, if it can still be accepted. */
function usable(context: ApiContext, code: string): InvitationRecord {
  const invitation = code === '' ? null : context.store.invitations.byCode(code);
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
      const group = visibleGroup(context, session, input.groupId);
      requireManager(context, session, group);
      const { store } = context;
      if (store.organizations.get(input.organizationId) === null) {
        throw new ApiFailure(
          404,
          'organization_not_found',
          'Esa organización no existe; créela primero o elija otra.',
        );
      }
      const existing = store.users.withPassword(input.email)?.user ?? null;
      if (existing !== null && store.groups.roleOf(existing.id, group.id) !== null) {
        throw new ApiFailure(409, 'already_member', `${input.email} ya es miembro de este grupo.`);
      }
      const { code, invitation } = store.transaction(() => {
        const made = store.invitations.create({
          ...input,
          groupId: group.id,
          invitedBy: session.user.id,
        });
        store.audit.record({
          action: 'invitation_created',
          actorId: session.user.id,
          email: input.email,
          targetUserId: existing?.id ?? null,
          groupId: group.id,
          detail: input.role,
        });
        if (existing !== null) {
          store.notifications.record({
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
        invitation: view(context, invitation),
        code,
        acceptPath: `/#/invitation/${code}`,
      };
      return created(body);
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/invitations',
    handle({ params, context, session }) {
      const group = visibleGroup(context, session, params.groupId!);
      requireManager(context, session, group);
      const body: InvitationsResponse = {
        invitations: context.store.invitations
          .pendingFor(group.id)
          .map((invitation) => view(context, invitation)),
      };
      return ok(body);
    },
  },
  {
    method: 'DELETE',
    path: '/api/invitations/by-id/:invitationId',
    handle({ params, context, session }) {
      const invitation = context.store.invitations.get(params.invitationId!);
      const group =
        invitation === null
          ? null
          : context.store.groups.visibleTo(invitation.groupId, session.user.id);
      if (invitation === null || group === null) {
        throw new ApiFailure(404, 'invitation_not_found', 'Esa invitación no existe.');
      }
      requireManager(context, session, group);
      context.store.transaction(() => {
        context.store.invitations.revoke(invitation.id);
        context.store.audit.record({
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
    handle({ params, context }) {
      const invitation = usable(context, params.code!);
      const full = view(context, invitation);
      const body: InvitationPreview = {
        email: full.email,
        organization: full.organization,
        group: full.group,
        role: full.role,
        invitedBy: { name: full.invitedBy.name, organization: full.invitedBy.organization.name },
        expiresAt: full.expiresAt,
        accountExists: context.store.users.withPassword(invitation.email) !== null,
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/invitations/:code/accept',
    public: true,
    async handle({ req, params, context, address }) {
      const invitation = usable(context, params.code!);
      const input = await readJson(req, acceptInvitationRequest);
      const { store } = context;
      const existing = store.users.withPassword(invitation.email)?.user ?? null;
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
      const user = store.transaction(() => {
        if (!store.invitations.accept(invitation.id)) {
          throw new ApiFailure(
            410,
            'invitation_used',
            'Esta invitación ya fue usada; inicie sesión o pida una nueva.',
          );
        }
        return accept(context, invitation, existing?.id ?? null, input.name ?? '', passwordHash);
      });
      return ok(startSession(context, user, address));
    },
  },
];

/** Inside the accepting transaction: the account (made if new), the membership, the audit rows. */
function accept(
  context: ApiContext,
  invitation: InvitationRecord,
  existingId: string | null,
  name: string,
  passwordHash: string | null,
) {
  const { store } = context;
  let userId = existingId;
  if (userId === null) {
    const user = store.users.create({
      email: invitation.email,
      name,
      organizationId: invitation.organizationId,
      workspaceRole: 'member',
      passwordHash: passwordHash!,
    });
    userId = user.id;
    store.audit.record({
      action: 'user_created',
      actorId: userId,
      targetUserId: userId,
      email: invitation.email,
    });
  }
  store.invitations.markAcceptedBy(invitation.id, userId);
  store.audit.record({
    action: 'invitation_accepted',
    actorId: userId,
    targetUserId: userId,
    email: invitation.email,
    groupId: invitation.groupId,
  });
  addMembership(
    context,
    invitation.groupId as GroupId,
    userId,
    invitation.role,
    invitation.invitedBy,
  );
  return store.users.get(userId)!;
}

function addMembership(
  context: ApiContext,
  groupId: GroupId,
  userId: string,
  role: GroupRole,
  by: string,
): void {
  const { store } = context;
  if (store.groups.roleOf(userId, groupId) !== null) return;
  store.groups.addMember(groupId, userId, role);
  store.audit.record({
    action: 'membership_added',
    actorId: by,
    targetUserId: userId,
    groupId,
    detail: role,
  });
}
