/**
 * The HTTP API, shared by the server and the renderer: paths, request and response bodies, and
 * error codes. Request bodies are zod schemas: the server validates with them (`readJson`) and
 * the renderer's client (renderer/api/) takes their `z.input` types, so the two cannot drift. Every answer is JSON; every error is `{ error: { code, message } }` where `code` is
 * one of API_ERROR_CODES and `message` a Spanish sentence a person can act on. Requests other than
 * login, invitation preview/accept and /healthz carry `Authorization: Bearer <token>`.
 * docs/api.md lists each endpoint with its statuses.
 */
import { z } from 'zod';
import type { GroupId } from '../model/ids';
import {
  GROUP_ROLES,
  GROUP_VISIBILITIES,
  ORGANIZATION_KINDS,
  WORKSPACE_ROLES,
  type GroupRole,
  type Organization,
  type User,
  type UserId,
  type UserSummary,
  type WorkingGroupSummary,
} from '../model/accounts';
import type { Workspace } from '../model/workspace';

export const API_PATHS = {
  health: '/healthz',
  /** The workspace with only the groups the caller is a member of. */
  workspace: '/api/workspace',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  logoutEverywhere: '/api/auth/logout-all',
  me: '/api/me',
  organizations: '/api/organizations',
  users: '/api/users',
  user: (userId: UserId) => `/api/users/${encodeURIComponent(userId)}`,
  groups: '/api/groups',
  group: (groupId: GroupId) => `/api/groups/${groupId}`,
  members: (groupId: GroupId) => `/api/groups/${groupId}/members`,
  member: (groupId: GroupId, userId: UserId) =>
    `/api/groups/${groupId}/members/${encodeURIComponent(userId)}`,
  groupInvitations: (groupId: GroupId) => `/api/groups/${groupId}/invitations`,
  accessRequests: (groupId: GroupId) => `/api/groups/${groupId}/access-requests`,
  approveAccessRequest: (groupId: GroupId, requestId: string) =>
    `/api/groups/${groupId}/access-requests/${encodeURIComponent(requestId)}/approve`,
  declineAccessRequest: (groupId: GroupId, requestId: string) =>
    `/api/groups/${groupId}/access-requests/${encodeURIComponent(requestId)}/decline`,
  invitations: '/api/invitations',
  invitation: (code: string) => `/api/invitations/${encodeURIComponent(code)}`,
  acceptInvitation: (code: string) => `/api/invitations/${encodeURIComponent(code)}/accept`,
  revokeInvitation: (invitationId: string) =>
    `/api/invitations/by-id/${encodeURIComponent(invitationId)}`,
  audit: '/api/audit',
} as const;

/** Largest request body the server reads; a larger one is refused with 413 `payload_too_large`. */
export const MAX_API_BODY_BYTES = 1024 * 1024;

/** Sessions last this long after their last use (sliding expiry). */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** An invitation can be accepted once, within this long after it was made. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const MIN_PASSWORD_LENGTH = 10;

const email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'no es una dirección de correo')
  .transform((value) => value.toLowerCase());
const name = z.string().trim().min(1).max(120);
const password = z.string().min(1).max(1024);
const role = z.enum(GROUP_ROLES);
const id = z.string().min(1).max(64);

/** A new password: checked apart from the body so its refusal can say `weak_password`. */
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(1024);

