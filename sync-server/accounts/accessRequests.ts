/** Requests to join a listed group, answered by its leads (approve with a role, or decline). */
import { randomUUID } from 'node:crypto';
import type { AccessRequestStatus } from '../../shared/protocol/api';
import type { Sql } from '../db/sql';

export interface AccessRequestRecord {
  id: string;
  groupId: string;
  userId: string;
  message: string;
  status: AccessRequestStatus;
  createdAt: number;
}

interface RequestRow {
  id: string;
  group_id: string;
  user_id: string;
  message: string;
  status: AccessRequestStatus;
  created_at: number;
}

const COLUMNS = 'id, group_id, user_id, message, status, created_at';

const toRecord = (row: RequestRow): AccessRequestRecord => ({
  id: row.id,
  groupId: row.group_id,
  userId: row.user_id,
  message: row.message,
  status: row.status,
  createdAt: row.created_at,
});

export class AccessRequests {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async create(groupId: string, userId: string, message: string): Promise<AccessRequestRecord> {
    const id = randomUUID();
    await this.sql.run(
      "INSERT INTO access_requests (id, group_id, user_id, message, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)",
      [id, groupId, userId, message, this.now()],
    );
    return (await this.get(id))!;
  }

  async get(id: string): Promise<AccessRequestRecord | null> {
    const row = await this.sql.get<RequestRow>(
      `SELECT ${COLUMNS} FROM access_requests WHERE id = ?`,
      [id],
    );
    return row === undefined ? null : toRecord(row);
  }

  async pending(groupId: string, userId?: string): Promise<AccessRequestRecord[]> {
    return (
      await this.sql.all<RequestRow>(
        `SELECT ${COLUMNS} FROM access_requests WHERE group_id = ? AND status = 'pending'
         ORDER BY created_at, id`,
        [groupId],
      )
    )
      .map(toRecord)
      .filter((request) => userId === undefined || request.userId === userId);
  }

  /** Pending requests in the groups `userId` leads. */
  async pendingForLead(userId: string): Promise<number> {
    return (await this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM access_requests r JOIN memberships m ON m.group_id = r.group_id
       WHERE m.user_id = ? AND m.role = 'lead' AND r.status = 'pending'`,
      [userId],
    ))!.n;
  }

  async decide(id: string, status: 'approved' | 'declined', by: string): Promise<void> {
    await this.sql.run(
      "UPDATE access_requests SET status = ?, decided_at = ?, decided_by = ? WHERE id = ? AND status = 'pending'",
      [status, this.now(), by, id],
    );
  }
}
