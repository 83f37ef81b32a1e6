/**
 * The open-innovation program's API (contract in shared/protocol/innovationApi.ts). Who may do
 * what, in one place:
 * - the program lead (a lead of the program's working group, or a workspace admin) publishes and
 *   merges challenges, opens calls, answers questions, assigns evaluators, closes the evaluation
 *   and turns proposals into projects;
 * - a member of the program group from a mining company files challenges;
 * - a member of an eligible organization creates a proposal; its consortium co-writes it in a
 *   private working group, so room access itself keeps it from everyone else until submission;
 * - evaluators read the version frozen at submission and score it, unless in conflict.
 * A draft proposal answers 404 to anyone outside its consortium, exactly like one that does not
 * exist. Scores leave the server only to their own evaluator until the evaluation closes.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { GroupRole, OrganizationKind } from '../../shared/model/accounts';
import type { BoardId, DocId, GroupId } from '../../shared/model/ids';
import type { AuditAction } from '../../shared/protocol/api';
import {
  answerQuestionBody,
  askQuestionBody,
  assignEvaluatorBody,
  createProgramBody,
  createProjectBody,
  createProposalBody,
  declareConflictBody,
  fileChallengeBody,
  mergeChallengeBody,
  openCallBody,
  scoresBody,
  submitProposalBody,
  updateCallBody,
  updateProjectBody,
  type Call,
  type CallPhase,
  type Challenge,
  type CriterionScore,
  type ConflictReason,
  type EvaluationResponse,
  type MyEvaluation,
  type Project,
  type ProgramSummary,
  type Proposal,
  type ProposalResult,
  type SubmissionResponse,
} from '../../shared/protocol/innovationApi';
import type { CardId } from '../../shared/ydoc/boardDoc';
import { docHolds } from '../../shared/ydoc/version';
import type { Session } from '../accounts/sessions';
import { readJson } from '../http/body';
import { ApiFailure } from '../http/failure';
import { created, ok, type ApiContext, type AuthedCall, type Route } from '../http/route';
import { contentHash } from '../versions/autoVersions';
import {
  AREA_NAMES,
  addLinkedCard,
  challengeBlocks,
  committedDocument,
  createBoard,
  createGroupDocument,
  moveCardToColumn,
  proposalBlocks,
} from './documents';
import { rankProposals } from './scoring';
import {
  InnovationStore,
  retryBusy,
  type CallRow,
  type ProgramRow,
  type ProjectRow,
  type ProposalRow,
} from './store';

const iso = (ms: number | bigint) => new Date(Number(ms)).toISOString();

const storeOf = (context: ApiContext) => new InnovationStore(context.store.sql, context.now);

const notFound = (
  code:
    | 'program_not_found'
    | 'challenge_not_found'
    | 'call_not_found'
    | 'proposal_not_found'
    | 'project_not_found'
    | 'question_not_found',
  message: string,
) => new ApiFailure(404, code, message);

// --- who is who ------------------------------------------------------------------------------

async function isLead(
  context: ApiContext,
  session: Session,
  program: ProgramRow,
): Promise<boolean> {
  return (
    session.user.workspaceRole === 'admin' ||
    (await context.store.groups.roleOf(session.user.id, program.group_id)) === 'lead'
  );
}

async function isMember(
  context: ApiContext,
  session: Session,
  program: ProgramRow,
): Promise<boolean> {
  return (await context.store.groups.roleOf(session.user.id, program.group_id)) !== null;
}

async function requireLead(
  context: ApiContext,
  session: Session,
  program: ProgramRow,
): Promise<void> {
  if (!(await isLead(context, session, program))) {
    throw new ApiFailure(
      403,
      'forbidden',
      'Solo la coordinación del programa (líderes de su grupo) puede hacer esto.',
    );
  }
}

async function visibleProgram(call: AuthedCall, id: string): Promise<ProgramRow> {
  const program = await storeOf(call.context).program(id);
  if (
    program === undefined ||
    (await call.context.store.groups.visibleTo(program.group_id, call.session.user.id)) === null
  ) {
    throw notFound('program_not_found', 'Ese programa no existe o usted no tiene acceso a él.');
  }
  return program;
}

/** Leads (and admins) see every challenge, the filing company its own, members the program-only ones. */
function seesChallenge(session: Session, role: GroupRole | null, challenge: Challenge): boolean {
  if (session.user.workspaceRole === 'admin' || role === 'lead') return true;
  if (challenge.company.id === session.user.organization.id) return true;
  if (challenge.status === 'filed') return false;
  return challenge.confidentiality === 'workspace' || role !== null;
}

async function canSeeChallenge(
  context: ApiContext,
  session: Session,
  program: ProgramRow,
  challenge: Challenge,
): Promise<boolean> {
  const role = await context.store.groups.roleOf(session.user.id, program.group_id);
  return seesChallenge(session, role, challenge);
}

/** The challenges the caller may see, with one look at their role for the whole list. */
async function onlyVisible(
  context: ApiContext,
  session: Session,
  program: ProgramRow,
  challenges: ReadonlyArray<Challenge | undefined>,
): Promise<Challenge[]> {
  const role = await context.store.groups.roleOf(session.user.id, program.group_id);
  return challenges.filter(
    (challenge): challenge is Challenge =>
      challenge !== undefined && seesChallenge(session, role, challenge),
  );
}

async function visibleChallenge(call: AuthedCall, id: string) {
  const store = storeOf(call.context);
  const challenge = await store.challenge(id);
  const program = challenge === undefined ? undefined : await store.program(challenge.programId);
  if (
    challenge === undefined ||
    program === undefined ||
    (await call.context.store.groups.visibleTo(program.group_id, call.session.user.id)) === null ||
    !(await canSeeChallenge(call.context, call.session, program, challenge))
  ) {
    throw notFound('challenge_not_found', 'Ese desafío no existe o usted no tiene acceso a él.');
  }
  return { challenge, program };
}

function phaseOf(row: CallRow, now: number): CallPhase {
  if (row.closed_at !== null) return 'closed';
  return now <= Number(row.submissions_until) ? 'open' : 'evaluation';
}

async function visibleCall(call: AuthedCall, id: string) {
  const row = await storeOf(call.context).call(id);
  if (row === undefined) throw notFound('call_not_found', 'Esa convocatoria no existe.');
  const program = await visibleProgram(call, row.program_id).catch(() => {
    throw notFound('call_not_found', 'Esa convocatoria no existe.');
  });
  return { row, program };
}

