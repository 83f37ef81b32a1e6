/**
 * The open-innovation program's server-authoritative records (issue 14), written against the
 * async, dialect-neutral `Sql` (db/sql.ts) so they run on SQLite and PostgreSQL alike. This module
 * reads and writes rows; who may do what is decided in routes.ts. Every evaluation step is
 * appended to the workspace's audit log in the same transaction as the change it records.
 */
import type { Organization, OrganizationKind } from '../../shared/model/accounts';
import type { DocId } from '../../shared/model/ids';
import type { AuditAction } from '../../shared/protocol/api';
import type {
  Challenge,
  ChallengeArea,
  ChallengeConfidentiality,
  ChallengeStatus,
  ConflictReason,
  CriterionScore,
  Criterion,
  PersonRef,
  Project,
  ProjectIndicator,
  ProjectStatus,
  ProposalStatus,
} from '../../shared/protocol/innovationApi';
import { placeholders, type Sql } from '../db/sql';

export interface ProgramRow {
  id: string;
  group_id: string;
  name: string;
  board_id: string | null;
}

interface ChallengeRow {
  id: string;
  program_id: string;
  title: string;
  company_id: string;
  company_name: string;
  company_kind: OrganizationKind;
  operation: string;
  area: ChallengeArea;
  problem: string;
  current_practice: string;
  constraints_text: string;
  expected_impact: string;
  indicators: string;
  data_access: string;
  confidentiality: ChallengeConfidentiality;
  status: ChallengeStatus;
  merged_into: string | null;
  doc_id: string;
  card_id: string | null;
  filed_by: string;
  filed_at: number;
  published_at: number | null;
}

export interface CallRow {
  id: string;
  program_id: string;
  title: string;
  description: string;
  eligible_kinds: string;
  consortium_required: number;
  exclude_company_evaluators: number;
  questions_until: number;
  submissions_until: number;
  evaluation_until: number;
  closed_at: number | null;
  opened_by: string;
  opened_at: number;
}

export interface ProposalRow {
  id: string;
  call_id: string;
  challenge_id: string;
  title: string;
  group_id: string;
  doc_id: string;
  status: ProposalStatus;
  created_by: string;
  created_at: number;
  submitted_at: number | null;
  prepared_at: number | null;
  version_id: string | null;
  hash: string | null;
  /** The consortium's organization ids as frozen at submission (comma-separated); null in a draft. */
  consortium_orgs?: string | null;
}

export interface ProjectRow {
  id: string;
  program_id: string;
  proposal_id: string;
  title: string;
  status: ProjectStatus;
  region: string;
  budget: number;
  score_hundredths: number | null;
  board_id: string | null;
  created_at: number;
}

interface QuestionRow {
  id: string;
  text: string;
  asked_by: string;
  asked_at: number;
  answer: string | null;
  answered_by: string | null;
  answered_at: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

const BUSY = /^SQLITE_BUSY/;
const BUSY_RETRIES = 8;

/**
 * Runs `work`, again after a short wait while SQLite answers BUSY. The program's requests write
 * live rooms (whose commits hold the file's write lock for a moment) right before their own
 * records, so a short busy wait is expected here, not a fault to show as 503. `work` must have
 * no effect outside its transaction, which is rolled back before each retry.
 */
export async function retryBusy<T>(work: () => Promise<T> | T): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= BUSY_RETRIES || typeof code !== 'string' || !BUSY.test(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 4)));
    }
  }
}
const num = (value: number | bigint) => Number(value);

type Cofinancing = Project['cofinancing'][number];

