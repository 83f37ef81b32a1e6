import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { AccountStore } from '../../../sync-server/accounts/accountStore';
import { appendBlocks, readDocumentText } from '../../../shared/ydoc/documentDoc';
import { SqliteStorage } from '../../../sync-server/storage/sqliteStorage';
import { isDatabaseUnavailable } from '../../../sync-server/databaseErrors';
import { POSTGRES_MIGRATIONS, migratePostgres } from '../../../sync-server/db/postgresMigrations';
import { PostgresSql } from '../../../sync-server/db/postgresSql';
import { SQLITE_SCHEMA_VERSION } from '../../../sync-server/storage/migrations';
import { PostgresStorage } from '../../../sync-server/storage/postgresStorage';
import { mergeUpdates, type Storage } from '../../../sync-server/storage/storage';
import { createTestDatabase, describeWithPostgres } from '../../support/postgres';

const ROOM = 'g/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/doc/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const OTHER_ROOM = 'g/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/index';

/** The incremental updates of `count` edits by one client, as a server would receive them. */
function edits(count: number, prefix = 'línea'): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++)
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: `${prefix} ${i}` }] }]);
  return { updates, doc };
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return readDocumentText(doc);
}

class CrashingCompaction extends SqliteStorage {
  protected override afterMergedStateWritten(): void {
    throw new Error('simulated crash between writing the merged state and deleting the old rows');
  }
}

class CrashingPostgresCompaction extends PostgresStorage {
  protected override afterMergedStateWritten(): Promise<void> {
    throw new Error('simulated crash between writing the merged state and deleting the old rows');
  }
}

/** How the contract reaches one kind of database: each test starts from an empty one. */
interface Backend {
  /** A storage on the (empty) database of this test. */
  open(): Promise<Storage>;
  /** Another connection to the same data (a restart). */
  reopen(): Promise<Storage>;
  /** A storage whose compaction fails after writing the merged state, before deleting. */
  openCrashing(): Promise<Storage>;
}

/** The Storage contract (storage.ts), the same tests for every backend. */
function storageContract(backend: () => Backend): void {
  let storage: Storage;
  const opened: Storage[] = [];
  const track = (made: Storage) => {
    opened.push(made);
    return made;
  };

  beforeEach(async () => {
    storage = track(await backend().open());
  });

  afterEach(async () => {
    for (const made of opened.splice(0)) await made.close();
  });

  it('loads back what was appended, in order, per room', async () => {
    const { updates, doc } = edits(3);
    await storage.appendUpdates(ROOM, [updates[0]!]);
    await storage.appendUpdates(ROOM, [updates[1]!, updates[2]!]);
    await storage.appendUpdates(OTHER_ROOM, edits(1, 'otra').updates);

    const loaded = await storage.loadUpdates(ROOM);
    expect(loaded).toEqual(updates);
    expect(replay(loaded)).toBe(readDocumentText(doc));
    expect(await storage.loadUpdates('g/unknown')).toEqual([]);
  });

  it('appends many updates in one transaction: all or none', async () => {
    const { updates } = edits(50);
    await storage.appendUpdates(ROOM, updates);
    expect(await storage.loadUpdates(ROOM)).toHaveLength(50);

    const poisoned = [...edits(2, 'nueva').updates, null as unknown as Uint8Array];
    await expect(storage.appendUpdates(ROOM, poisoned)).rejects.toThrow();
    expect(await storage.loadUpdates(ROOM)).toHaveLength(50);
  });

  it('commits appends from many rooms made at once, each resolved after its commit', async () => {
    const rooms = Array.from({ length: 8 }, (_, i) => `${OTHER_ROOM}-${i}`);
    const perRoom = rooms.map((room) => ({ room, ...edits(4, room) }));
    await Promise.all(
      perRoom.flatMap(({ room, updates }) =>
        updates.map((update) => storage.appendUpdates(room, [update])),
      ),
    );
    for (const { room, updates } of perRoom)
      expect(await storage.loadUpdates(room)).toEqual(updates);
  });

  it('compacts a room into one update equal to the merged state', async () => {
    const { updates, doc } = edits(20);
    await storage.appendUpdates(ROOM, updates);
    await storage.appendUpdates(OTHER_ROOM, edits(2).updates);

    await storage.compact(ROOM);

    const loaded = await storage.loadUpdates(ROOM);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toEqual(mergeUpdates(updates));
    expect(replay(loaded)).toBe(readDocumentText(doc));
    expect(await storage.loadUpdates(OTHER_ROOM)).toHaveLength(2);
  });

  it('keeps every update when compaction fails between writing the merged state and deleting', async () => {
    const { updates, doc } = edits(10);
    await storage.appendUpdates(ROOM, updates);
    const crashing = track(await backend().openCrashing());

    await expect(crashing.compact(ROOM)).rejects.toThrow(/simulated crash/);

    const loaded = await crashing.loadUpdates(ROOM);
    expect(loaded).toEqual(updates);
    expect(replay(loaded)).toBe(readDocumentText(doc));
  });

  it('keeps data after closing and reopening', async () => {
    const { updates, doc } = edits(5);
    await storage.appendUpdates(ROOM, updates);
    await storage.close();
    opened.splice(opened.indexOf(storage), 1);

    storage = track(await backend().reopen());
    expect(replay(await storage.loadUpdates(ROOM))).toBe(readDocumentText(doc));
  });

  it('answers check() while the database is reachable', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
  });

  it('sums the stored bytes of each room under a prefix, and of no other room', async () => {
    const group = 'g/5d8e2f41-7a3b-4c6d-9e1f-2a3b4c5d6e7f/';
    const inGroup = [`${group}doc/a`, `${group}doc/a/threads`, `${group}board/b`];
    const sizes = new Map<string, number>();
    for (const [n, room] of inGroup.entries()) {
      const { updates } = edits(n + 1, `sala ${n}`);
      await storage.appendUpdates(room, updates);
      sizes.set(
        room,
        updates.reduce((sum, update) => sum + update.byteLength, 0),
      );
    }
    // Neighbours in byte order and in a collation's order: same prefix but one character more
    // or less, upper case, a longer group id.
    for (const room of [
      'g/5d8e2f41-7a3b-4c6d-9e1f-2a3b4c5d6e7f',
      'g/5d8e2f41-7a3b-4c6d-9e1f-2a3b4c5d6e7f0/doc/a',
      'g/5D8E2F41-7A3B-4C6D-9E1F-2A3B4C5D6E7F/doc/a',
      'g/5d8e2f41-7a3b-4c6d-9e1f-2a3b4c5d6e7e/doc/a',
    ]) {
      await storage.appendUpdates(room, edits(1, 'vecina').updates);
    }
    const answer = await storage.roomSizes(group);
    expect(answer).toEqual(
      [...sizes]
        .map(([room, bytes]) => ({ room, bytes }))
        .sort((a, b) => (a.room < b.room ? -1 : 1)),
    );
    expect(await storage.roomSizes('g/00000000-0000-4000-8000-000000000000/')).toEqual([]);
  });
}

