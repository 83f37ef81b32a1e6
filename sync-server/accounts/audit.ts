/** The audit log: who did what to whom, and when. Rows are only ever appended. */
import type { GroupId } from '../../shared/model/ids';
import type { AuditAction, AuditEntry } from '../../shared/protocol/api';
import type { Sql } from '../db/sql';

export interface AuditRecord {
  action: AuditAction;
  actorId?: string | null;
  email?: string | null;
  targetUserId?: string | null;
  groupId?: string | null;
  detail?: string;
}

interface AuditRow {
  id: number;
  at: number;
  action: AuditAction;
  actor_id: string | null;
  actor_name: string | null;
  email: string | null;
  target_user_id: string | null;
  group_id: string | null;
  detail: string;
}

export class AuditLog {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.sql.run(
      'INSERT INTO audit_log (at, action, actor_id, email, target_user_id, group_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        this.now(),
        entry.action,
        entry.actorId ?? null,
        entry.email ?? null,
        entry.targetUserId ?? null,
        entry.groupId ?? null,
        entry.detail ?? '',
      ],
    );
  }

  /** Newest first. */
  async list(limit: number): Promise<AuditEntry[]> {
    const rows = await this.sql.all<AuditRow>(
      `SELECT a.id, a.at, a.action, a.actor_id, a.email, a.target_user_id, a.group_id, a.detail,
         u.name AS actor_name
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ORDER BY a.id DESC LIMIT ?`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      action: row.action,
      actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '' },
      email: row.email,
      targetUserId: row.target_user_id,
      groupId: row.group_id as GroupId | null,
      detail: row.detail,
    }));
  }
}
