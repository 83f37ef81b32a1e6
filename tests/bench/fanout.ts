/**
 * Latency and bytes, each measured against a peer server in the same run, servers in their own
 * processes (pinned to core 0 where taskset exists; the load runs on core 1).
 *
 *   fan-out    one writer, N readers; the writer sends the next keystroke update of the trace
 *              only after every reader had the previous one, so each delivery latency is the
 *              server's relay path and not a queue (p50 and p99 over all deliveries)
 *   catch-up   a client that has the first 90 % of a document reconnects after the last 10 %
 *              was written by someone else: bytes it downloads (against the peer server), and,
 *              the other way round, bytes it uploads (against the minimal state-vector diff)
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import * as Y from 'yjs';
import { ProtocolClient } from './protocolClient';

export interface ServerProcess {
  url: (room: string) => string;
  rooms: string[];
  close(): Promise<void>;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pins this process (the load) to core 1, so servers started afterwards on core 0 do not share. */
export function pinLoad(): boolean {
  if (!hasTaskset()) return false;
  try {
    execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startServerProcess(kind: 'minka' | 'peer'): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-${kind}-`));
  const args = ['--import', 'tsx', path.join(import.meta.dirname, 'serve.ts'), kind, dataDir];
  const child: ChildProcess = hasTaskset()
    ? spawn('taskset', ['-c', '0', process.execPath, ...args], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server ${kind} exited with ${code}`)));
  });
  const { template, rooms } = JSON.parse(line) as { template: string; rooms: string[] };
  return {
    url: (room) => template.replace('ROOM', room),
    rooms,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const trace_ = (line: string) => {
  if (process.env.BENCH_VERBOSE) console.error(line);
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

export interface FanOut {
  p50: number;
  p99: number;
  deliveries: number;
}

/** One writer and `readers` readers in `room`; `updates` paced ping-pong (see header). */
export async function fanOut(
  server: ServerProcess,
  room: string,
  readers: number,
  updates: Uint8Array[],
): Promise<FanOut> {
  const writer = await ProtocolClient.connect(server.url(room));
  const clients = await Promise.all(
    Array.from({ length: readers }, () => ProtocolClient.connect(server.url(room))),
  );
  // Let every client finish its own handshake before the clock starts.
  await Promise.all(clients.map((c) => c.until(() => c.receivedBytes > 0)));
  trace_(`fan-out ${readers} readers in ${room}: connected`);
  const latencies: number[] = [];
  for (const update of updates) {
    let remaining = readers;
    let sentAt = 0;
    const all = new Promise<void>((resolve) => {
      for (const client of clients) {
        client.onUpdate = (at) => {
          latencies.push(at - sentAt);
          client.onUpdate = null;
          if (--remaining === 0) resolve();
        };
      }
    });
    sentAt = performance.now();
    writer.sendUpdate(update);
    await all;
  }
  writer.close();
  for (const client of clients) client.close();
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    deliveries: latencies.length,
  };
}

export interface CatchUp {
  downloadBytes: number;
  savedBytes: number;
  uploadBytes: number;
  minimalDiffBytes: number;
}

/**
 * Bytes of a reconnect after the last 10 % of `updates` happened elsewhere (download), and of a
 * reconnect after this client wrote the last 10 % offline (upload).
 */
export async function catchUp(
  server: ServerProcess,
  rooms: [string, string],
  updates: Uint8Array[],
  sendsSaved: boolean,
): Promise<CatchUp> {
  // Through a Y.Doc, not Y.mergeUpdates: it is linear, and its encoding is what a client sends.
  const cut = Math.floor(updates.length * 0.9);
  const replay = new Y.Doc();
  replay.transact(() => updates.slice(0, cut).forEach((u) => Y.applyUpdate(replay, u)));
  const head = Y.encodeStateAsUpdate(replay);
  const headVector = Y.encodeStateVector(replay);
  replay.transact(() => updates.slice(cut).forEach((u) => Y.applyUpdate(replay, u)));
  const full = Y.encodeStateAsUpdate(replay);
  const minimalDiffBytes = Y.encodeStateAsUpdate(replay, headVector).byteLength;
  const fullVector = Y.encodeStateVector(replay);
  const covered = (client: ProtocolClient) => () => {
    const have = Y.decodeStateVector(Y.encodeStateVector(client.doc));
    for (const [id, clock] of Y.decodeStateVector(fullVector)) {
      if ((have.get(id) ?? 0) < clock) return false;
    }
    return true;
  };

  trace_('catch-up: download');
  // Download: the server has everything, the client the first 90 %.
  const seeder = await ProtocolClient.connect(server.url(rooms[0]));
  seeder.sendUpdate(full);
  if (sendsSaved) await seeder.until(() => seeder.saved !== null && seeder.saved.sv.size > 0);
  const known = new Y.Doc();
  Y.applyUpdate(known, head);
  const reader = await ProtocolClient.connect(server.url(rooms[0]), known);
  await reader.until(covered(reader));
  // Minka's complete `saved` follows the answer; the peer sends none.
  if (sendsSaved) await reader.until(() => reader.saved !== null);
  seeder.close();
  const downloadBytes = reader.receivedBytes;
  const savedBytes = reader.savedBytes;
  reader.close();

  trace_('catch-up: upload');
  // Upload: the server has the first 90 %, the client everything.
  const first = await ProtocolClient.connect(server.url(rooms[1]));
  first.sendUpdate(head);
  // The peer server forgets a room when its last client leaves: `first` stays until the end.
  const offline = new Y.Doc();
  Y.applyUpdate(offline, full);
  const uploader = await ProtocolClient.connect(server.url(rooms[1]), offline);
  await uploader.until(() => uploader.answeredStep1);
  trace_('catch-up: uploaded');
  // Its own sync step 1 is part of what a reconnect uploads.
  const uploadBytes = uploader.sentBytes;
  uploader.close();
  first.close();
  return { downloadBytes, savedBytes, uploadBytes, minimalDiffBytes };
}

export interface LatencyResults {
  pinned: boolean;
  fanOut: { readers: number; peer: FanOut; minka: FanOut }[];
  catchUp: { peer: CatchUp; minka: CatchUp };
}

/**
 * Fan-out at each N and catch-up bytes, Minka against the peer, the order alternating between
 * rounds so neither always runs on a warmer machine. `rounds` rounds per N; the medians of p50
 * and p99 over rounds are reported.
 */
export async function measureLatency(options: {
  readers: number[];
  updatesPerReaders: (readers: number) => number;
  rounds: number;
  trace: Uint8Array[];
  catchUpTrace: Uint8Array[];
  /** Pin this process to core 1 (the benchmark does; its smoke test must not pin vitest). */
  pin?: boolean;
}): Promise<LatencyResults> {
  const pinned = options.pin === true && pinLoad();
  const peer = await startServerProcess('peer');
  const minka = await startServerProcess('minka');
  try {
    const fanOutResults: LatencyResults['fanOut'] = [];
    let room = 0;
    for (const readers of options.readers) {
      const updates = options.trace.slice(0, options.updatesPerReaders(readers));
      const runs = { peer: [] as FanOut[], minka: [] as FanOut[] };
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? (['peer', 'minka'] as const) : (['minka', 'peer'] as const);
        for (const which of order) {
          const server = which === 'peer' ? peer : minka;
          // Each round writes its own room, so every run starts from an empty document.
          runs[which].push(await fanOut(server, server.rooms[10 + room]!, readers, updates));
        }
        room++;
      }
      const med = (list: FanOut[]): FanOut => ({
        p50: median(list.map((r) => r.p50)),
        p99: median(list.map((r) => r.p99)),
        deliveries: list[0]!.deliveries,
      });
      fanOutResults.push({ readers, peer: med(runs.peer), minka: med(runs.minka) });
    }
    const catchUpPeer = await catchUp(
      peer,
      [peer.rooms[1]!, peer.rooms[2]!],
      options.catchUpTrace,
      false,
    );
    const catchUpMinka = await catchUp(
      minka,
      [minka.rooms[1]!, minka.rooms[2]!],
      options.catchUpTrace,
      true,
    );
    return { pinned, fanOut: fanOutResults, catchUp: { peer: catchUpPeer, minka: catchUpMinka } };
  } finally {
    trace_('closing servers');
    await Promise.all([peer.close(), minka.close()]);
    trace_('closed');
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
