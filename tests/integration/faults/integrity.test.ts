/**
 * The two integrity attacks of issue 9, each one small message from a writable member: structs
 * written under a colleague's client id while she is offline (which used to make the server and
 * her own copy discard her offline work), and a deletion over her future clocks (which used to
 * erase the sentence she typed next for everyone else). Both must close only the forger's socket
 * and lose nothing of hers.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addPerson, openAccounts } from '../fixtures';
import {
  GROUP,
  ROOM_A,
  connect,
  startServer,
  syncUrl,
  text,
  waitFor,
  waitSaved,
  waitSynced,
  write,
  type TestServer,
} from '../helpers';

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Opens a raw socket as `token`, sends `frame` and resolves with the close code. */
async function sendAndWaitClose(server: TestServer, token: string, frame: Uint8Array) {
  const ws = new WebSocket(syncUrl(server, ROOM_A, token));
  onTestFinished(() => ws.terminate());
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.send(frame);
  return closed;
}

async function mallory(server: TestServer) {
  const accounts = openAccounts(server.dataDir);
  return addPerson(accounts, {
    name: 'Mallory Editora',
    email: 'mallory@test.demo',
    groups: { [GROUP]: 'editor' },
  });
}

describe('client-id integrity', () => {
  it('refuses structs under a colleague’s client id; her offline work survives', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Primera línea de Ana');
    await waitSaved(ana);
    ana.provider.disconnect();
    write(ana.doc, 'Trabajo de Ana sin conexión');

    // Mallory copies the room and writes under Ana's client id, at the clocks Ana is using offline.
    const observer = connect({ ...server, token: (await mallory(server)).token }, ROOM_A);
    await waitSynced(observer);
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(observer.doc));
    // After the copy: Yjs picks a new id when an update it applies carries its own.
    forger.clientID = ana.doc.clientID;
    const before = Y.encodeStateVector(forger);
    write(forger, 'Texto forjado a nombre de Ana');
    const forged = Y.encodeStateAsUpdate(forger, before);
    const code = await sendAndWaitClose(
      server,
      observer.provider.params.token!,
      updateFrame(forged),
    );
    expect(code).toBe(1002);
    expect(server.logs.join('\n')).toMatch(/belongs to another person/);

    ana.provider.connect();
    await waitSaved(ana);
    const fresh = connect(server, ROOM_A);
    await waitSynced(fresh);
    await waitFor('Ana’s offline work on the server', () =>
      text(fresh.doc).includes('Trabajo de Ana sin conexión'),
    );
    expect(text(fresh.doc)).not.toContain('forjado');
    expect(text(ana.doc)).toContain('Trabajo de Ana sin conexión');
  });

  it('refuses a deletion over a colleague’s future clocks; her next sentence stays', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Hola');
    await waitSaved(ana);
    const anaClock = Y.getState(ana.doc.store, ana.doc.clientID);

    // No structs; one deleted range: Ana's clocks anaClock .. anaClock + 200, not written yet.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, ana.doc.clientID);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, anaClock);
    encoding.writeVarUint(encoder, 200);
    const person = await mallory(server);
    const code = await sendAndWaitClose(
      server,
      person.token,
      updateFrame(encoding.toUint8Array(encoder)),
    );
    expect(code).toBe(1002);

    write(ana.doc, 'La frase siguiente de Ana');
    await waitSaved(ana);
    const other = connect({ ...server, token: person.token }, ROOM_A);
    await waitSynced(other);
    await waitFor('Ana’s next sentence for everyone', () =>
      text(other.doc).includes('La frase siguiente de Ana'),
    );
  });

  it('accepts a person’s own client id again after a reconnect', async () => {
    const server = await startServer();
    const doc = new Y.Doc();
    const first = connect(server, ROOM_A, doc);
    await waitSynced(first);
    write(doc, 'uno');
    await waitSaved(first);
    first.provider.disconnect();
    write(doc, 'dos');
    first.provider.connect();
    await waitSaved(first);
    expect(first.closeCodes).toEqual([]);
  });
});
