import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  appendBlocks,
  getDocumentBody,
  readDocumentText,
} from '../../../../shared/ydoc/documentDoc';
import { DexiePersistence } from '../../../../renderer/storage/DexiePersistence';
import type { SavedMessage } from '../../../../shared/protocol/saved';
import { openWorkspaceDb, type WorkspaceDexie } from '../../../../renderer/storage/workspaceDb';

const ROOM = 'g/00000000-0000-4000-8000-000000000001/doc/00000000-0000-4000-8000-000000000002';
const REMOTE = Symbol('remote');
const opened: WorkspaceDexie[] = [];
let counter = 0;

function freshDb(): WorkspaceDexie {
  counter += 1;
  const db = openWorkspaceDb(`persistence-test-${counter}-${Math.random()}`);
  opened.push(db);
  return db;
}

/** A Web Storage stand-in with the same synchronous contract as localStorage. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

async function open(
  db: WorkspaceDexie,
  options: {
    compactAfter?: number;
    compactChunk?: number;
    flushDelayMs?: number;
    burstMs?: number;
    now?: () => number;
    walStorage?: MemoryStorage | null;
  } = {},
) {
  const doc = new Y.Doc();
  const persistence = new DexiePersistence(db, ROOM, doc, {
    isRemoteOrigin: (origin) => origin === REMOTE,
    // Most tests count single edits; the burst test sets its own window.
    burstMs: 0,
    walStorage: null,
    ...options,
  });
  await persistence.whenLoaded;
  return { doc, persistence };
}

function type(doc: Y.Doc, text: string) {
  appendBlocks(doc, [{ type: 'paragraph', runs: [{ text }] }]);
}

/** What a server holding exactly `state` (a doc or a copy of one) would say it saved. */
function savedAt(state: Y.Doc): SavedMessage {
  return { complete: true, snapshot: Y.snapshot(state) };
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('DexiePersistence', () => {
  it('reopens local edits from IndexedDB alone, in a new Y.Doc', async () => {
    const db = freshDb();
    const first = await open(db);
    type(first.doc, 'Acta del comité');
    type(first.doc, 'Segundo párrafo');
    await first.persistence.destroy();

    const second = await open(db);
    expect(readDocumentText(second.doc)).toBe('Acta del comité\nSegundo párrafo');
  });

  it('counts each stored local change as pending, and not remote updates', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db);
    type(doc, 'uno');
    type(doc, 'dos');

    const other = new Y.Doc();
    appendBlocks(other, [{ type: 'heading', level: 1, text: 'de otra persona' }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), REMOTE);

    await persistence.whenWritten();
    expect(persistence.getStatus().pending).toBe(2);
  });

  it('lowers the pending count only for changes the saved vector covers', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db);
    type(doc, 'primero');
    const afterFirst = copyOf(doc);
    type(doc, 'segundo');
    await persistence.whenWritten();
    expect(persistence.getStatus().pending).toBe(2);

    await persistence.markSaved(savedAt(afterFirst));
    expect(persistence.getStatus().pending).toBe(1);
    expect(persistence.getStatus().hasSavedVector).toBe(true);

    await persistence.markSaved(savedAt(doc));
    expect(persistence.getStatus().pending).toBe(0);
  });

  it('keeps pending changes across a reload until a saved vector covers them', async () => {
    const db = freshDb();
    const first = await open(db);
    type(first.doc, 'escrito sin red');
    const written = copyOf(first.doc);
    await first.persistence.destroy();

    const second = await open(db);
    expect(second.persistence.getStatus().pending).toBe(1);
    await second.persistence.markSaved(savedAt(new Y.Doc()));
    expect(second.persistence.getStatus().pending).toBe(1);
    await second.persistence.markSaved(savedAt(written));
    expect(second.persistence.getStatus().pending).toBe(0);
  });

  it('keeps a delete-only change pending until the server has saved the deletion', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db);
    type(doc, 'texto para borrar');
    const server = copyOf(doc);
    await persistence.markSaved(savedAt(server));

    doc.transact(() => getDocumentBody(doc).delete(0, 1));
    await persistence.whenWritten();
    expect(persistence.getStatus().pending).toBe(1);

    // Same state vector as before the deletion: only the delete set can tell it is not saved.
    await persistence.markSaved(savedAt(server));
    expect(persistence.getStatus().pending).toBe(1);
    await persistence.markSaved(savedAt(copyOf(doc)));
    expect(persistence.getStatus().pending).toBe(0);
  });

  it('counts a burst of quick edits as one change, and a later edit as another', async () => {
    let now = 1_000;
    const db = freshDb();
    const { doc, persistence } = await open(db, { burstMs: 1500, now: () => now });
    type(doc, 'u');
    now += 200;
    type(doc, 'un');
    now += 200;
    type(doc, 'una');
    await persistence.whenWritten();
    expect(persistence.getStatus().pending).toBe(1);

    now += 5_000;
    type(doc, 'otra idea');
    await persistence.whenWritten();
    expect(persistence.getStatus().pending).toBe(2);

    await persistence.markSaved(savedAt(doc));
    expect(persistence.getStatus().pending).toBe(0);
  });

  it('keeps a keystroke whose IndexedDB write never finished (the page went away first)', async () => {
    const name = `persistence-wal-${Math.random()}`;
    const walStorage = new MemoryStorage();
    const first = openWorkspaceDb(name);
    opened.push(first);
    const a = await open(first, { walStorage });
    type(a.doc, 'escrito justo antes de recargar');
    // The page unloads: the database goes away with the write still queued behind it.
    first.close();
    await a.persistence.whenWritten();
    expect(walStorage.length).toBe(1);

    const second = openWorkspaceDb(name);
    opened.push(second);
    const b = await open(second, { walStorage });
    expect(readDocumentText(b.doc)).toBe('escrito justo antes de recargar');
    await b.persistence.whenWritten();
    expect(b.persistence.getStatus().pending).toBe(1);
    expect(walStorage.length).toBe(0);

    const third = await open(second, { walStorage });
    expect(readDocumentText(third.doc)).toBe('escrito justo antes de recargar');
  });

  it('clears each logged update once IndexedDB has it', async () => {
    const walStorage = new MemoryStorage();
    const { doc, persistence } = await open(freshDb(), { walStorage });
    type(doc, 'uno');
    type(doc, 'dos');
    expect(walStorage.length).toBe(2);
    await persistence.whenWritten();
    expect(walStorage.length).toBe(0);
  });

  it('folds a room into its stored state without changing its content', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db, { compactAfter: 1000, compactChunk: 7 });
    for (let i = 0; i < 30; i += 1) {
      type(doc, `línea ${i}`);
      await persistence.whenWritten();
    }
    expect(await db.updates.where('room').equals(ROOM).count()).toBe(30);

    await persistence.compact();
    expect(await db.updates.where('room').equals(ROOM).count()).toBe(0);
    expect(await db.states.get(ROOM)).toBeDefined();
    expect(persistence.getStatus().pending).toBe(30);
    const text = readDocumentText(doc);
    await persistence.destroy();

    const reopened = await open(db);
    expect(readDocumentText(reopened.doc)).toBe(text);
    expect(text.split('\n')).toHaveLength(30);
  });

  it('folds by itself once a room has more updates than the threshold', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db, { compactAfter: 5 });
    for (let i = 0; i < 12; i += 1) {
      type(doc, `cambio ${i}`);
      await persistence.whenWritten();
    }
    await vi.waitFor(async () =>
      expect(await db.updates.where('room').equals(ROOM).count()).toBeLessThanOrEqual(5),
    );
    await persistence.destroy();
    expect(readDocumentText((await open(db)).doc).split('\n')).toHaveLength(12);
  });
});

