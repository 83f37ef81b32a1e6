import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { AccountStore } from '../../../sync-server/accounts/accountStore';
import { appendBlocks, readDocumentText } from '../../../shared/ydoc/documentDoc';
import { SqliteStorage } from '../../../sync-server/storage/sqliteStorage';
import { mergeUpdates } from '../../../sync-server/storage/storage';

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
    await storage.close();
    storage = new CrashingCompaction(file);

    await expect(storage.compact(ROOM)).rejects.toThrow(/simulated crash/);

    const loaded = await storage.loadUpdates(ROOM);
    expect(loaded).toEqual(updates);
    expect(replay(loaded)).toBe(readDocumentText(doc));
  });

  it('keeps data after closing and reopening the file', async () => {
    const { updates, doc } = edits(5);
    await storage.appendUpdates(ROOM, updates);
    await storage.close();

    storage = new SqliteStorage(file);
    expect(replay(await storage.loadUpdates(ROOM))).toBe(readDocumentText(doc));
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
