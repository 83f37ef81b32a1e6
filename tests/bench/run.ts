/**
 * `npm run bench`: Minka's sync server against the reference y-websocket server
 * (@y/websocket-server, in-memory, no durability), measured in the same run on the same
 * machine with the same real editing traces. Reported as medians of several runs and as
 * ratios, since absolute numbers depend on the machine.
 *
 *   relay     a writer streams a trace's keystroke updates; time until a reader has them all
 *   durable   (Minka only) time until the server's `saved` vector covers the whole trace
 *   cold open a new client syncs the finished document: peer from memory, Minka from memory
 *             and after a restart (from SQLite)
 */
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { LoginResponse, MeResponse } from '../../shared/protocol/api';
import { createServer } from '../../sync-server/server';
import { covers, ProtocolClient } from './protocolClient';
import { runSearchBench } from './search';
import { loadSequentialTrace } from './traces';

interface Endpoint {
  syncUrl: (room: string) => string;
  /** A document room this endpoint lets the benchmark write to. */
  room: (run: number) => string;
  close(): Promise<void>;
}

async function startPeer(): Promise<Endpoint> {
  const wss = new WebSocketServer({ noServer: true });
  const http: Server = createHttpServer((_req, res) => res.end('ok'));
  http.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      const docName = (req.url ?? '/').slice('/sync/'.length).split('?')[0]!;
      setupWSConnection(ws, req, { docName });
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    syncUrl: (room) => `ws://127.0.0.1:${port}/sync/${room}`,
    room: (run) => `peer-${run}`,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        http.close(() => resolve());
      }),
  };
}

/** Minka with its demo workspace, entered as the demo admin (a lead of one group). */
async function startMinka(dataDir: string): Promise<Endpoint> {
  const server = await createServer({
    dataDir,
    port: 0,
    seedDemo: true,
    log: () => undefined,
    // The benchmark replays keystrokes far faster than a person types.
    rateLimit: { perSecond: 1e9, burst: 1e9 },
  });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@minka.demo', password: 'minka-demo-2026' }),
  });
  const { token } = (await login.json()) as LoginResponse;
  const me = (await (
    await fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as MeResponse;
  const groupId = me.memberships[0]!.group.id;
  const ws = server.url.replace(/^http/, 'ws');
  return {
    syncUrl: (room) => `${ws}/sync/${room}?token=${encodeURIComponent(token)}`,
    room: (run) => `g/${groupId}/doc/00000000-0000-4000-8000-${String(run + 1).padStart(12, '0')}`,
    close: () => server.close(),
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function relay(
  endpoint: Endpoint,
  room: string,
  updates: Uint8Array[],
  expected: Uint8Array,
  durable: boolean,
) {
  const writer = await ProtocolClient.connect(endpoint.syncUrl(room));
  const reader = await ProtocolClient.connect(endpoint.syncUrl(room));
  const started = performance.now();
  for (const update of updates) writer.sendUpdate(update);
  await reader.until(() => covers(Y.encodeStateVector(reader.doc), expected));
  const relayMs = performance.now() - started;
  let durableMs: number | null = null;
  if (durable) {
    await writer.until(() => covers(writer.saved, expected));
    durableMs = performance.now() - started;
  }
  writer.close();
  reader.close();
  return { relayMs, durableMs };
}

async function coldOpen(endpoint: Endpoint, room: string, expected: Uint8Array): Promise<number> {
  const started = performance.now();
  const client = await ProtocolClient.connect(endpoint.syncUrl(room));
  await client.until(() => covers(Y.encodeStateVector(client.doc), expected));
  const ms = performance.now() - started;
  client.close();
  return ms;
}

/** Runs every measure `runs` times on the first `updates` keystrokes of the trace. */
export async function measure(runs: number, updates: number) {
  const trace = loadSequentialTrace('automerge-paper', updates);
  const expected = Y.encodeStateVectorFromUpdate(Y.mergeUpdates(trace.updates));
  const results = {
    peerRelay: [] as number[],
    minkaRelay: [] as number[],
    minkaDurable: [] as number[],
  };
  const cold = { peer: [] as number[], minkaWarm: [] as number[], minkaRestart: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const peer = await startPeer();
    const p = await relay(peer, peer.room(run), trace.updates, expected, false);
    results.peerRelay.push(p.relayMs);
    cold.peer.push(await coldOpen(peer, peer.room(run), expected));
    await peer.close();

    const dataDir = mkdtempSync(path.join(tmpdir(), 'minka-bench-'));
    const minka = await startMinka(dataDir);
    const room = minka.room(run);
    const m = await relay(minka, room, trace.updates, expected, true);
    results.minkaRelay.push(m.relayMs);
    if (m.durableMs !== null) results.minkaDurable.push(m.durableMs);
    cold.minkaWarm.push(await coldOpen(minka, room, expected));
    await minka.close();
    const restarted = await startMinka(dataDir);
    cold.minkaRestart.push(await coldOpen(restarted, room, expected));
    await restarted.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { trace, results, cold };
}

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const { trace, results, cold } = await measure(runs, Number(process.env.BENCH_UPDATES ?? 40_000));
  console.log(
    `trace: automerge-paper (Kleppmann, CC BY 4.0), first ${trace.updates.length} keystroke updates, ${trace.endContent.length} characters; ${runs} runs, medians`,
  );
  const perSecond = (ms: number) => Math.round((trace.updates.length / ms) * 1000);
  const rows: Array<[string, number | null, number]> = [
    [
      'relay (updates/s, higher is better)',
      perSecond(median(results.peerRelay)),
      perSecond(median(results.minkaRelay)),
    ],
    ['durable: `saved` covers all (updates/s)', null, perSecond(median(results.minkaDurable))],
    ['cold open from memory (ms, lower is better)', median(cold.peer), median(cold.minkaWarm)],
    ['cold open after restart, from SQLite (ms)', null, median(cold.minkaRestart)],
  ];
  const show = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
  console.log('');
  console.log('| measure | y-websocket-server (peer) | Minka | Minka / peer |');
  console.log('|---|---|---|---|');
  for (const [name, peerValue, minkaValue] of rows) {
    const peerCell = peerValue === null ? 'n/a (no storage)' : show(peerValue);
    const ratio = peerValue === null ? '—' : (minkaValue / peerValue).toFixed(2);
    console.log(`| ${name} | ${peerCell} | ${show(minkaValue)} | ${ratio} |`);
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    path.join('bench-results', 'sync.json'),
    JSON.stringify(
      { date: new Date().toISOString(), updates: trace.updates.length, runs, results, cold },
      null,
      2,
    ),
  );
  await runSearchBench();
  process.exit(0);
}

// Run as `npm run bench`; imported (by its smoke test) it only exports `measure`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
