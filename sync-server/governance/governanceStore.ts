/**
 * The governance register's records (issue 15), written against the async `Sql` so the same
 * code runs on SQLite and PostgreSQL: bodies (a working group's decision and quorum rules and
 * its follow-up board), meetings with convened organizations and agenda, agreements with their
 * votes by organization and action items. Approved minutes freeze their agreements and votes:
 * every write checks it inside its transaction (the routes answer 409), and SQLite's triggers
 * refuse it again underneath.
 */
import type { OrganizationKind } from '../../shared/model/accounts';
import type { DecisionRule, Vote } from '../../shared/model/orgVotes';
import type { AuditAction } from '../../shared/protocol/api';
import type { Sql } from '../db/sql';

export interface BodyRecord {
  groupId: string;
  rule: DecisionRule;
  quorum: DecisionRule;
  boardId: string | null;
}

interface BodyRow {
  group_id: string;
  rule: DecisionRule;
  quorum: DecisionRule;
  board_id: string | null;
}

/** A group with no row yet decides by majority with a majority quorum, and has no board. */
const bodyRecord = (groupId: string, row: BodyRow | undefined): BodyRecord => ({
  groupId,
  rule: row?.rule ?? 'majority',
  quorum: row?.quorum ?? 'majority',
  boardId: row?.board_id ?? null,
});

export interface MeetingRecord {
  id: string;
  groupId: string;
  title: string;
  startsAt: number;
  place: string;
  link: string;
  agenda: string[];
  minutesDocId: string | null;
  approvedAt: number | null;
  approvedBy: { id: string; name: string } | null;
  createdAt: number;
  agreementCount: number;
}

export interface OrgRecord {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface AgreementRecord {
  id: string;
  groupId: string;
  groupName: string;
  number: number;
  meetingId: string | null;
  meetingTitle: string | null;
  meetingStartsAt: number | null;
  meetingApproved: boolean;
  missionId: string | null;
  missionTitle: string | null;
  title: string;
  text: string;
  responsible: OrgRecord | null;
  dueDate: string | null;
  correctsId: string | null;
  correctsNumber: number | null;
  correctionReason: string;
  correctedById: string | null;
  correctedByNumber: number | null;
  createdAt: number;
  createdBy: { id: string; name: string };
}

export interface ActionRecord {
  agreementId: string;
  cardId: string;
  boardId: string;
  title: string;
}

interface MeetingRow {
  id: string;
  group_id: string;
  title: string;
  starts_at: number;
  place: string;
  link: string;
  agenda: string;
  minutes_doc_id: string | null;
  approved_at: number | null;
  approved_by: string | null;
  approved_by_name: string | null;
  created_at: number;
  agreement_count: number;
}

interface AgreementRow {
  id: string;
  group_id: string;
  group_name: string;
  number: number;
  meeting_id: string | null;
  meeting_title: string | null;
  meeting_starts_at: number | null;
  meeting_approved_at: number | null;
  mission_id: string | null;
  mission_title: string | null;
  title: string;
  text: string;
  responsible_org_id: string | null;
  responsible_name: string | null;
  responsible_kind: OrganizationKind | null;
  due_date: string | null;
  corrects_id: string | null;
  corrects_number: number | null;
  correction_reason: string;
  corrected_by_id: string | null;
  corrected_by_number: number | null;
  created_at: number;
  created_by: string;
  created_by_name: string;
}

const MEETING_SELECT = `SELECT m.*, u.name AS approved_by_name,
    (SELECT count(*) FROM gov_agreements a WHERE a.meeting_id = m.id) AS agreement_count
  FROM gov_meetings m LEFT JOIN users u ON u.id = m.approved_by`;

const AGREEMENT_SELECT = `SELECT a.id, a.group_id, g.name AS group_name, a.number, a.meeting_id,
    m.title AS meeting_title, m.starts_at AS meeting_starts_at, m.approved_at AS meeting_approved_at,
    a.mission_id, mi.title AS mission_title, a.title, a.text, a.responsible_org_id,
    o.name AS responsible_name, o.kind AS responsible_kind, a.due_date, a.corrects_id,
    c.number AS corrects_number, a.correction_reason,
    (SELECT n.id FROM gov_agreements n WHERE n.corrects_id = a.id ORDER BY n.number LIMIT 1) AS corrected_by_id,
    (SELECT n.number FROM gov_agreements n WHERE n.corrects_id = a.id ORDER BY n.number LIMIT 1) AS corrected_by_number,
    a.created_at, a.created_by, u.name AS created_by_name
  FROM gov_agreements a
  JOIN working_groups g ON g.id = a.group_id
  JOIN users u ON u.id = a.created_by
  LEFT JOIN gov_meetings m ON m.id = a.meeting_id
  LEFT JOIN mis_missions mi ON mi.id = a.mission_id
  LEFT JOIN organizations o ON o.id = a.responsible_org_id
  LEFT JOIN gov_agreements c ON c.id = a.corrects_id`;

function meetingRecord(row: MeetingRow): MeetingRecord {
  let agenda: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.agenda);
    if (Array.isArray(parsed)) agenda = parsed.filter((item) => typeof item === 'string');
  } catch {
    agenda = [];
  }
  return {
    id: row.id,
    groupId: row.group_id,
    title: row.title,
    startsAt: Number(row.starts_at),
    place: row.place,
    link: row.link,
    agenda,
    minutesDocId: row.minutes_doc_id,
    approvedAt: row.approved_at === null ? null : Number(row.approved_at),
    approvedBy:
      row.approved_by === null ? null : { id: row.approved_by, name: row.approved_by_name ?? '' },
    createdAt: Number(row.created_at),
    agreementCount: Number(row.agreement_count),
  };
}