export class InnovationStore {
  constructor(
    readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  /** One transaction over the program's tables, retried while the file is busy. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return retryBusy(() => this.sql.transaction(work));
  }

  /** Appends to the workspace audit log (through `tx` when inside a transaction). */
  async audit(
    tx: Sql,
    action: AuditAction,
    actorId: string,
    groupId: string | null,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await tx.run(
      'INSERT INTO audit_log (at, action, actor_id, email, target_user_id, group_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [this.now(), action, actorId, null, null, groupId, JSON.stringify(detail)],
    );
  }

  // --- people -------------------------------------------------------------------------------

  async person(userId: string, sql: Sql = this.sql): Promise<PersonRef> {
    return (await this.people([userId], sql)).get(userId)!;
  }

  /** Several people in one query; an id with no user reads as a nameless person. */
  async people(userIds: readonly string[], sql: Sql = this.sql): Promise<Map<string, PersonRef>> {
    const ids = [...new Set(userIds)];
    const rows =
      ids.length === 0
        ? []
        : await sql.all<{
            id: string;
            name: string;
            org_id: string;
            org_name: string;
            org_kind: OrganizationKind;
          }>(
            `SELECT u.id, u.name, o.id AS org_id, o.name AS org_name, o.kind AS org_kind
             FROM users u JOIN organizations o ON o.id = u.organization_id
             WHERE u.id IN (${placeholders(ids)})`,
            ids,
          );
    const found = new Map(
      rows.map((row): [string, PersonRef] => [
        row.id,
        {
          id: row.id,
          name: row.name,
          organization: { id: row.org_id, name: row.org_name, kind: row.org_kind },
        },
      ]),
    );
    return new Map(
      ids.map((id) => [
        id,
        found.get(id) ?? { id, name: '', organization: { id: '', name: '', kind: 'other' } },
      ]),
    );
  }

  async userByEmail(email: string): Promise<{ id: string; disabled: number } | undefined> {
    return this.sql.get('SELECT id, disabled FROM users WHERE lower(email) = lower(?)', [email]);
  }

  async organization(id: string): Promise<Organization | undefined> {
    return this.sql.get<Organization>('SELECT id, name, kind FROM organizations WHERE id = ?', [
      id,
    ]);
  }

  /**
   * A proposal's consortium: the organizations of its private group while it is a draft, the ones
   * frozen at submission afterwards (the program lead joining the project's group later, to follow
   * its board, does not make their organization a partner).
   */
  async consortium(proposal: ProposalRow, sql: Sql = this.sql): Promise<Organization[]> {
    return (await this.consortia([proposal], sql)).get(proposal.id)!;
  }

  /** The consortia of several proposals: one query for the frozen ones, one for the drafts. */
  async consortia(
    proposals: readonly ProposalRow[],
    sql: Sql = this.sql,
  ): Promise<Map<string, Organization[]>> {
    const frozen = new Map(
      proposals
        .filter((p) => p.consortium_orgs !== null && p.consortium_orgs !== undefined)
        .map((p) => [p.id, p.consortium_orgs!.split(',').filter((id) => id !== '')]),
    );
    const ids = [...new Set([...frozen.values()].flat())];
    const organizations = new Map(
      (ids.length === 0
        ? []
        : await sql.all<Organization>(
            `SELECT id, name, kind FROM organizations WHERE id IN (${placeholders(ids)})`,
            ids,
          )
      ).map((o) => [o.id, o]),
    );
    const drafts = await this.groupsOrganizations(
      proposals.filter((p) => !frozen.has(p.id)).map((p) => p.group_id),
      sql,
    );
    return new Map(
      proposals.map((p) => {
        const orgIds = frozen.get(p.id);
        if (orgIds === undefined) return [p.id, drafts.get(p.group_id) ?? []];
        return [
          p.id,
          [...new Set(orgIds)]
            .flatMap((id) => organizations.get(id) ?? [])
            .sort((a, b) => a.name.localeCompare(b.name, 'es')),
        ];
      }),
    );
  }

  async freezeConsortium(tx: Sql, proposalId: string, organizationIds: string[]): Promise<void> {
    await tx.run('UPDATE innovation_proposals SET consortium_orgs = ? WHERE id = ?', [
      organizationIds.join(','),
      proposalId,
    ]);
  }

  /** The organizations with a member in a group: a draft proposal's consortium. */
  async groupOrganizations(groupId: string, sql: Sql = this.sql): Promise<Organization[]> {
    return (await this.groupsOrganizations([groupId], sql)).get(groupId) ?? [];
  }

  /** groupOrganizations of several groups in one query. */
  private async groupsOrganizations(
    groupIds: readonly string[],
    sql: Sql,
  ): Promise<Map<string, Organization[]>> {
    return this.perOwner<Organization & { owner: string }, Organization>(
      groupIds,
      (list) => `SELECT DISTINCT m.group_id AS owner, o.id, o.name, o.kind FROM memberships m
       JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = u.organization_id
       WHERE m.group_id IN (${list}) ORDER BY o.name`,
      ({ owner: _, ...organization }) => organization,
      sql,
    );
  }

  /**
   * Rows of several owners (groups, projects) read in one query, as each owner's list in the
   * query's order: `select` gets the `?` list for the owners' ids and names the owner `owner`.
   */
  private async perOwner<Row extends { owner: string }, Value>(
    ownerIds: readonly string[],
    select: (list: string) => string,
    value: (row: Row) => Value,
    sql: Sql = this.sql,
  ): Promise<Map<string, Value[]>> {
    const ids = [...new Set(ownerIds)];
    const lists = new Map<string, Value[]>();
    if (ids.length === 0) return lists;
    for (const row of await sql.all<Row>(select(placeholders(ids)), ids)) {
      const list = lists.get(row.owner);
      if (list === undefined) lists.set(row.owner, [value(row)]);
      else list.push(value(row));
    }
    return lists;
  }

  // --- programs -----------------------------------------------------------------------------

  async programs(): Promise<ProgramRow[]> {
    return this.sql.all<ProgramRow>(
      'SELECT id, group_id, name, board_id FROM innovation_programs ORDER BY created_at',
    );
  }

  async program(id: string): Promise<ProgramRow | undefined> {
    return this.sql.get<ProgramRow>(
      'SELECT id, group_id, name, board_id FROM innovation_programs WHERE id = ?',
      [id],
    );
  }

  async createProgram(tx: Sql, row: ProgramRow, createdBy: string): Promise<void> {
    await tx.run(
      'INSERT INTO innovation_programs (id, group_id, name, board_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [row.id, row.group_id, row.name, row.board_id, createdBy, this.now()],
    );
  }

  // --- challenges ---------------------------------------------------------------------------

  private static readonly CHALLENGE_SELECT = `SELECT c.*, o.name AS company_name, o.kind AS company_kind
    FROM innovation_challenges c JOIN organizations o ON o.id = c.company_id`;

  async challenges(programId: string): Promise<Challenge[]> {
    const rows = await this.sql.all<ChallengeRow>(
      `${InnovationStore.CHALLENGE_SELECT} WHERE c.program_id = ? ORDER BY c.filed_at, c.id`,
      [programId],
    );
    return this.toChallenges(rows);
  }

  async challenge(id: string, sql: Sql = this.sql): Promise<Challenge | undefined> {
    const row = await sql.get<ChallengeRow>(`${InnovationStore.CHALLENGE_SELECT} WHERE c.id = ?`, [
      id,
    ]);
    return row === undefined ? undefined : (await this.toChallenges([row], sql))[0];
  }

  /** The challenges with these ids, in their order (undefined where none exists). */
  async challengesIn(ids: readonly string[]): Promise<Array<Challenge | undefined>> {
    const rows =
      ids.length === 0
        ? []
        : await this.sql.all<ChallengeRow>(
            `${InnovationStore.CHALLENGE_SELECT} WHERE c.id IN (${placeholders(ids)})`,
            [...ids],
          );
    const byId = new Map((await this.toChallenges(rows)).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id));
  }

