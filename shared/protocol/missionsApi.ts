/**
 * International missions API ("Misiones", issue 15): a mission of METS companies abroad
 * (destination, dates, objectives, budget), the organizations that apply, are selected and
 * confirm, its agenda (visits, workshops, meetings, contacts), and afterwards its lessons learned
 * and follow-up agreements, which are entries of the group's governance register.
 */
import { z } from 'zod';
import type { GroupId } from '../model/ids';
import type { OrganizationKind } from '../model/accounts';
import type { Agreement } from './governanceApi';

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'se escribe AAAA-MM-DD');

export const missionBody = z
  .object({
    title: text(200).min(1),
    destination: text(200).min(1),
    startsOn: isoDate,
    endsOn: isoDate,
    objectives: text(5000).default(''),
    budget: z.number().int().min(0).max(1e12).default(0),
    currency: z.enum(['USD', 'PEN', 'CLP', 'AUD']).default('USD'),
  })
  .refine((m) => m.endsOn >= m.startsOn, {
    message: 'la misión termina antes de empezar',
    path: ['endsOn'],
  });
export type MissionBody = z.input<typeof missionBody>;

export const missionPatchBody = z.object({
  title: text(200).min(1).optional(),
  destination: text(200).min(1).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  objectives: text(5000).optional(),
  budget: z.number().int().min(0).max(1e12).optional(),
  lessons: text(20000).optional(),
});
export type MissionPatchBody = z.input<typeof missionPatchBody>;

export const PARTICIPANT_STATUSES = ['applied', 'selected', 'confirmed', 'declined'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const applicationBody = z.object({ motivation: text(2000).min(1) });
export type ApplicationBody = z.input<typeof applicationBody>;

export const participantBody = z.object({ status: z.enum(PARTICIPANT_STATUSES) });
export type ParticipantBody = z.input<typeof participantBody>;

export const AGENDA_KINDS = ['visit', 'workshop', 'meeting', 'contact'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const agendaItemBody = z.object({
  day: isoDate,
  time: z.union([z.literal(''), z.string().regex(/^\d{2}:\d{2}$/, 'se escribe HH:MM')]).default(''),
  kind: z.enum(AGENDA_KINDS),
  title: text(200).min(1),
  place: text(200).default(''),
  contact: text(300).default(''),
});
export type AgendaItemBody = z.input<typeof agendaItemBody>;

export const followUpBody = z.object({
  title: text(200).min(1),
  text: text(5000).default(''),
  responsibleOrganizationId: z.string().min(1).max(64).nullable().default(null),
  dueDate: isoDate.nullable().default(null),
});
export type FollowUpBody = z.input<typeof followUpBody>;

export interface Participant {
  organization: { id: string; name: string; kind: OrganizationKind };
  status: ParticipantStatus;
  motivation: string;
  appliedBy: { id: string; name: string };
  updatedAt: string;
}

export interface AgendaItem {
  id: string;
  day: string;
  time: string;
  kind: AgendaKind;
  title: string;
  place: string;
  contact: string;
}

export interface MissionSummary {
  id: string;
  groupId: GroupId;
  title: string;
  destination: string;
  startsOn: string;
  endsOn: string;
  budget: number;
  currency: string;
  confirmed: number;
  applied: number;
}

export interface Mission extends MissionSummary {
  objectives: string;
  lessons: string;
  participants: Participant[];
  agenda: AgendaItem[];
  followUps: Agreement[];
}

export interface MissionsResponse {
  missions: MissionSummary[];
}

export const MISSION_PATHS = {
  missions: (groupId: GroupId) => `/api/groups/${groupId}/missions`,
  mission: (groupId: GroupId, id: string) =>
    `/api/groups/${groupId}/missions/${encodeURIComponent(id)}`,
  applications: (groupId: GroupId, id: string) =>
    `${MISSION_PATHS.mission(groupId, id)}/applications`,
  participant: (groupId: GroupId, id: string, organizationId: string) =>
    `${MISSION_PATHS.mission(groupId, id)}/participants/${encodeURIComponent(organizationId)}`,
  agenda: (groupId: GroupId, id: string) => `${MISSION_PATHS.mission(groupId, id)}/agenda`,
  agendaItem: (groupId: GroupId, id: string, itemId: string) =>
    `${MISSION_PATHS.agenda(groupId, id)}/${encodeURIComponent(itemId)}`,
  followUps: (groupId: GroupId, id: string) => `${MISSION_PATHS.mission(groupId, id)}/agreements`,
} as const;
