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

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = configure(new Database(file));
  }

  async loadUpdates(room: string): Promise<Uint8Array[]> {
    const rows = this.db
      .prepare<[string], UpdateRow>('SELECT id, data FROM updates WHERE room = ? ORDER BY id')
      .all(room);
    return rows.map((row) => new Uint8Array(row.data));
  }

  async appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const update of updates) insert.run(room, update);
    })();
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
    if (this.db.open) this.db.close();
  }
}
