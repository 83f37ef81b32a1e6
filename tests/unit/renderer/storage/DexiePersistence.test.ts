import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks, getDocumentBody, readDocumentText } from '../../../../shared/ydoc/documentDoc';
import { DexiePersistence } from '../../../../renderer/storage/DexiePersistence';
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

async function open(db: WorkspaceDexie, options: { compactAfter?: number } = {}) {
  const doc = new Y.Doc();
  const persistence = new DexiePersistence(db, ROOM, doc, {
    isRemoteOrigin: (origin) => origin === REMOTE,
    ...options,
  });
  await persistence.whenLoaded;
  return { doc, persistence };
}

function type(doc: Y.Doc, text: string) {
  appendBlocks(doc, [{ type: 'paragraph', runs: [{ text }] }]);
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
    const afterFirst = Y.encodeStateVector(doc);
    type(doc, 'segundo');
    await persistence.whenWritten();
    expect(persistence.getStatus().pending).toBe(2);

    await persistence.markSaved(afterFirst, true);
    expect(persistence.getStatus().pending).toBe(1);
    expect(persistence.getStatus().hasSavedVector).toBe(true);

    await persistence.markSaved(Y.encodeStateVector(doc), true);
    expect(persistence.getStatus().pending).toBe(0);
  });

  it('keeps pending changes across a reload until a saved vector covers them', async () => {
    const db = freshDb();
    const first = await open(db);
    type(first.doc, 'escrito sin red');
    const vector = Y.encodeStateVector(first.doc);
    await first.persistence.destroy();

    const second = await open(db);
    expect(second.persistence.getStatus().pending).toBe(1);
    await second.persistence.markSaved(new Uint8Array([0]), true);
    expect(second.persistence.getStatus().pending).toBe(1);
    await second.persistence.markSaved(vector, true);
    expect(second.persistence.getStatus().pending).toBe(0);
  });

  it('treats a delete-only change as saved only once the connection has delivered it', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db);
    type(doc, 'texto para borrar');
    await persistence.markSaved(Y.encodeStateVector(doc), true);

    doc.transact(() => getDocumentBody(doc).delete(0, 1));
    await persistence.whenWritten();
    expect(persistence.getStatus().pending).toBe(1);

    await persistence.markSaved(Y.encodeStateVector(doc), false);
    expect(persistence.getStatus().pending).toBe(1);
    await persistence.markSaved(Y.encodeStateVector(doc), true);
    expect(persistence.getStatus().pending).toBe(0);
  });

  it('compacts a room into one stored update without changing its content', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db, { compactAfter: 1000 });
    for (let i = 0; i < 30; i += 1) type(doc, `línea ${i}`);
    await persistence.whenWritten();
    expect(await db.updates.where('room').equals(ROOM).count()).toBe(30);

    await persistence.compact();
    expect(await db.updates.where('room').equals(ROOM).count()).toBe(1);
    expect(persistence.getStatus().pending).toBe(30);
    const text = readDocumentText(doc);
    await persistence.destroy();

    const reopened = await open(db);
    expect(readDocumentText(reopened.doc)).toBe(text);
    expect(text.split('\n')).toHaveLength(30);
  });

  it('compacts by itself once a room has more updates than the threshold', async () => {
    const db = freshDb();
    const { doc, persistence } = await open(db, { compactAfter: 5 });
    for (let i = 0; i < 12; i += 1) type(doc, `cambio ${i}`);
    await persistence.whenWritten();
    await persistence.whenWritten();
    expect(await db.updates.where('room').equals(ROOM).count()).toBeLessThan(12);
    await persistence.destroy();
    expect(readDocumentText((await open(db)).doc).split('\n')).toHaveLength(12);
  });
});
