/**
 * What happened to a person: one row per recipient and event. Rows are keyed by
 * (user, dedupe_key), and `record` ignores a key it has seen, so the same update delivered twice,
 * a reconnecting client or a room reloaded after a restart never notifies twice.
 */
import { randomUUID } from 'node:crypto';
import type { NotificationKind } from '../../shared/protocol/notificationsApi';
import type { Sql } from '../db/sql';

export interface NewNotification {
  userId: string;
  dedupeKey: string;
  kind: NotificationKind;
  groupId: string;
  targetKind: 'doc' | 'board' | 'group';
  targetId: string;
  threadId?: string | null;
  cardId?: string | null;
  actorId?: string | null;
  actorName?: string;
  excerpt?: string;
}

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  groupId: string;
  targetKind: 'doc' | 'board' | 'group';
  targetId: string;
  threadId: string | null;
  cardId: string | null;
  actorId: string | null;
  actorName: string;
  excerpt: string;
  createdAt: number;
  readAt: number | null;
}

interface Row {
  id: string;
  user_id: string;
  kind: NotificationKind;
  group_id: string;
  target_kind: 'doc' | 'board' | 'group';
  target_id: string;
  thread_id: string | null;
  card_id: string | null;
  actor_id: string | null;
  actor_name: string;
  excerpt: string;
  created_at: number;
  read_at: number | null;
}

const COLUMNS = `id, user_id, kind, group_id, target_kind, target_id, thread_id, card_id, actor_id,
  actor_name, excerpt, created_at, read_at`;

const toRecord = (row: Row): NotificationRecord => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  groupId: row.group_id,
  targetKind: row.target_kind,
  targetId: row.target_id,
  threadId: row.thread_id,
  cardId: row.card_id,
  actorId: row.actor_id,
  actorName: row.actor_name,
  excerpt: row.excerpt,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/** Longest excerpt kept; the inbox shows a line, the document has the rest. */
export const EXCERPT_CHARS = 280;

export class Notifications {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  /** Records the event for its recipient unless that recipient already has it; true if new. */
  async record(input: NewNotification): Promise<boolean> {
    const excerpt = input.excerpt ?? '';
    const result = await this.sql.run(
      `INSERT INTO notifications (id, user_id, dedupe_key, kind, group_id, target_kind, target_id,
         thread_id, card_id, actor_id, actor_name, excerpt, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [
        randomUUID(),
        input.userId,
        input.dedupeKey,
        input.kind,
        input.groupId,
        input.targetKind,
        input.targetId,
        input.threadId ?? null,
        input.cardId ?? null,
        input.actorId ?? null,
        input.actorName ?? '',
        excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS - 1)}…` : excerpt,
        this.now(),
      ],
    );
    return result.changes > 0;
  }

  /** The person's newest notifications first. */
  async list(userId: string, limit: number, unreadOnly = false): Promise<NotificationRecord[]> {
    return (
      await this.sql.all<Row>(
        `SELECT ${COLUMNS} FROM notifications
         WHERE user_id = ? ${unreadOnly ? 'AND read_at IS NULL' : ''}
         ORDER BY created_at DESC, id LIMIT ?`,
        [userId, limit],
      )
    ).map(toRecord);
  }

  async unreadCount(userId: string): Promise<number> {
    return (await this.sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
      [userId],
    ))!.n;
  }

  /** Marks one of the person's notifications read; false when it is not theirs or not there. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const row = await this.sql.get<{ id: string }>(
      'SELECT id FROM notifications WHERE id = ? AND user_id = ?',
      [id, userId],
    );
    if (row === undefined) return false;
    await this.sql.run('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL', [
      this.now(),
      id,
    ]);
    return true;
  }

  async markAllRead(userId: string): Promise<void> {
    await this.sql.run(
      'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
      [this.now(), userId],
    );
  }
}
