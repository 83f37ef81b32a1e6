import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '../../shared/protocol/messages';
import { forwardReference, varUint } from '../faults/forgedUpdates';
import {
  ROOM_A,
  connect,
  covers,
  room,
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

describe('sync', () => {
  it('two clients editing the same room converge', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    const beto = connect(server, ROOM_A);
    await Promise.all([waitSynced(ana), waitSynced(beto)]);

    write(ana.doc, 'Acta de Arequipa');
    write(beto.doc, 'Acuerdos de Moquegua');

    await waitFor(
      'both edits on both sides',
      () => text(ana.doc).split('\n').length === 2 && text(ana.doc) === text(beto.doc),
    );
    expect(text(ana.doc)).toContain('Acta de Arequipa');
    expect(text(ana.doc)).toContain('Acuerdos de Moquegua');
  });

  it('sends saved only after the commit of the change returned, never before', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage });
    const ana = connect(server, ROOM_A);
    const beto = connect(server, ROOM_A);
    await Promise.all([waitSynced(ana), waitSynced(beto)]);
    ana.onSaved((vector) =>
      storage.events.push(covers(vector, ana.doc) ? 'saved covering' : 'saved'),
    );

    storage.hold();
    try {
      write(ana.doc, 'Cambio que aún no está en disco');
      await waitFor('the change relayed to the other client', () =>
        text(beto.doc).includes('aún no está en disco'),
      );
      await waitFor('the commit to start', () => storage.appendCalls > 0);
      expect(covers(ana.saved(), ana.doc)).toBe(false);
    } finally {
      storage.release();
    }
    await waitSaved(ana);
    const committed = storage.events.indexOf('append committed');
    expect(committed).toBeGreaterThan(-1);
    expect(storage.events.indexOf('saved covering')).toBeGreaterThan(committed);
  });

  it('tells a new connection what is already saved, right after the sync', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Matriz normativa');
    await waitSaved(ana);

    const beto = connect(server, ROOM_A);
    await waitFor('saved on connect', () => beto.saved() !== null);
    expect(text(beto.doc)).toBe('Matriz normativa');
    expect(covers(beto.saved(), beto.doc)).toBe(true);
  });

  it('closes an oversized frame with 1009 for that client only', async () => {
    const server = await startServer({ maxFrameBytes: 64 * 1024 });
    const big = connect(server, ROOM_A);
    const small = connect(server, ROOM_A);
    await Promise.all([waitSynced(big), waitSynced(small)]);

    write(big.doc, 'x'.repeat(100 * 1024));
    await waitFor('close 1009', () => big.closeCodes.includes(CloseCode.messageTooBig));
    big.provider.destroy();

    write(small.doc, 'Sigo conectado');
    await waitSaved(small);
    expect(small.closeCodes).toEqual([]);
    expect(text(small.doc)).toBe('Sigo conectado');
  });

  it('closes only the connection that sends a malformed frame, and leaves the room untouched', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Antes');
    await waitSaved(ana);

    const frames = [
      Uint8Array.of(0xff, 0xff),
      Uint8Array.of(42, 1, 2),
      Uint8Array.of(0, 2, 6, 5, 200, 7, 1, 9, 9),
    ];
    for (const frame of frames) {
      const raw = new WebSocket(syncUrl(server, ROOM_A));
      await new Promise((resolve) => raw.once('open', resolve));
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        raw.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      );
      raw.send(frame);
      const { code, reason } = await closed;
      expect(code).toBe(CloseCode.protocolError);
      expect(reason).not.toBe('');
    }

    write(ana.doc, 'Después');
    await waitSaved(ana);
    expect(ana.closeCodes).toEqual([]);
    const fresh = connect(server, ROOM_A);
    await waitSynced(fresh);
    expect(text(fresh.doc)).toBe('Antes\nDespués');
  });

  it('never relays an update Yjs would throw on halfway through, and closes its sender', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Antes');
    await waitSaved(ana);
    const opened = (socket: WebSocket) => new Promise((resolve) => socket.once('open', resolve));
    const reader = new WebSocket(syncUrl(server, ROOM_A));
    const relayed: Uint8Array[] = [];
    reader.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MessageType.sync) return;
      if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) return;
      relayed.push(decoding.readVarUint8Array(decoder));
    });
    await opened(reader);

    const forger = new WebSocket(syncUrl(server, ROOM_A));
    await opened(forger);
    const closed = new Promise<number>((resolve) => forger.once('close', resolve));
    const forged = forwardReference(7);
    forger.send(
      Uint8Array.from([
        MessageType.sync,
        syncProtocol.messageYjsUpdate,
        ...varUint(forged.length),
        ...forged,
      ]),
    );
    expect(await closed).toBe(CloseCode.protocolError);

    write(ana.doc, 'Después');
    await waitSaved(ana);
    await waitFor('Ana’s change relayed to the reader', () => relayed.length > 0);
    for (const update of relayed)
      expect(Y.decodeUpdate(update).structs.map((struct) => struct.id.client)).not.toContain(7);
    reader.close();
    const fresh = connect(server, ROOM_A);
    await waitSynced(fresh);
    expect(text(fresh.doc)).toBe('Antes\nDespués');
  });

  it('refuses a name that is not a room with HTTP 400, before any upgrade', async () => {
    const server = await startServer();
    for (const name of ['not-a-room', 'g/123/index', `g/${'a'.repeat(40)}/doc`, '%E0%A4%A']) {
      const raw = new WebSocket(syncUrl(server, name));
      let opened = false;
      raw.on('open', () => (opened = true));
      raw.on('error', () => {});
      const status = await new Promise<number>((resolve) =>
        raw.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
      );
      expect(status).toBe(400);
      expect(opened).toBe(false);
    }
  });

  it('accepts a room name in any case or percent-encoded, as the same canonical room', async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Misma sala');
    await waitSaved(ana);

    const beto = connect(
      server,
      encodeURIComponent(ROOM_A.toUpperCase().replace('G/', 'g/').replace('/DOC/', '/doc/')),
    );
    await waitSynced(beto);
    expect(text(beto.doc)).toBe('Misma sala');
  });

  it('unloads an idle room and loads it back with its content', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage, idleUnloadMs: 50 });
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Primera');
    await waitSaved(ana);
    write(ana.doc, 'Segunda');
    await waitSaved(ana);
    ana.provider.destroy();

    await waitFor('unload (compaction)', () => storage.events.includes(`compact ${ROOM_A}`));
    const beto = connect(server, ROOM_A);
    await waitSynced(beto);
    expect(storage.events.filter((event) => event === `load ${ROOM_A}`)).toHaveLength(2);
    expect(text(beto.doc)).toBe('Primera\nSegunda');
    expect(await storage.inner.loadUpdates(ROOM_A)).toHaveLength(1);
  });

  it('keeps rooms apart', async () => {
    const server = await startServer();
    const other = room('1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e');
    const ana = connect(server, ROOM_A);
    const beto = connect(server, other);
    await Promise.all([waitSynced(ana), waitSynced(beto)]);
    write(ana.doc, 'Solo en A');
    await waitSaved(ana);
    write(beto.doc, 'Solo en B');
    await waitSaved(beto);
    expect(text(ana.doc)).toBe('Solo en A');
    expect(text(beto.doc)).toBe('Solo en B');
  });

  it('closes a connection that floods messages with a policy close (1008), others keep syncing', async () => {
    const server = await startServer({ rateLimit: { perSecond: 1, burst: 20 } });
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    const raw = new WebSocket(syncUrl(server, ROOM_A));
    await new Promise((resolve) => raw.once('open', resolve));
    const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    for (let i = 0; i < 50; i++) raw.send(Uint8Array.of(3));
    expect(await closed).toBe(CloseCode.rateLimited);

    write(ana.doc, 'Sin interrupciones');
    await waitSaved(ana);
    expect(ana.closeCodes).toEqual([]);
  });

  it('refuses writes with 1013 while too many bytes wait for the disk', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage, maxPendingBytes: 4096 });
    const ana = connect(server, ROOM_A);
    const beto = connect(server, ROOM_A);
    await Promise.all([waitSynced(ana), waitSynced(beto)]);
    storage.hold();
    try {
      write(ana.doc, 'a'.repeat(3000));
      await waitFor('the commit to start', () => storage.appendCalls > 0);
      write(beto.doc, 'b'.repeat(3000));
      await waitFor('close 1013', () => beto.closeCodes.includes(CloseCode.tryAgainLater));
    } finally {
      storage.release();
    }
    await waitSaved(ana);
    await waitSaved(beto);
    expect(text(ana.doc)).toBe(text(beto.doc));
  });

  it("relays presence, and removes a client's presence when its connection closes", async () => {
    const server = await startServer();
    const ana = connect(server, ROOM_A);
    const beto = connect(server, ROOM_A);
    await Promise.all([waitSynced(ana), waitSynced(beto)]);
    ana.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    const anaId = ana.doc.clientID;
    await waitFor(
      'presence relayed, named by the session',
      () => beto.provider.awareness.getStates().get(anaId)?.user?.name === 'Ana Editora',
    );

    const carla = connect(server, ROOM_A);
    await waitFor('presence sent to a newcomer', () =>
      carla.provider.awareness.getStates().has(anaId),
    );

    // Drop the socket without the client's goodbye, as a closed laptop lid would.
    ana.provider.shouldConnect = false;
    (ana.provider.ws as unknown as WebSocket).terminate();
    await waitFor('presence removed', () => !beto.provider.awareness.getStates().has(anaId));
  });

  it('loads a room once for concurrent first connections', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage });
    const clients = [connect(server, ROOM_A), connect(server, ROOM_A), connect(server, ROOM_A)];
    await Promise.all(clients.map(waitSynced));
    expect(storage.events.filter((event) => event === `load ${ROOM_A}`)).toHaveLength(1);
  });

  it('compacts a room once it holds more stored updates than the limit', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage, compactAfter: 3 });
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    for (const line of ['uno', 'dos', 'tres', 'cuatro']) {
      write(ana.doc, line);
      await waitSaved(ana);
    }
    await waitFor('compaction', () => storage.events.includes(`compact ${ROOM_A}`));
    expect(await storage.inner.loadUpdates(ROOM_A)).toHaveLength(1);
    const beto = connect(server, ROOM_A);
    await waitSynced(beto);
    expect(text(beto.doc)).toBe('uno\ndos\ntres\ncuatro');
  });
});
