/**
 * Versions of documents and the institutional sign-offs asked on them: rows that are only ever
 * added (the schema's triggers refuse updates of versions and answers). A sign-off's outcome is
 * written once, by the answer that decides it; an open sign-off whose deadline has passed reads
 * as expired.
 */
import type { OrganizationKind } from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import type { Sql } from '../db/sql';
import {
  approvalsRequired,
  type GroupSignoff,
  type SignoffAnswer,
  type SignoffOrganizationRow,
  type SignoffResponse,
  type SignoffRule,
  type SignoffStatus,
  type VersionKind,
  type VersionSummary,
} from '../../shared/protocol/versionsApi';

export interface NewVersion {
  id: string;
  groupId: string;
  docId: string;
  kind: VersionKind;
  name: string;
  note: string;
  authorId: string | null;
  createdAt: number;
  stateVector: Uint8Array;
  state: Uint8Array;
  hash: string;
}

interface VersionRow {
  id: string;
  group_id: string;
  doc_id: string;
  kind: VersionKind;
  name: string;
  note: string;
  author_id: string | null;
  author_name: string | null;
  author_organization: string | null;
  created_at: number;
  hash: string;
}

export interface StoredVersion extends VersionSummary {
  groupId: string;
  docId: string;
  stateVector: Uint8Array;
  state: Uint8Array;
}

interface SignoffRow {
  version_id: string;
  hash: string;
  rule: SignoffRule;
  deadline: number;
  requested_by: string;
  requested_by_name: string;
  requested_at: number;
  outcome: 'pending' | 'approved' | 'rejected';
  decided_at: number | null;
}

interface OrganizationAnswerRow {
  organization_id: string;
  organization_name: string;
  organization_kind: OrganizationKind;
  answer: SignoffAnswer | null;
  text: string | null;
  user_id: string | null;
  user_name: string | null;
  answered_at: number | null;
}

const VERSION_COLUMNS = `v.id, v.group_id, v.doc_id, v.kind, v.name, v.note, v.author_id, v.created_at, v.hash,
  u.name AS author_name, o.name AS author_organization`;
const VERSION_JOIN = `FROM versions v LEFT JOIN users u ON u.id = v.author_id
  LEFT JOIN organizations o ON o.id = u.organization_id`;

const iso = (ms: number) => new Date(ms).toISOString();