describe('SqliteStorage contract', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minka-storage-'));
    file = join(dir, 'minka.sqlite');
    return () => rmSync(dir, { recursive: true, force: true });
  });
  storageContract(() => ({
    open: async () => new SqliteStorage(file),
    reopen: async () => new SqliteStorage(file),
    openCrashing: async () => new CrashingCompaction(file),
  }));
});

describeWithPostgres('PostgresStorage contract', () => {
  let database: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    database = await createTestDatabase();
    // Migrated once here; every storage below finds nothing left to do.
    await (await PostgresStorage.open(database.url)).close();
  });
  afterAll(() => database.drop());
  beforeEach(async () => {
    const reset = new pg.Client({ connectionString: database.url });
    await reset.connect();
    await reset.query('TRUNCATE updates');
    await reset.end();
  });
  storageContract(() => ({
    open: () => PostgresStorage.open(database.url, { max: 3 }),
    reopen: () => PostgresStorage.open(database.url, { max: 3 }),
    openCrashing: () => CrashingPostgresCompaction.open(database.url, { max: 3 }),
  }));
});

describeWithPostgres('PostgresStorage across instances', () => {
  let database: { url: string; drop: () => Promise<void> };
  const opened: Storage[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());
  afterEach(async () => {
    for (const made of opened.splice(0)) await made.close();
  });

  it('has a PostgreSQL step for every SQLite schema step', () => {
    expect(POSTGRES_MIGRATIONS).toHaveLength(SQLITE_SCHEMA_VERSION);
  });

  it('migrates once when several instances start together', async () => {
    const pools = [1, 2, 3].map(() => new PostgresSql(database.url, { max: 1 }));
    try {
      await Promise.all(pools.map((pool) => migratePostgres(pool)));
      const row = await pools[0]!.get<{ version: number }>('SELECT version FROM schema_version');
      expect(row?.version).toBe(POSTGRES_MIGRATIONS.length);
      const count = await pools[0]!.get<{ n: number }>('SELECT count(*) AS n FROM schema_version');
      expect(count?.n).toBe(1);
    } finally {
      for (const pool of pools) await pool.close();
    }
  });

  it('never loses an append another instance commits while it compacts, even one with a lower id', async () => {
    const { updates, doc } = edits(13);
    const first = await PostgresStorage.open(database.url, { max: 2 });
    opened.push(first);
    await first.appendUpdates(ROOM, updates.slice(0, 10));
    // Another instance's transaction takes its id now and commits only during the compaction…
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    await other.query('BEGIN');
    await other.query('INSERT INTO updates (room, data) VALUES ($1, $2)', [
      ROOM,
      Buffer.from(updates[10]!),
    ]);
    // …after an append with a higher id that the compaction reads and merges.
    await first.appendUpdates(ROOM, [updates[11]!]);
    const second = await PostgresStorage.open(database.url, { max: 2 });
    opened.push(second);
    class Interleaved extends PostgresStorage {
      protected override async afterMergedStateWritten(): Promise<void> {
        await other.query('COMMIT');
        // And a third instance appends through its own pool while the merged row is uncommitted.
        await second.appendUpdates(ROOM, [updates[12]!]);
      }
    }
    const compacting = await Interleaved.open(database.url, { max: 2 });
    opened.push(compacting);
    try {
      await compacting.compact(ROOM);
    } finally {
      await other.end();
    }

    const loaded = await first.loadUpdates(ROOM);
    // The merged row of the 11 it read, plus the two appended meanwhile: nothing lost.
    expect(loaded).toHaveLength(3);
    expect(replay(loaded)).toBe(readDocumentText(doc));
    const ids = await first.db.all<{ id: number }>(
      'SELECT id FROM updates WHERE room = ? ORDER BY id',
      [ROOM],
    );
    // The concurrent row's id is below the highest merged one: deleting "id <= max" would lose it.
    expect(ids[0]!.id).toBeLessThan(ids[1]!.id);
  });

  it('lets two instances compact the same room at once without losing or doubling content', async () => {
    const { updates, doc } = edits(30);
    const a = await PostgresStorage.open(database.url, { max: 2 });
    const b = await PostgresStorage.open(database.url, { max: 2 });
    opened.push(a, b);
    await a.appendUpdates(OTHER_ROOM, updates);
    await Promise.all([a.compact(OTHER_ROOM), b.compact(OTHER_ROOM)]);
    const loaded = await b.loadUpdates(OTHER_ROOM);
    expect(loaded.length).toBeGreaterThanOrEqual(1);
    expect(replay(loaded)).toBe(readDocumentText(doc));
  });

  it('rejects an append when the database is gone, and stores it once it is back', async () => {
    const { updates, doc } = edits(2);
    const broken = await PostgresStorage.open(database.url.replace(/:\d+\//, ':1/'), {
      max: 1,
    }).catch((error: unknown) => error);
    expect(broken).toBeInstanceOf(Error);
    const storage = await PostgresStorage.open(database.url, { max: 1 });
    opened.push(storage);
    // Terminate the pool's connection from the server side mid-life: the next append fails …
    await storage.appendUpdates(`${ROOM}-gone`, [updates[0]!]);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'minka-rooms' AND pid <> pg_backend_pid()",
    );
    await admin.end();
    const failed = await storage.appendUpdates(`${ROOM}-gone`, [updates[1]!]).then(
      () => null,
      (error: unknown) => error,
    );
    // … or, if the pool noticed first, succeeds on a fresh connection; never half-stored.
    if (failed !== null) {
      expect(isDatabaseUnavailable(failed)).toBe(true);
      await storage.appendUpdates(`${ROOM}-gone`, [updates[1]!]);
    }
    expect(replay(await storage.loadUpdates(`${ROOM}-gone`))).toBe(readDocumentText(doc));
  });
});

