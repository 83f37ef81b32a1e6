/**
 * A change that only deletes adds no clock, so a state vector cannot say whether it is on the
 * server's disk. `saved` carries the durable delete set too: a deletion counts as saved on the
 * server only after the commit that holds it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDocumentBody } from '../../shared/ydoc/documentDoc';
import { InstrumentedStorage } from './instrumentedStorage';
import {
  ROOM_A,
  connect,
  covers,
  startServer,
  tempDir,
  text,
  waitFor,
  waitSaved,
  waitSynced,
  write,
} from './helpers';

describe('saved and deletions', () => {
  it('covers a delete-only change only after the commit that stores it', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage });
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Párrafo que se va a borrar');
    write(ana.doc, 'Párrafo que se queda');
    await waitSaved(ana);
    const vectorBefore = Y.encodeStateVector(ana.doc);

    storage.hold();
    try {
      ana.doc.transact(() => getDocumentBody(ana.doc).delete(0, 1));
      expect(Y.encodeStateVector(ana.doc)).toEqual(vectorBefore);
      await waitFor('the commit to start', () => storage.appendCalls > 1);
      expect(covers(ana.saved(), ana.doc)).toBe(false);
    } finally {
      storage.release();
    }
    await waitSaved(ana);
    expect(covers(ana.saved(), ana.doc)).toBe(true);
  });

  it('tells a new connection about deletions saved before it joined', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Borrador');
    write(ana.doc, 'Final');
    await waitSaved(ana);
    ana.doc.transact(() => getDocumentBody(ana.doc).delete(0, 1));
    await waitSaved(ana);

    const beto = connect(server, ROOM_A);
    await waitSynced(beto);
    await waitFor('saved on connect', () => beto.saved() !== null);
    expect(text(beto.doc)).toBe('Final');
    expect(covers(beto.saved(), beto.doc)).toBe(true);
    expect(covers(beto.saved(), ana.doc)).toBe(true);
  });
});
