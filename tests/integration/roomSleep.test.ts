/**
 * A room whose document nothing uses lets it go while its connections stay (issue 16): it answers
 * a newcomer from storage, with the complete `saved`, and reads its document back for the next
 * write, which then reaches everyone and is saved; client-id integrity holds across the sleep,
 * and what storage gained while the room slept (another instance, a tool) reaches its clients.
 * `sleepAfterMs` is short here; a room sleeps within twice that once unused. Sleeping is seen
 * through the room's compaction (it compacts as it falls asleep) and /metrics.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addPerson, openAccounts } from './fixtures';
import {
  GROUP,
  METRICS_TOKEN,
  ROOM_A,
  awakeRooms,
  connect,
  covers,
  startServer,
  syncUrl,
  tempDir,
  text,
  waitFor,
  waitSaved,
  waitSynced,
  write,
} from './helpers';
import { InstrumentedStorage } from './instrumentedStorage';

async function sleepingServer() {
  const dataDir = tempDir();
  const storage = new InstrumentedStorage(dataDir);
  const server = await startServer({
    dataDir,
    storage,
    sleepAfterMs: 40,
    metricsToken: METRICS_TOKEN,
  });
  return { server, storage };
}

const loads = (storage: InstrumentedStorage) =>
  storage.events.filter((event) => event === `load ${ROOM_A}`).length;

describe('a room nobody uses sleeps', () => {
  it('answers a newcomer from storage while asleep, and wakes for the next write', async () => {
    const { server, storage } = await sleepingServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Primera');
    await waitSaved(ana);
    write(ana.doc, 'Segunda');
    await waitSaved(ana);
    await waitFor(
      'the room asleep, Ana still connected',
      async () => (await awakeRooms(server)) === 0,
    );
    expect(storage.events).toContain(`compact ${ROOM_A}`);
    expect(ana.provider.wsconnected).toBe(true);

    const loadsBefore = loads(storage);
    const beto = connect(server, ROOM_A);
    await waitSynced(beto);
    expect(text(beto.doc)).toBe('Primera\nSegunda');
    await waitFor('Beto’s complete saved', () => covers(beto.saved(), beto.doc));
    expect(loads(storage)).toBe(loadsBefore + 1);
    expect(await awakeRooms(server)).toBe(0);

    write(beto.doc, 'Tercera');
    await waitSaved(beto);
    await waitFor('Ana has Beto’s line', () => text(ana.doc) === 'Primera\nSegunda\nTercera');
    write(ana.doc, 'Cuarta');
    await waitSaved(ana);
    await waitFor('Beto has Ana’s line', () => text(beto.doc).endsWith('Tercera\nCuarta'));
  });

  it('keeps refusing structs under a colleague’s client id after it slept', async () => {
    const { server } = await sleepingServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Línea de Ana');
    await waitSaved(ana);
    await waitFor('the room asleep', async () => (await awakeRooms(server)) === 0);

    const mallory = await addPerson(openAccounts(server.dataDir), {
      name: 'Mallory Editora',
      email: 'mallory@test.demo',
      groups: { [GROUP]: 'editor' },
    });
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(ana.doc));
    forger.clientID = ana.doc.clientID;
    const before = Y.encodeStateVector(forger);
    write(forger, 'Texto forjado a nombre de Ana');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(forger, before));
    const ws = new WebSocket(syncUrl(server, ROOM_A, mallory.token));
    onTestFinished(() => ws.terminate());
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(encoding.toUint8Array(encoder));
    expect(await closed).toBe(1002);
    expect(server.logs.join('\n')).toMatch(/belongs to another person/);
    expect(text(ana.doc)).toBe('Línea de Ana');
  });

  it('sends its clients what storage gained while it slept', async () => {
    const { server, storage } = await sleepingServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'De Ana');
    await waitSaved(ana);
    await waitFor('the room asleep', async () => (await awakeRooms(server)) === 0);

    // What another instance (or a tool) commits to the same database while this room sleeps.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(ana.doc));
    const before = Y.encodeStateVector(elsewhere);
    write(elsewhere, 'De otra instancia');
    await storage.inner.appendUpdates(ROOM_A, [Y.encodeStateAsUpdate(elsewhere, before)]);

    write(ana.doc, 'Otra de Ana');
    await waitSaved(ana);
    await waitFor('Ana has what storage gained', () => text(ana.doc).includes('De otra instancia'));
    const fresh = connect(server, ROOM_A);
    await waitSynced(fresh);
    expect(text(fresh.doc)).toBe(text(ana.doc));
  });
});
