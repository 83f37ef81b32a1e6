/**
 * The default Storage: one SQLite file in the data directory. WAL with synchronous=FULL means a
 * committed transaction is on disk when better-sqlite3 returns, which is what lets the server
 * send `saved` right after. The schema is migrated forward by `PRAGMA user_version`.
 */
import Database from 'better-sqlite3';
import type { WorkingGroup, Workspace } from '../../shared/model/workspace';
import type { GroupId } from '../../shared/model/ids';
import { mergeUpdates, type Storage } from './storage';

/** Step N brings the schema from user_version N to N + 1; steps are never edited once shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     room TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX updates_by_room ON updates (room, id);
   CREATE TABLE workspace (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL
   );
   CREATE TABLE working_groups (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL REFERENCES workspace (id),
     position INTEGER NOT NULL,
     name TEXT NOT NULL,
     purpose TEXT NOT NULL
   );`,
];

interface UpdateRow {
  id: number;
  data: Buffer;
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `La base de datos tiene el esquema ${version}, más nuevo que el de este servidor (${MIGRATIONS.length}): actualice Minka.`,
      );
    }
    for (let step = version; step < MIGRATIONS.length; step++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[step]!);
        this.db.pragma(`user_version = ${step + 1}`);
      })();
    }
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

  async loadWorkspace(): Promise<Workspace | null> {
    const workspace = this.db
      .prepare<[], { id: string; name: string }>('SELECT id, name FROM workspace LIMIT 1')
      .get();
    if (workspace === undefined) return null;
    const groups = this.db
      .prepare<[string], { id: string; name: string; purpose: string }>(
        'SELECT id, name, purpose FROM working_groups WHERE workspace_id = ? ORDER BY position',
      )
      .all(workspace.id);
    return {
      id: workspace.id,
      name: workspace.name,
      groups: groups.map((group): WorkingGroup => ({ ...group, id: group.id as GroupId })),
    };
  }

  async saveWorkspace(workspace: Workspace): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO workspace (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name')
        .run(workspace.id, workspace.name);
      this.db.prepare('DELETE FROM working_groups WHERE workspace_id = ?').run(workspace.id);
      const insert = this.db.prepare(
        'INSERT INTO working_groups (id, workspace_id, position, name, purpose) VALUES (?, ?, ?, ?, ?)',
      );
      workspace.groups.forEach((group, position) =>
        insert.run(group.id, workspace.id, position, group.name, group.purpose),
      );
    })();
  }

  async check(): Promise<void> {
    this.db.prepare('SELECT count(*) FROM updates WHERE 0').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