  private async toChallenges(rows: ChallengeRow[], sql: Sql = this.sql): Promise<Challenge[]> {
    const people = await this.people(
      rows.map((row) => row.filed_by),
      sql,
    );
    return rows.map((row) => this.toChallenge(row, people.get(row.filed_by)!));
  }

  private toChallenge(row: ChallengeRow, filedBy: PersonRef): Challenge {
    return {
      id: row.id,
      programId: row.program_id,
      title: row.title,
      company: { id: row.company_id, name: row.company_name, kind: row.company_kind },
      operation: row.operation,
      area: row.area,
      problem: row.problem,
      currentPractice: row.current_practice,
      constraints: row.constraints_text,
      expectedImpact: row.expected_impact,
      indicators: row.indicators,
      dataAccess: row.data_access,
      confidentiality: row.confidentiality,
      status: row.status,
      mergedInto: row.merged_into,
      docId: row.doc_id as DocId,
      cardId: row.card_id,
      filedBy,
      filedAt: iso(num(row.filed_at)),
      publishedAt: row.published_at === null ? null : iso(num(row.published_at)),
    };
  }

  async insertChallenge(
    tx: Sql,
    c: Omit<Challenge, 'company' | 'filedBy' | 'filedAt' | 'publishedAt' | 'mergedInto'> & {
      companyId: string;
      filedBy: string;
    },
  ): Promise<void> {
    await tx.run(
      `INSERT INTO innovation_challenges (id, program_id, title, company_id, operation, area, problem,
         current_practice, constraints_text, expected_impact, indicators, data_access, confidentiality,
         status, merged_into, doc_id, card_id, filed_by, filed_at, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
      [
        c.id,
        c.programId,
        c.title,
        c.companyId,
        c.operation,
        c.area,
        c.problem,
        c.currentPractice,
        c.constraints,
        c.expectedImpact,
        c.indicators,
        c.dataAccess,
        c.confidentiality,
        c.status,
        c.docId,
        c.cardId,
        c.filedBy,
        this.now(),
        c.status === 'published' ? this.now() : null,
      ],
    );
  }

  async setChallengeStatus(
    tx: Sql,
    id: string,
    status: ChallengeStatus,
    mergedInto: string | null = null,
  ): Promise<void> {
    await tx.run(
      `UPDATE innovation_challenges SET status = ?, merged_into = ?,
         published_at = CASE WHEN ? = 'published' THEN ? ELSE published_at END WHERE id = ?`,
      [status, mergedInto, status, this.now(), id],
    );
  }

  // --- calls --------------------------------------------------------------------------------

  async calls(programId: string): Promise<CallRow[]> {
    return this.sql.all<CallRow>(
      'SELECT * FROM innovation_calls WHERE program_id = ? ORDER BY opened_at DESC, id',
      [programId],
    );
  }

  async call(id: string, sql: Sql = this.sql): Promise<CallRow | undefined> {
    return sql.get<CallRow>('SELECT * FROM innovation_calls WHERE id = ?', [id]);
  }

  async callChallengeIds(callId: string, sql: Sql = this.sql): Promise<string[]> {
    const rows = await sql.all<{ challenge_id: string }>(
      'SELECT challenge_id FROM innovation_call_challenges WHERE call_id = ? ORDER BY position',
      [callId],
    );
    return rows.map((row) => row.challenge_id);
  }

  async criteria(callId: string, sql: Sql = this.sql): Promise<Criterion[]> {
    const rows = await sql.all<{ id: string; name: string; weight: number }>(
      'SELECT id, name, weight FROM innovation_criteria WHERE call_id = ? ORDER BY position',
      [callId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, weight: num(row.weight) }));
  }

  async insertCall(
    tx: Sql,
    call: Omit<CallRow, 'closed_at' | 'opened_at'>,
    challengeIds: readonly string[],
    criteria: readonly Criterion[],
  ): Promise<void> {
    await tx.run(
      `INSERT INTO innovation_calls (id, program_id, title, description, eligible_kinds,
         consortium_required, exclude_company_evaluators, questions_until, submissions_until,
         evaluation_until, closed_at, opened_by, opened_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      [
        call.id,
        call.program_id,
        call.title,
        call.description,
        call.eligible_kinds,
        call.consortium_required,
        call.exclude_company_evaluators,
        call.questions_until,
        call.submissions_until,
        call.evaluation_until,
        call.opened_by,
        this.now(),
      ],
    );
    for (const [position, challengeId] of challengeIds.entries()) {
      await tx.run(
        'INSERT INTO innovation_call_challenges (call_id, challenge_id, position) VALUES (?, ?, ?)',
        [call.id, challengeId, position],
      );
    }
    for (const [position, criterion] of criteria.entries()) {
      await tx.run(
        'INSERT INTO innovation_criteria (id, call_id, position, name, weight) VALUES (?, ?, ?, ?, ?)',
        [criterion.id, call.id, position, criterion.name, criterion.weight],
      );
    }
  }

  async updateCallDates(
    tx: Sql,
    id: string,
    dates: { questions_until: number; submissions_until: number; evaluation_until: number },
  ): Promise<void> {
    await tx.run(
      'UPDATE innovation_calls SET questions_until = ?, submissions_until = ?, evaluation_until = ? WHERE id = ?',
      [dates.questions_until, dates.submissions_until, dates.evaluation_until, id],
    );
  }

  async closeCall(tx: Sql, id: string): Promise<void> {
    await tx.run('UPDATE innovation_calls SET closed_at = ? WHERE id = ?', [this.now(), id]);
  }

  // --- questions ----------------------------------------------------------------------------

  async questions(callId: string) {
    const rows = await this.sql.all<QuestionRow>(
      'SELECT * FROM innovation_questions WHERE call_id = ? ORDER BY asked_at, id',
      [callId],
    );
    const people = await this.people(
      rows.flatMap((row) =>
        row.answered_by === null ? [row.asked_by] : [row.asked_by, row.answered_by],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      text: row.text,
      askedBy: people.get(row.asked_by)!,
      askedAt: iso(num(row.asked_at)),
      answer:
        row.answer === null || row.answered_by === null || row.answered_at === null
          ? null
          : {
              text: row.answer,
              by: people.get(row.answered_by)!,
              at: iso(num(row.answered_at)),
            },
    }));
  }

