/**
 * `saved` costs one message per commit per connection. The person who wrote gets it at once
 * (their indicator waits for it); readers only need it eventually, so commits they did not
 * write to are merged into one message per short period, and a reconnect's complete snapshot
 * refers to the deletions of the sync step 2 it follows instead of repeating them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDocumentBody } from '../../shared/ydoc/documentDoc';
import {
  ROOM_A,
  connect,
  covers,
  startServer,
  waitFor,
  waitSaved,
  waitSynced,
  write,
} from './helpers';

describe('saved per connection', () => {
  it('reaches a writer after each commit and merges a reader’s, which still ends up complete', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    const beto = connect(server, ROOM_A);
    await Promise.all([waitSynced(ana), waitSynced(beto)]);
    const counts = { ana: 0, beto: 0 };
    ana.onSaved(() => counts.ana++);
    beto.onSaved(() => counts.beto++);
    const started = Date.now();
    const commits = 30;
    for (let i = 0; i < commits; i++) {
      write(ana.doc, `Línea ${i} del parte diario de la planta concentradora.`);
      if (i % 3 === 2) ana.doc.transact(() => getDocumentBody(ana.doc).delete(0, 1));
      await waitSaved(ana);
    }
    const elapsed = Date.now() - started;
    expect(counts.ana).toBeGreaterThanOrEqual(commits);
    await waitFor('the reader to hold every line', () => covers(ana.saved(), beto.doc));
    await waitSaved(beto);
    // One merged message per 100 ms at most (plus the last), not one per commit.
    expect(counts.beto).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(counts.beto).toBeLessThan(counts.ana);
  });

  it('sends a reconnecting client the durable state without repeating the delete set', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    for (let i = 0; i < 100; i++) write(ana.doc, `Párrafo ${i} del informe de relaves.`);
    ana.doc.transact(() => {
      for (let i = 0; i < 40; i++) getDocumentBody(ana.doc).delete(i, 1);
    });
    await waitSaved(ana);

    const beto = connect(server, ROOM_A, new Y.Doc());
    let savedBytes = 0;
    beto.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      if (bytes[0] === 100) savedBytes += bytes.byteLength;
    });
    await waitSynced(beto);
    await waitSaved(beto);
    expect(covers(beto.saved(), ana.doc)).toBe(true);
    // The state vector alone: a few bytes, where the delete set of 40 deletions takes more.
    expect(savedBytes).toBeGreaterThan(0);
    expect(savedBytes).toBeLessThan(40);
  });
});
