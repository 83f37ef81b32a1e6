/**
 * Replays the outbox (operations made offline) in order, one at a time. A network failure or a
 * server error stops the replay, which starts again on the next `online` event or call; a refusal
 * (4xx) marks its row failed with the code and goes on, so one bad row never blocks the rest.
 */
import type { WorkspaceDexie, OutboxRow } from './workspaceDb';

export type OutboxSender = (row: OutboxRow) => Promise<void>;

/** The error an outbox sender throws: its HTTP status (0 = no answer) and code. */
interface SendError {
  status: number;
  code: string;
}

const running = new WeakMap<WorkspaceDexie, Promise<void>>();

export async function enqueue(db: WorkspaceDexie, row: Omit<OutboxRow, 'seq'>): Promise<void> {
  await db.outbox.add(row as OutboxRow);
}

function permanent(error: unknown): error is SendError {
  const status = (error as Partial<SendError> | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

async function replay(db: WorkspaceDexie, send: OutboxSender): Promise<void> {
  const rows = await db.outbox.orderBy('seq').toArray();
  for (const row of rows) {
    if (row.failed !== undefined) continue;
    try {
      await send(row);
      await db.outbox.delete(row.seq!);
    } catch (error) {
      if (!permanent(error)) return;
      await db.outbox.update(row.seq!, { failed: error.code });
    }
  }
}

/** Sends what waits; concurrent calls share one replay. */
export function flushOutbox(db: WorkspaceDexie, send: OutboxSender): Promise<void> {
  const current = running.get(db);
  if (current !== undefined) return current;
  const next = replay(db, send).finally(() => running.delete(db));
  running.set(db, next);
  return next;
}
