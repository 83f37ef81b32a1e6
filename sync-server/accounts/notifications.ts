/**
 * What happened to a person: one row per recipient and event. Rows are keyed by
 * (user, dedupe_key), and `record` ignores a key it has seen, so the same update delivered twice,
 * a reconnecting client or a room reloaded after a restart never notifies twice.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { NotificationKind } from '../../shared/protocol/notificationsApi';

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
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  /** Records the event for its recipient unless that recipient already has it; true if new. */
  record(input: NewNotification): boolean {
    const excerpt = input.excerpt ?? '';
    const result = this.db
      .prepare(
        `INSERT INTO notifications (id, user_id, dedupe_key, kind, group_id, target_kind, target_id,
           thread_id, card_id, actor_id, actor_name, excerpt, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      )
      .run(
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
      );
    return result.changes > 0;
  }

  /** The person's newest notifications first. */
  list(userId: string, limit: number, unreadOnly = false): NotificationRecord[] {
    return this.db
      .prepare<[string, number], Row>(
        `SELECT * FROM notifications WHERE user_id = ? ${unreadOnly ? 'AND read_at IS NULL' : ''}
         ORDER BY created_at DESC, id LIMIT ?`,
      )
      .all(userId, limit)
      .map(toRecord);
  }

  unreadCount(userId: string): number {
    return this.db
      .prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
      )
      .get(userId)!.n;
  }

  /** Marks one of the person's notifications read; false when it is not theirs or not there. */
  markRead(userId: string, id: string): boolean {
    const row = this.db
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM notifications WHERE id = ? AND user_id = ?',
      )
      .get(id, userId);
    if (row === undefined) return false;
    this.db
      .prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL')
      .run(this.now(), id);
    return true;
  }

  markAllRead(userId: string): void {
    this.db
      .prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL')
      .run(this.now(), userId);
  }
}