export const API_ERROR_CODES = {
  /** 400: the body is not JSON. */
  invalidJson: 'invalid_json',
  /** 400: a field is missing or has the wrong type; the message names it. */
  invalidBody: 'invalid_body',
  /** 400: a query parameter is malformed. */
  invalidQuery: 'invalid_query',
  /** 400: the new password is too short (MIN_PASSWORD_LENGTH). */
  weakPassword: 'weak_password',
  /** 401: no `Authorization: Bearer` token. */
  unauthenticated: 'unauthenticated',
  /** 401: the token is unknown or was revoked (logout, disabled user). */
  sessionInvalid: 'session_invalid',
  /** 401: the token was valid but not used for SESSION_TTL_MS. */
  sessionExpired: 'session_expired',
  /** 401: wrong email or password (the answer does not say which). */
  invalidCredentials: 'invalid_credentials',
  /** 403: the account was disabled by an admin. */
  userDisabled: 'user_disabled',
  /** 403: the caller's role does not allow this (not admin, not lead). */
  forbidden: 'forbidden',
  /** 403: a listed group's members list or content asked by a non-member. */
  notAMember: 'not_a_member',
  /** 403: the request came from an Origin the server does not serve. */
  originNotAllowed: 'origin_not_allowed',
  notFound: 'not_found',
  /** 404: also for a private group the caller is not a member of (its existence is not told). */
  groupNotFound: 'group_not_found',
  userNotFound: 'user_not_found',
  organizationNotFound: 'organization_not_found',
  memberNotFound: 'member_not_found',
  invitationNotFound: 'invitation_not_found',
  accessRequestNotFound: 'access_request_not_found',
  /** 404: no such notification for the caller (another person's reads the same). */
  notificationNotFound: 'notification_not_found',
  workspaceNotFound: 'workspace_not_found',
  methodNotAllowed: 'method_not_allowed',
  /** 409: the user already belongs to the group. */
  alreadyMember: 'already_member',
  /** 409: the change would leave a group without a lead. */
  lastLead: 'last_lead',
  /** 409: an access request to this group is already waiting. */
  requestPending: 'request_pending',
  /** 409: an organization with that name exists. */
  organizationExists: 'organization_exists',
  /** 409: the invitation is for an email that already has an account and no password was right. */
  emailTaken: 'email_taken',
  /** 410: the invitation was accepted already (single use). */
  invitationUsed: 'invitation_used',
  /** 410: the invitation is older than INVITATION_TTL_MS. */
  invitationExpired: 'invitation_expired',
  /** 410: a lead or admin withdrew the invitation. */
  invitationRevoked: 'invitation_revoked',
  /** 413: body above MAX_API_BODY_BYTES. */
  payloadTooLarge: 'payload_too_large',
  /** 415: the body is not `application/json`. */
  unsupportedMediaType: 'unsupported_media_type',
  /** 429: too many failed logins for this account or address; see Retry-After (seconds). */
  tooManyAttempts: 'too_many_attempts',
  /** 429: too many requests from this session in a short time; see Retry-After (seconds). */
  tooManyRequests: 'too_many_requests',
  internalError: 'internal_error',
  storageUnavailable: 'storage_unavailable',
  storageFailing: 'storage_failing',
  /** 404: this server was started without the built web app (`--static`). */
  noWebApp: 'no_web_app',
  /** WebSocket upgrade only (400): the room name does not parse. */
  invalidRoom: 'invalid_room',
  shuttingDown: 'shutting_down',
  /** 404: no such version of this document (or not in this group). */
  versionNotFound: 'version_not_found',
  /** 400: the version's `update` is not a complete Yjs state at the named `stateVector`. */
  invalidVersionState: 'invalid_version_state',
  /** 409: another version has the client-made id. */
  versionExists: 'version_exists',
  /** 404: no sign-off was asked on this version. */
  signoffNotFound: 'signoff_not_found',
  /** 409: a sign-off was already asked on this version. */
  signoffExists: 'signoff_exists',
  /** 400: a sign-off names an organization with no member in the group. */
  organizationNotInGroup: 'organization_not_in_group',
  /** 403: the caller's organization was not asked to sign off. */
  organizationNotAsked: 'organization_not_asked',
  /** 409: the caller's organization has answered already (answers are final). */
  alreadyAnswered: 'already_answered',
  /** 409: the sign-off's deadline has passed. */
  signoffClosed: 'signoff_closed',
  // Governance register, regulatory base and missions (issue 15).
  /** 404: no such meeting in this group. */
  meetingNotFound: 'meeting_not_found',
  /** 404: no such agreement in this group. */
  agreementNotFound: 'agreement_not_found',
  /** 409: the minutes holding this agreement (or meeting) are approved: correct it with a new entry. */
  agreementLocked: 'agreement_locked',
  /** 400: the organization was not convened to the meeting. */
  organizationNotConvened: 'organization_not_convened',
  /** 409: the minutes cannot be approved yet (no agreements, or a vote pending). */
  minutesNotReady: 'minutes_not_ready',
  /** 404: no such regulation or article in this group. */
  regulationNotFound: 'regulation_not_found',
  /** 404: no such friction case (or it is confidential to another organization). */
  caseNotFound: 'case_not_found',
  /** 404: no such improvement proposal in this group. */
  proposalNotFound: 'proposal_not_found',
  /** 409: the proposal's document has no approved sign-off yet. */
  proposalNotApproved: 'proposal_not_approved',
  /** 404: no such mission in this group. */
  missionNotFound: 'mission_not_found',
  /** 409: the caller's organization already applied to this mission. */
  alreadyApplied: 'already_applied',
  // Open-innovation program (issue 14; shared/protocol/innovationApi.ts).
  programNotFound: 'program_not_found',
  challengeNotFound: 'challenge_not_found',
  callNotFound: 'call_not_found',
  projectNotFound: 'project_not_found',
  questionNotFound: 'question_not_found',
  challengeNotFiled: 'challenge_not_filed',
  challengeNotPublished: 'challenge_not_published',
  evaluationClosed: 'evaluation_closed',
  evaluationOpen: 'evaluation_open',
  questionsClosed: 'questions_closed',
  notEligible: 'not_eligible',
  deadlinePassed: 'deadline_passed',
  proposalNotSynced: 'proposal_not_synced',
  consortiumRequired: 'consortium_required',
  alreadySubmitted: 'already_submitted',
  proposalNotLate: 'proposal_not_late',
  conflictOfInterest: 'conflict_of_interest',
  notAnEvaluator: 'not_an_evaluator',
  evaluatorExists: 'evaluator_exists',
  proposalNotEvaluable: 'proposal_not_evaluable',
  scoresIncomplete: 'scores_incomplete',
  projectExists: 'project_exists',
} as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES];

