import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { appendBlocks, readDocumentMeta } from '../../../shared/ydoc/documentDoc';
import { addEntry, readGroupIndex } from '../../../shared/ydoc/groupIndexDoc';
import { migrateRoom, SCHEMA_VERSIONS, storedSchemaVersion } from '../../../shared/ydoc/schema';
import { Origin } from '../../../shared/ydoc/origins';

/** A document as a version-0 client wrote it: a body and no schema version. */
function oldDocument(): Y.Doc {
  const doc = new Y.Doc();
  appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'Acta de la reunión de enero' }] }]);
  return doc;
}

function newerDocument(): Y.Doc {
  const doc = new Y.Doc();
  const writer = new Y.Doc();
  appendBlocks(writer, [{ type: 'paragraph', runs: [{ text: 'Escrito por una versión futura' }] }]);
  // What a future build's migration would write; this build has no mutation that can.
  // eslint-disable-next-line no-restricted-syntax
  writer.transact(() => writer.getMap('meta').set('schemaVersion', SCHEMA_VERSIONS.doc + 1));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer));
  return doc;
}

describe('migrateRoom', () => {
  it('upgrades an old document once, in a migration transaction, and leaves it alone after', () => {
    const doc = oldDocument();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction) => origins.push(transaction.origin));
    expect(storedSchemaVersion(doc)).toBe(0);

    expect(migrateRoom('doc', doc)).toBe('migrated');
    expect(readDocumentMeta(doc).schemaVersion).toBe(SCHEMA_VERSIONS.doc);
    expect(origins).toEqual([Origin.migration]);

    const before = Y.encodeStateVector(doc);
    expect(migrateRoom('doc', doc)).toBe('current');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('fills what an old group index lacks', () => {
    const doc = new Y.Doc();
    addEntry(doc, {
      id: crypto.randomUUID() as never,
      kind: 'doc',
      title: 'Plan',
      createdBy: 'Ana',
    });
    const stored = storedSchemaVersion(doc);
    const result = migrateRoom('index', doc);
    expect(result).toBe(stored === SCHEMA_VERSIONS.index ? 'current' : 'migrated');
    expect(readGroupIndex(doc).schemaVersion).toBe(SCHEMA_VERSIONS.index);
  });

  it('writes nothing into an empty room, whose real version has not arrived yet', () => {
    const doc = new Y.Doc();
    expect(migrateRoom('board', doc)).toBe('empty');
    expect(doc.store.clients.size).toBe(0);
  });

  it('refuses to touch a room written by a newer Minka', () => {
    const doc = newerDocument();
    const before = Y.encodeStateVector(doc);
    expect(migrateRoom('doc', doc)).toBe('tooNew');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(storedSchemaVersion(doc)).toBe(SCHEMA_VERSIONS.doc + 1);
  });
});
