/**
 * Three sync-server processes on one PostgreSQL database and the real Redis (issue 13), with stock
 * y-websocket clients spread over them: they converge, see each other's carets, are told `saved`
 * only once the database holds their change, and lose their sockets on every instance within
 * 5 s of a revocation. Skipped, with a message, when PostgreSQL or Redis is not running.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { API_PATHS, AccessCloseCode } from '../../../shared/protocol/api';
import { postgresOf } from '../backend';
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
import { clusterServices, startCluster } from './instances';

const SUITE = 'cluster/instances';
const redis = await clusterServices(SUITE);

const tokens = (client: TestClient) =>
  text(client.doc)
    .split('\n')
    .filter((line) => line !== '');

describe.skipIf(!redis)('three instances on one database and Redis', { timeout: 90_000 }, () => {
  it('clients spread over three instances converge, see each other’s carets, and are saved', async () => {
    const dataDir = tempDir('minka-cluster-');
    const { instances } = await startCluster(dataDir, 3);
    const { token } = await signedInEditor(dataDir);
    const clients = instances.flatMap((instance) => [
      connect({ url: instance.url, token }, ROOM_A),
      connect({ url: instance.url, token }, ROOM_A),
    ]);
    await waitFor('every client synced', () => clients.every((c) => c.provider.synced), 20_000);

    const typed: string[] = [];
    for (let round = 0; round < 10; round++) {
      clients.forEach((client, index) => {
        const token = `c${index}-t${round}`;
        write(client.doc, token);
        typed.push(token);
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitFor(
      'every client holding every token, saved',
      () =>
        clients.every(
          (client) => tokens(client).length === typed.length && covers(client.saved(), client.doc),
        ),
      30_000,
    );
    const first = text(clients[0]!.doc);
    for (const client of clients) expect(text(client.doc)).toBe(first);
    expect([...tokens(clients[0]!)].sort()).toEqual([...typed].sort());

    // Awareness: a caret set on the first instance shows on the other two, and its removal too.
    const [writer] = clients;
    writer!.provider.awareness.setLocalStateField('cursor', { anchor: 7, head: 9 });
    const seesCaret = (client: TestClient) =>
      (
        client.provider.awareness.getStates().get(writer!.doc.clientID) as
          { cursor?: { anchor: number } } | undefined
      )?.cursor?.anchor === 7;
    await waitFor(
      'the caret on instances 2 and 3',
      () => clients.slice(2).every(seesCaret),
      10_000,
    );
    writer!.provider.awareness.setLocalState(null);
    await waitFor(
      'the caret gone on instances 2 and 3',
      () => clients.slice(2).every((client) => !seesCaret(client)),
      10_000,
    );
  });

  it('saved waits for the database: a held write lock delays it on every instance', async () => {
    const dataDir = tempDir('minka-cluster-');
    const { instances } = await startCluster(dataDir, 3);
    const { token } = await signedInEditor(dataDir);
    const clients = instances.map((instance) => connect({ url: instance.url, token }, ROOM_A));
    await waitFor('every client synced', () => clients.every((c) => c.provider.synced), 20_000);
    write(clients[0]!.doc, 'antes del bloqueo');
    await waitFor(
      'first change saved',
      () => clients.every((c) => covers(c.saved(), c.doc)),
      20_000,
    );

    // Another session holds the updates table locked: no instance can commit a room's update
    // (reads, and the rest of the database, still work).
    const holder = new pg.Client({ connectionString: postgresOf.get(dataDir) });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE updates IN EXCLUSIVE MODE');
      write(clients[0]!.doc, 'durante el bloqueo');
      await waitFor(
        'the change relayed to instances 2 and 3',
        () => clients.every((c) => text(c.doc).includes('durante el bloqueo')),
        10_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (const client of clients) expect(covers(client.saved(), client.doc)).toBe(false);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await waitFor(
      'saved once the lock is gone, on every instance',
      () => clients.every((c) => covers(c.saved(), c.doc)),
      20_000,
    );
  });

  it('a logout on one instance closes that session’s sockets on all three within 5 s', async () => {
    const dataDir = tempDir('minka-cluster-');
    const { instances } = await startCluster(dataDir, 3);
    const { token } = await signedInEditor(dataDir);
    const clients = instances.map((instance) => connect({ url: instance.url, token }, ROOM_A));
    await waitFor('every client synced', () => clients.every((c) => c.provider.synced), 20_000);

    const started = performance.now();
    const response = await fetch(`${instances[0]!.url}${API_PATHS.logout}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(204);
    await waitFor(
      'every socket closed as revoked',
      () => clients.every((c) => c.closeCodes.includes(AccessCloseCode.sessionRevoked)),
      5_000,
    );
    console.log(`revocation reached 3 instances in ${Math.round(performance.now() - started)} ms`);
  });
});