export interface ApiError {
  error: { code: ApiErrorCode; message: string };
}

/**
 * WebSocket close codes for access (in the 44xx range the stock y-websocket client treats as
 * permanent, so it stops reconnecting): used only when access is really gone.
 */
export const AccessCloseCode = {
  /** The session was revoked: logout, logout everywhere, disabled user. Sign in again. */
  sessionRevoked: 4401,
  /** The caller was removed from the room's working group. */
  membershipRevoked: 4403,
} as const;

export interface HealthResponse {
  ok: true;
}

export type WorkspaceResponse = Workspace;

// --- auth --------------------------------------------------------------------------------

export const loginRequest = z.object({ email, password });
export type LoginRequest = z.input<typeof loginRequest>;

/** Also the answer of accepting an invitation: the person is signed in. */
export interface LoginResponse {
  /** Opaque; send as `Authorization: Bearer <token>` and as `?token=` on /sync sockets. */
  token: string;
  /** ISO time; slides forward with every use of the token. */
  expiresAt: string;
  user: User;
}

// POST /api/auth/logout and /api/auth/logout-all: no body, 204.

export interface Membership {
  group: WorkingGroupSummary;
  role: GroupRole;
}

export interface MeResponse {
  user: User;
  organization: Organization;
  workspace: { id: string; name: string } | null;
  memberships: Membership[];
  /** Groups this person leads that have access requests waiting. */
  pendingAccessRequests: number;
}

// --- organizations and users -------------------------------------------------------------

export interface OrganizationsResponse {
  organizations: Organization[];
}

/** Admin only. */
export const createOrganizationRequest = z.object({ name, kind: z.enum(ORGANIZATION_KINDS) });
export type CreateOrganizationRequest = z.input<typeof createOrganizationRequest>;
export type CreateOrganizationResponse = Organization;

/** Admin only. */
export interface UsersResponse {
  users: User[];
}

/** Admin only. Disabling a user revokes all their sessions and closes their sockets. */
export const updateUserRequest = z
  .object({ disabled: z.boolean().optional(), workspaceRole: z.enum(WORKSPACE_ROLES).optional() })
  .refine(
    (body) => body.disabled !== undefined || body.workspaceRole !== undefined,
    'indique disabled o workspaceRole',
  );
export type UpdateUserRequest = z.input<typeof updateUserRequest>;
export type UpdateUserResponse = User;

// --- groups, directory, members ----------------------------------------------------------

/**
 * One group as the directory shows it: every listed group, and private groups only to their
 * members. `memberCount` and `organizations` of a group the caller sees.
 */
export interface GroupDirectoryEntry extends WorkingGroupSummary {
  organizations: Organization[];
  memberCount: number;
  /** The caller's role, or null when not a member. */
  myRole: GroupRole | null;
  /** True when the caller asked to join and no lead answered yet. */
  accessRequested: boolean;
}

export interface GroupsResponse {
  groups: GroupDirectoryEntry[];
}

export type GroupResponse = GroupDirectoryEntry;

/** Admin only; the creator becomes the group's first lead. */
export const createGroupRequest = z.object({
  name,
  purpose: z.string().trim().max(2000),
  visibility: z.enum(GROUP_VISIBILITIES),
});
export type CreateGroupRequest = z.input<typeof createGroupRequest>;
export type CreateGroupResponse = GroupDirectoryEntry;

/** Leads and admins. */
export const updateGroupRequest = z
  .object({
    name: name.optional(),
    purpose: z.string().trim().max(2000).optional(),
    visibility: z.enum(GROUP_VISIBILITIES).optional(),
  })
  .refine(
    (body) => Object.values(body).some((value) => value !== undefined),
    'indique algún cambio',
  );
export type UpdateGroupRequest = z.input<typeof updateGroupRequest>;
export type UpdateGroupResponse = GroupDirectoryEntry;

export interface Member {
  user: UserSummary;
  role: GroupRole;
  since: string;
}

/** Members of the group only. */
export interface MembersResponse {
  members: Member[];
}

