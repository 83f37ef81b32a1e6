/** Requests to join a listed group, answered by its leads (approve with a role, or decline). */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AccessRequestStatus } from '../../shared/protocol/api';

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
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  create(groupId: string, userId: string, message: string): AccessRequestRecord {
    const id = randomUUID();
    this.db
      .prepare(
        "INSERT INTO access_requests (id, group_id, user_id, message, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)",
      )
      .run(id, groupId, userId, message, this.now());
    return this.get(id)!;
  }

  get(id: string): AccessRequestRecord | null {
    const row = this.db
      .prepare<[string], RequestRow>('SELECT * FROM access_requests WHERE id = ?')
      .get(id);
    return row === undefined ? null : toRecord(row);
  }

  pending(groupId: string, userId?: string): AccessRequestRecord[] {
    return this.db
      .prepare<[string], RequestRow>(
        "SELECT * FROM access_requests WHERE group_id = ? AND status = 'pending' ORDER BY created_at",
      )
      .all(groupId)
      .map(toRecord)
      .filter((request) => userId === undefined || request.userId === userId);
  }

  /** Pending requests in the groups `userId` leads. */
  pendingForLead(userId: string): number {
    return this.db
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM access_requests r JOIN memberships m ON m.group_id = r.group_id
         WHERE m.user_id = ? AND m.role = 'lead' AND r.status = 'pending'`,
      )
      .get(userId)!.n;
  }

  decide(id: string, status: 'approved' | 'declined', by: string): void {
    this.db
      .prepare(
        "UPDATE access_requests SET status = ?, decided_at = ?, decided_by = ? WHERE id = ? AND status = 'pending'",
      )
      .run(status, this.now(), by, id);
  }
}
