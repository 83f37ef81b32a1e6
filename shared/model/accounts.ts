/**
 * Accounts, organizations and working-group roles (ARCHITECTURE §2–§3). The server holds them in
 * its database and is the only judge of access; the client reads them over HTTP to reflect what
 * the server will allow, never to decide it.
 */
import type { GroupId } from './ids';
import type { RoomKind } from '../protocol/rooms';

export const ORGANIZATION_KINDS = [
  'mining_company',
  'mets_supplier',
  'academia',
  'government_national',
  'government_regional',
  'government_local',
  'association',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const WORKSPACE_ROLES = ['admin', 'member'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Strongest first: a role can do everything the roles after it can. */
export const GROUP_ROLES = ['lead', 'editor', 'commenter', 'viewer'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const GROUP_VISIBILITIES = ['listed', 'private'] as const;
/** listed: in every member's directory, access on request; private: invisible to non-members. */
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];

export type OrganizationId = string;
export type UserId = string;

export interface Organization {
  id: OrganizationId;
  name: string;
  kind: OrganizationKind;
}

/** A person as others see them. */
export interface UserSummary {
  id: UserId;
  name: string;
  email: string;
  organization: Organization;
  /** Caret and avatar colour, assigned by the server (one of profile.ts CARET_COLOURS). */
  colour: string;
}

/** A person as they and the workspace admins see them. */
export interface User extends UserSummary {
  workspaceRole: WorkspaceRole;
  disabled: boolean;
}

export interface WorkingGroupSummary {
  id: GroupId;
  name: string;
  purpose: string;
  visibility: GroupVisibility;
}

/**
 * What a role may write in a room (ARCHITECTURE §3): every member reads every room of the group;
 * commenters write comment threads only.
 */
export function canWriteRoom(role: GroupRole | null, kind: RoomKind): boolean {
  if (role === 'lead' || role === 'editor') return true;
  return role === 'commenter' && kind === 'threads';
}

/** The fields the server writes into every awareness state's `user`, whatever the client sent. */
export interface PresenceUser {
  userId: UserId;
  name: string;
  organization: string;
  /** `color`, not `colour`: the spelling Tiptap's CollaborationCaret reads. */
  color: string;
}
