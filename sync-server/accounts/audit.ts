/** The audit log: who did what to whom, and when. Rows are only ever appended. */
import type Database from 'better-sqlite3';
import type { GroupId } from '../../shared/model/ids';
import type { AuditAction, AuditEntry } from '../../shared/protocol/api';

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
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  record(entry: AuditRecord): void {
    this.db
      .prepare(
        'INSERT INTO audit_log (at, action, actor_id, email, target_user_id, group_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        this.now(),
        entry.action,
        entry.actorId ?? null,
        entry.email ?? null,
        entry.targetUserId ?? null,
        entry.groupId ?? null,
        entry.detail ?? '',
      );
  }

  /** Newest first. */
  list(limit: number): AuditEntry[] {
    return this.db
      .prepare<[number], AuditRow>(
        `SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ORDER BY a.id DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => ({
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
