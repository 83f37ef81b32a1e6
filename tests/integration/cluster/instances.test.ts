/**
 * Three sync-server processes on one database and the real Redis (issue 13), with stock
 * y-websocket clients spread over them: they converge, see each other's carets, are told `saved`
 * only once the database holds their change, and lose their sockets on every instance within
 * 5 s of a revocation. Skipped, with a message, when Redis is not running.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_PATHS, AccessCloseCode } from '../../../shared/protocol/api';
import { DATABASE_FILE } from '../../../sync-server/server';
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
import { missingServices, recordServices, REDIS_URL, redisAvailable } from '../../support/services';
import { addPerson, openAccounts } from '../fixtures';
import { startBalancer, startCluster } from './instances';
import { GROUP } from '../helpers';

const SUITE = 'cluster/instances';
const redis = await redisAvailable();
if (redis) recordServices(SUITE, ['Redis', 'SQLite (shared)']);
else {
  console.warn(missingServices(SUITE, ['Redis']));
  recordServices(SUITE, ['Redis'], true);
}

const tokens = (client: TestClient) =>
  text(client.doc)
    .split('\n')
    .filter((line) => line !== '');

describe.skipIf(!redis)('three instances on one database and Redis', { timeout: 90_000 }, () => {
  it('clients spread over three instances converge, see each other’s carets, and are saved', async () => {
    const dataDir = tempDir('minka-cluster-');
    const { token } = await signedInEditor(dataDir);
    const { instances } = await startCluster(dataDir, 3);
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
    const { token } = await signedInEditor(dataDir);
    const { instances } = await startCluster(dataDir, 3);
    const clients = instances.map((instance) => connect({ url: instance.url, token }, ROOM_A));
    await waitFor('every client synced', () => clients.every((c) => c.provider.synced), 20_000);
    write(clients[0]!.doc, 'antes del bloqueo');
    await waitFor(
      'first change saved',
      () => clients.every((c) => covers(c.saved(), c.doc)),
      20_000,
    );

    // Another process holds the database's write lock: no instance can commit.
    const holder = new Database(join(dataDir, DATABASE_FILE));
    holder.exec('BEGIN IMMEDIATE');
    try {
      write(clients[0]!.doc, 'durante el bloqueo');
      // SQLite locks the whole file, so the instance cannot even record who writes under this
      // client id: it refuses the write (the client keeps it and resends on reconnect). On
      // PostgreSQL only the updates table is locked and the change is relayed meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(covers(clients[0]!.saved(), clients[0]!.doc)).toBe(false);
      for (const client of clients.slice(1)) {
        // Whoever holds the change has not been told it is saved.
        if (text(client.doc).includes('durante el bloqueo'))
          expect(covers(client.saved(), client.doc)).toBe(false);
      }
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
    await waitFor(
      'the change everywhere and saved once the lock is gone, on every instance',
      () =>
        clients.every(
          (c) => text(c.doc).includes('durante el bloqueo') && covers(c.saved(), c.doc),
        ),
      20_000,
    );
  });

  it('a logout on one instance closes that session’s sockets on all three within 5 s', async () => {
    const dataDir = tempDir('minka-cluster-');
    const { token } = await signedInEditor(dataDir);
    const { instances } = await startCluster(dataDir, 3);
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

  it('an instance that missed a relayed change catches up from the database when a client brings it', async () => {
    const dataDir = tempDir('minka-cluster-');
    const { token } = await signedInEditor(dataDir);
    const bea = await addPerson(openAccounts(dataDir), {
      name: 'Bea Editora',
      email: 'bea.editora@test.demo',
      groups: { [GROUP]: 'editor' },
    });
    // Two instances on one database whose Redis traffic never meets (different prefixes): every
    // relay between them is "lost", as when an instance dies between its commit and its publish.
    const one = (await startCluster(dataDir, 1)).instances[0]!;
    const two = (await startCluster(dataDir, 1)).instances[0]!;
    const ana = connect({ url: two.url, token }, ROOM_A);
    await waitFor('Ana synced on instance 2', () => ana.provider.synced, 20_000);
    const beaOnOne = connect({ url: one.url, token: bea.token }, ROOM_A);
    await waitFor('Bea synced on instance 1', () => beaOnOne.provider.synced, 20_000);
    write(beaOnOne.doc, 'escrito por Bea en la instancia 1');
    await waitFor('Bea saved', () => covers(beaOnOne.saved(), beaOnOne.doc), 20_000);

    // Ana's laptop picks Bea's change up on instance 1, then moves to instance 2, which never
    // heard of it: Ana's sync carries structs under Bea's client id, which instance 2 cannot
    // take from Ana. It refuses them once, reads the database, and the next attempt passes.
    const anaOnOne = connect({ url: one.url, token }, ROOM_A);
    await waitFor('Ana holds Bea’s change', () => text(anaOnOne.doc).includes('Bea'), 20_000);
    anaOnOne.provider.destroy();
    const moved = connect({ url: two.url, token }, ROOM_A, anaOnOne.doc);
    write(moved.doc, 'escrito por Ana en la instancia 2');
    await waitFor(
      'Ana synced and saved on instance 2, and Ana’s other client has both changes',
      () =>
        moved.provider.synced &&
        covers(moved.saved(), moved.doc) &&
        text(ana.doc).includes('Bea') &&
        text(ana.doc).includes('instancia 2'),
      30_000,
    );
  });

  it('an instance cut off from Redis and the others catch up both ways when Redis is back', async () => {
    const dataDir = tempDir('minka-cluster-');
    const { token } = await signedInEditor(dataDir);
    const redisPort = Number(new URL(REDIS_URL).port || 6379);
    let redisUp = true;
    // Instance 2 reaches Redis through a link the test can cut.
    const link = await startBalancer(() => (redisUp ? [redisPort] : []));
    const cluster = await startCluster(dataDir, 1);
    await cluster.add('i2', ['--redis', link.url.replace('http://', 'redis://')]);
    const [one, two] = cluster.instances;
    const onOne = connect({ url: one!.url, token }, ROOM_A);
    const onTwo = connect({ url: two!.url, token }, ROOM_A);
    await waitFor('both synced', () => onOne.provider.synced && onTwo.provider.synced, 20_000);
    write(onOne.doc, 'antes del corte');
    await waitFor('relayed', () => text(onTwo.doc).includes('antes del corte'), 10_000);

    redisUp = false;
    link.dropAll();
    write(onOne.doc, 'durante el corte');
    write(onTwo.doc, 'también en la instancia 2');
    await waitFor(
      'saved on both instances',
      () => covers(onOne.saved(), onOne.doc) && covers(onTwo.saved(), onTwo.doc),
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(text(onTwo.doc)).not.toContain('durante el corte');
    expect(text(onOne.doc)).not.toContain('también en la instancia 2');

    redisUp = true;
    await waitFor(
      'both instances resynced after Redis came back',
      () =>
        text(onTwo.doc).includes('durante el corte') &&
        text(onOne.doc).includes('también en la instancia 2'),
      20_000,
    );
    expect(text(onOne.doc)).toBe(text(onTwo.doc));
    expect(two!.output()).toContain('Redis disponible de nuevo');
  });
});
