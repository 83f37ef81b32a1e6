/**
 * The open-innovation program's API (issue 14): challenges, calls, proposals, blind evaluation
 * and the project portfolio. Request bodies are zod schemas the server validates with; answers
 * are the types the renderer reads.
 *
 * What is server-authoritative lives here and in the server's tables (workflow states, rules,
 * dates, evaluators, conflicts, scores, projects); what people co-write lives in documents of
 * working groups (a challenge's document in the program group, a proposal's document in the
 * consortium's private group). Dates are decided on the server's clock. Scores travel only in
 * answers the server shapes for the caller: an evaluator sees their own until the evaluation
 * closes; nobody else sees any value before that.
 */
import { z } from 'zod';
import type { BoardId, DocId, GroupId } from '../model/ids';
import { ORGANIZATION_KINDS, type Organization, type OrganizationKind } from '../model/accounts';

// --- vocabulary ----------------------------------------------------------------------------

export const CHALLENGE_AREAS = [
  'agua',
  'relaves',
  'energia',
  'seguridad',
  'mantenimiento',
  'planta',
  'mina',
  'medio_ambiente',
  'logistica',
] as const;
export type ChallengeArea = (typeof CHALLENGE_AREAS)[number];

/** workspace: everyone in the workspace reads it; program: only the program group's members. */
export const CHALLENGE_CONFIDENTIALITY = ['workspace', 'program'] as const;
export type ChallengeConfidentiality = (typeof CHALLENGE_CONFIDENTIALITY)[number];

