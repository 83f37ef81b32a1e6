/**
 * The renderer's calls of the open-innovation program's API (shared/protocol/innovationApi.ts).
 */
import {
  INNOVATION_PATHS as P,
  type AnswerQuestionBody,
  type AskQuestionBody,
  type AssignEvaluatorBody,
  type Call,
  type CallsResponse,
  type Challenge,
  type ChallengesResponse,
  type CreateProjectBody,
  type CreateProposalBody,
  type DeclareConflictBody,
  type EvaluationResponse,
  type FileChallengeBody,
  type MergeChallengeBody,
  type MyEvaluation,
  type OpenCallBody,
  type ProgramsResponse,
  type Project,
  type ProjectsResponse,
  type Proposal,
  type ProposalsResponse,
  type QuestionsResponse,
  type ScoresBody,
  type SubmissionResponse,
  type SubmitProposalBody,
  type UpdateCallBody,
  type UpdateProjectBody,
} from '../../shared/protocol/innovationApi';
import type { ApiClient } from './client';

export interface PortfolioFilters {
  challenge?: string;
  company?: string;
  supplier?: string;
  university?: string;
  status?: string;
  region?: string;
}

export const innovationApi = {
  programs: (api: ApiClient) => api.request<ProgramsResponse>('GET', P.programs),
  challenges: (api: ApiClient, programId: string) =>
    api.request<ChallengesResponse>('GET', P.challenges(programId)),
  fileChallenge: (api: ApiClient, programId: string, body: FileChallengeBody) =>
    api.request<Challenge>('POST', P.challenges(programId), body),
  publishChallenge: (api: ApiClient, id: string) =>
    api.request<Challenge>('POST', P.publishChallenge(id)),
  mergeChallenge: (api: ApiClient, id: string, body: MergeChallengeBody) =>
    api.request<Challenge>('POST', P.mergeChallenge(id), body),
  calls: (api: ApiClient, programId: string) =>
    api.request<CallsResponse>('GET', P.calls(programId)),
  openCall: (api: ApiClient, programId: string, body: OpenCallBody) =>
    api.request<Call>('POST', P.calls(programId), body),
  updateCall: (api: ApiClient, callId: string, body: UpdateCallBody) =>
    api.request<Call>('PATCH', P.call(callId), body),
  questions: (api: ApiClient, callId: string) =>
    api.request<QuestionsResponse>('GET', P.questions(callId)),
  ask: (api: ApiClient, callId: string, body: AskQuestionBody) =>
    api.request<QuestionsResponse>('POST', P.questions(callId), body),
  answer: (api: ApiClient, callId: string, questionId: string, body: AnswerQuestionBody) =>
    api.request<QuestionsResponse>('POST', P.answer(callId, questionId), body),
  proposals: (api: ApiClient, callId: string) =>
    api.request<ProposalsResponse>('GET', P.proposals(callId)),
  createProposal: (api: ApiClient, callId: string, body: CreateProposalBody) =>
    api.request<Proposal>('POST', P.proposals(callId), body),
  submit: (api: ApiClient, id: string, body: SubmitProposalBody) =>
    api.request<Proposal>('POST', P.submit(id), body),
  admit: (api: ApiClient, id: string) => api.request<Proposal>('POST', P.admit(id)),
  submission: (api: ApiClient, id: string) =>
    api.request<SubmissionResponse>('GET', P.submission(id)),
  evaluation: (api: ApiClient, callId: string) =>
    api.request<EvaluationResponse>('GET', P.evaluation(callId)),
  assignEvaluator: (api: ApiClient, callId: string, body: AssignEvaluatorBody) =>
    api.request<unknown>('POST', P.evaluators(callId), body),
  declareConflict: (api: ApiClient, id: string, body: DeclareConflictBody) =>
    api.request<unknown>('POST', P.conflict(id), body),
  score: (api: ApiClient, id: string, body: ScoresBody) =>
    api.request<MyEvaluation>('POST', P.scores(id), body),
  closeEvaluation: (api: ApiClient, callId: string) =>
    api.request<Call>('POST', P.closeEvaluation(callId)),
  createProject: (api: ApiClient, proposalId: string, body: CreateProjectBody) =>
    api.request<Project>('POST', P.createProject(proposalId), body),
  projects: (api: ApiClient, programId: string, filters: PortfolioFilters = {}) => {
    const query = new URLSearchParams(
      Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]),
    ).toString();
    return api.request<ProjectsResponse>(
      'GET',
      `${P.projects(programId)}${query === '' ? '' : `?${query}`}`,
    );
  },
  updateProject: (api: ApiClient, id: string, body: UpdateProjectBody) =>
    api.request<Project>('PATCH', P.project(id), body),
};
