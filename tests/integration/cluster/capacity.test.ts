/**
 * The figures behind docs/deploy.md's capacity model and docs/architecture.md's choice of Redis
 * pub/sub (issue 13). A measurement, not a check: it runs only with MINKA_MEASURE_CLUSTER=1 and
 * prints what it measured (it asserts only that the runs completed).
 *
 *   MINKA_MEASURE_CLUSTER=1 npx vitest run tests/integration/cluster/capacity.test.ts
 *
 * 1. Delivery latency: one writer on instance 1, one reader beside it on instance 1 and one on
 *    instance 2; each update carries its send time; p50/p99 of each reader, and their ratio.
 * 2. Redis transport alone: PUBLISH/SUBSCRIBE against XADD/XREAD BLOCK, same payloads.
 * 3. Memory: resident memory of one instance with N rooms loaded (one document of ~6 KB each,
 *    one connection each), then with M more connections on one room.
 * 4. Commit throughput: writers on many rooms as fast as the server takes them; committed
 *    updates and commits per second, from the instance's own /metrics (PostgreSQL; SQLite with
 *    MINKA_MEASURE_DATABASE=sqlite).
 */
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { residentMiB } from '../faults/childServer';
import {
  connect,
  covers,
  GROUP,
  room,
  signedInEditor,
  tempDir,
  text,
  waitFor,
  write,
  type TestClient,
} from '../helpers';
import { REDIS_URL, uniqueRedisPrefix } from '../../support/services';
import { clusterServices, startCluster } from './instances';

const measure =
  process.env.MINKA_MEASURE_CLUSTER === '1' && (await clusterServices('cluster/capacity'));
const METRICS_TOKEN = 'medicion';
/** MINKA_MEASURE_DATABASE=sqlite measures one instance on SQLite instead of PostgreSQL. */
const DATABASE = process.env.MINKA_MEASURE_DATABASE === 'sqlite' ? 'sqlite' : 'postgres';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const roomId = (i: number) => room(`${(0x10000000 + i).toString(16)}-0000-4000-8000-000000000000`);