async function toCall(call: AuthedCall, row: CallRow, program: ProgramRow): Promise<Call> {
  const store = storeOf(call.context);
  const challenges = await onlyVisible(
    call.context,
    call.session,
    program,
    await store.challengesIn(await store.callChallengeIds(row.id)),
  );
  const now = call.context.now();
  return {
    id: row.id,
    programId: row.program_id,
    title: row.title,
    description: row.description,
    challenges: challenges.map(({ id, title, company, area, operation }) => ({
      id,
      title,
      company,
      area,
      operation,
    })),
    eligibleKinds: row.eligible_kinds.split(',') as OrganizationKind[],
    consortiumRequired: Number(row.consortium_required) === 1,
    excludeCompanyEvaluators: Number(row.exclude_company_evaluators) === 1,
    questionsUntil: iso(row.questions_until),
    submissionsUntil: iso(row.submissions_until),
    evaluationUntil: iso(row.evaluation_until),
    criteria: await store.criteria(row.id),
    phase: phaseOf(row, now),
    questionsOpen: row.closed_at === null && now <= Number(row.questions_until),
    serverNow: iso(now),
    closedAt: row.closed_at === null ? null : iso(row.closed_at),
    openedBy: await store.person(row.opened_by),
    openedAt: iso(row.opened_at),
  };
}

/** How the caller stands to a proposal; null when it must not even know it exists. */
interface ProposalAccess {
  consortium: boolean;
  consortiumWriter: boolean;
  lead: boolean;
  evaluator: boolean;
  company: boolean;
}

/** A proposal the caller may see, with what they are to it and the challenge it answers. */
interface ShownProposal {
  proposal: ProposalRow;
  access: ProposalAccess;
  challenge: Challenge | undefined;
}

/** Which of these proposals of one call the caller may see: their roles and challenges read once. */
async function visibleProposals(
  call: AuthedCall,
  callRow: CallRow,
  program: ProgramRow,
  proposals: readonly ProposalRow[],
): Promise<ShownProposal[]> {
  const { context, session } = call;
  const store = storeOf(context);
  const roles = await context.store.groups.rolesIn(session.user.id, [
    program.group_id,
    ...proposals.map((p) => p.group_id),
  ]);
  const lead = session.user.workspaceRole === 'admin' || roles.get(program.group_id) === 'lead';
  const evaluator = await store.isEvaluator(callRow.id, session.user.id);
  const challenges = await store.challengesIn(proposals.map((p) => p.challenge_id));
  return proposals.flatMap((proposal, index) => {
    const role = roles.get(proposal.group_id);
    const challenge = challenges[index];
    const access: ProposalAccess = {
      consortium: role !== undefined,
      consortiumWriter: role === 'lead' || role === 'editor',
      lead,
      evaluator,
      company: challenge?.company.id === session.user.organization.id,
    };
    const shown = [{ proposal, access, challenge }];
    if (access.consortium) return shown;
    // Until submission the draft belongs to its consortium alone.
    if (proposal.status === 'draft') return [];
    return access.lead || access.evaluator || access.company ? shown : [];
  });
}

async function proposalAccess(
  call: AuthedCall,
  proposal: ProposalRow,
  callRow: CallRow,
  program: ProgramRow,
): Promise<ProposalAccess | null> {
  return (await visibleProposals(call, callRow, program, [proposal]))[0]?.access ?? null;
}

async function loadProposal(call: AuthedCall, id: string) {
  const store = storeOf(call.context);
  const proposal = await store.proposal(id);
  const callRow = proposal === undefined ? undefined : await store.call(proposal.call_id);
  const program = callRow === undefined ? undefined : await store.program(callRow.program_id);
  const access =
    proposal === undefined || callRow === undefined || program === undefined
      ? null
      : await proposalAccess(call, proposal, callRow, program);
  if (access === null) {
    throw notFound('proposal_not_found', 'Esa propuesta no existe o usted no tiene acceso a ella.');
  }
  return { proposal: proposal!, callRow: callRow!, program: program!, access };
}

/** Why this evaluator may not evaluate this proposal, or null. */
async function conflictOf(
  context: ApiContext,
  callRow: CallRow,
  proposal: ProposalRow,
  evaluatorId: string,
): Promise<{ reason: ConflictReason; note: string } | null> {
  const store = storeOf(context);
  const declared = await store.declaredConflict(proposal.id, evaluatorId);
  if (declared !== undefined) return declared;
  const evaluator = await store.person(evaluatorId);
  const consortium = await store.consortium(proposal);
  if (consortium.some((org) => org.id === evaluator.organization.id)) {
    return {
      reason: 'consortium',
      note: `${evaluator.organization.name} integra el consorcio de la propuesta.`,
    };
  }
  if (Number(callRow.exclude_company_evaluators) === 1) {
    const challenge = await store.challenge(proposal.challenge_id);
    if (challenge?.company.id === evaluator.organization.id) {
      return {
        reason: 'company',
        note: `${evaluator.organization.name} planteó el desafío y las reglas la excluyen.`,
      };
    }
  }
  return null;
}

/** Results of a closed call: computed from every complete score sheet, on the server. */
async function results(context: ApiContext, callRow: CallRow): Promise<ProposalResult[]> {
  const store = storeOf(context);
  const criteria = await store.criteria(callRow.id);
  const proposals = (await store.proposals(callRow.id)).filter(
    (p) => p.status === 'submitted' || p.status === 'selected',
  );
  // Each proposal's sheets by evaluator, every sheet in the criteria's order (as allScores reads).
  const sheets = new Map<string, Map<string, CriterionScore[]>>();
  for (const row of await store.allScores(callRow.id)) {
    const byEvaluator = sheets.get(row.proposal_id) ?? new Map<string, CriterionScore[]>();
    const sheet = byEvaluator.get(row.evaluator_id) ?? [];
    sheet.push({
      criterionId: row.criterion_id,
      score: row.score,
      justification: row.justification,
    });
    byEvaluator.set(row.evaluator_id, sheet);
    sheets.set(row.proposal_id, byEvaluator);
  }
  const ranked = rankProposals(
    criteria,
    proposals.map((p) => ({
      proposalId: p.id,
      submittedAt: Number(p.submitted_at ?? 0),
      sheets: [...(sheets.get(p.id) ?? [])].map(([evaluatorId, sheet]) => ({
        evaluatorId,
        scores: new Map(sheet.map((s) => [s.criterionId, s.score])),
      })),
    })),
  );
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const challenges = await store.challengesIn(
    ranked.map((rank) => byId.get(rank.proposalId)!.challenge_id),
  );
  const evaluators = await store.people(ranked.flatMap((rank) => [...rank.weighted.keys()]));
  const projects = await store.projectsOfProposals(ranked.map((rank) => rank.proposalId));
  return ranked.map((rank, index) => {
    const proposal = byId.get(rank.proposalId)!;
    const evaluations = [...rank.weighted].map(([evaluatorId, weighted]) => ({
      evaluator: evaluators.get(evaluatorId)!,
      weighted,
      scores: sheets.get(proposal.id)?.get(evaluatorId) ?? [],
    }));
    const criterionMeans = criteria.map((criterion) => {
      const values = evaluations.flatMap((e) =>
        e.scores.filter((s) => s.criterionId === criterion.id).map((s) => s.score),
      );
      const mean = values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
      return { criterionId: criterion.id, mean: Math.round(mean * 100) / 100 };
    });
    return {
      proposalId: proposal.id,
      title: proposal.title,
      challengeTitle: challenges[index]?.title ?? '',
      rank: rank.rank,
      score: rank.score,
      spread: rank.spread,
      disagreement: rank.disagreement,
      evaluations,
      criterionMeans,
      projectId: projects.get(proposal.id) ?? null,
    };
  });
}

