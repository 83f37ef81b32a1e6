/**
 * Chaos between five stock clients and the sync server (issue 9, fault suite). A TCP proxy on
 * loopback delays every chunk, drops connections and resets them at random (seeded; the seed is
 * printed and `CHAOS_SEED` replays it), while the server, a real child process, is SIGKILLed and
 * restarted on the same data directory or SIGSTOPped and SIGCONTed. Each client keeps typing
 * unique tokens ("c3-t0042") into one document. At the end, with the network healthy and every
 * client's work `saved`, every client and a fresh reader hold every token exactly once.
 *
 * `npm test` runs 2 rounds; `npm run test:faults` sets CHAOS_ROUNDS for the long run.
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
import { seeded, startChaosProxy } from './chaosProxy';
import { startChildServer, type ChildServer } from './childServer';

const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 2);
const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1_000_000));
const CLIENTS = 5;
/** Each client types a token this often, connected or not. */
const TYPING_MS = 40;
/** How long the network and the server misbehave before each server fault. */
const ROUND_MS = 2500;

const tokensOf = (doc: Y.Doc) =>
  text(doc)
    .split('\n')
    .filter((line) => /^c\d-t\d{4}$/.test(line));

/** Tokens missing from `doc` and tokens it holds more than once. */
function audit(doc: Y.Doc, typed: Set<string>) {
  const seen = new Map<string, number>();
  for (const token of tokensOf(doc)) seen.set(token, (seen.get(token) ?? 0) + 1);
  const lost = [...typed].filter((token) => !seen.has(token));
  const duplicated = [...seen].filter(([, count]) => count > 1).map(([token]) => token);
  const unknown = [...seen.keys()].filter((token) => !typed.has(token));
  return { lost, duplicated, unknown, held: seen.size };
}

describe('chaos between clients and the sync server', { timeout: 600_000 }, () => {
  it(`${CLIENTS} clients typing through a faulty network, server killed and stopped for ${ROUNDS} rounds: nothing lost, nothing doubled`, async () => {
    console.log(`chaos seed ${SEED} (replay with CHAOS_SEED=${SEED}), ${ROUNDS} rounds`);
    const random = seeded(SEED);
    const dataDir = tempDir('minka-chaos-');
    const { token } = await signedInEditor(dataDir);
    let server: ChildServer = await startChildServer(dataDir);
    const proxy = await startChaosProxy(random);
    onTestFinished(() => proxy.close());
    proxy.setUpstream(Number(new URL(server.url).port));

    const target = { url: `http://127.0.0.1:${proxy.port}`, token };
    const clients: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) clients.push(connect(target, ROOM_A));
    const typed = new Set<string>();
    const next = new Array<number>(CLIENTS).fill(0);
    const typing = setInterval(() => {
      const i = Math.floor(random() * CLIENTS);
      const token = `c${i}-t${String(next[i]!++).padStart(4, '0')}`;
      write(clients[i]!.doc, token);
      typed.add(token);
    }, TYPING_MS);
    onTestFinished(() => clearInterval(typing));

    const faults = { kills: 0, stops: 0, strikes: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      // The network misbehaves for a while: a drop or a reset every 100–400 ms.
      const until = Date.now() + ROUND_MS;
      while (Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100 + random() * 300));
        if (proxy.strike() !== null) faults.strikes++;
      }
      // Then the server itself: killed and restarted on the same data, or frozen for a while.
      if (round % 2 === 0) {
        server.child.kill('SIGKILL');
        await server.exited;
        faults.kills++;
        server = await startChildServer(dataDir);
        proxy.setUpstream(Number(new URL(server.url).port));
      } else {
        server.child.kill('SIGSTOP');
        faults.stops++;
        await new Promise((resolve) => setTimeout(resolve, 500 + random() * 1500));
        server.child.kill('SIGCONT');
      }
    }
    clearInterval(typing);
    proxy.calm();

    // Healthy again: every client reconnects, hears everything, and sees all its work saved.
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
    const reader = connect({ url: server.url, token }, ROOM_A);
    await waitFor('a fresh reader synced', () => reader.provider.synced, 30_000);

    const results = [...clients, reader].map((client) => audit(client.doc, typed));
    console.log(
      `chaos: seed ${SEED}, rounds ${ROUNDS}, kills ${faults.kills}, stops ${faults.stops}, ` +
        `connections ${proxy.counts.connections}, drops ${proxy.counts.drops}, resets ${proxy.counts.resets}, ` +
        `tokens ${typed.size}, lost ${Math.max(...results.map((r) => r.lost.length))}, ` +
        `duplicated ${Math.max(...results.map((r) => r.duplicated.length))}`,
    );
    for (const result of results) {
      expect(result).toEqual({ lost: [], duplicated: [], unknown: [], held: typed.size });
    }
    expect(faults.kills).toBe(Math.ceil(ROUNDS / 2));
    expect(proxy.counts.drops + proxy.counts.resets).toBeGreaterThan(0);
  });
});
