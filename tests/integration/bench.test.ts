/**
 * Keeps `npm run bench` runnable: a tiny run of every measure against both servers, so an API
 * or protocol change that breaks the benchmark fails here instead of on the day of a release.
 */
import { describe, expect, it } from 'vitest';
import { measure } from '../bench/run';

describe('benchmark', () => {
  it('measures relay, durability and cold opens on both servers', async () => {
    const { trace, results, cold } = await measure(1, 300);
    expect(trace.updates).toHaveLength(300);
    expect(results.peerRelay).toHaveLength(1);
    expect(results.minkaRelay).toHaveLength(1);
    expect(results.minkaDurable).toHaveLength(1);
    expect(cold.minkaRestart[0]).toBeGreaterThan(0);
  }, 60_000);
});
