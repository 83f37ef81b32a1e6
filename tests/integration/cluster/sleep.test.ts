/**
 * A sleeping room in a cluster (issues 13 and 16): two instances on one PostgreSQL database and
 * the real Redis, each holding the room for one client, let the room's document go; an update
 * written through either instance wakes the other's room, which relays it to its client, and
 * `saved` still follows the commit. Skipped, with a message, when PostgreSQL or Redis is down.
 */
import { describe, it, onTestFinished } from 'vitest';
import { createServer } from '../../../sync-server/server';
import { REDIS_URL, uniqueRedisPrefix } from '../../support/services';
import {
  awakeRooms,
  connect,
  covers,
  METRICS_TOKEN,
  ROOM_A,
  signedInEditor,
  tempDir,
  text,
  waitFor,
  write,
} from '../helpers';
import { clusterDatabase, clusterServices } from './instances';

const SUITE = 'cluster/sleep';
const redis = await clusterServices(SUITE);

describe.skipIf(!redis)('a sleeping room in a cluster', { timeout: 60_000 }, () => {
  it('wakes for another instance’s update and relays it to its own client', async () => {
    const dataDir = tempDir('minka-cluster-');
    const postgresUrl = await clusterDatabase(dataDir);
    const redisPrefix = uniqueRedisPrefix();
    const start = async (instanceId: string) => {
      const server = await createServer({
        dataDir,
        port: 0,
        postgresUrl,
        redisUrl: REDIS_URL,
        redisPrefix,
        instanceId,
        sleepAfterMs: 40,
        metricsToken: METRICS_TOKEN,
        log: () => {},
      });
      onTestFinished(() => server.close());
      return server;
    };
    const one = await start('s1');
    const two = await start('s2');
    const { token } = await signedInEditor(dataDir);
    const ana = connect({ url: one.url, token }, ROOM_A);
    const bea = connect({ url: two.url, token }, ROOM_A);
    await waitFor('both synced', () => ana.provider.synced && bea.provider.synced, 20_000);
    write(ana.doc, 'Primera');
    await waitFor(
      'Primera saved and on both',
      () => covers(ana.saved(), ana.doc) && text(bea.doc) === 'Primera',
    );

    const asleep = async () => (await awakeRooms(one)) === 0 && (await awakeRooms(two)) === 0;
    await waitFor('the room asleep on both instances', asleep, 10_000);
    write(bea.doc, 'Segunda');
    await waitFor(
      'Segunda saved and relayed to Ana',
      () => covers(bea.saved(), bea.doc) && text(ana.doc) === 'Primera\nSegunda',
      20_000,
    );

    await waitFor('asleep again', asleep, 10_000);
    write(ana.doc, 'Tercera');
    await waitFor(
      'Tercera saved and relayed to Bea',
      () => covers(ana.saved(), ana.doc) && text(bea.doc) === 'Primera\nSegunda\nTercera',
      20_000,
    );
  });
});
