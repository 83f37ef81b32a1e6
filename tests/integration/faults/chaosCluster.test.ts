/**
 * The chaos holdout (chaos.test.ts) with instances instead of one server (issue 13): five stock
 * clients type unique tokens into one document through a faulty network (seeded drops, resets and
 * delays) and a load balancer in front of three instances on one PostgreSQL database and Redis. Every round,
 * one instance in turn is SIGKILLed (and a new one started in its place, as an orchestrator would)
 * or SIGSTOPped for a while and resumed. At the end, with the network healthy and every client's
 * work `saved`, every client and a fresh reader hold every token exactly once.
 *
 * `npm test` runs 2 rounds; CHAOS_ROUNDS sets more (`npm run test:faults`). Skipped, with a
 * message, when Redis is not running.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type * as Y from 'yjs';
import {
  connect,
  covers,
  ROOM_A,
  signedInEditor,
  tempDir,
  text,
  waitFor,
  write,
  type TestClient,
} from '../helpers';
import { clusterServices, startBalancer, startCluster, type Instance } from '../cluster/instances';
import { seeded, startChaosProxy } from './chaosProxy';

const SUITE = 'faults/chaosCluster';
const redis = await clusterServices(SUITE);

const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 2);
const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1_000_000));
const CLIENTS = 5;
const TYPING_MS = 40;
const ROUND_MS = 2500;

const tokensOf = (doc: Y.Doc) =>
  text(doc)
    .split('\n')
    .filter((line) => /^c\d-t\d{4}$/.test(line));

function audit(doc: Y.Doc, typed: Set<string>) {
  const seen = new Map<string, number>();
  for (const token of tokensOf(doc)) seen.set(token, (seen.get(token) ?? 0) + 1);
  const lost = [...typed].filter((token) => !seen.has(token));
  const duplicated = [...seen].filter(([, count]) => count > 1).map(([token]) => token);
  const unknown = [...seen.keys()].filter((token) => !typed.has(token));
  return { lost, duplicated, unknown, held: seen.size };
}

describe.skipIf(!redis)('chaos between clients and three instances', { timeout: 600_000 }, () => {
  it(`${CLIENTS} clients through a faulty network and a balancer, an instance killed or stopped each of ${ROUNDS} rounds: nothing lost, nothing doubled`, async () => {
    console.log(
      `chaos (instances) seed ${SEED} (replay with CHAOS_SEED=${SEED}), ${ROUNDS} rounds`,
    );
    const random = seeded(SEED);
    const dataDir = tempDir('minka-chaos-cluster-');
    const cluster = await startCluster(dataDir, 3);
    const { token } = await signedInEditor(dataDir);
    const alive = new Set<Instance>(cluster.instances);
    const balancer = await startBalancer(() => [...alive].map((instance) => instance.port));
    const proxy = await startChaosProxy(random);
    onTestFinished(() => proxy.close());
    proxy.setUpstream(Number(new URL(balancer.url).port));

    const target = { url: `http://127.0.0.1:${proxy.port}`, token };
    const clients: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) clients.push(connect(target, ROOM_A));
    const typed = new Set<string>();
    const next = new Array<number>(CLIENTS).fill(0);
    const typing = setInterval(() => {
      const i = Math.floor(random() * CLIENTS);
      const value = `c${i}-t${String(next[i]!++).padStart(4, '0')}`;
      write(clients[i]!.doc, value);
      typed.add(value);
    }, TYPING_MS);
    onTestFinished(() => clearInterval(typing));

    const faults = { kills: 0, stops: 0, strikes: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const until = Date.now() + ROUND_MS;
      while (Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100 + random() * 300));
        if (proxy.strike() !== null) faults.strikes++;
      }
      const victim = [...alive][Math.floor(random() * alive.size)]!;
      if (round % 2 === 0) {
        victim.child.kill('SIGKILL');
        await victim.exited;
        alive.delete(victim);
        faults.kills++;
        alive.add(await cluster.add(`r${round}`));
      } else {
        victim.child.kill('SIGSTOP');
        faults.stops++;
        await new Promise((resolve) => setTimeout(resolve, 500 + random() * 1500));
        victim.child.kill('SIGCONT');
      }
    }
    clearInterval(typing);
    proxy.calm();

    await waitFor(
      'every client synced, saved and holding every token',
      () =>
        clients.every(
          (client) =>
            client.provider.wsconnected &&
            client.provider.synced &&
            covers(client.saved(), client.doc) &&
            tokensOf(client.doc).length >= typed.size,
        ),
      120_000,
    );
    const reader = connect({ url: balancer.url, token }, ROOM_A);
    await waitFor('a fresh reader synced', () => reader.provider.synced, 30_000);

    const results = [...clients, reader].map((client) => audit(client.doc, typed));
    console.log(
      `chaos (instances): seed ${SEED}, rounds ${ROUNDS}, kills ${faults.kills}, stops ${faults.stops}, ` +
        `connections ${proxy.counts.connections}, drops ${proxy.counts.drops}, resets ${proxy.counts.resets}, ` +
        `per instance ${JSON.stringify(Object.fromEntries(balancer.counts))}, tokens ${typed.size}, ` +
        `lost ${Math.max(...results.map((r) => r.lost.length))}, ` +
        `duplicated ${Math.max(...results.map((r) => r.duplicated.length))}`,
    );
    for (const result of results) {
      expect(result).toEqual({ lost: [], duplicated: [], unknown: [], held: typed.size });
    }
    expect(faults.kills).toBe(Math.ceil(ROUNDS / 2));
  });
});