async function metric(url: string, name: string): Promise<number> {
  const body = await (
    await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const line = body.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line === undefined ? NaN : Number(line.split(' ').pop());
}

describe.skipIf(!measure)('cluster measurements', { timeout: 600_000 }, () => {
  it('cross-instance delivery latency against same-instance delivery', async () => {
    const dataDir = tempDir('minka-measure-');
    const { instances } = await startCluster(dataDir, 2);
    const { token } = await signedInEditor(dataDir);
    const target = (i: number) => ({ url: instances[i]!.url, token });
    const writer = connect(target(0), roomId(0));
    const near = connect(target(0), roomId(0));
    const far = connect(target(1), roomId(0));
    await waitFor('synced', () => [writer, near, far].every((c) => c.provider.synced), 20_000);
    const sent = new Map<string, number>();
    const arrivals = (client: TestClient) => {
      const times: number[] = [];
      const seen = new Set<string>();
      client.doc.on('update', () => {
        const at = performance.now();
        // Updates arrive in order; the newest lines are enough.
        for (const key of text(client.doc).split('\n').slice(-3)) {
          const start = sent.get(key);
          if (start !== undefined && !seen.has(key)) {
            seen.add(key);
            times.push(at - start);
          }
        }
      });
      return times;
    };
    const nearTimes = arrivals(near);
    const farTimes = arrivals(far);
    const COUNT = 400;
    for (let i = 0; i < COUNT; i++) {
      const key = `k${i}`;
      sent.set(key, performance.now());
      write(writer.doc, key);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await waitFor(
      'all arrived',
      () => nearTimes.length === COUNT && farTimes.length === COUNT,
      30_000,
    );
    const report = {
      sameInstance: { p50: percentile(nearTimes, 50), p99: percentile(nearTimes, 99) },
      crossInstance: { p50: percentile(farTimes, 50), p99: percentile(farTimes, 99) },
    };
    console.log(
      `delivery (ms): same instance p50 ${report.sameInstance.p50.toFixed(2)} p99 ${report.sameInstance.p99.toFixed(2)}; ` +
        `cross instance p50 ${report.crossInstance.p50.toFixed(2)} p99 ${report.crossInstance.p99.toFixed(2)}; ` +
        `ratio p50 ${(report.crossInstance.p50 / report.sameInstance.p50).toFixed(2)}x, ` +
        `p99 ${(report.crossInstance.p99 / report.sameInstance.p99).toFixed(2)}x`,
    );
    expect(farTimes.length).toBe(COUNT);
  });

  it('Redis transport alone: pub/sub against streams', async () => {
    const prefix = uniqueRedisPrefix();
    const payload = Buffer.alloc(120, 7);
    const COUNT = 2000;
    const pub = new Redis(REDIS_URL);
    const sub = new Redis(REDIS_URL);
    const reader = new Redis(REDIS_URL);
    try {
      // pub/sub
      const channel = `${prefix}bench`;
      await sub.subscribe(channel);
      const pubsub: number[] = [];
      let pending: ((value?: unknown) => void) | null = null;
      let sentAt = 0;
      sub.on('messageBuffer', () => {
        pubsub.push(performance.now() - sentAt);
        pending?.();
      });
      for (let i = 0; i < COUNT; i++) {
        const arrived = new Promise((resolve) => (pending = resolve));
        sentAt = performance.now();
        await pub.publish(channel, payload);
        await arrived;
      }
      // streams: one XADD per message, a reader blocked in XREAD
      const stream = `${prefix}stream`;
      const streams: number[] = [];
      let last = '$';
      let stop = false;
      const waiter: { notify: (() => void) | null } = { notify: null };
      const loop = (async () => {
        while (!stop) {
          const result = (await reader.xreadBuffer(
            'BLOCK',
            1000,
            'STREAMS',
            stream,
            last,
          )) as Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;
          if (result === null) continue;
          for (const [, entries] of result) {
            for (const [id] of entries) {
              last = id.toString();
              streams.push(performance.now() - sentAt);
              waiter.notify?.();
            }
          }
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (let i = 0; i < COUNT; i++) {
        const arrived = new Promise<void>((resolve) => (waiter.notify = resolve));
        sentAt = performance.now();
        await pub.xadd(stream, 'MAXLEN', '~', '1000', '*', 'u', payload);
        await arrived;
      }
      stop = true;
      await loop;
      await pub.del(stream);
      console.log(
        `redis (ms, ${COUNT} messages of ${payload.length} B): pub/sub p50 ${percentile(pubsub, 50).toFixed(3)} ` +
          `p99 ${percentile(pubsub, 99).toFixed(3)}; streams p50 ${percentile(streams, 50).toFixed(3)} ` +
          `p99 ${percentile(streams, 99).toFixed(3)}`,
      );
      expect(streams.length).toBe(COUNT);
    } finally {
      pub.disconnect();
      sub.disconnect();
      reader.disconnect();
    }
  });

  it('memory per loaded room and per connection, commits per second', async () => {
    const dataDir = tempDir('minka-measure-');
    const { instances } = await startCluster(
      dataDir,
      1,
      ['--metrics-token', METRICS_TOKEN],
      DATABASE,
    );
    const { token } = await signedInEditor(dataDir);
    const instance = instances[0]!;
    const target = { url: instance.url, token };
    // A document of about 6 KB: 60 paragraphs of 100 characters.
    const seed = new Y.Doc();
    for (let i = 0; i < 60; i++) write(seed, `párrafo ${i} `.padEnd(100, 'x'));
    const content = Y.encodeStateAsUpdate(seed);

    await new Promise((resolve) => setTimeout(resolve, 1000));
    const baseline = residentMiB(instance.child.pid!);
    const ROOMS = 200;
    const roomClients: TestClient[] = [];
    for (let i = 0; i < ROOMS; i++) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, content);
      roomClients.push(connect(target, roomId(1000 + i), doc));
      if (i % 20 === 19)
        await waitFor('rooms synced', () => roomClients.every((c) => c.provider.synced), 60_000);
    }
    await waitFor('rooms synced', () => roomClients.every((c) => c.provider.synced), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const withRooms = residentMiB(instance.child.pid!);

    const CONNECTIONS = 300;
    const extra: TestClient[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      extra.push(connect(target, roomId(1000)));
      if (i % 50 === 49)
        await waitFor('synced', () => extra.every((c) => c.provider.synced), 60_000);
    }
    await waitFor('synced', () => extra.every((c) => c.provider.synced), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const withConnections = residentMiB(instance.child.pid!);
    for (const client of extra) client.provider.destroy();

    // Throughput: 50 rooms, one writer each, each typing as fast as it can for 10 s.
    const writers = roomClients.slice(0, 50);
    const before = {
      commits: await metric(instance.url, 'minka_commit_duration_seconds_count'),
      updates: await metric(instance.url, 'minka_committed_updates_total'),
      seconds: await metric(instance.url, 'minka_commit_duration_seconds_sum'),
    };
    const started = performance.now();
    let typed = 0;
    while (performance.now() - started < 10_000) {
      for (const client of writers) {
        write(client.doc, `w${typed++}`);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(
      'writers saved',
      () =>
        writers.every(
          (c) =>
            c.saved() !== null &&
            Y.snapshotContainsUpdate(c.saved()!, Y.encodeStateAsUpdate(c.doc)),
        ),
      60_000,
    );
    const elapsed = (performance.now() - started) / 1000;
    const after = {
      commits: await metric(instance.url, 'minka_commit_duration_seconds_count'),
      updates: await metric(instance.url, 'minka_committed_updates_total'),
      seconds: await metric(instance.url, 'minka_commit_duration_seconds_sum'),
    };
    const commits = after.commits - before.commits;
    console.log(
      `memory (${DATABASE}): baseline ${baseline.toFixed(1)} MiB; ${ROOMS} rooms (~${(content.byteLength / 1024).toFixed(1)} KB each, 1 connection each) ` +
        `${withRooms.toFixed(1)} MiB → ${(((withRooms - baseline) * 1024) / ROOMS).toFixed(1)} KiB per room+connection; ` +
        `+${CONNECTIONS} connections on one room ${withConnections.toFixed(1)} MiB → ` +
        `${(((withConnections - withRooms) * 1024) / CONNECTIONS).toFixed(1)} KiB per connection`,
    );
    console.log(
      `throughput (${DATABASE}): ${typed} updates typed by 50 writers in ${elapsed.toFixed(1)} s; committed ` +
        `${((after.updates - before.updates) / elapsed).toFixed(0)} updates/s in ${(commits / elapsed).toFixed(1)} commits/s, ` +
        `mean commit ${(((after.seconds - before.seconds) / commits) * 1000).toFixed(1)} ms; group ${GROUP.slice(0, 4)}`,
    );
    expect(commits).toBeGreaterThan(0);
  });

  it('commit latency at light load: from a keystroke to its saved', async () => {
    const dataDir = tempDir('minka-measure-');
    const { instances } = await startCluster(dataDir, 1, [], DATABASE);
    const { token } = await signedInEditor(dataDir);
    const client = connect({ url: instances[0]!.url, token }, roomId(5000));
    await waitFor('synced', () => client.provider.synced, 20_000);
    const latencies: number[] = [];
    for (let i = 0; i < 150; i++) {
      const started = performance.now();
      write(client.doc, `t${i}`);
      await waitFor('saved', () => covers(client.saved(), client.doc), 20_000);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    console.log(
      `keystroke to saved (${DATABASE}, one writer, 150 changes): p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    expect(latencies).toHaveLength(150);
  });
});
