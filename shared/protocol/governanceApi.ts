/**
 * The governance register API (issue 15): a body (a working group that decides, such as the
 * cluster council) holds meetings with convened organizations and an agenda; the agreements
 * ("acuerdos") recorded in a meeting's minutes are voted by organization and become register
 * entries with a responsible organization, a due date and action items (cards on the body's
 * board, whose columns drive the follow-up status). Once the minutes are approved, their
 * agreements never change: a correction is a new entry that references the old one.
 */
import { z } from 'zod';
import type { GroupId } from '../model/ids';
import type { OrganizationKind } from '../model/accounts';
import {
  DECISION_RULES,
  VOTES,
  type DecisionRule,
  type Vote,
  type VoteTally,
} from '../model/orgVotes';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'se escribe AAAA-MM-DD');
const organizationId = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

export const governanceSettingsBody = z.object({
  rule: z.enum(DECISION_RULES),
  quorum: z.enum(DECISION_RULES),
});

export const meetingBody = z.object({
  /** Client-made id, so a meeting created twice (a retried request) is created once. */
  id: z.uuid().optional(),
  title: text(200).min(1),
  startsAt: z.iso.datetime(),
  place: text(200).default(''),
  link: z.union([z.literal(''), z.url().max(500)]).default(''),
  organizations: z.array(organizationId).min(1).max(60),
  agenda: z.array(text(300).min(1)).max(40).default([]),
});
export type MeetingBody = z.input<typeof meetingBody>;

export const meetingPatchBody = z.object({
  title: text(200).min(1).optional(),
  startsAt: z.iso.datetime().optional(),
  place: text(200).optional(),
  link: z.union([z.literal(''), z.url().max(500)]).optional(),
  organizations: z.array(organizationId).min(1).max(60).optional(),
  agenda: z.array(text(300).min(1)).max(40).optional(),
  /** The minutes document (written from the "Acta de sesión" template) in the same group. */
  minutesDocId: z.uuid().nullable().optional(),
});
export type MeetingPatchBody = z.input<typeof meetingPatchBody>;

export const agreementBody = z.object({
  title: text(200).min(1),
  text: text(5000).default(''),
  responsibleOrganizationId: organizationId.nullable().default(null),
  dueDate: isoDate.nullable().default(null),
});
export type AgreementBody = z.input<typeof agreementBody>;

export const agreementPatchBody = agreementBody.partial();
export type AgreementPatchBody = z.input<typeof agreementPatchBody>;

export const correctionBody = agreementBody.extend({
  reason: text(2000).min(1),
});
export type CorrectionBody = z.input<typeof correctionBody>;

export const votesBody = z.object({
  votes: z
    .array(z.object({ organizationId, vote: z.enum(VOTES) }))
    .min(1)
    .max(60),
});
export type VotesBody = z.input<typeof votesBody>;

export const actionItemBody = z.object({ title: text(200).min(1) });
export type ActionItemBody = z.input<typeof actionItemBody>;

/** Follow-up of an adopted agreement, derived from its action cards and due date. */
export const FOLLOW_UP_STATUSES = ['pendiente', 'en_curso', 'cumplido', 'vencido'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export interface OrganizationRef {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface ActionItem {
  cardId: string;
  boardId: string;
  title: string;
  /** The card's column title now ("Por hacer", "En curso", "Hecho"), or null if it is gone. */
  column: string | null;
  done: boolean;
}

export interface Agreement {
  id: string;
  groupId: GroupId;
  groupName: string;
  /** Number in the body's register (1, 2, …), in the order agreements were recorded. */
  number: number;
  /** "CD-2026-003": body prefix, year of the session, number. */
  code: string;
  meetingId: string | null;
  meetingTitle: string | null;
  meetingDate: string | null;
  missionId: string | null;
  missionTitle: string | null;
  title: string;
  text: string;
  responsible: OrganizationRef | null;
  dueDate: string | null;
  /** The minutes that hold it are approved: the entry never changes again. */
  locked: boolean;
  /** The entry this one corrects, and the reason. */
  corrects: { id: string; code: string; reason: string } | null;
  /** The entry that corrected this one, if any. */
  correctedBy: { id: string; code: string } | null;
  votes: Array<{ organization: OrganizationRef; vote: Vote | null }>;
  tally: VoteTally | null;
  /** approved/rejected/no_quorum/pending by vote; "recorded" for follow-ups of a mission. */
  decision: VoteTally['outcome'] | 'recorded';
  actions: ActionItem[];
  /** Null while the agreement is not adopted (rejected, no quorum, vote pending). */
  status: FollowUpStatus | null;
  createdAt: string;
  createdBy: { id: string; name: string };
}

export const MEETING_STATES = ['planned', 'held', 'approved'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export interface MeetingSummary {
  id: string;
  groupId: GroupId;
  title: string;
  startsAt: string;
  place: string;
  link: string;
  state: MeetingState;
  minutesDocId: string | null;
  agreementCount: number;
}

export interface Meeting extends MeetingSummary {
  organizations: OrganizationRef[];
  agenda: string[];
  approvedAt: string | null;
  approvedBy: { id: string; name: string } | null;
  agreements: Agreement[];
}

export interface GovernanceResponse {
  groupId: GroupId;
  rule: DecisionRule;
  quorum: DecisionRule;
  /** The board that holds the action items ("Seguimiento de acuerdos"), once one exists. */
  boardId: string | null;
  meetings: MeetingSummary[];
  /** Organizations with members in the group: who can be convened. */
  organizations: OrganizationRef[];
}

export interface RegisterResponse {
  agreements: Agreement[];
}

/** Filters of a register (per body or for the cluster): all optional. */
export const registerQuery = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  organization: organizationId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(200).optional(),
});
export type RegisterQuery = z.infer<typeof registerQuery>;

export const GOVERNANCE_PATHS = {
  governance: (groupId: GroupId) => `/api/groups/${groupId}/governance`,
  meetings: (groupId: GroupId) => `/api/groups/${groupId}/meetings`,
  meeting: (groupId: GroupId, meetingId: string) =>
    `/api/groups/${groupId}/meetings/${encodeURIComponent(meetingId)}`,
  approveMinutes: (groupId: GroupId, meetingId: string) =>
    `${GOVERNANCE_PATHS.meeting(groupId, meetingId)}/approve`,
  meetingAgreements: (groupId: GroupId, meetingId: string) =>
    `${GOVERNANCE_PATHS.meeting(groupId, meetingId)}/agreements`,
  agreement: (groupId: GroupId, agreementId: string) =>
    `/api/groups/${groupId}/agreements/${encodeURIComponent(agreementId)}`,
  votes: (groupId: GroupId, agreementId: string) =>
    `${GOVERNANCE_PATHS.agreement(groupId, agreementId)}/votes`,
  actions: (groupId: GroupId, agreementId: string) =>
    `${GOVERNANCE_PATHS.agreement(groupId, agreementId)}/actions`,
  corrections: (groupId: GroupId, agreementId: string) =>
    `${GOVERNANCE_PATHS.agreement(groupId, agreementId)}/corrections`,
  register: (groupId: GroupId) => `/api/groups/${groupId}/register`,
  clusterRegister: '/api/register',
} as const;