/** The API's view of proposals of one call: each kind of related row read once for all. */
async function toProposals(
  call: AuthedCall,
  callRow: CallRow,
  shown: readonly ShownProposal[],
): Promise<Proposal[]> {
  const store = storeOf(call.context);
  const rows = shown.map(({ proposal }) => proposal);
  const consortia = await store.consortia(rows);
  const people = await store.people(rows.map((p) => p.created_by));
  const projects = await store.projectsOfProposals(rows.map((p) => p.id));
  const seesResult = (access: ProposalAccess) => access.consortium || access.lead;
  const ranking =
    callRow.closed_at !== null && shown.some(({ access }) => seesResult(access))
      ? await results(call.context, callRow)
      : [];
  return shown.map(({ proposal, access, challenge }) => {
    const mine = seesResult(access) ? ranking.find((r) => r.proposalId === proposal.id) : undefined;
    return {
      id: proposal.id,
      callId: proposal.call_id,
      challenge: {
        id: proposal.challenge_id,
        title: challenge?.title ?? '',
        company: challenge?.company ?? { id: '', name: '', kind: 'mining_company' },
      },
      title: proposal.title,
      status: proposal.status,
      groupId: proposal.group_id as GroupId,
      docId: proposal.doc_id as DocId,
      consortium: consortia.get(proposal.id)!,
      createdBy: people.get(proposal.created_by)!,
      createdAt: iso(proposal.created_at),
      submittedAt: proposal.submitted_at === null ? null : iso(proposal.submitted_at),
      preparedAt: proposal.prepared_at === null ? null : iso(proposal.prepared_at),
      versionId: proposal.version_id,
      hash: proposal.hash,
      mine: access.consortium,
      result:
        mine === undefined ? null : { score: mine.score, rank: mine.rank, of: ranking.length },
      projectId: projects.get(proposal.id) ?? null,
    };
  });
}

async function toProposal(
  call: AuthedCall,
  proposal: ProposalRow,
  callRow: CallRow,
  access: ProposalAccess,
): Promise<Proposal> {
  const [challenge] = await storeOf(call.context).challengesIn([proposal.challenge_id]);
  return (await toProposals(call, callRow, [{ proposal, access, challenge }]))[0]!;
}

/** The API's view of projects: each kind of related row read once for all of them. */
async function toProjects(call: AuthedCall, rows: readonly ProjectRow[]): Promise<Project[]> {
  const { context, session } = call;
  const store = storeOf(context);
  const proposals = await store.proposalsIn(rows.map((row) => row.proposal_id));
  const proposalOf = (row: ProjectRow) => proposals.get(row.proposal_id)!;
  const challenges = await store.challengesIn(rows.map((row) => proposalOf(row).challenge_id));
  const programs = new Map((await store.programs()).map((p) => [p.id, p]));
  const roles = await context.store.groups.rolesIn(session.user.id, [
    ...rows.map((row) => programs.get(row.program_id)!.group_id),
    ...rows.map((row) => proposalOf(row).group_id),
  ]);
  const consortia = await store.consortia(rows.map(proposalOf));
  const cofinancing = await store.cofinancingOf(rows.map((row) => row.id));
  const indicators = await store.indicatorsOf(rows.map((row) => row.id));
  return rows.map((row, index) => {
    const proposal = proposalOf(row);
    const challenge = challenges[index]!;
    const role = roles.get(proposal.group_id);
    const programLead =
      session.user.workspaceRole === 'admin' ||
      roles.get(programs.get(row.program_id)!.group_id) === 'lead';
    return {
      id: row.id,
      programId: row.program_id,
      proposalId: row.proposal_id,
      title: row.title,
      status: row.status,
      region: row.region,
      budget: Number(row.budget),
      cofinancing: cofinancing.get(row.id) ?? [],
      indicators: indicators.get(row.id) ?? [],
      challenge: {
        id: challenge.id,
        title: challenge.title,
        company: challenge.company,
        area: challenge.area,
      },
      consortium: consortia.get(proposal.id)!,
      score: row.score_hundredths === null ? null : Number(row.score_hundredths) / 100,
      groupId: proposal.group_id as GroupId,
      boardId: row.board_id as BoardId | null,
      createdAt: iso(row.created_at),
      canEdit: programLead || role === 'lead' || role === 'editor',
    };
  });
}

async function toProject(call: AuthedCall, id: string): Promise<Project | null> {
  const row = await storeOf(call.context).project(id);
  return row === undefined ? null : (await toProjects(call, [row]))[0]!;
}

async function audit(
  context: ApiContext,
  session: Session,
  action: AuditAction,
  groupId: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  const store = storeOf(context);
  await store.transaction((tx) => store.audit(tx, action, session.user.id, groupId, detail));
}

// --- routes ----------------------------------------------------------------------------------

