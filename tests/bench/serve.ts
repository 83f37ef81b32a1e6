/**
 * One benchmark server in its own process (so it can be pinned to its own core with taskset and
 * the load it serves does not share its event loop): `tsx tests/bench/serve.ts <kind> <dataDir>`
 * with kind `minka`, `peer` (@y/websocket-server) or `hocuspocus` (@hocuspocus/server with its
 * SQLite extension). Prints one JSON line `{ "protocol", "template", "rooms" }` and serves until
 * killed. Each line `memory` on its standard input is answered with one JSON line
 * `{ "heapUsed", "arrayBuffers", "rss" }`, taken after full garbage collections when the process
 * runs with --expose-gc; a line `snapshot <file>` writes a heap snapshot there (after the same
 * collections) and answers `{}`, to see where a server's memory goes.
 */
import { createInterface } from 'node:readline';
import { writeHeapSnapshot } from 'node:v8';
import { startHocuspocus, startMinka, startPeer } from './run';

const [kind, dataDir] = process.argv.slice(2);
const idleUnloadMs = Number(process.env.BENCH_IDLE_UNLOAD_MS ?? 30_000);
const endpoint =
  kind === 'minka'
    ? await startMinka(dataDir!, { idleUnloadMs, sleepAfterMs: idleUnloadMs })
    : kind === 'hocuspocus'
      ? await startHocuspocus(dataDir!)
      : await startPeer();
const template = endpoint.syncUrl('ROOM');
const rooms = Array.from({ length: Number(process.env.BENCH_ROOMS ?? 100) }, (_, i) =>
  endpoint.room(i),
);
process.stdout.write(`${JSON.stringify({ protocol: endpoint.protocol, template, rooms })}\n`);

const collect = (globalThis as { gc?: () => void }).gc;
createInterface({ input: process.stdin }).on('line', (line) => {
  // Several passes: a first collection can leave finalizers' garbage for the next.
  for (let i = 0; i < 4; i++) collect?.();
  if (line.startsWith('snapshot ')) {
    writeHeapSnapshot(line.slice('snapshot '.length).trim());
    process.stdout.write('{}\n');
    return;
  }
  if (line.trim() !== 'memory') return;
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ heapUsed, arrayBuffers, rss })}\n`);
});
