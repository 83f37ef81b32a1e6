/**
 * A client that reconnects after working offline already holds nearly all of the room. The
 * server must answer the state vector it sends (sync step 1) with what it lacks, not push the
 * whole document at it before reading that vector.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ROOM_A,
  connect,
  startServer,
  text,
  waitFor,
  waitSaved,
  waitSynced,
  write,
} from './helpers';

describe('catch-up on reconnect', () => {
  it('downloads only what the client lacks, then the saved snapshot', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    for (let i = 0; i < 200; i += 1)
      write(ana.doc, `Párrafo ${i} del informe de sostenibilidad hídrica.`);
    await waitSaved(ana);
    const fullSize = Y.encodeStateAsUpdate(ana.doc).byteLength;

    // Beto had everything but Ana's last paragraph.
    const known = new Y.Doc();
    Y.applyUpdate(known, Y.encodeStateAsUpdate(ana.doc));
    write(ana.doc, 'Última línea, escrita mientras Beto no tenía red.');
    await waitSaved(ana);

    const beto = connect(server, ROOM_A, known);
    let received = 0;
    const socket = beto.provider.ws!;
    socket.addEventListener('message', (event: MessageEvent) => {
      received += (event.data as ArrayBuffer).byteLength;
    });
    await waitSynced(beto);
    await waitFor('saved on connect', () => beto.saved() !== null);
    await waitSaved(beto);
    expect(text(beto.doc)).toBe(text(ana.doc));
    expect(fullSize).toBeGreaterThan(10_000);
    expect(received).toBeLessThan(fullSize / 5);
  });
});
