/**
 * The regulatory knowledge base API ("Base normativa", issue 15): a group's catalogue of
 * regulations and their articles, the friction cases member organizations report against
 * articles (time and money a rule costs them), per-article aggregates, and the improvement
 * proposals (documents that go through sign-off) that cite them.
 *
 * Confidentiality: a confidential case is shown only to members of the reporting organization
 * and to the group's leads. Everyone else never receives it in any answer (not its title, not
 * its organization, not its id); it is only counted in aggregates, which say how many of the
 * counted cases are confidential.
 */
import { z } from 'zod';
import type { GroupId } from '../model/ids';
import type { OrganizationKind } from '../model/accounts';
import type { GroupSignoff } from './versionsApi';

export const REGULATION_KINDS = [
  'ley',
  'decreto_legislativo',
  'decreto_supremo',
  'resolucion_ministerial',
  'resolucion_directoral',
  'ordenanza_regional',
  'otra',
] as const;
export type RegulationKind = (typeof REGULATION_KINDS)[number];

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'se escribe AAAA-MM-DD');

export const articleBody = z.object({
  number: text(40).min(1),
  heading: text(300).default(''),
});
export type ArticleBody = z.input<typeof articleBody>;

export const regulationBody = z.object({
  kind: z.enum(REGULATION_KINDS),
  number: text(80).min(1),
  title: text(300).min(1),
  issuer: text(200).min(1),
  inForce: z.boolean().default(true),
  validFrom: isoDate.nullable().default(null),
  url: z.union([z.literal(''), z.url().max(500)]).default(''),
  articles: z.array(articleBody).max(300).default([]),
});
export type RegulationBody = z.input<typeof regulationBody>;

export const evidenceItem = z.object({
  label: text(200).min(1),
  /** A document of the same group (its id) or an outside address. */
  docId: z.uuid().optional(),
  url: z.url().max(500).optional(),
});
export type Evidence = z.infer<typeof evidenceItem>;

export const caseBody = z.object({
  title: text(200).min(1),
  procedure: text(300).default(''),
  description: text(5000).default(''),
  daysLost: z.number().int().min(0).max(100000).default(0),
  /** Soles (PEN), whole units. */
  cost: z.number().int().min(0).max(1e12).default(0),
  evidence: z.array(evidenceItem).max(30).default([]),
  confidential: z.boolean().default(false),
  articleIds: z.array(z.uuid()).max(50).default([]),
});
export type CaseBody = z.input<typeof caseBody>;

export const casePatchBody = z.object({
  title: text(200).min(1).optional(),
  procedure: text(300).optional(),
  description: text(5000).optional(),
  daysLost: z.number().int().min(0).max(100000).optional(),
  cost: z.number().int().min(0).max(1e12).optional(),
  evidence: z.array(evidenceItem).max(30).optional(),
  confidential: z.boolean().optional(),
  articleIds: z.array(z.uuid()).max(50).optional(),
});
export type CasePatchBody = z.input<typeof casePatchBody>;

export const proposalBody = z.object({
  /** The proposal document (from the "Propuesta de mejora normativa" template) in this group. */
  docId: z.uuid(),
  title: text(200).min(1),
  addressee: text(200).default(''),
  articleIds: z.array(z.uuid()).max(50).default([]),
  caseIds: z.array(z.uuid()).max(100).default([]),
});
export type ProposalBody = z.input<typeof proposalBody>;

export interface ArticleAggregate {
  cases: number;
  /** Distinct reporting organizations. */
  organizations: number;
  daysLost: number;
  cost: number;
  /** How many of `cases` the caller cannot see (confidential to another organization). */
  hiddenCases: number;
}

export interface ArticleView {
  id: string;
  number: string;
  heading: string;
  aggregate: ArticleAggregate;
}

export interface RegulationView {
  id: string;
  groupId: GroupId;
  kind: RegulationKind;
  number: string;
  title: string;
  issuer: string;
  inForce: boolean;
  validFrom: string | null;
  url: string;
  articles: ArticleView[];
  aggregate: ArticleAggregate;
}

export interface ArticleRef {
  id: string;
  number: string;
  regulationId: string;
  regulationKind: RegulationKind;
  regulationNumber: string;
}

export interface FrictionCase {
  id: string;
  title: string;
  procedure: string;
  description: string;
  daysLost: number;
  cost: number;
  evidence: Evidence[];
  confidential: boolean;
  organization: { id: string; name: string; kind: OrganizationKind };
  reportedBy: { id: string; name: string };
  createdAt: string;
  articles: ArticleRef[];
}

export interface ArticleDetail {
  article: ArticleView;
  regulation: Omit<RegulationView, 'articles'>;
  /** The cases the caller may see, newest first. */
  cases: FrictionCase[];
  proposals: ProposalView[];
}

export interface ProposalView {
  docId: string;
  title: string;
  addressee: string;
  sentAt: string | null;
  sentBy: { id: string; name: string } | null;
  articles: ArticleRef[];
  cases: Array<{ id: string; title: string }>;
  /** Cited cases the caller cannot see. */
  hiddenCases: number;
  /** The newest sign-off of the proposal document, if one was asked. */
  signoff: GroupSignoff | null;
}

export interface RegulationsResponse {
  regulations: RegulationView[];
}
export interface CasesResponse {
  cases: FrictionCase[];
  /** Confidential cases of other organizations in the group (counted, never shown). */
  hiddenCases: number;
}
export interface ProposalsResponse {
  proposals: ProposalView[];
}

export const REGULATION_PATHS = {
  regulations: (groupId: GroupId) => `/api/groups/${groupId}/regulations`,
  regulation: (groupId: GroupId, id: string) =>
    `/api/groups/${groupId}/regulations/${encodeURIComponent(id)}`,
  articles: (groupId: GroupId, regulationId: string) =>
    `${REGULATION_PATHS.regulation(groupId, regulationId)}/articles`,
  article: (groupId: GroupId, articleId: string) =>
    `/api/groups/${groupId}/articles/${encodeURIComponent(articleId)}`,
  cases: (groupId: GroupId) => `/api/groups/${groupId}/cases`,
  case: (groupId: GroupId, id: string) => `/api/groups/${groupId}/cases/${encodeURIComponent(id)}`,
  proposals: (groupId: GroupId) => `/api/groups/${groupId}/proposals`,
  sendProposal: (groupId: GroupId, docId: string) =>
    `/api/groups/${groupId}/proposals/${encodeURIComponent(docId)}/send`,
} as const;

const SHORT_KIND: Record<RegulationKind, string> = {
  ley: 'Ley',
  decreto_legislativo: 'D. Leg.',
  decreto_supremo: 'D.S.',
  resolucion_ministerial: 'R.M.',
  resolucion_directoral: 'R.D.',
  ordenanza_regional: 'O.R.',
  otra: '',
};

/** "D.S. N.º 040-2014-EM": how Peruvian regulations are cited. */
export function regulationCitation(kind: RegulationKind, number: string): string {
  const short = SHORT_KIND[kind];
  return short === '' ? number : `${short} N.º ${number}`;
}