describe('DexiePersistence batching and cold open', () => {
  it('writes a burst of keystrokes and saved messages in one batch, counting them at once', async () => {
    const db = freshDb();
    const walStorage = new MemoryStorage();
    const { doc, persistence } = await open(db, {
      burstMs: 1500,
      walStorage,
      flushDelayMs: 60_000,
    });
    const transactions = vi.spyOn(db, 'transaction');
    for (let i = 0; i < 40; i += 1) type(doc, `tecla ${i}`);
    // Counted and logged synchronously; nothing has touched IndexedDB yet.
    expect(persistence.getStatus().pending).toBe(1);
    expect(walStorage.length).toBe(40);
    await persistence.markSaved(savedAt(copyOf(doc)));
    expect(persistence.getStatus().pending).toBe(0);
    expect(transactions).not.toHaveBeenCalled();

    await persistence.whenWritten();
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(walStorage.length).toBe(0);
    expect(await db.updates.where('room').equals(ROOM).count()).toBe(1);
    expect(await db.changes.where('room').equals(ROOM).count()).toBe(0);
    expect((await db.rooms.get(ROOM))?.savedSnapshot).toBeInstanceOf(Uint8Array);
  });

  it('deletes the stored row of a change the server saved after it was written', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db);
    type(doc, 'sin red');
    await persistence.whenWritten();
    expect(await db.changes.where('room').equals(ROOM).count()).toBe(1);
    await persistence.markSaved(savedAt(copyOf(doc)));
    await persistence.whenWritten();
    expect(await db.changes.where('room').equals(ROOM).count()).toBe(0);
    await persistence.destroy();
    expect((await open(db)).persistence.getStatus().pending).toBe(0);
  });

  it('opens 50,000 stored updates, then folds them into its state in the background', async () => {
    const db = freshDb();
    const writer = new Y.Doc();
    const rows: { room: string; update: Uint8Array }[] = [];
    writer.on('update', (update: Uint8Array) => rows.push({ room: ROOM, update }));
    const text = getDocumentBody(writer);
    const paragraph = new Y.XmlElement('paragraph');
    const run = new Y.XmlText();
    paragraph.insert(0, [run]);
    text.insert(0, [paragraph]);
    for (let i = 0; i < 50_000; i += 1) run.insert(i, 'abcdefghij'[i % 10]!);
    await db.updates.bulkAdd(rows);

    const { doc, persistence } = await open(db, { compactAfter: 200 });
    expect(readDocumentText(doc)).toBe(readDocumentText(writer));
    // The open path applied the rows; folding them is left to background steps.
    expect(await db.states.get(ROOM)).toBeUndefined();
    // fake-indexeddb deletes rows in O(n), so the test watches the first steps, not the last.
    await vi.waitFor(
      async () =>
        expect(await db.updates.where('room').equals(ROOM).count()).toBeLessThan(rows.length - 1),
      { timeout: 30_000 },
    );
    expect(await db.states.get(ROOM)).toBeDefined();
    await persistence.destroy();
    const reopened = await open(db, { compactAfter: Infinity });
    expect(readDocumentText(reopened.doc)).toBe(readDocumentText(writer));
    await reopened.persistence.destroy();
  }, 120_000);
});

