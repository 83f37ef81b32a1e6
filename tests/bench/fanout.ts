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
import { ProtocolClient, type WireProtocol } from './protocolClient';

export type ServerKind = 'minka' | 'peer' | 'hocuspocus';

export interface ServerProcess {
  kind: ServerKind;
  protocol: WireProtocol;
  url: (room: string) => string;
  rooms: string[];
  connect(room: string, doc?: Y.Doc): Promise<ProtocolClient>;
  /**
   * The server process's heap and array buffers (after full collections, with `gc`) and
   * resident size; `command` `snapshot <file>` writes a heap snapshot instead.
   */
  memory(command?: string): Promise<{ heapUsed: number; arrayBuffers: number; rss: number }>;
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

export async function startServerProcess(
  kind: ServerKind,
  options: { gc?: boolean; rooms?: number; idleUnloadMs?: number } = {},
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-${kind}-`));
  const args = [
    ...(options.gc === true ? ['--expose-gc'] : []),
    '--import',
    'tsx',
    path.join(import.meta.dirname, 'serve.ts'),
    kind,
    dataDir,
  ];
  const env = {
    ...process.env,
    BENCH_ROOMS: String(options.rooms ?? 100),
    ...(options.idleUnloadMs === undefined
      ? {}
      : { BENCH_IDLE_UNLOAD_MS: String(options.idleUnloadMs) }),
  };
  const stdio: ['pipe', 'pipe', 'inherit'] = ['pipe', 'pipe', 'inherit'];
  const child: ChildProcess = hasTaskset()
    ? spawn('taskset', ['-c', '0', process.execPath, ...args], { stdio, env })
    : spawn(process.execPath, args, { stdio, env });
  const lines = createInterface({ input: child.stdout! });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const exited = (code: number | null) =>
        reject(new Error(`bench server ${kind} exited with ${code}`));
      child.once('exit', exited);
      lines.once('line', (line) => {
        child.off('exit', exited);
        resolve(line);
      });
    });
  const { protocol, template, rooms } = JSON.parse(await nextLine()) as {
    protocol: WireProtocol;
    template: string;
    rooms: string[];
  };
  const url = (room: string) => template.replace('ROOM', room);
  return {
    kind,
    protocol,
    url,
    rooms,
    connect: (room, doc) => ProtocolClient.connect(url(room), doc, protocol),
    memory: async (command = 'memory') => {
      const answer = nextLine();
      child.stdin!.write(`${command}\n`);
      return JSON.parse(await answer) as { heapUsed: number; arrayBuffers: number; rss: number };
    },
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
  const writer = await server.connect(room);
  const clients = await Promise.all(Array.from({ length: readers }, () => server.connect(room)));
  // Let every client finish its own handshake before the clock starts.
  await Promise.all(clients.map((c) => c.until(() => c.receivedBytes > 0)));
  trace_(`fan-out ${readers} readers in ${room}: connected`);
  const latencies: number[] = [];
  for (const [index, update] of updates.entries()) {
    let remaining = readers;
    let sentAt = 0;
    const all = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `fan-out in ${room}: update ${index} reached ${readers - remaining} of ${readers} readers in 60 s`,
            ),
          ),
        60_000,
      );
      for (const client of clients) {
        client.onUpdate = (at) => {
          latencies.push(at - sentAt);
          client.onUpdate = null;
          if (--remaining === 0) {
            clearTimeout(timer);
            resolve();
          }
        };
      }
    });
    sentAt = performance.now();
    writer.sendUpdate(update);
    await all;
  }
  trace_(`fan-out ${readers} readers in ${room}: done`);
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
  const seeder = await server.connect(rooms[0]);
  seeder.sendUpdate(full);
  if (sendsSaved) await seeder.until(() => seeder.saved !== null && seeder.saved.sv.size > 0);
  // Without `saved`, give the server a moment to apply it before the reader asks.
  else await new Promise((resolve) => setTimeout(resolve, 300));
  const known = new Y.Doc();
  Y.applyUpdate(known, head);
  const reader = await server.connect(rooms[0], known);
  await reader.until(covered(reader));
  // Minka's complete `saved` follows the answer; the peer sends none.
  if (sendsSaved) await reader.until(() => reader.saved !== null);
  seeder.close();
  const downloadBytes = reader.receivedBytes;
  const savedBytes = reader.savedBytes;
  reader.close();

  trace_('catch-up: upload');
  // Upload: the server has the first 90 %, the client everything.
  const first = await server.connect(rooms[1]);
  first.sendUpdate(head);
  // The peer server forgets a room when its last client leaves: `first` stays until the end.
  const offline = new Y.Doc();
  Y.applyUpdate(offline, full);
  const uploader = await server.connect(rooms[1], offline);
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
  fanOut: { readers: number; peer: FanOut; hocuspocus: FanOut; minka: FanOut }[];
  catchUp: { peer: CatchUp; hocuspocus: CatchUp; minka: CatchUp };
}

const KINDS: readonly ServerKind[] = ['peer', 'hocuspocus', 'minka'];

/**
 * Fan-out at each N and catch-up bytes, Minka against the peers, the order rotating between
 * rounds so none always runs on a warmer machine. `rounds` rounds per N; the medians of p50
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
  const servers = {} as Record<ServerKind, ServerProcess>;
  try {
    for (const kind of KINDS) servers[kind] = await startServerProcess(kind);
    const fanOutResults: LatencyResults['fanOut'] = [];
    let room = 0;
    for (const readers of options.readers) {
      const updates = options.trace.slice(0, options.updatesPerReaders(readers));
      const runs: Record<ServerKind, FanOut[]> = { peer: [], hocuspocus: [], minka: [] };
      for (let round = 0; round < options.rounds; round++) {
        for (let i = 0; i < KINDS.length; i++) {
          const which = KINDS[(round + i) % KINDS.length]!;
          const server = servers[which];
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
      fanOutResults.push({
        readers,
        peer: med(runs.peer),
        hocuspocus: med(runs.hocuspocus),
        minka: med(runs.minka),
      });
    }
    const catchUps = {} as Record<ServerKind, CatchUp>;
    for (const kind of KINDS) {
      const server = servers[kind];
      catchUps[kind] = await catchUp(
        server,
        [server.rooms[1]!, server.rooms[2]!],
        options.catchUpTrace,
        kind === 'minka',
      );
    }
    return { pinned, fanOut: fanOutResults, catchUp: catchUps };
  } finally {
    trace_('closing servers');
    await Promise.all(Object.values(servers).map((server) => server.close()));
    trace_('closed');
  }
}

export interface MemoryResult {
  docs: number;
  docBytes: number;
  /** Process figures before any document, with all documents loaded, and after they left. */
  baseline: { heapUsed: number; arrayBuffers: number; rss: number };
  loaded: { heapUsed: number; arrayBuffers: number; rss: number };
  afterUnload: { heapUsed: number; arrayBuffers: number; rss: number };
  /** Heap plus array buffers, per document. */
  heapPerDoc: number;
  rssPerDoc: number;
  heapPerDocAfterUnload: number;
}

/**
 * Memory per loaded idle document: `docs` documents of about `docBytes` bytes each, written by
 * one client per document that then stays connected and idle; the server's heap (after full
 * collections) and resident size against its baseline, then again once every client left and
 * the server had time to unload (Minka after 1 s idle here, 30 s by default; Hocuspocus when
 * the last connection leaves; the reference keeps every document while the process lives).
 */
export async function measureMemory(
  kind: ServerKind,
  docs: number,
  docBytes: number,
): Promise<MemoryResult> {
  // As many as are measured: a server compiles and optimizes its hot paths while the first
  // hundreds of documents open, and that code is not any document's memory.
  const warmUp = docs;
  const server = await startServerProcess(kind, {
    gc: true,
    rooms: docs + warmUp,
    idleUnloadMs: 1000,
  });
  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // Array buffers count with the heap: a server that kept documents as bytes outside the JS
  // heap (Buffers, typed arrays) would otherwise look free.
  const held = (m: { heapUsed: number; arrayBuffers: number }) => m.heapUsed + m.arrayBuffers;
  // After `ms`, until two readings a second apart differ by under 0.1 KiB per document: a
  // server still storing and unloading the warm-up's 500 documents (Hocuspocus's debounced
  // stores under load) would otherwise lend their memory to the baseline.
  const settledMemory = async (ms: number) => {
    await settle(ms);
    let reading = await server.memory();
    for (let i = 0; i < 10; i++) {
      await settle(1000);
      const next = await server.memory();
      const stable = Math.abs(held(next) - held(reading)) < docs * 100;
      reading = next;
      if (stable) break;
    }
    return reading;
  };
  try {
    const content = (seed: number) => {
      const doc = new Y.Doc();
      // eslint-disable-next-line no-restricted-syntax
      const text = doc.getText('body');
      // Paragraph-sized edits, as typed and saved: ~100 bytes each.
      for (let at = 0; at < docBytes; at += 100)
        text.insert(at, `${seed} `.padEnd(100, 'minería responsable en el sur del Perú. '));
      return Y.encodeStateAsUpdate(doc);
    };
    const open = async (room: string, seed: number) => {
      const client = await server.connect(room);
      client.sendUpdate(content(seed));
      if (kind === 'minka')
        await client.until(() => client.saved !== null && client.saved.sv.size > 0);
      return client;
    };
    // Warm up the code paths (lazily loaded modules, compiled code) with as many documents, then
    // let them go: what stays after an unload is then the documents', not the JIT's.
    const warm: ProtocolClient[] = [];
    for (let i = 0; i < warmUp; i += 50) {
      const batch = server.rooms.slice(docs + i, docs + Math.min(i + 50, warmUp));
      warm.push(...(await Promise.all(batch.map((room, j) => open(room, -1 - i - j)))));
    }
    for (const client of warm) client.close();
    const baseline = await settledMemory(3500);
    const clients: ProtocolClient[] = [];
    for (let i = 0; i < docs; i += 50) {
      const batch = server.rooms.slice(i, Math.min(i + 50, docs));
      clients.push(...(await Promise.all(batch.map((room, j) => open(room, i + j)))));
    }
    // Hocuspocus stores 2 s after the last change; let every debounce and commit pass.
    const loaded = await settledMemory(3000);
    for (const client of clients) client.close();
    const afterUnload = await settledMemory(3500);
    return {
      docs,
      docBytes,
      baseline,
      loaded,
      afterUnload,
      heapPerDoc: Math.round((held(loaded) - held(baseline)) / docs),
      rssPerDoc: Math.round((loaded.rss - baseline.rss) / docs),
      heapPerDocAfterUnload: Math.round((held(afterUnload) - held(baseline)) / docs),
    };
  } finally {
    await server.close();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