export const innovationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/innovation/programs',
    async handle(call) {
      const { context, session } = call;
      const programs: ProgramSummary[] = [];
      for (const p of await storeOf(context).programs()) {
        if ((await context.store.groups.visibleTo(p.group_id, session.user.id)) === null) continue;
        programs.push({
          id: p.id,
          name: p.name,
          groupId: p.group_id as GroupId,
          boardId: p.board_id as BoardId | null,
          isLead: await isLead(context, session, p),
          isMember: await isMember(context, session, p),
        });
      }
      return ok({ programs });
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/programs',
    async handle(call) {
      const { context, session, req } = call;
      const input = await readJson(req, createProgramBody);
      const group = await context.store.groups.visibleTo(input.groupId, session.user.id);
      if (group === null) {
        throw new ApiFailure(
          404,
          'group_not_found',
          'Ese grupo de trabajo no existe o usted no tiene acceso a él.',
        );
      }
      const program: ProgramRow = {
        id: randomUUID(),
        group_id: group.id,
        name: input.name,
        board_id: input.boardId ?? null,
      };
      await requireLead(context, session, program);
      if (program.board_id === null) {
        program.board_id = await createBoard(
          context,
          group.id,
          input.name,
          session.user.name,
          'openInnovation',
        );
      }
      const store = storeOf(context);
      await store.transaction(async (tx) => {
        await store.createProgram(tx, program, session.user.id);
        await store.audit(tx, 'innovation_program_created', session.user.id, group.id, {
          programId: program.id,
          name: program.name,
        });
      });
      const body: ProgramSummary = {
        id: program.id,
        name: program.name,
        groupId: group.id,
        boardId: program.board_id as BoardId,
        isLead: true,
        isMember: await isMember(context, session, program),
      };
      return created(body);
    },
  },
  // --- challenges ---
  {
    method: 'GET',
    path: '/api/innovation/programs/:programId/challenges',
    async handle(call) {
      const program = await visibleProgram(call, call.params.programId!);
      const challenges = await onlyVisible(
        call.context,
        call.session,
        program,
        await storeOf(call.context).challenges(program.id),
      );
      return ok({ challenges });
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/programs/:programId/challenges',
    async handle(call) {
      const { context, session, req } = call;
      const program = await visibleProgram(call, call.params.programId!);
      const input = await readJson(req, fileChallengeBody);
      const organization = session.user.organization;
      if (organization.kind !== 'mining_company' || !(await isMember(context, session, program))) {
        throw new ApiFailure(
          403,
          'forbidden',
          'Solo los miembros del programa que pertenecen a una empresa minera registran desafíos.',
        );
      }
      const groupId = program.group_id as GroupId;
      const docId = await createGroupDocument(
        context,
        groupId,
        input.title,
        session.user.name,
        challengeBlocks(organization.name, input),
      );
      const cardId =
        program.board_id === null
          ? null
          : await addLinkedCard(context, groupId, program.board_id as BoardId, {
              title: input.title,
              createdBy: session.user.name,
              docId,
              fields: {
                miningCompany: organization.name,
                operationalArea: AREA_NAMES[input.area],
                expectedImpact: input.expectedImpact,
              },
            });
      const store = storeOf(context);
      const id = randomUUID();
      await store.transaction(async (tx) => {
        await store.insertChallenge(tx, {
          id,
          programId: program.id,
          title: input.title,
          companyId: organization.id,
          operation: input.operation,
          area: input.area,
          problem: input.problem,
          currentPractice: input.currentPractice ?? '',
          constraints: input.constraints ?? '',
          expectedImpact: input.expectedImpact,
          indicators: input.indicators ?? '',
          dataAccess: input.dataAccess ?? '',
          confidentiality: input.confidentiality,
          status: 'filed',
          docId,
          cardId,
          filedBy: session.user.id,
        });
        await store.audit(tx, 'innovation_challenge_filed', session.user.id, groupId, {
          challengeId: id,
          docId,
          company: organization.id,
        });
      });
      return created(await store.challenge(id));
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/challenges/:challengeId/publish',
    async handle(call) {
      const { context, session } = call;
      const { challenge, program } = await visibleChallenge(call, call.params.challengeId!);
      await requireLead(context, session, program);
      if (challenge.status !== 'filed') {
        throw new ApiFailure(
          409,
          'challenge_not_filed',
          'Ese desafío ya fue publicado o fusionado.',
        );
      }
      const store = storeOf(context);
      await store.transaction(async (tx) => {
        await store.setChallengeStatus(tx, challenge.id, 'published');
        await store.audit(tx, 'innovation_challenge_published', session.user.id, program.group_id, {
          challengeId: challenge.id,
        });
      });
      return ok(await store.challenge(challenge.id));
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/challenges/:challengeId/merge',
    async handle(call) {
      const { context, session, req } = call;
      const { challenge, program } = await visibleChallenge(call, call.params.challengeId!);
      await requireLead(context, session, program);
      const input = await readJson(req, mergeChallengeBody);
      const store = storeOf(context);
      const target = await store.challenge(input.into);
      if (
        target === undefined ||
        target.programId !== program.id ||
        target.id === challenge.id ||
        target.status === 'merged' ||
        challenge.status === 'merged'
      ) {
        throw new ApiFailure(
          409,
          'challenge_not_filed',
          'Solo se fusiona un desafío vigente con otro desafío vigente del mismo programa.',
        );
      }
      await store.transaction(async (tx) => {
        await store.setChallengeStatus(tx, challenge.id, 'merged', target.id);
        await store.audit(tx, 'innovation_challenge_merged', session.user.id, program.group_id, {
          challengeId: challenge.id,
          into: target.id,
        });
      });
      return ok(await store.challenge(challenge.id));
    },
  },
  // --- calls ---
  {
    method: 'GET',
    path: '/api/innovation/programs/:programId/calls',
    async handle(call) {
      const program = await visibleProgram(call, call.params.programId!);
      const rows = await storeOf(call.context).calls(program.id);
      return ok({ calls: await Promise.all(rows.map((row) => toCall(call, row, program))) });
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/programs/:programId/calls',
    async handle(call) {
      const { context, session, req } = call;
      const program = await visibleProgram(call, call.params.programId!);
      await requireLead(context, session, program);
      const input = await readJson(req, openCallBody);
      const store = storeOf(context);
      for (const challengeId of input.challengeIds) {
        const challenge = await store.challenge(challengeId);
        if (
          challenge === undefined ||
          challenge.programId !== program.id ||
          challenge.status !== 'published'
        ) {
          throw new ApiFailure(
            409,
            'challenge_not_published',
            'Una convocatoria agrupa solo desafíos publicados de este programa.',
          );
        }
      }
      const id = randomUUID();
      await store.transaction(async (tx) => {
        await store.insertCall(
          tx,
          {
            id,
            program_id: program.id,
            title: input.title,
            description: input.description,
            eligible_kinds: [...new Set(input.eligibleKinds)].join(','),
            consortium_required: input.consortiumRequired ? 1 : 0,
            exclude_company_evaluators: input.excludeCompanyEvaluators ? 1 : 0,
            questions_until: Date.parse(input.questionsUntil),
            submissions_until: Date.parse(input.submissionsUntil),
            evaluation_until: Date.parse(input.evaluationUntil),
            opened_by: session.user.id,
          },
          [...new Set(input.challengeIds)],
          input.criteria.map((criterion) => ({ id: randomUUID(), ...criterion })),
        );
        await store.audit(tx, 'innovation_call_opened', session.user.id, program.group_id, {
          callId: id,
          challengeIds: input.challengeIds,
          criteria: input.criteria,
          submissionsUntil: input.submissionsUntil,
        });
      });
      if (program.board_id !== null) {
        for (const challengeId of input.challengeIds) {
          const cardId = (await store.challenge(challengeId))?.cardId;
          if (cardId) {
            await moveCardToColumn(
              context,
              program.group_id as GroupId,
              program.board_id as BoardId,
              cardId as CardId,
              1,
            );
          }
        }
      }
      return created(await toCall(call, (await store.call(id))!, program));
    },
  },
  {
    method: 'GET',
    path: '/api/innovation/calls/:callId',
    async handle(call) {
      const { row, program } = await visibleCall(call, call.params.callId!);
      return ok(await toCall(call, row, program));
    },
  },
  {
    method: 'PATCH',
    path: '/api/innovation/calls/:callId',
    async handle(call) {
      const { context, session, req } = call;
      const { row, program } = await visibleCall(call, call.params.callId!);
      await requireLead(context, session, program);
      const input = await readJson(req, updateCallBody);
      if (row.closed_at !== null) {
        throw new ApiFailure(
          409,
          'evaluation_closed',
          'La evaluación de esta convocatoria ya se cerró.',
        );
      }
      const dates = {
        questions_until: input.questionsUntil
          ? Date.parse(input.questionsUntil)
          : Number(row.questions_until),
        submissions_until: input.submissionsUntil
          ? Date.parse(input.submissionsUntil)
          : Number(row.submissions_until),
        evaluation_until: input.evaluationUntil
          ? Date.parse(input.evaluationUntil)
          : Number(row.evaluation_until),
      };
      if (
        dates.questions_until > dates.submissions_until ||
        dates.submissions_until > dates.evaluation_until
      ) {
        throw new ApiFailure(
          400,
          'invalid_body',
          'Revise las fechas: van en orden preguntas, postulación, evaluación.',
        );
      }
      const store = storeOf(context);
      await store.transaction(async (tx) => {
        await store.updateCallDates(tx, row.id, dates);
        await store.audit(tx, 'innovation_call_updated', session.user.id, program.group_id, {
          callId: row.id,
          before: {
            questionsUntil: iso(row.questions_until),
            submissionsUntil: iso(row.submissions_until),
            evaluationUntil: iso(row.evaluation_until),
          },
          after: input,
        });
      });
      return ok(await toCall(call, (await store.call(row.id))!, program));
    },
  },
  {
    method: 'GET',
    path: '/api/innovation/calls/:callId/questions',
    async handle(call) {
      const { row } = await visibleCall(call, call.params.callId!);
      return ok({ questions: await storeOf(call.context).questions(row.id) });
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/calls/:callId/questions',
    async handle(call) {
      const { context, session, req } = call;
      const { row } = await visibleCall(call, call.params.callId!);
      const input = await readJson(req, askQuestionBody);
      if (row.closed_at !== null || context.now() > Number(row.questions_until)) {
        throw new ApiFailure(
          409,
          'questions_closed',
          'El plazo de consultas de esta convocatoria ya venció.',
        );
      }
      const store = storeOf(context);
      const id = randomUUID();
      await store.transaction((tx) =>
        store.insertQuestion(tx, id, row.id, input.text, session.user.id),
      );
      return created({ questions: await store.questions(row.id) });
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/calls/:callId/questions/:questionId/answer',
    async handle(call) {
      const { context, session, req } = call;
      const { row, program } = await visibleCall(call, call.params.callId!);
      await requireLead(context, session, program);
      const input = await readJson(req, answerQuestionBody);
      const store = storeOf(context);
      if ((await store.question(row.id, call.params.questionId!)) === undefined) {
        throw notFound('question_not_found', 'Esa consulta no existe en esta convocatoria.');
      }
      await store.transaction((tx) =>
        store.answerQuestion(tx, call.params.questionId!, input.text, session.user.id),
      );
      return ok({ questions: await store.questions(row.id) });
    },
  },
  // --- proposals ---
  {
    method: 'GET',
    path: '/api/innovation/calls/:callId/proposals',
    async handle(call) {
      const { row, program } = await visibleCall(call, call.params.callId!);
      const all = await storeOf(call.context).proposals(row.id);
      const shown = await visibleProposals(call, row, program, all);
      return ok({ proposals: await toProposals(call, row, shown) });
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/calls/:callId/proposals',
    async handle(call) {
      const { context, session, req } = call;
      const { row, program } = await visibleCall(call, call.params.callId!);
      const input = await readJson(req, createProposalBody);
      const store = storeOf(context);
      const kinds = row.eligible_kinds.split(',');
      if (!kinds.includes(session.user.organization.kind)) {
        throw new ApiFailure(
          403,
          'not_eligible',
          'Las reglas de esta convocatoria no admiten postulaciones de su tipo de organización.',
        );
      }
      if (phaseOf(row, context.now()) !== 'open') {
        throw new ApiFailure(
          409,
          'deadline_passed',
          'El plazo de postulación de esta convocatoria ya venció.',
        );
      }
      const challengeIds = await store.callChallengeIds(row.id);
      const challenge = challengeIds.includes(input.challengeId)
        ? await store.challenge(input.challengeId)
        : undefined;
      if (
        challenge === undefined ||
        !(await canSeeChallenge(context, session, program, challenge))
      ) {
        throw notFound('challenge_not_found', 'Ese desafío no forma parte de esta convocatoria.');
      }
      const partners: string[] = [];
      for (const email of input.partnerEmails ?? []) {
        const user = await store.userByEmail(email);
        if (user === undefined || Number(user.disabled) === 1) {
          throw new ApiFailure(
            404,
            'user_not_found',
            `No hay una cuenta activa con el correo ${email}.`,
          );
        }
        if (user.id !== session.user.id && !partners.includes(user.id)) partners.push(user.id);
      }
      // The consortium's private space: a private working group, so the sync server's room access
      // keeps the draft from the challenge's company, the evaluators and other applicants.
      const group = await retryBusy(() =>
        context.store.transaction(async (tx) => {
          const made = await tx.groups.create({
            name: `Propuesta: ${input.title}`.slice(0, 120),
            purpose: `Espacio privado del consorcio para «${challenge.title}» (${row.title}).`,
            visibility: 'private',
          });
          await tx.groups.addMember(made.id, session.user.id, 'lead');
          for (const partner of partners) await tx.groups.addMember(made.id, partner, 'editor');
          await tx.audit.record({
            action: 'group_created',
            actorId: session.user.id,
            groupId: made.id,
            detail: JSON.stringify({ proposal: true }),
          });
          for (const partner of partners) {
            await tx.audit.record({
              action: 'membership_added',
              actorId: session.user.id,
              targetUserId: partner,
              groupId: made.id,
              detail: 'editor',
            });
          }
          return made;
        }),
      );
      for (const userId of [session.user.id, ...partners]) context.accessChanged(userId);
      const docId = await createGroupDocument(
        context,
        group.id,
        input.title,
        session.user.name,
        proposalBlocks(challenge, row.title),
      );
      const id = randomUUID();
      await store.transaction(async (tx) => {
        await store.insertProposal(tx, {
          id,
          call_id: row.id,
          challenge_id: challenge.id,
          title: input.title,
          group_id: group.id,
          doc_id: docId,
          status: 'draft',
          created_by: session.user.id,
          submitted_at: null,
          prepared_at: null,
          version_id: null,
          hash: null,
        });
        await store.audit(tx, 'innovation_proposal_created', session.user.id, group.id, {
          proposalId: id,
          callId: row.id,
          challengeId: challenge.id,
          partners,
        });
      });
      const { proposal, access } = await loadProposal(call, id);
      return created(await toProposal(call, proposal, row, access));
    },
  },
  {
    method: 'GET',
    path: '/api/innovation/proposals/:proposalId',
    async handle(call) {
      const { proposal, callRow, access } = await loadProposal(call, call.params.proposalId!);
      return ok(await toProposal(call, proposal, callRow, access));
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/proposals/:proposalId/submit',
    async handle(call) {
      const { context, session, req } = call;
      const { proposal, callRow, access } = await loadProposal(call, call.params.proposalId!);
      const input = await readJson(req, submitProposalBody, true);
      if (!access.consortiumWriter) {
        throw new ApiFailure(
          403,
          'forbidden',
          'Solo quienes redactan la propuesta (líder o editores del consorcio) pueden enviarla.',
        );
      }
      if (proposal.status !== 'draft') {
        throw new ApiFailure(
          409,
          'already_submitted',
          'Esta propuesta ya fue enviada; la versión enviada no cambia.',
        );
      }
      const store = storeOf(context);
      const consortium = await store.consortium(proposal);
      if (Number(callRow.consortium_required) === 1 && consortium.length < 2) {
        throw new ApiFailure(
          409,
          'consortium_required',
          'Esta convocatoria exige un consorcio: sume al menos otra organización antes de enviar.',
        );
      }
      const now = context.now();
      const deadline = Number(callRow.submissions_until);
      const preparedAt = input.preparedAt === undefined ? null : Date.parse(input.preparedAt);
      let status: 'submitted' | 'late';
      if (callRow.closed_at === null && now <= deadline) status = 'submitted';
      else if (preparedAt !== null && preparedAt <= deadline) status = 'late';
      else {
        await audit(context, session, 'innovation_submission_refused', proposal.group_id, {
          proposalId: proposal.id,
          deadline: iso(deadline),
          receivedAt: iso(now),
        });
        throw new ApiFailure(
          409,
          'deadline_passed',
          'El plazo de postulación ya venció (hora del servidor); la propuesta no se envió y sigue como borrador.',
        );
      }
      // The submission freezes the document's committed state as a version: what evaluators read.
      const doc = await committedDocument(
        context,
        proposal.group_id as GroupId,
        proposal.doc_id as DocId,
      );
      if (input.stateVector !== undefined && !holds(doc, input.stateVector)) {
        doc.destroy();
        throw new ApiFailure(
          409,
          'proposal_not_synced',
          'Hay cambios de la propuesta que aún no llegan al servidor: se enviará cuando terminen de sincronizarse.',
        );
      }
      const state = Y.encodeStateAsUpdate(doc);
      const hash = contentHash(state);
      const versionId = randomUUID();
      await retryBusy(() =>
        context.store.versions.create({
          id: versionId,
          groupId: proposal.group_id,
          docId: proposal.doc_id,
          kind: 'named',
          name: status === 'late' ? 'Propuesta enviada (fuera de plazo)' : 'Propuesta enviada',
          note: callRow.title,
          authorId: session.user.id,
          createdAt: now,
          stateVector: Y.encodeStateVector(doc),
          state,
          hash,
        }),
      );
      doc.destroy();
      const changed = await store.transaction(async (tx) => {
        const changes = await store.markSubmitted(
          tx,
          proposal.id,
          status,
          versionId,
          hash,
          preparedAt,
        );
        if (changes === 0) return 0;
        await store.freezeConsortium(
          tx,
          proposal.id,
          consortium.map((organization) => organization.id),
        );
        await store.audit(tx, 'version_created', session.user.id, proposal.group_id, {
          docId: proposal.doc_id,
          versionId,
          hash,
        });
        await store.audit(tx, 'innovation_proposal_submitted', session.user.id, proposal.group_id, {
          proposalId: proposal.id,
          versionId,
          hash,
          status,
          preparedAt: input.preparedAt ?? null,
        });
        return changes;
      });
      if (changed === 0) {
        throw new ApiFailure(
          409,
          'already_submitted',
          'Esta propuesta ya fue enviada; la versión enviada no cambia.',
        );
      }
      const fresh = await loadProposal(call, proposal.id);
      return ok(await toProposal(call, fresh.proposal, callRow, fresh.access));
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/proposals/:proposalId/admit',
    async handle(call) {
      const { context, session } = call;
      const { proposal, callRow, program } = await loadProposal(call, call.params.proposalId!);
      await requireLead(context, session, program);
      if (proposal.status !== 'late' || callRow.closed_at !== null) {
        throw new ApiFailure(
          409,
          'proposal_not_late',
          'Solo se admite una propuesta fuera de plazo, antes de cerrar la evaluación.',
        );
      }
      const store = storeOf(context);
      await store.transaction(async (tx) => {
        await store.setProposalStatus(tx, proposal.id, 'submitted');
        await store.audit(tx, 'innovation_late_admitted', session.user.id, program.group_id, {
          proposalId: proposal.id,
        });
      });
      const fresh = await loadProposal(call, proposal.id);
      return ok(await toProposal(call, fresh.proposal, callRow, fresh.access));
    },
  },
  {
    // The frozen version, the only form in which anyone outside the consortium reads a proposal.
    method: 'GET',
    path: '/api/innovation/proposals/:proposalId/submission',
    async handle(call) {
      const { context, session } = call;
      const { proposal, callRow, access } = await loadProposal(call, call.params.proposalId!);
      if (proposal.version_id === null) {
        throw notFound('proposal_not_found', 'Esta propuesta aún no fue enviada.');
      }
      if (access.evaluator && !access.lead && !access.consortium) {
        const conflict = await conflictOf(context, callRow, proposal, session.user.id);
        if (conflict !== null) {
          throw new ApiFailure(
            403,
            'conflict_of_interest',
            'Usted tiene un conflicto de interés con esta propuesta: no la evalúa.',
          );
        }
      }
      const version = await context.store.versions.get(
        proposal.group_id,
        proposal.doc_id,
        proposal.version_id,
      );
      if (version === null)
        throw notFound('proposal_not_found', 'No se encontró la versión enviada.');
      const body: SubmissionResponse = {
        proposalId: proposal.id,
        versionId: version.id,
        hash: version.hash,
        stateVector: Buffer.from(version.stateVector).toString('base64'),
        update: Buffer.from(version.state).toString('base64'),
        submittedAt: iso(proposal.submitted_at ?? 0),
        status: proposal.status,
      };
      return ok(body);
    },
  },
  // --- evaluation ---
  {
    method: 'POST',
    path: '/api/innovation/calls/:callId/evaluators',
    async handle(call) {
      const { context, session, req } = call;
      const { row, program } = await visibleCall(call, call.params.callId!);
      await requireLead(context, session, program);
      const input = await readJson(req, assignEvaluatorBody);
      if (row.closed_at !== null) {
        throw new ApiFailure(
          409,
          'evaluation_closed',
          'La evaluación de esta convocatoria ya se cerró.',
        );
      }
      const store = storeOf(context);
      const user = await store.userByEmail(input.email);
      if (user === undefined || Number(user.disabled) === 1) {
        throw new ApiFailure(
          404,
          'user_not_found',
          `No hay una cuenta activa con el correo ${input.email}.`,
        );
      }
      if (await store.isEvaluator(row.id, user.id)) {
        throw new ApiFailure(409, 'evaluator_exists', 'Esa persona ya evalúa esta convocatoria.');
      }
      await store.transaction(async (tx) => {
        await store.assignEvaluator(tx, row.id, user.id, session.user.id);
        await tx.run(
          'INSERT INTO audit_log (at, action, actor_id, email, target_user_id, group_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [
            context.now(),
            'innovation_evaluator_assigned',
            session.user.id,
            null,
            user.id,
            program.group_id,
            JSON.stringify({ callId: row.id }),
          ],
        );
      });
      return created({ evaluators: await store.evaluators(row.id) });
    },
  },
  {
    method: 'GET',
    path: '/api/innovation/calls/:callId/evaluation',
    async handle(call) {
      const { context, session } = call;
      const { row, program } = await visibleCall(call, call.params.callId!);
      const store = storeOf(context);
      const lead = await isLead(context, session, program);
      const evaluator = await store.isEvaluator(row.id, session.user.id);
      if (!lead && !evaluator) {
        throw new ApiFailure(
          403,
          'not_an_evaluator',
          'Solo la coordinación y las personas evaluadoras de esta convocatoria ven la evaluación.',
        );
      }
      const closed = row.closed_at !== null;
      const evaluable = (await store.proposals(row.id)).filter((p) => p.status !== 'draft');
      const evaluators = await store.evaluators(row.id);
      const criteria = await store.criteria(row.id);
      const mine: MyEvaluation[] = [];
      if (evaluator) {
        for (const proposal of evaluable) {
          const challenge = await store.challenge(proposal.challenge_id);
          const conflict = await conflictOf(context, row, proposal, session.user.id);
          const scores =
            conflict === null ? await store.scoresOf(proposal.id, session.user.id) : [];
          mine.push({
            proposalId: proposal.id,
            title: proposal.title,
            challengeTitle: challenge?.title ?? '',
            status: proposal.status,
            conflict,
            scores,
            complete: scores.length === criteria.length,
          });
        }
      }
      const progress = [];
      if (lead && !closed) {
        for (const proposal of evaluable) {
          const challenge = await store.challenge(proposal.challenge_id);
          let eligible = 0;
          let completed = 0;
          const conflicts = [];
          for (const entry of evaluators) {
            const conflict = await conflictOf(context, row, proposal, entry.evaluator.id);
            if (conflict !== null) {
              conflicts.push({ evaluator: entry.evaluator, reason: conflict.reason });
              continue;
            }
            eligible++;
            // Counted, never shown: the lead learns who is done, not what they gave.
            if ((await store.scoresOf(proposal.id, entry.evaluator.id)).length === criteria.length)
              completed++;
          }
          progress.push({
            proposalId: proposal.id,
            title: proposal.title,
            challengeTitle: challenge?.title ?? '',
            status: proposal.status,
            eligible,
            completed,
            conflicts,
          });
        }
      }
      const body: EvaluationResponse = {
        callId: row.id,
        phase: phaseOf(row, context.now()),
        criteria,
        isLead: lead,
        isEvaluator: evaluator,
        evaluators,
        mine,
        progress,
        results: closed ? await results(context, row) : null,
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/proposals/:proposalId/conflict',
    async handle(call) {
      const { context, session, req } = call;
      const { proposal, callRow, program, access } = await loadProposal(
        call,
        call.params.proposalId!,
      );
      const input = await readJson(req, declareConflictBody);
      if (!access.evaluator) {
        throw new ApiFailure(
          403,
          'not_an_evaluator',
          'Solo las personas evaluadoras de esta convocatoria declaran conflictos.',
        );
      }
      if (callRow.closed_at !== null) {
        throw new ApiFailure(
          409,
          'evaluation_closed',
          'La evaluación de esta convocatoria ya se cerró.',
        );
      }
      const store = storeOf(context);
      await store.transaction(async (tx) => {
        await store.recordConflict(tx, proposal.id, session.user.id, 'declared', input.note);
        // Scores given before the declaration no longer count.
        await tx.run('DELETE FROM innovation_scores WHERE proposal_id = ? AND evaluator_id = ?', [
          proposal.id,
          session.user.id,
        ]);
        await store.audit(tx, 'innovation_conflict_declared', session.user.id, program.group_id, {
          proposalId: proposal.id,
          callId: callRow.id,
          note: input.note,
        });
      });
      return created({ conflict: { reason: 'declared', note: input.note } });
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/proposals/:proposalId/scores',
    async handle(call) {
      const { context, session, req } = call;
      const { proposal, callRow, program, access } = await loadProposal(
        call,
        call.params.proposalId!,
      );
      const input = await readJson(req, scoresBody);
      if (!access.evaluator) {
        throw new ApiFailure(
          403,
          'not_an_evaluator',
          'Solo las personas evaluadoras asignadas a esta convocatoria califican.',
        );
      }
      if (callRow.closed_at !== null) {
        throw new ApiFailure(
          409,
          'evaluation_closed',
          'La evaluación de esta convocatoria ya se cerró; los puntajes no cambian.',
        );
      }
      if (proposal.status !== 'submitted') {
        throw new ApiFailure(
          409,
          'proposal_not_evaluable',
          'Solo se califican propuestas enviadas en plazo (o admitidas por la coordinación).',
        );
      }
      const conflict = await conflictOf(context, callRow, proposal, session.user.id);
      if (conflict !== null) {
        await audit(context, session, 'innovation_score_refused', program.group_id, {
          proposalId: proposal.id,
          callId: callRow.id,
          reason: conflict.reason,
        });
        throw new ApiFailure(
          403,
          'conflict_of_interest',
          `Usted tiene un conflicto de interés con esta propuesta: ${conflict.note}`,
        );
      }
      const store = storeOf(context);
      const criteria = await store.criteria(callRow.id);
      const given = new Set(input.scores.map((s) => s.criterionId));
      if (
        given.size !== input.scores.length ||
        criteria.some((c) => !given.has(c.id)) ||
        given.size !== criteria.length
      ) {
        throw new ApiFailure(
          400,
          'scores_incomplete',
          'Califique cada criterio de la convocatoria una vez, con su justificación.',
        );
      }
      await store.transaction(async (tx) => {
        for (const score of input.scores)
          await store.writeScore(tx, proposal.id, session.user.id, score);
        // The values stay out of the log: it is read by admins, who are not evaluators.
        await store.audit(tx, 'innovation_scores_recorded', session.user.id, program.group_id, {
          proposalId: proposal.id,
          callId: callRow.id,
          hash: proposal.hash,
          criteria: input.scores.length,
        });
      });
      const challenge = await store.challenge(proposal.challenge_id);
      const scores = await store.scoresOf(proposal.id, session.user.id);
      const body: MyEvaluation = {
        proposalId: proposal.id,
        title: proposal.title,
        challengeTitle: challenge?.title ?? '',
        status: proposal.status,
        conflict: null,
        scores,
        complete: scores.length === criteria.length,
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/innovation/calls/:callId/close-evaluation',
    async handle(call) {
      const { context, session } = call;
      const { row, program } = await visibleCall(call, call.params.callId!);
      await requireLead(context, session, program);
      if (row.closed_at !== null) {
        throw new ApiFailure(
          409,
          'evaluation_closed',
          'La evaluación de esta convocatoria ya se cerró.',
        );
      }
      if (context.now() <= Number(row.submissions_until)) {
        throw new ApiFailure(
          409,
          'evaluation_open',
          'La postulación sigue abierta: la evaluación se cierra después del plazo de envío.',
        );
      }
      const store = storeOf(context);
      await store.transaction(async (tx) => {
        await store.closeCall(tx, row.id);
        await store.audit(tx, 'innovation_evaluation_closed', session.user.id, program.group_id, {
          callId: row.id,
        });
      });
      const closed = (await store.call(row.id))!;
      const ranking = await results(context, closed);
      await audit(context, session, 'innovation_ranking_published', program.group_id, {
        callId: row.id,
        ranking: ranking.map((r) => ({
          proposalId: r.proposalId,
          rank: r.rank,
          score: r.score,
          spread: r.spread,
          disagreement: r.disagreement,
        })),
      });
      return ok(await toCall(call, closed, program));
    },
  },
  // --- portfolio ---
  {
    method: 'POST',
    path: '/api/innovation/proposals/:proposalId/project',
    async handle(call) {
      const { context, session, req } = call;
      const { proposal, callRow, program } = await loadProposal(call, call.params.proposalId!);
      await requireLead(context, session, program);
      const input = await readJson(req, createProjectBody);
      if (callRow.closed_at === null) {
        throw new ApiFailure(
          409,
          'evaluation_open',
          'Primero cierre la evaluación: el portafolio se arma con sus resultados.',
        );
      }
      if (proposal.status !== 'submitted') {
        throw new ApiFailure(
          409,
          'project_exists',
          'Esta propuesta ya es un proyecto o no fue evaluada.',
        );
      }
      const store = storeOf(context);
      for (const entry of input.cofinancing) {
        if ((await store.organization(entry.organizationId)) === undefined) {
          throw new ApiFailure(
            404,
            'organization_not_found',
            'Una organización cofinanciadora no existe.',
          );
        }
      }
      const ranking = await results(context, callRow);
      const score = ranking.find((r) => r.proposalId === proposal.id)?.score ?? null;
      const groupId = proposal.group_id as GroupId;
      // The program lead follows the project on its board, in the consortium's group.
      if ((await context.store.groups.roleOf(session.user.id, groupId)) === null) {
        await retryBusy(() =>
          context.store.transaction(async (tx) => {
            await tx.groups.addMember(groupId, session.user.id, 'editor');
            await tx.audit.record({
              action: 'membership_added',
              actorId: session.user.id,
              targetUserId: session.user.id,
              groupId,
              detail: 'editor',
            });
          }),
        );
        context.accessChanged(session.user.id);
      }
      const title = input.title ?? proposal.title;
      const boardId = await createBoard(
        context,
        groupId,
        `Hitos: ${title}`.slice(0, 120),
        session.user.name,
        ['Por iniciar', 'En curso', 'Logrado'],
      );
      for (const milestone of input.milestones ?? []) {
        await addLinkedCard(context, groupId, boardId, {
          title: milestone.title,
          createdBy: session.user.name,
          docId: proposal.doc_id as DocId,
          dueDate: milestone.due,
        });
      }
      const id = randomUUID();
      await store.transaction(async (tx) => {
        await store.insertProject(
          tx,
          {
            id,
            program_id: program.id,
            proposal_id: proposal.id,
            title,
            status: 'piloto',
            region: input.region,
            budget: input.budget,
            score_hundredths: score === null ? null : Math.round(score * 100),
            board_id: boardId,
          },
          session.user.id,
        );
        await store.replaceCofinancing(tx, id, input.cofinancing);
        await store.replaceIndicators(
          tx,
          id,
          (input.indicators ?? []).map((i) => ({
            id: randomUUID(),
            name: i.name,
            unit: i.unit ?? '',
            target: i.target,
            reported: i.reported ?? null,
          })),
        );
        await store.setProposalStatus(tx, proposal.id, 'selected');
        await store.audit(tx, 'innovation_project_created', session.user.id, program.group_id, {
          projectId: id,
          proposalId: proposal.id,
          budget: input.budget,
        });
      });
      const challenge = await store.challenge(proposal.challenge_id);
      if (program.board_id !== null && challenge?.cardId) {
        await moveCardToColumn(
          context,
          program.group_id as GroupId,
          program.board_id as BoardId,
          challenge.cardId as CardId,
          3,
        );
      }
      return created(await toProject(call, id));
    },
  },
  {
    method: 'GET',
    path: '/api/innovation/programs/:programId/projects',
    async handle(call) {
      const program = await visibleProgram(call, call.params.programId!);
      const q = call.query;
      const projects: Project[] = [];
      for (const project of await toProjects(
        call,
        await storeOf(call.context).projects(program.id),
      )) {
        const has = (kind: OrganizationKind, id: string | null) =>
          id === null || project.consortium.some((o) => o.kind === kind && o.id === id);
        if (
          q.get('status') !== null &&
          q.get('status') !== '' &&
          project.status !== q.get('status')
        )
          continue;
        if (q.get('challenge') && project.challenge.id !== q.get('challenge')) continue;
        if (q.get('company') && project.challenge.company.id !== q.get('company')) continue;
        if (q.get('region') && project.region !== q.get('region')) continue;
        if (!has('mets_supplier', q.get('supplier') || null)) continue;
        if (!has('academia', q.get('university') || null)) continue;
        projects.push(project);
      }
      return ok({ projects });
    },
  },
  {
    method: 'GET',
    path: '/api/innovation/projects/:projectId',
    async handle(call) {
      const project = await toProject(call, call.params.projectId!);
      if (project === null) throw notFound('project_not_found', 'Ese proyecto no existe.');
      await visibleProgram(call, project.programId);
      return ok(project);
    },
  },
  {
    method: 'PATCH',
    path: '/api/innovation/projects/:projectId',
    async handle(call) {
      const { context, session, req } = call;
      const project = await toProject(call, call.params.projectId!);
      if (project === null) throw notFound('project_not_found', 'Ese proyecto no existe.');
      const program = await visibleProgram(call, project.programId);
      if (!project.canEdit) {
        throw new ApiFailure(
          403,
          'forbidden',
          'Solo la coordinación del programa y el equipo del proyecto actualizan sus datos.',
        );
      }
      const input = await readJson(req, updateProjectBody);
      const store = storeOf(context);
      for (const entry of input.cofinancing ?? []) {
        if ((await store.organization(entry.organizationId)) === undefined) {
          throw new ApiFailure(
            404,
            'organization_not_found',
            'Una organización cofinanciadora no existe.',
          );
        }
      }
      await store.transaction(async (tx) => {
        await store.updateProject(tx, project.id, input);
        if (input.cofinancing !== undefined)
          await store.replaceCofinancing(tx, project.id, input.cofinancing);
        if (input.indicators !== undefined) {
          await store.replaceIndicators(
            tx,
            project.id,
            input.indicators.map((i) => ({
              id: i.id ?? randomUUID(),
              name: i.name,
              unit: i.unit ?? '',
              target: i.target,
              reported: i.reported ?? null,
            })),
          );
        }
        await store.audit(tx, 'innovation_project_updated', session.user.id, program.group_id, {
          projectId: project.id,
          changes: input,
        });
      });
      return ok(await toProject(call, project.id));
    },
  },
];

/**
 * Whether the stored document holds everything the submitter's copy held, i.e. no edit made on
 * their computer is missing from it.
 */
function holds(doc: Y.Doc, stateVectorBase64: string): boolean {
  try {
    return docHolds(doc, Buffer.from(stateVectorBase64, 'base64'));
  } catch {
    throw new ApiFailure(
      400,
      'invalid_body',
      'Revise el campo «stateVector»: no es un vector de estado de Yjs.',
    );
  }
}