export class Versions {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async create(version: NewVersion): Promise<void> {
    await this.sql.run(
      `INSERT INTO versions (id, group_id, doc_id, kind, name, note, author_id, created_at,
         state_vector, state, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        version.id,
        version.groupId,
        version.docId,
        version.kind,
        version.name,
        version.note,
        version.authorId,
        version.createdAt,
        version.stateVector,
        version.state,
        version.hash,
      ],
    );
  }

  /** Newest first. */
  async list(groupId: string, docId: string): Promise<VersionSummary[]> {
    const rows = await this.sql.all<VersionRow>(
      `SELECT ${VERSION_COLUMNS} ${VERSION_JOIN} WHERE v.group_id = ? AND v.doc_id = ?
       ORDER BY v.created_at DESC, v.rowid DESC`,
      [groupId, docId],
    );
    const summaries: VersionSummary[] = [];
    for (const row of rows) summaries.push(await this.summary(row));
    return summaries;
  }

  async get(groupId: string, docId: string, id: string): Promise<StoredVersion | null> {
    const row = await this.sql.get<VersionRow & { state_vector: Uint8Array; state: Uint8Array }>(
      `SELECT ${VERSION_COLUMNS}, v.state_vector, v.state ${VERSION_JOIN}
       WHERE v.group_id = ? AND v.doc_id = ? AND v.id = ?`,
      [groupId, docId, id],
    );
    if (row === undefined) return null;
    return {
      ...(await this.summary(row)),
      groupId: row.group_id,
      docId: row.doc_id,
      stateVector: new Uint8Array(row.state_vector),
      state: new Uint8Array(row.state),
    };
  }

  /** Any version with this id, whatever its document (ids are unique across the workspace). */
  async exists(id: string): Promise<{ groupId: string; docId: string; hash: string } | null> {
    const row = await this.sql.get<{ group_id: string; doc_id: string; hash: string }>(
      'SELECT group_id, doc_id, hash FROM versions WHERE id = ?',
      [id],
    );
    return row === undefined ? null : { groupId: row.group_id, docId: row.doc_id, hash: row.hash };
  }

  /** When the newest automatic version of a document was made, or null. */
  async lastAutoAt(groupId: string, docId: string): Promise<number | null> {
    const row = await this.sql.get<{ at: number | null }>(
      "SELECT max(created_at) AS at FROM versions WHERE group_id = ? AND doc_id = ? AND kind = 'auto'",
      [groupId, docId],
    );
    return row?.at ?? null;
  }

  private async summary(row: VersionRow): Promise<VersionSummary> {
    return {
      id: row.id,
      name: row.name,
      note: row.note,
      kind: row.kind,
      author:
        row.author_id === null
          ? null
          : {
              id: row.author_id,
              name: row.author_name ?? '',
              organization: row.author_organization ?? '',
            },
      createdAt: iso(row.created_at),
      hash: row.hash,
      signoff: await this.status(row.id),
    };
  }

  // --- sign-off ----------------------------------------------------------------------------

  async createSignoff(input: {
    versionId: string;
    hash: string;
    rule: SignoffRule;
    deadline: number;
    requestedBy: string;
    organizations: readonly string[];
  }): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO signoffs (version_id, hash, rule, deadline, requested_by, requested_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [input.versionId, input.hash, input.rule, input.deadline, input.requestedBy, this.now()],
      );
      for (const organizationId of new Set(input.organizations)) {
        await tx.run(
          'INSERT INTO signoff_organizations (version_id, organization_id) VALUES (?, ?)',
          [input.versionId, organizationId],
        );
      }
    });
  }

  private async signoffRow(versionId: string): Promise<SignoffRow | null> {
    return (
      (await this.sql.get<SignoffRow>(
        `SELECT s.version_id, s.hash, s.rule, s.deadline, s.requested_by, s.requested_at,
           s.outcome, s.decided_at, u.name AS requested_by_name
         FROM signoffs s JOIN users u ON u.id = s.requested_by WHERE s.version_id = ?`,
        [versionId],
      )) ?? null
    );
  }

  private rows(versionId: string): Promise<OrganizationAnswerRow[]> {
    return this.sql.all<OrganizationAnswerRow>(
      `SELECT so.organization_id, o.name AS organization_name, o.kind AS organization_kind,
         a.answer, a.text, a.user_id, u.name AS user_name, a.answered_at
       FROM signoff_organizations so
       JOIN organizations o ON o.id = so.organization_id
       LEFT JOIN signoff_answers a
         ON a.version_id = so.version_id AND a.organization_id = so.organization_id
       LEFT JOIN users u ON u.id = a.user_id
       WHERE so.version_id = ? ORDER BY o.kind, lower(o.name), o.name`,
      [versionId],
    );
  }

  private statusOf(signoff: SignoffRow, rows: readonly OrganizationAnswerRow[]): SignoffStatus {
    const asked = rows.length;
    const approvals = rows.filter(
      (row) => row.answer === 'approve' || row.answer === 'approve_with_observations',
    ).length;
    const objections = rows.filter((row) => row.answer === 'object').length;
    const expired = signoff.outcome === 'pending' && this.now() > signoff.deadline;
    return {
      outcome: expired ? 'expired' : signoff.outcome,
      rule: signoff.rule,
      required: approvalsRequired(signoff.rule, asked),
      asked,
      approvals,
      objections,
      deadline: iso(signoff.deadline),
      decidedAt:
        signoff.decided_at !== null
          ? iso(signoff.decided_at)
          : expired
            ? iso(signoff.deadline)
            : null,
    };
  }

  async status(versionId: string): Promise<SignoffStatus | null> {
    const signoff = await this.signoffRow(versionId);
    return signoff === null ? null : this.statusOf(signoff, await this.rows(versionId));
  }

  /** The newest sign-off asked per document of the group (one row per document). */
  async latestSignoffs(groupId: string): Promise<GroupSignoff[]> {
    const latest = await this.sql.all<{
      doc_id: string;
      version_id: string;
      version_name: string;
    }>(
      `SELECT doc_id, version_id, version_name FROM (
         SELECT v.doc_id, v.id AS version_id, v.name AS version_name,
           ROW_NUMBER() OVER (
             PARTITION BY v.doc_id ORDER BY s.requested_at DESC, s.rowid DESC
           ) AS n
         FROM signoffs s JOIN versions v ON v.id = s.version_id
         WHERE v.group_id = ?) AS latest
       WHERE n = 1 ORDER BY doc_id`,
      [groupId],
    );
    const signoffs: GroupSignoff[] = [];
    for (const row of latest) {
      const status = (await this.status(row.version_id))!;
      signoffs.push({
        docId: row.doc_id,
        versionId: row.version_id,
        versionName: row.version_name,
        status: status.outcome,
        approvals: status.approvals,
        total: status.asked,
        decidedAt: status.decidedAt,
        deadline: status.deadline,
      });
    }
    return signoffs;
  }

  async signoff(version: StoredVersion): Promise<SignoffResponse | null> {
    const signoff = await this.signoffRow(version.id);
    if (signoff === null) return null;
    const rows = await this.rows(version.id);
    return {
      groupId: version.groupId as GroupId,
      docId: version.docId,
      versionId: version.id,
      versionName: version.name,
      hash: signoff.hash,
      requestedBy: { id: signoff.requested_by, name: signoff.requested_by_name },
      requestedAt: iso(signoff.requested_at),
      status: this.statusOf(signoff, rows),
      organizations: rows.map((row): SignoffOrganizationRow => ({
        organization: {
          id: row.organization_id,
          name: row.organization_name,
          kind: row.organization_kind,
        },
        answer:
          row.answer === null
            ? null
            : {
                answer: row.answer,
                text: row.text ?? '',
                by: { id: row.user_id ?? '', name: row.user_name ?? '' },
                at: iso(row.answered_at ?? 0),
              },
      })),
    };
  }

  async asked(versionId: string, organizationId: string): Promise<boolean> {
    return (
      (await this.sql.get(
        'SELECT 1 AS found FROM signoff_organizations WHERE version_id = ? AND organization_id = ?',
        [versionId, organizationId],
      )) !== undefined
    );
  }

  async answered(versionId: string, organizationId: string): Promise<boolean> {
    return (
      (await this.sql.get(
        'SELECT 1 AS found FROM signoff_answers WHERE version_id = ? AND organization_id = ?',
        [versionId, organizationId],
      )) !== undefined
    );
  }

  /**
   * Records an answer and, if it decides the outcome (enough approvals, or too many objections
   * for the rule to be met), writes the outcome, in one transaction. Returns the outcome it
   * decided, if any.
   */
  answer(input: {
    versionId: string;
    organizationId: string;
    answer: SignoffAnswer;
    text: string;
    userId: string;
  }): Promise<'approved' | 'rejected' | null> {
    return this.sql.transaction(async (tx) => {
      const versions = new Versions(tx, this.now);
      const at = this.now();
      await tx.run(
        `INSERT INTO signoff_answers (version_id, organization_id, answer, text, user_id, answered_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [input.versionId, input.organizationId, input.answer, input.text, input.userId, at],
      );
      const status = (await versions.status(input.versionId))!;
      if (status.outcome !== 'pending') return null;
      const decided =
        status.approvals >= status.required
          ? 'approved'
          : status.objections > status.asked - status.required
            ? 'rejected'
            : null;
      if (decided !== null) {
        await tx.run('UPDATE signoffs SET outcome = ?, decided_at = ? WHERE version_id = ?', [
          decided,
          at,
          input.versionId,
        ]);
      }
      return decided;
    });
  }
}
