/**
 * An instance that dies loses nothing (issue 13): six stock clients type unique tokens through a
 * load balancer into one document served by three instances on one PostgreSQL database and Redis; one
 * instance is SIGKILLed mid-typing. Its clients reconnect through the balancer to the other two
 * and resend what no `saved` covered. At the end every client and a fresh reader hold every
 * token exactly once. Skipped, with a message, when PostgreSQL or Redis is not running.
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
import { clusterServices, startBalancer, startCluster } from './instances';

const SUITE = 'cluster/failover';
const redis = await clusterServices(SUITE);

const CLIENTS = 6;
const TYPING_MS = 30;

const tokensOf = (doc: Y.Doc) =>
  text(doc)
    .split('\n')
    .filter((line) => /^c\d-t\d{4}$/.test(line));

function audit(doc: Y.Doc, typed: Set<string>) {
  const seen = new Map<string, number>();
  for (const token of tokensOf(doc)) seen.set(token, (seen.get(token) ?? 0) + 1);
  return {
    lost: [...typed].filter((token) => !seen.has(token)).length,
    duplicated: [...seen.values()].filter((count) => count > 1).length,
    held: seen.size,
  };
}

describe.skipIf(!redis)('an instance killed mid-typing', { timeout: 90_000 }, () => {
  it('SIGKILL one of three instances: clients move to the others, lost 0, duplicated 0', async () => {
    const dataDir = tempDir('minka-failover-');
    const cluster = await startCluster(dataDir, 3);
    const { token } = await signedInEditor(dataDir);
    const alive = new Set(cluster.instances);
    const balancer = await startBalancer(() => [...alive].map((instance) => instance.port));
    const clients: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) clients.push(connect({ url: balancer.url, token }, ROOM_A));
    await waitFor('every client synced', () => clients.every((c) => c.provider.synced), 20_000);
    expect(balancer.counts.size).toBe(3);

    const typed = new Set<string>();
    const next = new Array<number>(CLIENTS).fill(0);
    let turn = 0;
    const typing = setInterval(() => {
      const i = turn++ % CLIENTS;
      const value = `c${i}-t${String(next[i]!++).padStart(4, '0')}`;
      write(clients[i]!.doc, value);
      typed.add(value);
    }, TYPING_MS);
    onTestFinished(() => clearInterval(typing));

    await new Promise((resolve) => setTimeout(resolve, 2000));
    const victim = cluster.instances[1]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    alive.delete(victim);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    clearInterval(typing);

    await waitFor(
      'every client reconnected, saved and holding every token',
      () =>
        clients.every(
          (client) =>
            client.provider.wsconnected &&
            client.provider.synced &&
            covers(client.saved(), client.doc) &&
            tokensOf(client.doc).length >= typed.size,
        ),
      45_000,
    );
    const reader = connect({ url: balancer.url, token }, ROOM_A);
    await waitFor('a fresh reader synced', () => reader.provider.synced, 20_000);
    const results = [...clients, reader].map((client) => audit(client.doc, typed));
    console.log(
      `failover: tokens ${typed.size}, lost ${Math.max(...results.map((r) => r.lost))}, ` +
        `duplicated ${Math.max(...results.map((r) => r.duplicated))}`,
    );
    for (const result of results) {
      expect(result).toEqual({ lost: 0, duplicated: 0, held: typed.size });
    }
  });
});
