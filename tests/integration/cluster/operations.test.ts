/**
 * Operations of one instance in a cluster (issue 13): /readyz reports the database and Redis,
 * /metrics is Prometheus text behind a token, `--log-format json` writes one JSON object per line
 * naming the instance (and the room and person of connection events), and SIGTERM drains: every
 * client is told `saved` for what it sent, then its socket closes with 1012 (reconnect now), and
 * the process exits 0. Skipped, with a message, when PostgreSQL or Redis is not running.
 */
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/protocol/messages';
import { connect, covers, ROOM_A, signedInEditor, tempDir, waitFor, write } from '../helpers';
import { startChildServer } from '../faults/childServer';
import { clusterDatabase, clusterServices, startCluster } from './instances';

const SUITE = 'cluster/operations';
const redis = await clusterServices(SUITE);

const METRICS_TOKEN = 'secreto-de-metricas-de-prueba';

describe.skipIf(!redis)('operations of an instance', { timeout: 90_000 }, () => {
  it('readyz, metrics behind a token, JSON logs, and a SIGTERM drain that saves then closes with 1012', async () => {
    const dataDir = tempDir('minka-ops-');
    const cluster = await startCluster(dataDir, 2, [
      '--log-format',
      'json',
      '--metrics-token',
      METRICS_TOKEN,
    ]);
    const { token, user } = await signedInEditor(dataDir);
    const [first, second] = cluster.instances;

    const ready = await fetch(`${first!.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      ready: true,
      draining: false,
      database: 'ok',
      commits: 'ok',
      redis: 'ok',
      instance: 'i1',
    });

    expect((await fetch(`${first!.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${first!.url}/metrics`, { headers: { Authorization: 'Bearer otro' } })).status,
    ).toBe(401);

    const onFirst = connect({ url: first!.url, token }, ROOM_A);
    const onSecond = connect({ url: second!.url, token }, ROOM_A);
    await waitFor('both synced', () => onFirst.provider.synced && onSecond.provider.synced, 20_000);
    write(onFirst.doc, 'medido');
    await waitFor(
      'saved on both',
      () => covers(onFirst.saved(), onFirst.doc) && covers(onSecond.saved(), onSecond.doc),
      20_000,
    );

    const metrics = await fetch(`${first!.url}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const body = await metrics.text();
    expect(body).toMatch(/^minka_connections\{instance_id="i1"\} 1$/m);
    expect(body).toMatch(/^minka_rooms_loaded\{instance_id="i1"\} 1$/m);
    expect(body).toMatch(/^minka_updates_total\{instance_id="i1"\} [1-9]/m);
    expect(body).toMatch(/^minka_commit_duration_seconds_count\{instance_id="i1"\} [1-9]/m);
    expect(body).toMatch(/^minka_pending_bytes\{instance_id="i1"\} 0$/m);
    expect(body).toMatch(
      /^minka_redis_messages_total\{direction="published",instance_id="i1"\} [1-9]/m,
    );
    const secondBody = await (
      await fetch(`${second!.url}/metrics`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    expect(secondBody).toMatch(/^minka_relayed_updates_total\{instance_id="i2"\} [1-9]/m);

    // Every line of output is one JSON object naming the instance; connection events name the
    // room and the person.
    const lines = first!
      .output()
      .split('\n')
      .filter((line) => line !== '');
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const event of events) {
      expect(event).toMatchObject({ instance: 'i1' });
      expect(typeof event.time).toBe('string');
      expect(typeof event.msg).toBe('string');
    }
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'connection.open', room: ROOM_A, user: user.id }),
    );

    // Drain: a change sent just before SIGTERM is committed and acknowledged, then the socket
    // closes with "service restart".
    write(onFirst.doc, 'justo antes de detener');
    first!.child.kill('SIGTERM');
    expect(await first!.exited).toBe(0);
    expect(onFirst.closeCodes).toContain(CloseCode.serviceRestart);
    expect(covers(onFirst.saved(), onFirst.doc)).toBe(true);
    const drained = first!
      .output()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { event?: string });
    expect(drained.some((event) => event.event === 'draining')).toBe(true);
    await waitFor(
      'the other instance saved it too',
      () => covers(onSecond.saved(), onFirst.doc),
      20_000,
    );
  });

  it('refuses to start, saying why, when Redis does not answer', async () => {
    const dataDir = tempDir('minka-ops-');
    const error = await startChildServer(dataDir, [
      '--postgres',
      await clusterDatabase(dataDir),
      '--redis',
      'redis://127.0.0.1:1',
    ]).then(
      () => null,
      (failure: unknown) => failure as Error,
    );
    expect(error?.message).toContain('server exited with 1');
    expect(error?.message).toContain('no se pudo conectar con Redis en redis://127.0.0.1:1');
  });
});