/** Leads and admins. Lowering a role takes effect on open sockets within 5 s. */
export const changeRoleRequest = z.object({ role });
export type ChangeRoleRequest = z.input<typeof changeRoleRequest>;
export type ChangeRoleResponse = Member;

// DELETE /api/groups/:id/members/:userId → 204 (leads, admins, or the member leaving).

// --- access requests ---------------------------------------------------------------------

export const createAccessRequestRequest = z.object({
  /** Why the person wants in, shown to the leads. */
  message: z.string().trim().max(1000).optional(),
});
export type CreateAccessRequestRequest = z.input<typeof createAccessRequestRequest>;

export type AccessRequestStatus = 'pending' | 'approved' | 'declined';

export interface AccessRequest {
  id: string;
  groupId: GroupId;
  user: UserSummary;
  message: string;
  status: AccessRequestStatus;
  createdAt: string;
}
export type CreateAccessRequestResponse = AccessRequest;

/** Leads and admins: the pending requests. */
export interface AccessRequestsResponse {
  requests: AccessRequest[];
}

export const approveAccessRequestRequest = z.object({ role });
export type ApproveAccessRequestRequest = z.input<typeof approveAccessRequestRequest>;
export type ApproveAccessRequestResponse = Member;

// POST …/decline: no body, 204.

// --- invitations -------------------------------------------------------------------------

/** Admins, or leads of `groupId`. */
export const createInvitationRequest = z.object({
  email,
  organizationId: id,
  groupId: id,
  role,
});
export type CreateInvitationRequest = z.input<typeof createInvitationRequest>;

export interface Invitation {
  id: string;
  email: string;
  organization: Organization;
  group: WorkingGroupSummary;
  role: GroupRole;
  invitedBy: UserSummary;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

export interface CreateInvitationResponse {
  invitation: Invitation;
  /** The single-use code; shown once, only to its creator. */
  code: string;
  /** Path of the page that accepts it, relative to the server: `/#/invitation/<code>`. */
  acceptPath: string;
}

/** Leads and admins: the group's pending invitations (codes are never listed again). */
export interface InvitationsResponse {
  invitations: Invitation[];
}

/** GET /api/invitations/:code, no token needed: what the invitee sees before accepting. */
export interface InvitationPreview {
  email: string;
  organization: Organization;
  group: WorkingGroupSummary;
  role: GroupRole;
  invitedBy: { name: string; organization: string };
  expiresAt: string;
  /** True when an account with this email exists: accept with `{ password }` only. */
  accountExists: boolean;
}

/** New account: name and password; existing account: its password only. */
export const acceptInvitationRequest = z.object({ name: name.optional(), password });
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequest>;
export type AcceptInvitationResponse = LoginResponse;

// DELETE /api/invitations/by-id/:id → 204 (revoke; leads and admins).

// --- audit -------------------------------------------------------------------------------

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'logout_everywhere',
  'invitation_created',
  'invitation_accepted',
  'invitation_revoked',
  'membership_added',
  'membership_removed',
  'role_changed',
  'access_requested',
  'access_approved',
  'access_declined',
  'user_created',
  'user_disabled',
  'user_enabled',
  'password_reset',
  'workspace_role_changed',
  'organization_created',
  'group_created',
  'group_updated',
  'version_created',
  'version_restored',
  'signoff_requested',
  'signoff_answered',
  'signoff_decided',
  'governance_rules_changed',
  'meeting_created',
  'meeting_updated',
  'minutes_approved',
  'agreement_recorded',
  'agreement_updated',
  'agreement_corrected',
  'votes_recorded',
  'action_item_created',
  'regulation_created',
  'case_reported',
  'case_updated',
  'proposal_registered',
  'proposal_sent',
  'mission_created',
  'mission_updated',
  'mission_application',
  'mission_participant_changed',
  'innovation_program_created',
  'innovation_challenge_filed',
  'innovation_challenge_published',
  'innovation_challenge_merged',
  'innovation_call_opened',
  'innovation_call_updated',
  'innovation_proposal_created',
  'innovation_submission_refused',
  'innovation_proposal_submitted',
  'innovation_late_admitted',
  'innovation_evaluator_assigned',
  'innovation_conflict_declared',
  'innovation_score_refused',
  'innovation_scores_recorded',
  'innovation_evaluation_closed',
  'innovation_ranking_published',
  'innovation_project_created',
  'innovation_project_updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  /** Who did it; null for a failed login of an unknown email. */
  actor: { id: UserId; name: string } | null;
  /** Email of a login attempt, or of an invitation. */
  email: string | null;
  targetUserId: UserId | null;
  groupId: GroupId | null;
  /** Role, address, or other detail of the action. */
  detail: string;
}

/** Admin only; newest first. `?limit=` (1–500, default 100). */
export interface AuditResponse {
  entries: AuditEntry[];
}