describe('DexiePersistence state beside the log', () => {
  async function typeLines(persistence: DexiePersistence, doc: Y.Doc, from: number, to: number) {
    for (let i = from; i < to; i += 1) {
      type(doc, `línea ${i}`);
      await persistence.whenWritten();
    }
  }

  it('opens from the stored state plus the rows written after it', async () => {
    const db = freshDb();
    const first = await open(db, { compactAfter: 1000 });
    await typeLines(first.persistence, first.doc, 0, 20);
    await first.persistence.compact();
    await typeLines(first.persistence, first.doc, 20, 23);
    expect(await db.updates.where('room').equals(ROOM).count()).toBe(3);
    await first.persistence.destroy();

    const second = await open(db, { compactAfter: 1000 });
    expect(readDocumentText(second.doc).split('\n')).toHaveLength(23);
    expect(readDocumentText(second.doc)).toBe(readDocumentText(first.doc));
  });

  it('loses nothing when the page dies between fold steps', async () => {
    const name = `persistence-fold-${Math.random()}`;
    const db = openWorkspaceDb(name);
    opened.push(db);
    const { doc, persistence } = await open(db, { compactAfter: 1000, compactChunk: 5 });
    await typeLines(persistence, doc, 0, 30);
    const text = readDocumentText(doc);
    // The first step writes the state and deletes 5 rows; the page goes away before the second.
    const bulkDelete = db.updates.bulkDelete.bind(db.updates);
    let calls = 0;
    vi.spyOn(db.updates, 'bulkDelete').mockImplementation((keys) => {
      calls += 1;
      if (calls === 2) db.close();
      return bulkDelete(keys);
    });
    await expect(persistence.compact()).rejects.toThrow();

    const reopenedDb = openWorkspaceDb(name);
    opened.push(reopenedDb);
    expect(await reopenedDb.updates.where('room').equals(ROOM).count()).toBe(25);
    const reopened = await open(reopenedDb, { compactAfter: 1000, compactChunk: 5 });
    expect(readDocumentText(reopened.doc)).toBe(text);
    // The next page folds what the dead one left.
    await reopened.persistence.compact();
    expect(await reopenedDb.updates.where('room').equals(ROOM).count()).toBe(0);
    await reopened.persistence.destroy();
    expect(readDocumentText((await open(reopenedDb)).doc)).toBe(text);
  });

  it('writes the state and deletes the rows it covers together, or not at all', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db, { compactAfter: 1000 });
    await typeLines(persistence, doc, 0, 10);
    vi.spyOn(db.updates, 'bulkDelete').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(persistence.compact()).rejects.toThrow('QuotaExceededError');
    expect(await db.states.get(ROOM)).toBeUndefined();
    expect(await db.updates.where('room').equals(ROOM).count()).toBe(10);
    await persistence.destroy();
    expect(readDocumentText((await open(db)).doc)).toBe(readDocumentText(doc));
  });

  it("keeps both tabs' edits when two tabs fold the same room", async () => {
    const db = freshDb();
    const a = await open(db, { compactAfter: 1000 });
    const b = await open(db, { compactAfter: 1000 });
    type(a.doc, 'escrito en la pestaña A');
    type(b.doc, 'escrito en la pestaña B');
    await a.persistence.compact();
    await b.persistence.compact();
    await a.persistence.destroy();
    await b.persistence.destroy();

    const text = readDocumentText((await open(db)).doc);
    expect(text).toContain('escrito en la pestaña A');
    expect(text).toContain('escrito en la pestaña B');
  });

  it('writes a batch of thousands of updates as rows of bounded merges', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db, { flushDelayMs: 60_000, compactAfter: Infinity });
    for (let i = 0; i < 1_000; i += 1) type(doc, `${i}`);
    await persistence.whenWritten();
    expect(await db.updates.where('room').equals(ROOM).count()).toBe(10);
    await persistence.destroy();
    expect(readDocumentText((await open(db)).doc)).toBe(readDocumentText(doc));
  });
});

