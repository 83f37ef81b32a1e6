/**
 * The resource attacks of issue 9 against a real server process, with its resident memory
 * measured: a writable member (or a viewer) with a few MiB must not be able to make the server
 * hold hundreds of MiB, stall /healthz, or queue without bound. Each attack closes only the
 * attacker's socket. Figures from `npm run test:faults` are in docs/reliability.md.
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
  signedInEditor,
  syncUrl,
  tempDir,
  waitFor,
  waitSaved,
  waitSynced,
  write,
} from '../helpers';
import { healthLatency, residentMiB, startChildServer } from './childServer';

async function setUp() {
  const dataDir = tempDir();
  const editor = await signedInEditor(dataDir);
  const viewer = await addPerson(openAccounts(dataDir), {
    name: 'Vera Lectora',
    email: 'vera@test.demo',
    groups: { [GROUP]: 'viewer' },
  });
  const server = await startChildServer(dataDir);
  const pid = server.child.pid!;
  // Warm the room and the code paths once, so the baseline is a server that has served a room.
  const warm = connect({ url: server.url, token: editor.token }, ROOM_A);
  await waitSynced(warm);
  write(warm.doc, 'calentamiento');
  await waitSaved(warm);
  return { server, pid, editor, viewer, warm, baseline: residentMiB(pid) };
}

async function openRaw(url: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(syncUrl({ url, token }, ROOM_A));
  onTestFinished(() => ws.terminate());
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

const closeOf = (ws: WebSocket) =>
  new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** One update of `count` one-number items at the root "x": ~7 bytes each, no two mergeable. */
function tinyItems(count: number, client: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 0);
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(encoder, 8); // ContentAny, no origins: the parent follows
    encoding.writeVarUint(encoder, 1); // parent is a root type named by a string
    encoding.writeVarString(encoder, 'x');
    encoding.writeVarUint(encoder, 1);
    encoding.writeAny(encoder, i % 100);
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

function awarenessFrame(clients: number[], state: string): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, clients.length);
  for (const client of clients) {
    encoding.writeVarUint(update, client);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, state);
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

describe('resource attacks on a real server process', { timeout: 60_000 }, () => {
  it('a 13 MiB frame of 2 M tiny items is refused before it is built', async () => {
    const { server, pid, editor, baseline } = await setUp();
    const ws = await openRaw(server.url, editor.token);
    const frame = syncFrame(syncProtocol.messageYjsUpdate, tinyItems(2_000_000, 4242));
    expect(frame.byteLength).toBeGreaterThan(13 * 1024 * 1024);
    const closed = closeOf(ws);
    ws.send(frame);
    expect(await closed).toBe(1009);
    const latency = await healthLatency(server.url, 2000);
    const grew = residentMiB(pid) - baseline;
    console.info(
      `2 M items in one frame: +${grew.toFixed(1)} MiB resident, /healthz ${latency.toFixed(0)} ms`,
    );
    expect(latency).toBeLessThan(2000);
    expect(grew).toBeLessThan(120);
  });

  it('an update whose dependencies are missing is refused, not kept in memory', async () => {
    const { server, editor } = await setUp();
    const ws = await openRaw(server.url, editor.token);
    const orphan = new Y.Doc();
    write(orphan, 'a'.repeat(1000));
    const before = Y.encodeStateVector(orphan);
    write(orphan, 'depende de lo anterior');
    const closed = closeOf(ws);
    ws.send(syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(orphan, before)));
    expect(await closed).toBe(1002);
    expect(server.output()).toMatch(/depends on missing changes/);
  });

  it('awareness: no flood of client ids, no oversized state relayed to joiners', async () => {
    const { server, pid, editor, viewer, baseline } = await setUp();
    const state = JSON.stringify({ cursor: null });
    const many = await openRaw(server.url, editor.token);
    const closed = closeOf(many);
    many.send(
      awarenessFrame(
        Array.from({ length: 100_000 }, (_, i) => i + 1),
        state,
      ),
    );
    expect(await closed).toBe(1009);

    // Within the per-frame bound, one connection still speaks for at most 4 ids; a viewer for 1.
    const writer = await openRaw(server.url, editor.token);
    for (let i = 0; i < 50; i++) writer.send(awarenessFrame([1000 + i * 8, 1001 + i * 8], state));
    const reader = await openRaw(server.url, viewer.token);
    for (let i = 0; i < 20; i++) reader.send(awarenessFrame([5000 + i], state));
    const huge = JSON.stringify({ name: 'x'.repeat(20_000) });
    const bigClosed = closeOf(
      await openRaw(server.url, editor.token).then((ws) => {
        ws.send(awarenessFrame([9999], huge));
        return ws;
      }),
    );
    expect(await bigClosed).toBe(1009);

    const joiner = connect({ url: server.url, token: editor.token }, ROOM_A);
    await waitSynced(joiner);
    await waitFor('the relayed awareness', () => joiner.provider.awareness.getStates().size >= 5);
    const others = [...joiner.provider.awareness.getStates().keys()].filter(
      (client) => client !== joiner.doc.clientID,
    );
    expect(others.filter((client) => client >= 1000 && client < 5000)).toHaveLength(4);
    expect(others.filter((client) => client >= 5000 && client < 9999)).toHaveLength(1);
    const grew = residentMiB(pid) - baseline;
    console.info(
      `awareness floods: +${grew.toFixed(1)} MiB resident, ${others.length} states relayed`,
    );
    expect(grew).toBeLessThan(60);
  });

  it('a viewer that asks for the room again and again and never reads is not buffered for', async () => {
    const { server, pid, viewer, warm } = await setUp();
    write(warm.doc, 'x'.repeat(1024 * 1024));
    await waitSaved(warm);
    const baseline = residentMiB(pid);
    const ws = await openRaw(server.url, viewer.token);
    ws.pause();
    const step1 = syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc()));
    // 600 requests of 1,600-odd bytes in all would have made the server queue ~600 MiB.
    for (let i = 0; i < 600; i++) ws.send(step1);
    // Every request written out, or the server stopped reading (then this bound is what passes).
    const sent = new Promise<void>((resolve) => ws.send(new Uint8Array([3]), () => resolve()));
    await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 3000))]);
    const latency = await healthLatency(server.url, 2000);
    const grew = residentMiB(pid) - baseline;
    console.info(
      `600 step 1 from a viewer that never reads: +${grew.toFixed(1)} MiB resident, /healthz ${latency.toFixed(0)} ms`,
    );
    expect(latency).toBeLessThan(2000);
    expect(grew).toBeLessThan(80);
    // The stalled viewer reads again and is still served.
    ws.resume();
    await waitFor('the viewer still served', () => ws.readyState === WebSocket.OPEN);
  });
});
