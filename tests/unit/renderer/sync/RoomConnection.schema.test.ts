import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { appendBlocks, readDocumentMeta } from '../../../../shared/ydoc/documentDoc';
import { SCHEMA_VERSIONS, storedSchemaVersion } from '../../../../shared/ydoc/schema';
import { DexiePersistence } from '../../../../renderer/storage/DexiePersistence';
import { openWorkspaceDb, type WorkspaceDexie } from '../../../../renderer/storage/workspaceDb';
import { RoomConnection } from '../../../../renderer/sync/RoomConnection';

const ROOM = 'g/00000000-0000-4000-8000-00000000000a/doc/00000000-0000-4000-8000-00000000000b';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Stores `doc` in IndexedDB the way an earlier session of the app left it. */
async function storedEarlier(doc: Y.Doc): Promise<WorkspaceDexie> {
  const db = openWorkspaceDb(`schema-test-${Math.random()}`);
  // As received from the server: stored, but not a change of this computer.
  const writer = new DexiePersistence(db, ROOM, new Y.Doc(), {
    isRemoteOrigin: (origin) => origin === 'server',
  });
  await writer.whenLoaded;
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(doc), 'server');
  await writer.whenWritten();
  await writer.destroy();
  cleanups.push(() => db.delete().then(() => undefined));
  return db;
}

function open(db: WorkspaceDexie) {
  const connection = new RoomConnection(ROOM, {
    db,
    wsBaseUrl: 'ws://127.0.0.1:9',
    online: false,
    connect: false,
  });
  cleanups.push(() => connection.destroy());
  // What the first render would read: the doc at the moment `loaded` turns true.
  const atFirstRender = new Promise<{ version: number; schema: string }>((resolve) => {
    const stop = connection.subscribe(() => {
      const status = connection.getStatus();
      if (!status.loaded) return;
      stop();
      resolve({ version: storedSchemaVersion(connection.doc), schema: status.schema });
    });
  });
  return { connection, atFirstRender };
}

describe('RoomConnection schema', () => {
  it('migrates an old document after loading it and before any view can read it', async () => {
    const old = new Y.Doc();
    appendBlocks(old, [{ type: 'paragraph', runs: [{ text: 'Informe de campo' }] }]);
    const { connection, atFirstRender } = open(await storedEarlier(old));
    expect(connection.getStatus().loaded).toBe(false);
    expect(await atFirstRender).toEqual({ version: SCHEMA_VERSIONS.doc, schema: 'current' });
    expect(readDocumentMeta(connection.doc).schemaVersion).toBe(SCHEMA_VERSIONS.doc);
  });

  it('marks a document from a newer Minka and writes nothing into it', async () => {
    const newer = new Y.Doc();
    appendBlocks(newer, [{ type: 'paragraph', runs: [{ text: 'Del futuro' }] }]);
    // What a future build's migration would write; this build has no mutation that can.
    // eslint-disable-next-line no-restricted-syntax
    newer.transact(() => newer.getMap('meta').set('schemaVersion', SCHEMA_VERSIONS.doc + 1));
    const { connection, atFirstRender } = open(await storedEarlier(newer));
    const before = Y.encodeStateVector(newer);
    expect(await atFirstRender).toEqual({ version: SCHEMA_VERSIONS.doc + 1, schema: 'tooNew' });
    expect(Y.encodeStateVector(connection.doc)).toEqual(before);
    expect(connection.persistence.getStatus().pending).toBe(0);
  });
});
