/**
 * Keeps `npm run bench` runnable: a tiny run of every measure against both servers, so an API
 * or protocol change that breaks the benchmark fails here instead of on the day of a release.
 */
import { describe, expect, it } from 'vitest';
import { measureLatency, measureMemory } from '../bench/fanout';
import { measure } from '../bench/run';
import { loadSequentialTrace } from '../bench/traces';

describe('benchmark', () => {
  it('measures relay, durability and cold opens on both servers', async () => {
    const { trace, results, cold } = await measure(1, 300);
    expect(trace.updates).toHaveLength(300);
    expect(results.peerRelay).toHaveLength(1);
    expect(results.minkaRelay).toHaveLength(1);
    expect(results.hocuspocusRelay).toHaveLength(1);
    expect(results.minkaDurable).toHaveLength(1);
    expect(cold.minkaRestart[0]).toBeGreaterThan(0);
  }, 240_000);

  it('measures fan-out and catch-up bytes with each server in its own process', async () => {
    const trace = loadSequentialTrace('automerge-paper', 2000);
    const { fanOut, catchUp } = await measureLatency({
      readers: [3],
      updatesPerReaders: () => 10,
      rounds: 1,
      trace: trace.updates,
      catchUpTrace: trace.updates,
    });
    expect(fanOut[0]!.minka.deliveries).toBe(30);
    expect(fanOut[0]!.peer.deliveries).toBe(30);
    expect(fanOut[0]!.hocuspocus.deliveries).toBe(30);
    // A reconnect downloads what it lacks plus `saved`, not the document again.
    expect(catchUp.minka.savedBytes).toBeGreaterThan(0);
    expect(catchUp.minka.downloadBytes - catchUp.minka.savedBytes).toBeLessThanOrEqual(
      catchUp.peer.downloadBytes,
    );
    expect(catchUp.minka.uploadBytes).toBeLessThan(1.1 * catchUp.minka.minimalDiffBytes + 100);
    expect(catchUp.hocuspocus.downloadBytes).toBeGreaterThan(0);
  }, 240_000);

  it('measures the memory of loaded documents in a server process of its own', async () => {
    const memory = await measureMemory('minka', 5, 2000);
    expect(memory.loaded.heapUsed).toBeGreaterThan(0);
    expect(memory.afterUnload.rss).toBeGreaterThan(0);
  }, 240_000);
});
