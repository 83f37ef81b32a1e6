/**
 * Versions of documents and the institutional sign-offs asked on them: rows that are only ever
 * added (the schema's triggers refuse updates of versions and answers). A sign-off's outcome is
 * written once, by the answer that decides it; an open sign-off whose deadline has passed reads
 * as expired.
 */
import type Database from 'better-sqlite3';
import type { OrganizationKind } from '../../shared/model/accounts';
import { signoffDecision } from '../../shared/model/orgVotes';
import type { GroupId } from '../../shared/model/ids';
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
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  create(version: NewVersion): void {
    this.db
      .prepare(
        `INSERT INTO versions (id, group_id, doc_id, kind, name, note, author_id, created_at,
           state_vector, state, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
      );
  }

  /** Newest first. */
  list(groupId: string, docId: string): VersionSummary[] {
    return this.db
      .prepare<[string, string], VersionRow>(
        `SELECT ${VERSION_COLUMNS} ${VERSION_JOIN} WHERE v.group_id = ? AND v.doc_id = ?
         ORDER BY v.created_at DESC, v.rowid DESC`,
      )
      .all(groupId, docId)
      .map((row) => this.summary(row));
  }

  get(groupId: string, docId: string, id: string): StoredVersion | null {
    const row = this.db
      .prepare<[string, string, string], VersionRow & { state_vector: Buffer; state: Buffer }>(
        `SELECT ${VERSION_COLUMNS}, v.state_vector, v.state ${VERSION_JOIN}
         WHERE v.group_id = ? AND v.doc_id = ? AND v.id = ?`,
      )
      .get(groupId, docId, id);
    if (row === undefined) return null;
    return {
      ...this.summary(row),
      groupId: row.group_id,
      docId: row.doc_id,
      stateVector: new Uint8Array(row.state_vector),
      state: new Uint8Array(row.state),
    };
  }

  /** Any version with this id, whatever its document (ids are unique across the workspace). */
  exists(id: string): { groupId: string; docId: string; hash: string } | null {
    const row = this.db
      .prepare<[string], { group_id: string; doc_id: string; hash: string }>(
        'SELECT group_id, doc_id, hash FROM versions WHERE id = ?',
      )
      .get(id);
    return row === undefined ? null : { groupId: row.group_id, docId: row.doc_id, hash: row.hash };
  }

  /** When the newest automatic version of a document was made, or null. */
  lastAutoAt(groupId: string, docId: string): number | null {
    const row = this.db
      .prepare<[string, string], { at: number | null }>(
        "SELECT max(created_at) AS at FROM versions WHERE group_id = ? AND doc_id = ? AND kind = 'auto'",
      )
      .get(groupId, docId);
    return row?.at ?? null;
  }

  private summary(row: VersionRow): VersionSummary {
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
      signoff: this.status(row.id),
    };
  }

  // --- sign-off ----------------------------------------------------------------------------

  createSignoff(input: {
    versionId: string;
    hash: string;
    rule: SignoffRule;
    deadline: number;
    requestedBy: string;
    organizations: readonly string[];
  }): void {
    this.db
      .prepare(
        `INSERT INTO signoffs (version_id, hash, rule, deadline, requested_by, requested_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(input.versionId, input.hash, input.rule, input.deadline, input.requestedBy, this.now());
    const add = this.db.prepare(
      'INSERT INTO signoff_organizations (version_id, organization_id) VALUES (?, ?)',
    );
    for (const organizationId of new Set(input.organizations))
      add.run(input.versionId, organizationId);
  }

  private signoffRow(versionId: string): SignoffRow | null {
    return (
      this.db
        .prepare<[string], SignoffRow>(
          `SELECT s.*, u.name AS requested_by_name FROM signoffs s
           JOIN users u ON u.id = s.requested_by WHERE s.version_id = ?`,
        )
        .get(versionId) ?? null
    );
  }

  private rows(versionId: string): OrganizationAnswerRow[] {
    return this.db
      .prepare<[string], OrganizationAnswerRow>(
        `SELECT so.organization_id, o.name AS organization_name, o.kind AS organization_kind,
           a.answer, a.text, a.user_id, u.name AS user_name, a.answered_at
         FROM signoff_organizations so
         JOIN organizations o ON o.id = so.organization_id
         LEFT JOIN signoff_answers a
           ON a.version_id = so.version_id AND a.organization_id = so.organization_id
         LEFT JOIN users u ON u.id = a.user_id
         WHERE so.version_id = ? ORDER BY o.kind, o.name COLLATE NOCASE`,
      )
      .all(versionId);
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

  status(versionId: string): SignoffStatus | null {
    const signoff = this.signoffRow(versionId);
    return signoff === null ? null : this.statusOf(signoff, this.rows(versionId));
  }

  /** The newest sign-off asked per document of the group (one row per document). */
  latestSignoffs(groupId: string): GroupSignoff[] {
    const latest = this.db
      .prepare<[string], { doc_id: string; version_id: string; version_name: string }>(
        `SELECT doc_id, version_id, version_name FROM (
           SELECT v.doc_id, v.id AS version_id, v.name AS version_name,
             ROW_NUMBER() OVER (
               PARTITION BY v.doc_id ORDER BY s.requested_at DESC, s.rowid DESC
             ) AS n
           FROM signoffs s JOIN versions v ON v.id = s.version_id
           WHERE v.group_id = ?)
         WHERE n = 1 ORDER BY doc_id`,
      )
      .all(groupId);
    return latest.map((row) => {
      const status = this.status(row.version_id)!;
      return {
        docId: row.doc_id,
        versionId: row.version_id,
        versionName: row.version_name,
        status: status.outcome,
        approvals: status.approvals,
        total: status.asked,
        decidedAt: status.decidedAt,
        deadline: status.deadline,
      };
    });
  }

  signoff(version: StoredVersion): SignoffResponse | null {
    const signoff = this.signoffRow(version.id);
    if (signoff === null) return null;
    const rows = this.rows(version.id);
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

  asked(versionId: string, organizationId: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM signoff_organizations WHERE version_id = ? AND organization_id = ?')
        .get(versionId, organizationId) !== undefined
    );
  }

  answered(versionId: string, organizationId: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM signoff_answers WHERE version_id = ? AND organization_id = ?')
        .get(versionId, organizationId) !== undefined
    );
  }

  /**
   * Records an answer and, if it decides the outcome (enough approvals, or too many objections
   * for the rule to be met), writes the outcome. Returns the outcome it decided, if any.
   */
  answer(input: {
    versionId: string;
    organizationId: string;
    answer: SignoffAnswer;
    text: string;
    userId: string;
  }): 'approved' | 'rejected' | null {
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO signoff_answers (version_id, organization_id, answer, text, user_id, answered_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(input.versionId, input.organizationId, input.answer, input.text, input.userId, at);
    const status = this.status(input.versionId)!;
    if (status.outcome !== 'pending') return null;
    const decided = signoffDecision(status.rule, status.asked, status.approvals, status.objections);
    if (decided !== null) {
      this.db
        .prepare('UPDATE signoffs SET outcome = ?, decided_at = ? WHERE version_id = ?')
        .run(decided, at, input.versionId);
    }
    return decided;
  }
}
