/**
 * The versions and sign-off API (issue 11): request bodies as zod schemas the server validates
 * with, answers as types the renderer reads. Binary Yjs data travels as base64 strings.
 *
 * A version is an encoded Yjs state of a document (`update`) at the state vector the client names
 * (`stateVector`); the server checks the one against the other and keys the version by the
 * SHA-256 of `update` (hex), the content hash a sign-off is bound to. A sign-off asks organizations
 * of the group to approve one frozen version; each organization answers once, by one of its
 * members, before the deadline. The record never changes after an answer or a decision.
 */
import { z } from 'zod';
import type { GroupId } from '../model/ids';
import type { OrganizationId, OrganizationKind, UserId } from '../model/accounts';
import { approvalsRequired, DECISION_RULES, type DecisionRule } from '../model/orgVotes';

const base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'no es base64');

export const createVersionBody = z.object({
  /** Client-made id, so a version queued offline is created once however often it is sent. */
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(120),
  note: z.string().trim().max(2000).optional(),
  stateVector: base64,
  update: base64,
  /** When the person saved it (a version made offline is sent later). */
  capturedAt: z.iso.datetime().optional(),
});
export type CreateVersionBody = z.infer<typeof createVersionBody>;

export const VERSION_KINDS = ['named', 'auto'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface VersionSummary {
  id: string;
  name: string;
  note: string;
  kind: VersionKind;
  /** Null for automatic versions the server made. */
  author: { id: UserId; name: string; organization: string } | null;
  createdAt: string;
  /** SHA-256 (hex) of the encoded state. */
  hash: string;
  /** The sign-off asked on this version, if any: its outcome so far. */
  signoff: SignoffStatus | null;
}

export interface VersionsResponse {
  versions: VersionSummary[];
}

export interface VersionResponse extends VersionSummary {
  stateVector: string;
  update: string;
}

export const SIGNOFF_RULES = DECISION_RULES;
export type SignoffRule = DecisionRule;

/** How many approvals out of `asked` organizations the rule needs (shared/model/orgVotes.ts). */
export { approvalsRequired };

export const createSignoffBody = z.object({
  organizations: z.array(z.string().min(1).max(64)).min(1).max(50),
  rule: z.enum(SIGNOFF_RULES),
  deadline: z.iso.datetime(),
});
export type CreateSignoffBody = z.infer<typeof createSignoffBody>;

export const SIGNOFF_ANSWERS = ['approve', 'approve_with_observations', 'object'] as const;
export type SignoffAnswer = (typeof SIGNOFF_ANSWERS)[number];

export const answerSignoffBody = z
  .object({
    answer: z.enum(SIGNOFF_ANSWERS),
    text: z.string().trim().max(5000).optional(),
  })
  .refine((body) => body.answer === 'approve' || (body.text ?? '') !== '', {
    message: 'las observaciones y las objeciones necesitan un texto',
    path: ['text'],
  });
export type AnswerSignoffBody = z.infer<typeof answerSignoffBody>;

/** pending: still open; approved/rejected: decided; expired: the deadline passed undecided. */
export type SignoffOutcome = 'pending' | 'approved' | 'rejected' | 'expired';

export interface SignoffStatus {
  outcome: SignoffOutcome;
  rule: SignoffRule;
  required: number;
  asked: number;
  approvals: number;
  objections: number;
  deadline: string;
  /** When the outcome was decided (the answer that decided it, or the deadline). */
  decidedAt: string | null;
}

export interface SignoffOrganizationRow {
  organization: { id: OrganizationId; name: string; kind: OrganizationKind };
  answer: {
    answer: SignoffAnswer;
    text: string;
    by: { id: UserId; name: string };
    at: string;
  } | null;
}

export interface SignoffResponse {
  groupId: GroupId;
  docId: string;
  versionId: string;
  versionName: string;
  /** The content hash of the frozen version the answers are bound to. */
  hash: string;
  requestedBy: { id: UserId; name: string };
  requestedAt: string;
  status: SignoffStatus;
  organizations: SignoffOrganizationRow[];
}

/** The newest sign-off of one document of a group, as the group's document list shows it. */
export interface GroupSignoff {
  docId: string;
  versionId: string;
  versionName: string;
  status: SignoffOutcome;
  approvals: number;
  /** The organizations asked. */
  total: number;
  decidedAt: string | null;
  deadline: string;
}

export interface GroupSignoffsResponse {
  signoffs: GroupSignoff[];
}

/**
 * Who owns each Yjs client id of a document's room: the person whose connection first wrote
 * under it (sync-server/accounts/clientIds.ts). The comparison names the author of inserted text
 * with it; a client id not listed (text never sent, or from before the table) has no known author.
 */
export interface DocumentAuthor {
  clientId: number;
  userId: UserId;
  name: string;
  organization: string;
}

export interface DocumentAuthorsResponse {
  authors: DocumentAuthor[];
}

export const VERSIONS_PATHS = {
  /** The newest sign-off of every document of the group. */
  groupSignoffs: (groupId: GroupId) => `/api/groups/${groupId}/signoffs`,
  authors: (groupId: GroupId, docId: string) =>
    `/api/groups/${groupId}/docs/${encodeURIComponent(docId)}/authors`,
  versions: (groupId: GroupId, docId: string) =>
    `/api/groups/${groupId}/docs/${encodeURIComponent(docId)}/versions`,
  version: (groupId: GroupId, docId: string, versionId: string) =>
    `/api/groups/${groupId}/docs/${encodeURIComponent(docId)}/versions/${encodeURIComponent(versionId)}`,
  restore: (groupId: GroupId, docId: string, versionId: string) =>
    `${VERSIONS_PATHS.version(groupId, docId, versionId)}/restore`,
  signoff: (groupId: GroupId, docId: string, versionId: string) =>
    `${VERSIONS_PATHS.version(groupId, docId, versionId)}/signoff`,
  signoffAnswers: (groupId: GroupId, docId: string, versionId: string) =>
    `${VERSIONS_PATHS.version(groupId, docId, versionId)}/signoff/answers`,
} as const;

/** An automatic version is kept at most this often per document while people edit it. */
export const AUTO_VERSION_INTERVAL_MS = 60 * 60 * 1000;