  async question(callId: string, id: string): Promise<QuestionRow | undefined> {
    return this.sql.get<QuestionRow>(
      'SELECT * FROM innovation_questions WHERE call_id = ? AND id = ?',
      [callId, id],
    );
  }

  async insertQuestion(tx: Sql, id: string, callId: string, text: string, userId: string) {
    await tx.run(
      'INSERT INTO innovation_questions (id, call_id, text, asked_by, asked_at) VALUES (?, ?, ?, ?, ?)',
      [id, callId, text, userId, this.now()],
    );
  }

  async answerQuestion(tx: Sql, id: string, text: string, userId: string) {
    await tx.run(
      'UPDATE innovation_questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ?',
      [text, userId, this.now(), id],
    );
  }

  // --- proposals ----------------------------------------------------------------------------

  async proposals(callId: string, sql: Sql = this.sql): Promise<ProposalRow[]> {
    return sql.all<ProposalRow>(
      'SELECT * FROM innovation_proposals WHERE call_id = ? ORDER BY created_at, id',
      [callId],
    );
  }

  async proposal(id: string, sql: Sql = this.sql): Promise<ProposalRow | undefined> {
    return sql.get<ProposalRow>('SELECT * FROM innovation_proposals WHERE id = ?', [id]);
  }

  async proposalsIn(ids: readonly string[]): Promise<Map<string, ProposalRow>> {
    const unique = [...new Set(ids)];
    const rows =
      unique.length === 0
        ? []
        : await this.sql.all<ProposalRow>(
            `SELECT * FROM innovation_proposals WHERE id IN (${placeholders(unique)})`,
            unique,
          );
    return new Map(rows.map((row) => [row.id, row]));
  }

