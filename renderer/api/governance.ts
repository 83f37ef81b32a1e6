/**
 * The renderer's calls of the governance register, regulatory base and missions APIs
 * (shared/protocol/governanceApi.ts, regulationApi.ts, missionsApi.ts) on the app's API client.
 */
import type { GroupId } from '../../shared/model/ids';
import {
  GOVERNANCE_PATHS,
  type ActionItemBody,
  type Agreement,
  type AgreementBody,
  type AgreementPatchBody,
  type CorrectionBody,
  type GovernanceResponse,
  type Meeting,
  type MeetingBody,
  type MeetingPatchBody,
  type RegisterQuery,
  type RegisterResponse,
  type VotesBody,
} from '../../shared/protocol/governanceApi';
import {
  MISSION_PATHS,
  type AgendaItemBody,
  type ApplicationBody,
  type FollowUpBody,
  type Mission,
  type MissionBody,
  type MissionPatchBody,
  type MissionsResponse,
  type ParticipantBody,
} from '../../shared/protocol/missionsApi';
import {
  REGULATION_PATHS,
  type ArticleDetail,
  type CaseBody,
  type CasesResponse,
  type FrictionCase,
  type ProposalBody,
  type ProposalView,
  type ProposalsResponse,
  type RegulationBody,
  type RegulationView,
  type RegulationsResponse,
} from '../../shared/protocol/regulationApi';
import type { ApiClient } from './client';

function withQuery(path: string, query: RegisterQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

export const governanceApi = {
  governance: (api: ApiClient, groupId: GroupId) =>
    api.request<GovernanceResponse>('GET', GOVERNANCE_PATHS.governance(groupId)),
  setRules: (api: ApiClient, groupId: GroupId, body: Pick<GovernanceResponse, 'rule' | 'quorum'>) =>
    api.request<unknown>('PATCH', GOVERNANCE_PATHS.governance(groupId), body),
  createMeeting: (api: ApiClient, groupId: GroupId, body: MeetingBody) =>
    api.request<Meeting>('POST', GOVERNANCE_PATHS.meetings(groupId), body),
  meeting: (api: ApiClient, groupId: GroupId, meetingId: string) =>
    api.request<Meeting>('GET', GOVERNANCE_PATHS.meeting(groupId, meetingId)),
  updateMeeting: (api: ApiClient, groupId: GroupId, meetingId: string, body: MeetingPatchBody) =>
    api.request<Meeting>('PATCH', GOVERNANCE_PATHS.meeting(groupId, meetingId), body),
  approveMinutes: (api: ApiClient, groupId: GroupId, meetingId: string) =>
    api.request<Meeting>('POST', GOVERNANCE_PATHS.approveMinutes(groupId, meetingId)),
  addAgreement: (api: ApiClient, groupId: GroupId, meetingId: string, body: AgreementBody) =>
    api.request<Agreement>('POST', GOVERNANCE_PATHS.meetingAgreements(groupId, meetingId), body),
  updateAgreement: (api: ApiClient, groupId: GroupId, id: string, body: AgreementPatchBody) =>
    api.request<Agreement>('PATCH', GOVERNANCE_PATHS.agreement(groupId, id), body),
  vote: (api: ApiClient, groupId: GroupId, id: string, body: VotesBody) =>
    api.request<Agreement>('POST', GOVERNANCE_PATHS.votes(groupId, id), body),
  addAction: (api: ApiClient, groupId: GroupId, id: string, body: ActionItemBody) =>
    api.request<Agreement>('POST', GOVERNANCE_PATHS.actions(groupId, id), body),
  correct: (api: ApiClient, groupId: GroupId, id: string, body: CorrectionBody) =>
    api.request<Agreement>('POST', GOVERNANCE_PATHS.corrections(groupId, id), body),
  register: (api: ApiClient, groupId: GroupId | null, query: RegisterQuery = {}) =>
    api.request<RegisterResponse>(
      'GET',
      withQuery(
        groupId === null ? GOVERNANCE_PATHS.clusterRegister : GOVERNANCE_PATHS.register(groupId),
        query,
      ),
    ),
};

export const regulationApi = {
  list: (api: ApiClient, groupId: GroupId) =>
    api.request<RegulationsResponse>('GET', REGULATION_PATHS.regulations(groupId)),
  create: (api: ApiClient, groupId: GroupId, body: RegulationBody) =>
    api.request<RegulationView>('POST', REGULATION_PATHS.regulations(groupId), body),
  article: (api: ApiClient, groupId: GroupId, articleId: string) =>
    api.request<ArticleDetail>('GET', REGULATION_PATHS.article(groupId, articleId)),
  cases: (api: ApiClient, groupId: GroupId) =>
    api.request<CasesResponse>('GET', REGULATION_PATHS.cases(groupId)),
  report: (api: ApiClient, groupId: GroupId, body: CaseBody) =>
    api.request<FrictionCase>('POST', REGULATION_PATHS.cases(groupId), body),
  proposals: (api: ApiClient, groupId: GroupId) =>
    api.request<ProposalsResponse>('GET', REGULATION_PATHS.proposals(groupId)),
  registerProposal: (api: ApiClient, groupId: GroupId, body: ProposalBody) =>
    api.request<ProposalView>('POST', REGULATION_PATHS.proposals(groupId), body),
  send: (api: ApiClient, groupId: GroupId, docId: string) =>
    api.request<ProposalView>('POST', REGULATION_PATHS.sendProposal(groupId, docId)),
};

export const missionApi = {
  list: (api: ApiClient, groupId: GroupId) =>
    api.request<MissionsResponse>('GET', MISSION_PATHS.missions(groupId)),
  create: (api: ApiClient, groupId: GroupId, body: MissionBody) =>
    api.request<Mission>('POST', MISSION_PATHS.missions(groupId), body),
  get: (api: ApiClient, groupId: GroupId, id: string) =>
    api.request<Mission>('GET', MISSION_PATHS.mission(groupId, id)),
  update: (api: ApiClient, groupId: GroupId, id: string, body: MissionPatchBody) =>
    api.request<Mission>('PATCH', MISSION_PATHS.mission(groupId, id), body),
  apply: (api: ApiClient, groupId: GroupId, id: string, body: ApplicationBody) =>
    api.request<Mission>('POST', MISSION_PATHS.applications(groupId, id), body),
  setParticipant: (
    api: ApiClient,
    groupId: GroupId,
    id: string,
    organizationId: string,
    body: ParticipantBody,
  ) => api.request<Mission>('PATCH', MISSION_PATHS.participant(groupId, id, organizationId), body),
  addAgenda: (api: ApiClient, groupId: GroupId, id: string, body: AgendaItemBody) =>
    api.request<Mission>('POST', MISSION_PATHS.agenda(groupId, id), body),
  removeAgenda: (api: ApiClient, groupId: GroupId, id: string, itemId: string) =>
    api.request<Mission>('DELETE', MISSION_PATHS.agendaItem(groupId, id, itemId)),
  addFollowUp: (api: ApiClient, groupId: GroupId, id: string, body: FollowUpBody) =>
    api.request<Mission>('POST', MISSION_PATHS.followUps(groupId, id), body),
};
