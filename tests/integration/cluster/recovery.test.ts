/**
 * Instances that missed each other's changes catch up (issue 13), on one PostgreSQL database and
 * the real Redis: (1) a change that reached the database through an instance whose Redis message
 * never arrived is read back from the database when a client brings structs that depend on it;
 * (2) an instance cut off from Redis while both sides write resyncs both ways when Redis is back.
 * Skipped, with a message, when PostgreSQL or Redis is not running.
 */
import { describe, expect, it } from 'vitest';
import { REDIS_URL } from '../../support/services';
import { addPerson, openAccounts } from '../fixtures';
import {
  connect,
  covers,
  GROUP,
  ROOM_A,
  signedInEditor,
  tempDir,
  text,
  waitFor,
  write,
} from '../helpers';
import { clusterServices, startBalancer, startCluster } from './instances';

const SUITE = 'cluster/recovery';
const redis = await clusterServices(SUITE);

describe.skipIf(!redis)('instances catching up', { timeout: 90_000 }, () => {
  it('an instance that missed a relayed change catches up from the database when a client brings it', async () => {
    const dataDir = tempDir('minka-cluster-');
    // Two instances on one database whose Redis traffic never meets (different prefixes): every
    // relay between them is "lost", as when an instance dies between its commit and its publish.
    const one = (await startCluster(dataDir, 1)).instances[0]!;
    const two = (await startCluster(dataDir, 1)).instances[0]!;
    const { token } = await signedInEditor(dataDir);
    const bea = await addPerson(openAccounts(dataDir), {
      name: 'Bea Editora',
      email: 'bea.editora@test.demo',
      groups: { [GROUP]: 'editor' },
    });
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
    const redisPort = Number(new URL(REDIS_URL).port || 6379);
    let redisUp = true;
    // Instance 2 reaches Redis through a link the test can cut.
    const link = await startBalancer(() => (redisUp ? [redisPort] : []));
    const cluster = await startCluster(dataDir, 1);
    await cluster.add('i2', ['--redis', link.url.replace('http://', 'redis://')]);
    const { token } = await signedInEditor(dataDir);
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