  async insertProposal(tx: Sql, row: Omit<ProposalRow, 'created_at'>): Promise<void> {
    await tx.run(
      `INSERT INTO innovation_proposals (id, call_id, challenge_id, title, group_id, doc_id, status,
         created_by, created_at, submitted_at, prepared_at, version_id, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.call_id,
        row.challenge_id,
        row.title,
        row.group_id,
        row.doc_id,
        row.status,
        row.created_by,
        this.now(),
        row.submitted_at,
        row.prepared_at,
        row.version_id,
        row.hash,
      ],
    );
  }

  async markSubmitted(
    tx: Sql,
    id: string,
    status: 'submitted' | 'late',
    versionId: string,
    hash: string,
    preparedAt: number | null,
  ): Promise<number> {
    const result = await tx.run(
      `UPDATE innovation_proposals SET status = ?, submitted_at = ?, prepared_at = ?, version_id = ?, hash = ?
       WHERE id = ? AND status = 'draft'`,
      [status, this.now(), preparedAt, versionId, hash, id],
    );
    return result.changes;
  }

  async setProposalStatus(tx: Sql, id: string, status: ProposalStatus): Promise<void> {
    await tx.run('UPDATE innovation_proposals SET status = ? WHERE id = ?', [status, id]);
  }

  /** The proposals a person's consortium works on (they are in its private group). */
  async proposalIdsOf(userId: string): Promise<Set<string>> {
    const rows = await this.sql.all<{ id: string }>(
      `SELECT p.id FROM innovation_proposals p JOIN memberships m ON m.group_id = p.group_id
       WHERE m.user_id = ?`,
      [userId],
    );
    return new Set(rows.map((row) => row.id));
  }

  // --- evaluation ---------------------------------------------------------------------------

  async evaluators(callId: string, sql: Sql = this.sql) {
    const rows = await sql.all<{ user_id: string; assigned_at: number }>(
      'SELECT user_id, assigned_at FROM innovation_evaluators WHERE call_id = ? ORDER BY assigned_at, user_id',
      [callId],
    );
    const people = await this.people(
      rows.map((row) => row.user_id),
      sql,
    );
    return rows.map((row) => ({
      evaluator: people.get(row.user_id)!,
      assignedAt: iso(num(row.assigned_at)),
    }));
  }

  async isEvaluator(callId: string, userId: string, sql: Sql = this.sql): Promise<boolean> {
    const row = await sql.get<{ n: number }>(
      'SELECT count(*) AS n FROM innovation_evaluators WHERE call_id = ? AND user_id = ?',
      [callId, userId],
    );
    return num(row?.n ?? 0) > 0;
  }

  async assignEvaluator(tx: Sql, callId: string, userId: string, by: string): Promise<void> {
    await tx.run(
      'INSERT INTO innovation_evaluators (call_id, user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)',
      [callId, userId, by, this.now()],
    );
  }

  async declaredConflict(
    proposalId: string,
    userId: string,
    sql: Sql = this.sql,
  ): Promise<{ reason: ConflictReason; note: string } | undefined> {
    return sql.get(
      'SELECT reason, note FROM innovation_conflicts WHERE proposal_id = ? AND user_id = ?',
      [proposalId, userId],
    );
  }

  async recordConflict(
    tx: Sql,
    proposalId: string,
    userId: string,
    reason: ConflictReason,
    note: string,
  ): Promise<void> {
    await tx.run(
      `INSERT INTO innovation_conflicts (proposal_id, user_id, reason, note, declared_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (proposal_id, user_id) DO NOTHING`,
      [proposalId, userId, reason, note, this.now()],
    );
  }

  async scoresOf(
    proposalId: string,
    evaluatorId: string,
    sql: Sql = this.sql,
  ): Promise<CriterionScore[]> {
    const rows = await sql.all<{ criterion_id: string; score: number; justification: string }>(
      `SELECT s.criterion_id, s.score, s.justification FROM innovation_scores s
       JOIN innovation_criteria c ON c.id = s.criterion_id
       WHERE s.proposal_id = ? AND s.evaluator_id = ? ORDER BY c.position`,
      [proposalId, evaluatorId],
    );
    return rows.map((row) => ({
      criterionId: row.criterion_id,
      score: num(row.score),
      justification: row.justification,
    }));
  }

  /** Every score of a call's proposals; read only to compute results or after closing. */
  async allScores(callId: string, sql: Sql = this.sql) {
    const rows = await sql.all<{
      proposal_id: string;
      evaluator_id: string;
      criterion_id: string;
      score: number;
      justification: string;
    }>(
      `SELECT s.proposal_id, s.evaluator_id, s.criterion_id, s.score, s.justification
       FROM innovation_scores s JOIN innovation_proposals p ON p.id = s.proposal_id
       JOIN innovation_criteria c ON c.id = s.criterion_id
       WHERE p.call_id = ? ORDER BY c.position`,
      [callId],
    );
    return rows.map((row) => ({ ...row, score: num(row.score) }));
  }

  async writeScore(
    tx: Sql,
    proposalId: string,
    evaluatorId: string,
    score: CriterionScore,
  ): Promise<void> {
    await tx.run(
      `INSERT INTO innovation_scores (proposal_id, evaluator_id, criterion_id, score, justification, scored_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (proposal_id, evaluator_id, criterion_id)
       DO UPDATE SET score = excluded.score, justification = excluded.justification, scored_at = excluded.scored_at`,
      [proposalId, evaluatorId, score.criterionId, score.score, score.justification, this.now()],
    );
  }

  // --- projects -----------------------------------------------------------------------------

  async projects(programId: string): Promise<ProjectRow[]> {
    return this.sql.all<ProjectRow>(
      'SELECT * FROM innovation_projects WHERE program_id = ? ORDER BY created_at, id',
      [programId],
    );
  }

  async project(id: string, sql: Sql = this.sql): Promise<ProjectRow | undefined> {
    return sql.get<ProjectRow>('SELECT * FROM innovation_projects WHERE id = ?', [id]);
  }

  async projectOfProposal(proposalId: string): Promise<string | null> {
    return (await this.projectsOfProposals([proposalId])).get(proposalId) ?? null;
  }

  /** The project each of these proposals became, by proposal id (absent where none). */
  async projectsOfProposals(proposalIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(proposalIds)];
    const rows =
      ids.length === 0
        ? []
        : await this.sql.all<{ id: string; proposal_id: string }>(
            `SELECT id, proposal_id FROM innovation_projects WHERE proposal_id IN (${placeholders(ids)})`,
            ids,
          );
    return new Map(rows.map((row) => [row.proposal_id, row.id]));
  }

  async insertProject(tx: Sql, row: Omit<ProjectRow, 'created_at'>, by: string): Promise<void> {
    await tx.run(
      `INSERT INTO innovation_projects (id, program_id, proposal_id, title, status, region, budget,
         score_hundredths, board_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.program_id,
        row.proposal_id,
        row.title,
        row.status,
        row.region,
        row.budget,
        row.score_hundredths,
        row.board_id,
        by,
        this.now(),
      ],
    );
  }

  async updateProject(
    tx: Sql,
    id: string,
    changes: { status?: ProjectStatus; region?: string; budget?: number },
  ): Promise<void> {
    const current = await this.project(id, tx);
    if (current === undefined) return;
    await tx.run('UPDATE innovation_projects SET status = ?, region = ?, budget = ? WHERE id = ?', [
      changes.status ?? current.status,
      changes.region ?? current.region,
      changes.budget ?? num(current.budget),
      id,
    ]);
  }

  async cofinancing(projectId: string): Promise<Cofinancing[]> {
    return (await this.cofinancingOf([projectId])).get(projectId) ?? [];
  }

  /** The co-financing of several projects in one query, largest amount first. */
  async cofinancingOf(projectIds: readonly string[]): Promise<Map<string, Cofinancing[]>> {
    return this.perOwner(
      projectIds,
      (list) => `SELECT f.project_id AS owner, o.id, o.name, o.kind, f.amount
       FROM innovation_cofinancing f JOIN organizations o ON o.id = f.organization_id
       WHERE f.project_id IN (${list}) ORDER BY f.amount DESC, o.name`,
      (row: {
        owner: string;
        id: string;
        name: string;
        kind: OrganizationKind;
        amount: number;
      }) => ({
        organization: { id: row.id, name: row.name, kind: row.kind },
        amount: num(row.amount),
      }),
    );
  }

  async replaceCofinancing(
    tx: Sql,
    projectId: string,
    entries: ReadonlyArray<{ organizationId: string; amount: number }>,
  ): Promise<void> {
    await tx.run('DELETE FROM innovation_cofinancing WHERE project_id = ?', [projectId]);
    for (const entry of entries) {
      await tx.run(
        'INSERT INTO innovation_cofinancing (project_id, organization_id, amount) VALUES (?, ?, ?)',
        [projectId, entry.organizationId, entry.amount],
      );
    }
  }

  async indicators(projectId: string): Promise<ProjectIndicator[]> {
    return (await this.indicatorsOf([projectId])).get(projectId) ?? [];
  }

  /** The indicators of several projects in one query, each project's in their order. */
  async indicatorsOf(projectIds: readonly string[]): Promise<Map<string, ProjectIndicator[]>> {
    return this.perOwner(
      projectIds,
      (list) => `SELECT project_id AS owner, id, name, unit, target, reported
       FROM innovation_indicators WHERE project_id IN (${list}) ORDER BY project_id, position`,
      ({ owner: _, ...row }: ProjectIndicator & { owner: string }) => ({
        ...row,
        target: num(row.target),
        reported: row.reported === null ? null : num(row.reported),
      }),
    );
  }

  async replaceIndicators(
    tx: Sql,
    projectId: string,
    indicators: readonly ProjectIndicator[],
  ): Promise<void> {
    await tx.run('DELETE FROM innovation_indicators WHERE project_id = ?', [projectId]);
    for (const [position, indicator] of indicators.entries()) {
      await tx.run(
        'INSERT INTO innovation_indicators (id, project_id, position, name, unit, target, reported) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [
          indicator.id,
          projectId,
          position,
          indicator.name,
          indicator.unit,
          indicator.target,
          indicator.reported,
        ],
      );
    }
  }
}