describe('workspace database upgrade to the state table', () => {
  it('keeps the update rows an older version stored, and opens and folds them', async () => {
    const name = `persistence-upgrade-${Math.random()}`;
    const writer = new Y.Doc();
    const rows: { room: string; update: Uint8Array }[] = [];
    writer.on('update', (update: Uint8Array) => rows.push({ room: ROOM, update }));
    for (let i = 0; i < 40; i += 1) type(writer, `párrafo ${i}`);
    // The schema of version 6, as the previous release opened it.
    const older = new Dexie(name);
    older.version(6).stores({
      updates: '++seq, room',
      changes: '++id, room',
      rooms: 'room',
      outbox: '++seq, docId',
      search: 'key',
      signoffs: 'groupId',
    });
    await older.table('updates').bulkAdd(rows);
    older.close();

    const db = openWorkspaceDb(name);
    opened.push(db);
    expect(await db.updates.count()).toBe(40);
    const { doc, persistence } = await open(db, { compactAfter: 10 });
    expect(readDocumentText(doc)).toBe(readDocumentText(writer));
    await vi.waitFor(async () => expect(await db.updates.count()).toBe(0));
    await persistence.destroy();
    expect(readDocumentText((await open(db)).doc)).toBe(readDocumentText(writer));
  });
});
