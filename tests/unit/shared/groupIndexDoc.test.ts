import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newDocId, type DocId } from '../../../shared/model/ids';
import {
  addEntry,
  archiveEntry,
  findEntry,
  migrateGroupIndex,
  moveEntry,
  readGroupIndex,
  renameEntry,
  restoreEntry,
  GROUP_INDEX_SCHEMA_VERSION,
} from '../../../shared/ydoc/groupIndexDoc';
import { Origin } from '../../../shared/ydoc/origins';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const titles = (doc: Y.Doc) => readGroupIndex(doc).entries.map((e) => e.title);

describe('group index', () => {
  it('adds entries in order and reads plain values', () => {
    const doc = new Y.Doc();
    const first = newDocId();
    addEntry(doc, { id: first, kind: 'doc', title: '  Acta de instalación ', createdBy: 'Ana' });
    addEntry(doc, { id: newDocId(), kind: 'doc', title: 'Lineamientos', createdBy: 'Luis' });
    expect(titles(doc)).toEqual(['Acta de instalación', 'Lineamientos']);
    expect(findEntry(doc, first)).toMatchObject({ kind: 'doc', archived: false, createdBy: 'Ana' });
  });

  it('renames, archives and restores without losing the entry', () => {
    const doc = new Y.Doc();
    const id = newDocId();
    addEntry(doc, { id, kind: 'doc', title: 'Borrador', createdBy: 'Ana' });
    renameEntry(doc, id, 'Lineamientos estratégicos');
    archiveEntry(doc, id);
    expect(findEntry(doc, id)).toMatchObject({
      title: 'Lineamientos estratégicos',
      archived: true,
    });
    restoreEntry(doc, id);
    expect(findEntry(doc, id)?.archived).toBe(false);
  });

  it('stores a cleared title as empty (lists show "Sin título") and refuses an unknown entry', () => {
    const doc = new Y.Doc();
    const id = newDocId();
    addEntry(doc, { id, kind: 'doc', title: 'Plan', createdBy: 'Ana' });
    expect(() => archiveEntry(doc, newDocId())).toThrow();
    expect(findEntry(doc, id)?.title).toBe('Plan');
    renameEntry(doc, id, '   ');
    expect(findEntry(doc, id)?.title).toBe('');
  });

  it('moves an entry to a position among visible entries', () => {
    const doc = new Y.Doc();
    const ids: DocId[] = [];
    for (const title of ['A', 'B', 'C', 'D']) {
      const id = newDocId();
      ids.push(id);
      addEntry(doc, { id, kind: 'doc', title, createdBy: 'Ana' });
    }
    moveEntry(doc, ids[3]!, 0);
    expect(titles(doc)).toEqual(['D', 'A', 'B', 'C']);
    moveEntry(doc, ids[3]!, 2);
    expect(titles(doc)).toEqual(['A', 'B', 'D', 'C']);
  });

  it('orders entries created offline on two replicas identically', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addEntry(a, { id: newDocId(), kind: 'doc', title: 'de A', createdBy: 'Ana' });
    addEntry(b, { id: newDocId(), kind: 'board', title: 'de B', createdBy: 'Beto' });
    sync(a, b);
    expect(titles(a)).toEqual(titles(b));
    expect(titles(a)).toHaveLength(2);
    // Both picked the first rank offline; a move between the tied entries still works.
    const last = readGroupIndex(a).entries[1]!;
    moveEntry(a, last.id, 0);
    sync(a, b);
    expect(titles(a)[0]).toBe(last.title);
    expect(titles(b)).toEqual(titles(a));
  });

  it('concurrent rename and archive both survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = newDocId();
    addEntry(a, { id, kind: 'doc', title: 'Borrador', createdBy: 'Ana' });
    sync(a, b);
    renameEntry(a, id, 'Versión final');
    archiveEntry(b, id);
    sync(a, b);
    expect(findEntry(a, id)).toMatchObject({ title: 'Versión final', archived: true });
    expect(findEntry(b, id)).toEqual(findEntry(a, id));
  });
});

describe('group index migration', () => {
  it('brings a version-0 index to the current version and is idempotent', () => {
    const doc = new Y.Doc();
    addEntry(doc, { id: newDocId(), kind: 'doc', title: 'Viejo', createdBy: 'Ana' }, Origin.seed);
    expect(readGroupIndex(doc).schemaVersion).toBe(0);

    migrateGroupIndex(doc);
    const once = Y.encodeStateAsUpdate(doc);
    expect(readGroupIndex(doc).schemaVersion).toBe(GROUP_INDEX_SCHEMA_VERSION);

    let writes = 0;
    doc.on('update', () => writes++);
    migrateGroupIndex(doc);
    migrateGroupIndex(doc);
    expect(writes).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(once);
  });

  it('gives the same result when two replicas migrate concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addEntry(a, { id: newDocId(), kind: 'doc', title: 'Viejo', createdBy: 'Ana' }, Origin.seed);
    sync(a, b);
    migrateGroupIndex(a);
    migrateGroupIndex(b);
    sync(a, b);
    expect(readGroupIndex(a)).toEqual(readGroupIndex(b));
    expect(readGroupIndex(a).schemaVersion).toBe(GROUP_INDEX_SCHEMA_VERSION);
  });

  it('migrates with the migration origin so persistence can tell it from a person', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    migrateGroupIndex(doc);
    expect(origins).toEqual([Origin.migration]);
  });
});