function agreementRecord(row: AgreementRow): AgreementRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    groupName: row.group_name,
    number: Number(row.number),
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    meetingStartsAt: row.meeting_starts_at === null ? null : Number(row.meeting_starts_at),
    meetingApproved: row.meeting_approved_at !== null,
    missionId: row.mission_id,
    missionTitle: row.mission_title,
    title: row.title,
    text: row.text,
    responsible:
      row.responsible_org_id === null
        ? null
        : {
            id: row.responsible_org_id,
            name: row.responsible_name ?? '',
            kind: row.responsible_kind ?? 'other',
          },
    dueDate: row.due_date,
    correctsId: row.corrects_id,
    correctsNumber: row.corrects_number === null ? null : Number(row.corrects_number),
    correctionReason: row.correction_reason,
    correctedById: row.corrected_by_id,
    correctedByNumber: row.corrected_by_number === null ? null : Number(row.corrected_by_number),
    createdAt: Number(row.created_at),
    createdBy: { id: row.created_by, name: row.created_by_name },
  };
}

export class GovernanceStore {
  constructor(
    readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  /** Appends to the audit log inside the caller's transaction. */
  async audit(
    tx: Sql,
    input: {
      action: AuditAction;
      actorId: string;
      groupId: string;
      detail: Record<string, unknown>;
    },
  ): Promise<void> {
    await tx.run(
      'INSERT INTO audit_log (at, action, actor_id, group_id, detail) VALUES (?, ?, ?, ?, ?)',
      [this.now(), input.action, input.actorId, input.groupId, JSON.stringify(input.detail)],
    );
  }

  // --- bodies --------------------------------------------------------------------------------

  async body(groupId: string, sql: Sql = this.sql): Promise<BodyRecord> {
    const row = await sql.get<BodyRow>(
      'SELECT group_id, rule, quorum, board_id FROM gov_bodies WHERE group_id = ?',
      [groupId],
    );
    return bodyRecord(groupId, row);
  }

  /** The bodies of several groups in one query (the cluster's register spans them all). */
  async bodies(groupIds: readonly string[]): Promise<Map<string, BodyRecord>> {
    const rows =
      groupIds.length === 0
        ? []
        : await this.sql.all<BodyRow>(
            `SELECT group_id, rule, quorum, board_id FROM gov_bodies
             WHERE group_id IN (${groupIds.map(() => '?').join(', ')})`,
            [...groupIds],
          );
    const byGroup = new Map(rows.map((row) => [row.group_id, row]));
    return new Map(groupIds.map((id) => [id, bodyRecord(id, byGroup.get(id))]));
  }

  private async ensureBody(tx: Sql, groupId: string): Promise<void> {
    const exists = await tx.get('SELECT 1 AS one FROM gov_bodies WHERE group_id = ?', [groupId]);
    if (exists === undefined)
      await tx.run('INSERT INTO gov_bodies (group_id) VALUES (?)', [groupId]);
  }

  async setRules(
    tx: Sql,
    groupId: string,
    rule: DecisionRule,
    quorum: DecisionRule,
  ): Promise<void> {
    await this.ensureBody(tx, groupId);
    await tx.run('UPDATE gov_bodies SET rule = ?, quorum = ? WHERE group_id = ?', [
      rule,
      quorum,
      groupId,
    ]);
  }

  async setBoard(tx: Sql, groupId: string, boardId: string): Promise<void> {
    await this.ensureBody(tx, groupId);
    await tx.run('UPDATE gov_bodies SET board_id = ? WHERE group_id = ?', [boardId, groupId]);
  }

  /** Organizations with at least one member in the group, by name. */
  async groupOrganizations(groupId: string, sql: Sql = this.sql): Promise<OrgRecord[]> {
    return sql.all<OrgRecord>(
      `SELECT o.id, o.name, o.kind FROM organizations o
       WHERE o.id IN (SELECT u.organization_id FROM memberships ms JOIN users u ON u.id = ms.user_id
                      WHERE ms.group_id = ?)
       ORDER BY lower(o.name)`,
      [groupId],
    );
  }

  async organizations(ids: readonly string[], sql: Sql = this.sql): Promise<OrgRecord[]> {
    if (ids.length === 0) return [];
    return sql.all<OrgRecord>(
      `SELECT id, name, kind FROM organizations WHERE id IN (${ids.map(() => '?').join(', ')})
       ORDER BY lower(name)`,
      [...ids],
    );
  }

  // --- meetings ------------------------------------------------------------------------------

  async createMeeting(
    tx: Sql,
    input: {
      id: string;
      groupId: string;
      title: string;
      startsAt: number;
      place: string;
      link: string;
      agenda: readonly string[];
      organizations: readonly string[];
      createdBy: string;
    },
  ): Promise<void> {
    await this.ensureBody(tx, input.groupId);
    await tx.run(
      `INSERT INTO gov_meetings (id, group_id, title, starts_at, place, link, agenda, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.id,
        input.groupId,
        input.title,
        input.startsAt,
        input.place,
        input.link,
        JSON.stringify(input.agenda),
        input.createdBy,
        this.now(),
      ],
    );
    await this.setConvened(tx, input.id, input.organizations);
  }

  async setConvened(tx: Sql, meetingId: string, organizations: readonly string[]): Promise<void> {
    await tx.run('DELETE FROM gov_meeting_organizations WHERE meeting_id = ?', [meetingId]);
    for (const organizationId of new Set(organizations)) {
      await tx.run(
        'INSERT INTO gov_meeting_organizations (meeting_id, organization_id) VALUES (?, ?)',
        [meetingId, organizationId],
      );
    }
  }

  async updateMeeting(
    tx: Sql,
    id: string,
    patch: {
      title?: string;
      startsAt?: number;
      place?: string;
      link?: string;
      agenda?: readonly string[];
      minutesDocId?: string | null;
    },
  ): Promise<void> {
    const sets: string[] = [];
    const values: Array<string | number | null> = [];
    const set = (column: string, value: string | number | null) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (patch.title !== undefined) set('title', patch.title);
    if (patch.startsAt !== undefined) set('starts_at', patch.startsAt);
    if (patch.place !== undefined) set('place', patch.place);
    if (patch.link !== undefined) set('link', patch.link);
    if (patch.agenda !== undefined) set('agenda', JSON.stringify(patch.agenda));
    if (patch.minutesDocId !== undefined) set('minutes_doc_id', patch.minutesDocId);
    if (sets.length === 0) return;
    await tx.run(`UPDATE gov_meetings SET ${sets.join(', ')} WHERE id = ?`, [...values, id]);
  }

  async meeting(groupId: string, id: string, sql: Sql = this.sql): Promise<MeetingRecord | null> {
    const row = await sql.get<MeetingRow>(`${MEETING_SELECT} WHERE m.group_id = ? AND m.id = ?`, [
      groupId,
      id,
    ]);
    return row === undefined ? null : meetingRecord(row);
  }

  async meetingExists(id: string, sql: Sql = this.sql): Promise<string | null> {
    const row = await sql.get<{ group_id: string }>(
      'SELECT group_id FROM gov_meetings WHERE id = ?',
      [id],
    );
    return row?.group_id ?? null;
  }

  /** Newest first. */
  async meetings(groupId: string): Promise<MeetingRecord[]> {
    const rows = await this.sql.all<MeetingRow>(
      `${MEETING_SELECT} WHERE m.group_id = ? ORDER BY m.starts_at DESC, m.id`,
      [groupId],
    );
    return rows.map(meetingRecord);
  }

  async convened(meetingId: string, sql: Sql = this.sql): Promise<OrgRecord[]> {
    return sql.all<OrgRecord>(
      `SELECT o.id, o.name, o.kind FROM gov_meeting_organizations mo
       JOIN organizations o ON o.id = mo.organization_id WHERE mo.meeting_id = ? ORDER BY lower(o.name)`,
      [meetingId],
    );
  }

  /**
   * Approves the minutes: every convened organization without a recorded vote on an agreement of
   * the meeting is recorded absent (the minutes say who was there), then the meeting is frozen.
   */
  async approveMinutes(tx: Sql, meetingId: string, userId: string): Promise<void> {
    const at = this.now();
    await tx.run(
      `INSERT INTO gov_votes (agreement_id, organization_id, vote, recorded_by, recorded_at)
       SELECT a.id, mo.organization_id, 'absent', CAST(? AS TEXT), CAST(? AS BIGINT) FROM gov_agreements a
       JOIN gov_meeting_organizations mo ON mo.meeting_id = a.meeting_id
       WHERE a.meeting_id = ? AND NOT EXISTS (
         SELECT 1 FROM gov_votes v WHERE v.agreement_id = a.id AND v.organization_id = mo.organization_id)`,
      [userId, at, meetingId],
    );
    await tx.run('UPDATE gov_meetings SET approved_at = ?, approved_by = ? WHERE id = ?', [
      at,
      userId,
      meetingId,
    ]);
  }

  // --- agreements ----------------------------------------------------------------------------

  async createAgreement(
    tx: Sql,
    input: {
      id: string;
      groupId: string;
      meetingId: string | null;
      missionId: string | null;
      title: string;
      text: string;
      responsibleOrganizationId: string | null;
      dueDate: string | null;
      correctsId?: string | null;
      correctionReason?: string;
      createdBy: string;
    },
  ): Promise<number> {
    await this.ensureBody(tx, input.groupId);
    const next = await tx.get<{ n: number | null }>(
      'SELECT max(number) AS n FROM gov_agreements WHERE group_id = ?',
      [input.groupId],
    );
    const number = Number(next?.n ?? 0) + 1;
    await tx.run(
      `INSERT INTO gov_agreements (id, group_id, number, meeting_id, mission_id, title, text,
         responsible_org_id, due_date, corrects_id, correction_reason, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.id,
        input.groupId,
        number,
        input.meetingId,
        input.missionId,
        input.title,
        input.text,
        input.responsibleOrganizationId,
        input.dueDate,
        input.correctsId ?? null,
        input.correctionReason ?? '',
        input.createdBy,
        this.now(),
      ],
    );
    return number;
  }

  async updateAgreement(
    tx: Sql,
    id: string,
    patch: {
      title?: string;
      text?: string;
      responsibleOrganizationId?: string | null;
      dueDate?: string | null;
    },
  ): Promise<void> {
    const sets: string[] = [];
    const values: Array<string | null> = [];
    const set = (column: string, value: string | null) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (patch.title !== undefined) set('title', patch.title);
    if (patch.text !== undefined) set('text', patch.text);
    if (patch.responsibleOrganizationId !== undefined)
      set('responsible_org_id', patch.responsibleOrganizationId);
    if (patch.dueDate !== undefined) set('due_date', patch.dueDate);
    if (sets.length === 0) return;
    await tx.run(`UPDATE gov_agreements SET ${sets.join(', ')} WHERE id = ?`, [...values, id]);
  }

  async agreement(
    groupId: string,
    id: string,
    sql: Sql = this.sql,
  ): Promise<AgreementRecord | null> {
    const row = await sql.get<AgreementRow>(
      `${AGREEMENT_SELECT} WHERE a.group_id = ? AND a.id = ?`,
      [groupId, id],
    );
    return row === undefined ? null : agreementRecord(row);
  }

  /** Register order: by body, then number. */
  async agreements(filter: {
    groupIds: readonly string[];
    meetingId?: string;
    missionId?: string;
  }): Promise<AgreementRecord[]> {
    if (filter.groupIds.length === 0) return [];
    const where = [`a.group_id IN (${filter.groupIds.map(() => '?').join(', ')})`];
    const params: string[] = [...filter.groupIds];
    if (filter.meetingId !== undefined) {
      where.push('a.meeting_id = ?');
      params.push(filter.meetingId);
    }
    if (filter.missionId !== undefined) {
      where.push('a.mission_id = ?');
      params.push(filter.missionId);
    }
    const rows = await this.sql.all<AgreementRow>(
      `${AGREEMENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY lower(g.name), a.number`,
      params,
    );
    return rows.map(agreementRecord);
  }

  async votes(agreementIds: readonly string[]): Promise<Map<string, Map<string, Vote>>> {
    const result = new Map<string, Map<string, Vote>>();
    if (agreementIds.length === 0) return result;
    const rows = await this.sql.all<{ agreement_id: string; organization_id: string; vote: Vote }>(
      `SELECT agreement_id, organization_id, vote FROM gov_votes
       WHERE agreement_id IN (${agreementIds.map(() => '?').join(', ')})`,
      [...agreementIds],
    );
    for (const row of rows) {
      let votes = result.get(row.agreement_id);
      if (votes === undefined) result.set(row.agreement_id, (votes = new Map()));
      votes.set(row.organization_id, row.vote);
    }
    return result;
  }

  async conveneds(meetingIds: readonly string[]): Promise<Map<string, OrgRecord[]>> {
    const result = new Map<string, OrgRecord[]>();
    if (meetingIds.length === 0) return result;
    const rows = await this.sql.all<OrgRecord & { meeting_id: string }>(
      `SELECT mo.meeting_id, o.id, o.name, o.kind FROM gov_meeting_organizations mo
       JOIN organizations o ON o.id = mo.organization_id
       WHERE mo.meeting_id IN (${meetingIds.map(() => '?').join(', ')}) ORDER BY lower(o.name)`,
      [...meetingIds],
    );
    for (const { meeting_id, ...org } of rows) {
      const list = result.get(meeting_id) ?? [];
      list.push(org);
      result.set(meeting_id, list);
    }
    return result;
  }

  async setVote(
    tx: Sql,
    input: { agreementId: string; organizationId: string; vote: Vote; userId: string },
  ): Promise<void> {
    await tx.run('DELETE FROM gov_votes WHERE agreement_id = ? AND organization_id = ?', [
      input.agreementId,
      input.organizationId,
    ]);
    await tx.run(
      `INSERT INTO gov_votes (agreement_id, organization_id, vote, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?)`,
      [input.agreementId, input.organizationId, input.vote, input.userId, this.now()],
    );
  }

  async addAction(tx: Sql, action: ActionRecord): Promise<void> {
    await tx.run(
      `INSERT INTO gov_action_items (agreement_id, card_id, board_id, title, created_at)
       VALUES (?, ?, ?, ?, ?)`,
      [action.agreementId, action.cardId, action.boardId, action.title, this.now()],
    );
  }

  async actions(agreementIds: readonly string[]): Promise<ActionRecord[]> {
    if (agreementIds.length === 0) return [];
    const rows = await this.sql.all<{
      agreement_id: string;
      card_id: string;
      board_id: string;
      title: string;
    }>(
      `SELECT agreement_id, card_id, board_id, title FROM gov_action_items
       WHERE agreement_id IN (${agreementIds.map(() => '?').join(', ')}) ORDER BY created_at, card_id`,
      [...agreementIds],
    );
    return rows.map((row) => ({
      agreementId: row.agreement_id,
      cardId: row.card_id,
      boardId: row.board_id,
      title: row.title,
    }));
  }
}
