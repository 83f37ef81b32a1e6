/**
 * International missions' records (issue 15) on the async `Sql`: the mission, its participating
 * organizations (applied → selected → confirmed, or declined) and its agenda. Follow-up
 * agreements are governance register entries (GovernanceStore) that carry the mission's id.
 */
import type { OrganizationKind } from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import type {
  AgendaItem,
  AgendaKind,
  MissionSummary,
  Participant,
  ParticipantStatus,
} from '../../shared/protocol/missionsApi';
import type { Sql, SqlValue } from '../db/sql';

interface MissionRow {
  id: string;
  group_id: string;
  title: string;
  destination: string;
  starts_on: string;
  ends_on: string;
  objectives: string;
  budget: number;
  currency: string;
  lessons: string;
  confirmed: number;
  applied: number;
}

export interface MissionRecord extends MissionSummary {
  objectives: string;
  lessons: string;
}

const SELECT = `SELECT m.*,
    (SELECT count(*) FROM mis_participants p WHERE p.mission_id = m.id AND p.status = 'confirmed') AS confirmed,
    (SELECT count(*) FROM mis_participants p WHERE p.mission_id = m.id) AS applied
  FROM mis_missions m`;

function record(row: MissionRow): MissionRecord {
  return {
    id: row.id,
    groupId: row.group_id as GroupId,
    title: row.title,
    destination: row.destination,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    objectives: row.objectives,
    budget: Number(row.budget),
    currency: row.currency,
    lessons: row.lessons,
    confirmed: Number(row.confirmed),
    applied: Number(row.applied),
  };
}

export class MissionStore {
  constructor(
    readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async create(
    tx: Sql,
    input: {
      id: string;
      groupId: string;
      title: string;
      destination: string;
      startsOn: string;
      endsOn: string;
      objectives: string;
      budget: number;
      currency: string;
      createdBy: string;
    },
  ): Promise<void> {
    await tx.run(
      `INSERT INTO mis_missions (id, group_id, title, destination, starts_on, ends_on, objectives, budget,
         currency, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.id,
        input.groupId,
        input.title,
        input.destination,
        input.startsOn,
        input.endsOn,
        input.objectives,
        input.budget,
        input.currency,
        input.createdBy,
        this.now(),
      ],
    );
  }

  async update(
    tx: Sql,
    id: string,
    patch: Partial<
      Pick<
        MissionRecord,
        'title' | 'destination' | 'startsOn' | 'endsOn' | 'objectives' | 'budget' | 'lessons'
      >
    >,
  ): Promise<void> {
    const columns: Record<string, string> = {
      title: 'title',
      destination: 'destination',
      startsOn: 'starts_on',
      endsOn: 'ends_on',
      objectives: 'objectives',
      budget: 'budget',
      lessons: 'lessons',
    };
    const sets: string[] = [];
    const values: SqlValue[] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || columns[key] === undefined) continue;
      sets.push(`${columns[key]} = ?`);
      values.push(value);
    }
    if (sets.length > 0)
      await tx.run(`UPDATE mis_missions SET ${sets.join(', ')} WHERE id = ?`, [...values, id]);
  }

  async list(groupId: string): Promise<MissionRecord[]> {
    const rows = await this.sql.all<MissionRow>(
      `${SELECT} WHERE m.group_id = ? ORDER BY m.starts_on DESC`,
      [groupId],
    );
    return rows.map(record);
  }

  async get(groupId: string, id: string): Promise<MissionRecord | null> {
    const row = await this.sql.get<MissionRow>(`${SELECT} WHERE m.group_id = ? AND m.id = ?`, [
      groupId,
      id,
    ]);
    return row === undefined ? null : record(row);
  }

  async participants(missionId: string): Promise<Participant[]> {
    const rows = await this.sql.all<{
      organization_id: string;
      name: string;
      kind: OrganizationKind;
      status: ParticipantStatus;
      motivation: string;
      applied_by: string;
      applied_by_name: string;
      updated_at: number;
    }>(
      `SELECT p.organization_id, o.name, o.kind, p.status, p.motivation, p.applied_by,
         u.name AS applied_by_name, p.updated_at
       FROM mis_participants p JOIN organizations o ON o.id = p.organization_id
       JOIN users u ON u.id = p.applied_by WHERE p.mission_id = ? ORDER BY lower(o.name)`,
      [missionId],
    );
    return rows.map((row) => ({
      organization: { id: row.organization_id, name: row.name, kind: row.kind },
      status: row.status,
      motivation: row.motivation,
      appliedBy: { id: row.applied_by, name: row.applied_by_name },
      updatedAt: new Date(Number(row.updated_at)).toISOString(),
    }));
  }

  async participantStatus(
    missionId: string,
    organizationId: string,
  ): Promise<ParticipantStatus | null> {
    const row = await this.sql.get<{ status: ParticipantStatus }>(
      'SELECT status FROM mis_participants WHERE mission_id = ? AND organization_id = ?',
      [missionId, organizationId],
    );
    return row?.status ?? null;
  }

  async apply(
    tx: Sql,
    input: { missionId: string; organizationId: string; motivation: string; userId: string },
  ) {
    await tx.run(
      `INSERT INTO mis_participants (mission_id, organization_id, status, motivation, applied_by, updated_at)
       VALUES (?, ?, 'applied', ?, ?, ?)`,
      [input.missionId, input.organizationId, input.motivation, input.userId, this.now()],
    );
  }

  async setStatus(
    tx: Sql,
    missionId: string,
    organizationId: string,
    status: ParticipantStatus,
  ): Promise<void> {
    await tx.run(
      'UPDATE mis_participants SET status = ?, updated_at = ? WHERE mission_id = ? AND organization_id = ?',
      [status, this.now(), missionId, organizationId],
    );
  }

  async agenda(missionId: string): Promise<AgendaItem[]> {
    return this.sql.all<AgendaItem>(
      `SELECT id, day_on AS "day", at_time AS "time", kind, title, place, contact FROM mis_agenda
       WHERE mission_id = ? ORDER BY day_on, at_time, title`,
      [missionId],
    );
  }

  async addAgendaItem(
    tx: Sql,
    missionId: string,
    item: {
      id: string;
      day: string;
      time: string;
      kind: AgendaKind;
      title: string;
      place: string;
      contact: string;
    },
  ): Promise<void> {
    await tx.run(
      'INSERT INTO mis_agenda (id, mission_id, day_on, at_time, kind, title, place, contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [item.id, missionId, item.day, item.time, item.kind, item.title, item.place, item.contact],
    );
  }

  async removeAgendaItem(tx: Sql, missionId: string, itemId: string): Promise<number> {
    const result = await tx.run('DELETE FROM mis_agenda WHERE mission_id = ? AND id = ?', [
      missionId,
      itemId,
    ]);
    return result.changes;
  }
}
