/**
 * Login limits shared through Redis (issue 13): two instances on one PostgreSQL database count the same
 * attempts, so a hundred parallel guesses spread over both are verified at most `perAccount`
 * times in all — not once per instance — and the owner, elsewhere, is slowed and then signs in.
 * Skipped, with a message, when PostgreSQL or Redis is not running.
 */
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { call } from '../api';
import { TEST_PASSWORD } from '../fixtures';
import { startServer, tempDir } from '../helpers';
import { REDIS_URL, uniqueRedisPrefix } from '../../support/services';
import { clusterDatabase, clusterServices } from './instances';

const SUITE = 'cluster/loginLimits';
const redis = await clusterServices(SUITE);

describe.skipIf(!redis)('login limits across instances', () => {
  it('100 parallel guesses over two instances: at most 5 verified in all; the owner still signs in', async () => {
    const clock = { now: Date.now() };
    const dataDir = tempDir();
    await clusterDatabase(dataDir);
    const prefix = uniqueRedisPrefix();
    onTestFinished(async () => {
      // The counters expire with the window, a trusted address after 30 days: remove them now.
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });
    const shared = {
      dataDir,
      now: () => clock.now,
      trustProxy: true,
      redisUrl: REDIS_URL,
      redisPrefix: prefix,
      loginLimits: { perAccount: 5, perAddress: 1000, failureDelayMs: 0, accountIntervalMs: 2000 },
    };
    const one = await startServer({ ...shared, instanceId: 'l1' });
    const two = await startServer({ ...shared, instanceId: 'l2' });
    const guess = (url: string, password: string, from: string) =>
      call(url, 'POST', '/api/auth/login', {
        body: { email: one.editor.email, password },
        headers: { 'X-Forwarded-For': from },
      });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        guess(
          i % 2 === 0 ? one.url : two.url,
          i === 99 ? TEST_PASSWORD : `equivocada-${i}`,
          '198.51.100.66',
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 429)).toHaveLength(5);
    expect(statuses[99]).toBe(429);

    // The owner, from another address, is slowed on either instance, then signs in.
    const slowed = await guess(two.url, TEST_PASSWORD, '203.0.113.7');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    clock.now += 2000;
    expect((await guess(one.url, TEST_PASSWORD, '203.0.113.7')).status).toBe(200);
    // That address is now trusted for this account on every instance: not slowed.
    expect((await guess(two.url, TEST_PASSWORD, '203.0.113.7')).status).toBe(200);
  });
});
