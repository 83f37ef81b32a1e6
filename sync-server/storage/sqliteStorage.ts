/**
 * The default Storage: one SQLite file in the data directory. WAL with synchronous=FULL means a
 * committed transaction is on disk when better-sqlite3 returns, which is what lets the server
 * send `saved` right after. The schema is migrated forward by migrations.ts.
 */
import Database from 'better-sqlite3';
import { configure } from './migrations';
import { mergeUpdates, type Storage } from './storage';

interface UpdateRow {
  id: number;
  data: Buffer;
}

interface QueuedAppend {
  room: string;
  updates: readonly Uint8Array[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, Uint8Array]>;
  private queued: QueuedAppend[] = [];

  constructor(file: string) {
    this.db = configure(new Database(file));
    this.insert = this.db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
  }

  async loadUpdates(room: string): Promise<Uint8Array[]> {
    const rows = this.db
      .prepare<[string], UpdateRow>('SELECT id, data FROM updates WHERE room = ? ORDER BY id')
      .all(room);
    return rows.map((row) => new Uint8Array(row.data));
  }

  /**
   * Group commit: appends asked for in one event-loop turn (every room that received updates)
   * are written in one transaction, one fsync for all of them, in the next turn. Each promise
   * resolves only after that transaction committed, or rejects with its error.
   */
  appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ room, updates, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
  }

  private commitQueued(): void {
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const { room, updates } of batch) {
          for (const update of updates) this.insert.run(room, update);
        }
      })();
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    for (const append of batch) append.resolve();
  }

  async compact(room: string): Promise<void> {
    this.db.transaction(() => {
      const rows = this.db
        .prepare<[string], UpdateRow>('SELECT id, data FROM updates WHERE room = ? ORDER BY id')
        .all(room);
      if (rows.length < 2) return;
      const merged = mergeUpdates(rows.map((row) => row.data));
      this.db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)').run(room, merged);
      this.afterMergedStateWritten(room);
      this.db
        .prepare('DELETE FROM updates WHERE room = ? AND id <= ?')
        .run(room, rows[rows.length - 1]!.id);
    })();
  }

  /** Runs inside the compaction transaction; tests override it to crash at the worst moment. */
  protected afterMergedStateWritten(_room: string): void {}

  async check(): Promise<void> {
    this.db.prepare('SELECT count(*) FROM updates WHERE 0').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.commitQueued();
    if (this.db.open) this.db.close();
  }
}