/** filed: waiting for the program lead; published: may be put in a call; merged: a duplicate. */
export const CHALLENGE_STATUSES = ['filed', 'published', 'merged'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/** late = «fuera de plazo»: prepared before the deadline, received after it; kept, not evaluated
 * unless the program lead admits it. */
export const PROPOSAL_STATUSES = ['draft', 'submitted', 'late', 'selected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** open: proposals accepted; evaluation: the submission deadline passed; closed: results out. */
export type CallPhase = 'open' | 'evaluation' | 'closed';

export const PROJECT_STATUSES = ['piloto', 'escalamiento', 'cerrado'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const CONFLICT_REASONS = ['consortium', 'company', 'declared'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/** Scores are whole numbers on this scale, per criterion. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
/** Evaluators whose weighted scores of one proposal differ by more than this disagree. */
export const DISAGREEMENT_THRESHOLD = 2;

// --- paths ---------------------------------------------------------------------------------

const BASE = '/api/innovation';
export const INNOVATION_PATHS = {
  programs: `${BASE}/programs`,
  challenges: (programId: string) => `${BASE}/programs/${programId}/challenges`,
  challenge: (id: string) => `${BASE}/challenges/${id}`,
  publishChallenge: (id: string) => `${BASE}/challenges/${id}/publish`,
  mergeChallenge: (id: string) => `${BASE}/challenges/${id}/merge`,
  calls: (programId: string) => `${BASE}/programs/${programId}/calls`,
  call: (id: string) => `${BASE}/calls/${id}`,
  questions: (callId: string) => `${BASE}/calls/${callId}/questions`,
  answer: (callId: string, questionId: string) =>
    `${BASE}/calls/${callId}/questions/${questionId}/answer`,
  proposals: (callId: string) => `${BASE}/calls/${callId}/proposals`,
  proposal: (id: string) => `${BASE}/proposals/${id}`,
  submit: (id: string) => `${BASE}/proposals/${id}/submit`,
  admit: (id: string) => `${BASE}/proposals/${id}/admit`,
  submission: (id: string) => `${BASE}/proposals/${id}/submission`,
  conflict: (id: string) => `${BASE}/proposals/${id}/conflict`,
  scores: (id: string) => `${BASE}/proposals/${id}/scores`,
  evaluators: (callId: string) => `${BASE}/calls/${callId}/evaluators`,
  evaluation: (callId: string) => `${BASE}/calls/${callId}/evaluation`,
  closeEvaluation: (callId: string) => `${BASE}/calls/${callId}/close-evaluation`,
  createProject: (proposalId: string) => `${BASE}/proposals/${proposalId}/project`,
  projects: (programId: string) => `${BASE}/programs/${programId}/projects`,
  project: (id: string) => `${BASE}/projects/${id}`,
} as const;

// --- bodies --------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const createProgramBody = z.object({
  groupId: z.uuid(),
  name: required(160),
  /** An existing board of the group to put challenge cards on; the server makes one if absent. */
  boardId: z.uuid().optional(),
});
export type CreateProgramBody = z.input<typeof createProgramBody>;

export const fileChallengeBody = z.object({
  title: required(160),
  operation: required(160),
  area: z.enum(CHALLENGE_AREAS),
  problem: required(4000),
  currentPractice: text(4000).default(''),
  constraints: text(4000).default(''),
  expectedImpact: required(4000),
  indicators: text(2000).default(''),
  dataAccess: text(2000).default(''),
  confidentiality: z.enum(CHALLENGE_CONFIDENTIALITY),
});
export type FileChallengeBody = z.input<typeof fileChallengeBody>;

export const mergeChallengeBody = z.object({ into: z.uuid() });
export type MergeChallengeBody = z.input<typeof mergeChallengeBody>;

export const criterionInput = z.object({
  name: required(80),
  weight: z.number().int().min(1).max(100),
});

export const openCallBody = z
  .object({
    title: required(160),
    description: text(4000).default(''),
    challengeIds: z.array(z.uuid()).min(1).max(50),
    eligibleKinds: z.array(z.enum(ORGANIZATION_KINDS)).min(1),
    consortiumRequired: z.boolean(),
    /** The challenge's own company may not evaluate proposals to it. */
    excludeCompanyEvaluators: z.boolean().default(true),
    questionsUntil: z.iso.datetime(),
    submissionsUntil: z.iso.datetime(),
    evaluationUntil: z.iso.datetime(),
    criteria: z.array(criterionInput).min(1).max(12),
  })
  .refine((call) => call.criteria.reduce((sum, c) => sum + c.weight, 0) === 100, {
    message: 'los pesos de los criterios deben sumar 100',
    path: ['criteria'],
  })
  .refine(
    (call) =>
      Date.parse(call.questionsUntil) <= Date.parse(call.submissionsUntil) &&
      Date.parse(call.submissionsUntil) <= Date.parse(call.evaluationUntil),
    {
      message: 'las fechas van en orden: preguntas, postulación, evaluación',
      path: ['submissionsUntil'],
    },
  );
export type OpenCallBody = z.input<typeof openCallBody>;

/** The lead moves a date (an extension, or closing reception early); audited. */
export const updateCallBody = z
  .object({
    questionsUntil: z.iso.datetime().optional(),
    submissionsUntil: z.iso.datetime().optional(),
    evaluationUntil: z.iso.datetime().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'cambie al menos una fecha' });
export type UpdateCallBody = z.input<typeof updateCallBody>;

export const askQuestionBody = z.object({ text: required(2000) });
export type AskQuestionBody = z.input<typeof askQuestionBody>;
export const answerQuestionBody = z.object({ text: required(4000) });
export type AnswerQuestionBody = z.input<typeof answerQuestionBody>;

export const createProposalBody = z.object({
  challengeId: z.uuid(),
  title: required(160),
  /** Consortium partners by account email; they join the proposal's private space as editors. */
  partnerEmails: z.array(z.email().max(254)).max(20).default([]),
});
export type CreateProposalBody = z.input<typeof createProposalBody>;

export const submitProposalBody = z.object({
  /**
   * When the person pressed «Enviar» (client clock), present when the submission was queued
   * offline and is sent later. A submission reaching the server after the deadline is refused,
   * unless it was prepared before it: then it is kept as «fuera de plazo».
   */
  preparedAt: z.iso.datetime().optional(),
  /**
   * The Yjs state vector (base64) of the proposal document on the submitter's computer when
   * «Enviar» was pressed: the server freezes only a state that holds all of it, and answers 409
   * proposal_not_synced while edits made offline have not reached it yet (the client keeps the
   * submission queued and sends it again once they have).
   */
  stateVector: z.base64().max(65_536).optional(),
});
export type SubmitProposalBody = z.input<typeof submitProposalBody>;

export const declareConflictBody = z.object({ note: required(1000) });
export type DeclareConflictBody = z.input<typeof declareConflictBody>;

export const assignEvaluatorBody = z.object({ email: z.email().max(254) });
export type AssignEvaluatorBody = z.input<typeof assignEvaluatorBody>;

export const scoresBody = z.object({
  scores: z
    .array(
      z.object({
        criterionId: z.string().min(1).max(64),
        score: z.number().int().min(SCORE_MIN).max(SCORE_MAX),
        justification: required(2000),
      }),
    )
    .min(1)
    .max(12),
});
export type ScoresBody = z.input<typeof scoresBody>;

const money = z.number().int().min(0).max(10_000_000_000);

export const indicatorInput = z.object({
  id: z.string().min(1).max(64).optional(),
  name: required(160),
  unit: text(40).default(''),
  target: z.number().finite(),
  reported: z.number().finite().nullable().default(null),
});

export const createProjectBody = z.object({
  title: required(160).optional(),
  region: required(80),
  budget: money,
  cofinancing: z.array(z.object({ organizationId: z.string().min(1).max(64), amount: money })),
  indicators: z.array(indicatorInput).max(20).default([]),
  milestones: z
    .array(z.object({ title: required(160), due: z.iso.date().optional() }))
    .max(30)
    .default([]),
});
export type CreateProjectBody = z.input<typeof createProjectBody>;

export const updateProjectBody = z
  .object({
    status: z.enum(PROJECT_STATUSES).optional(),
    region: required(80).optional(),
    budget: money.optional(),
    cofinancing: z
      .array(z.object({ organizationId: z.string().min(1).max(64), amount: money }))
      .optional(),
    indicators: z.array(indicatorInput).max(20).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'cambie al menos un campo' });
export type UpdateProjectBody = z.input<typeof updateProjectBody>;

// --- answers -------------------------------------------------------------------------------

export interface PersonRef {
  id: string;
  name: string;
  organization: Organization;
}

export interface ProgramSummary {
  id: string;
  name: string;
  groupId: GroupId;
  boardId: BoardId | null;
  /** The caller leads the program (a lead of its group, or an admin). */
  isLead: boolean;
  /** The caller belongs to the program group (reads confidential challenges, co-writes). */
  isMember: boolean;
}
export interface ProgramsResponse {
  programs: ProgramSummary[];
}

export interface Challenge {
  id: string;
  programId: string;
  title: string;
  company: Organization;
  operation: string;
  area: ChallengeArea;
  problem: string;
  currentPractice: string;
  constraints: string;
  expectedImpact: string;
  indicators: string;
  dataAccess: string;
  confidentiality: ChallengeConfidentiality;
  status: ChallengeStatus;
  mergedInto: string | null;
  /** The challenge's co-written document in the program group. */
  docId: DocId;
  cardId: string | null;
  filedBy: PersonRef;
  filedAt: string;
  publishedAt: string | null;
}
export interface ChallengesResponse {
  challenges: Challenge[];
}

export interface Criterion {
  id: string;
  name: string;
  weight: number;
}

export interface Call {
  id: string;
  programId: string;
  title: string;
  description: string;
  challenges: Array<Pick<Challenge, 'id' | 'title' | 'company' | 'area' | 'operation'>>;
  eligibleKinds: OrganizationKind[];
  consortiumRequired: boolean;
  excludeCompanyEvaluators: boolean;
  questionsUntil: string;
  submissionsUntil: string;
  evaluationUntil: string;
  criteria: Criterion[];
  phase: CallPhase;
  questionsOpen: boolean;
  /** The server's clock when it answered, so a client shows time left without trusting its own. */
  serverNow: string;
  closedAt: string | null;
  openedBy: PersonRef;
  openedAt: string;
}
export interface CallsResponse {
  calls: Call[];
}

export interface Question {
  id: string;
  text: string;
  askedBy: PersonRef;
  askedAt: string;
  answer: { text: string; by: PersonRef; at: string } | null;
}
export interface QuestionsResponse {
  questions: Question[];
}

export interface Proposal {
  id: string;
  callId: string;
  challenge: Pick<Challenge, 'id' | 'title' | 'company'>;
  title: string;
  status: ProposalStatus;
  /** The consortium's private working group and the proposal document inside it. */
  groupId: GroupId;
  docId: DocId;
  consortium: Organization[];
  createdBy: PersonRef;
  createdAt: string;
  submittedAt: string | null;
  /** The client time a late (queued offline) submission was prepared at. */
  preparedAt: string | null;
  /** The frozen version evaluators read, and its SHA-256. */
  versionId: string | null;
  hash: string | null;
  /** The caller is in the consortium. */
  mine: boolean;
  /** After the evaluation closes, for the consortium and the program lead. */
  result: { score: number; rank: number; of: number } | null;
  projectId: string | null;
}
export interface ProposalsResponse {
  proposals: Proposal[];
}

export interface SubmissionResponse {
  proposalId: string;
  versionId: string;
  hash: string;
  stateVector: string;
  update: string;
  submittedAt: string;
  status: ProposalStatus;
}

export interface CriterionScore {
  criterionId: string;
  score: number;
  justification: string;
}

export interface EvaluatorEntry {
  evaluator: PersonRef;
  assignedAt: string;
}

/** One evaluator's view of one proposal: their own scores only. */
export interface MyEvaluation {
  proposalId: string;
  title: string;
  challengeTitle: string;
  status: ProposalStatus;
  conflict: { reason: ConflictReason; note: string } | null;
  scores: CriterionScore[];
  complete: boolean;
}

/** What the program lead sees while evaluators work: who is done, never a value. */
export interface EvaluationProgress {
  proposalId: string;
  title: string;
  challengeTitle: string;
  status: ProposalStatus;
  eligible: number;
  completed: number;
  conflicts: Array<{ evaluator: PersonRef; reason: ConflictReason }>;
}

export interface ProposalResult {
  proposalId: string;
  title: string;
  challengeTitle: string;
  rank: number;
  /** Mean of the evaluators' weighted scores, 0–10, two decimals. */
  score: number;
  /** Highest minus lowest weighted score between evaluators. */
  spread: number;
  disagreement: boolean;
  evaluations: Array<{ evaluator: PersonRef; weighted: number; scores: CriterionScore[] }>;
  criterionMeans: Array<{ criterionId: string; mean: number }>;
  projectId: string | null;
}

export interface EvaluationResponse {
  callId: string;
  phase: CallPhase;
  criteria: Criterion[];
  isLead: boolean;
  isEvaluator: boolean;
  evaluators: EvaluatorEntry[];
  /** For an assigned evaluator. */
  mine: MyEvaluation[];
  /** For the program lead, before the evaluation closes. */
  progress: EvaluationProgress[];
  /** Once closed, for the lead and the evaluators. */
  results: ProposalResult[] | null;
}

export interface ProjectIndicator {
  id: string;
  name: string;
  unit: string;
  target: number;
  reported: number | null;
}

export interface Project {
  id: string;
  programId: string;
  proposalId: string;
  title: string;
  status: ProjectStatus;
  region: string;
  budget: number;
  cofinancing: Array<{ organization: Organization; amount: number }>;
  indicators: ProjectIndicator[];
  challenge: Pick<Challenge, 'id' | 'title' | 'company' | 'area'>;
  consortium: Organization[];
  score: number | null;
  groupId: GroupId;
  boardId: BoardId | null;
  createdAt: string;
  /** The caller may change status, figures and reported values. */
  canEdit: boolean;
}
export interface ProjectsResponse {
  projects: Project[];
}