describe('SqliteStorage', () => {
  let dir: string;
  let file: string;
  let storage: SqliteStorage;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minka-storage-'));
    file = join(dir, 'minka.sqlite');
    storage = new SqliteStorage(file);
  });

  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates a v1 database (workspace record with its groups) to accounts, keeping the groups listed', async () => {
    await storage.close();
    rmSync(file, { force: true });
    const old = new Database(file);
    old.exec(`CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX updates_by_room ON updates (room, id);
      CREATE TABLE workspace (id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE working_groups (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspace (id),
        position INTEGER NOT NULL, name TEXT NOT NULL, purpose TEXT NOT NULL);
      INSERT INTO workspace VALUES ('ws-1', 'Clúster Minero del Sur del Perú');
      INSERT INTO working_groups VALUES ('${GROUP}', 'ws-1', 0, 'Gobernanza del clúster', 'Actas');
      PRAGMA user_version = 1;`);
    old.close();

    storage = new SqliteStorage(file);
    const accounts = AccountStore.openSqlite(file, () => Date.now());
    try {
      expect(await accounts.groups.workspace()).toEqual({
        id: 'ws-1',
        name: 'Clúster Minero del Sur del Perú',
      });
      expect(await accounts.groups.get(GROUP)).toEqual({
        id: GROUP,
        name: 'Gobernanza del clúster',
        purpose: 'Actas',
        visibility: 'listed',
      });
      expect(await accounts.users.count()).toBe(0);
    } finally {
      await accounts.close();
    }
  });

  it('refuses a database from a newer Minka, saying so', async () => {
    await storage.close();
    const newer = new Database(file);
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => new SqliteStorage(file)).toThrow(/más nuevo/);
    storage = new SqliteStorage(join(dir, 'otro.sqlite'));
  });
});
