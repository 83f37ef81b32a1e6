/**
 * Prometheus metrics of one server instance (prom-client, a registry per server so tests run
 * several servers in one process). Served at GET /metrics behind a bearer token.
 *
 *   minka_connections                 open sync sockets
 *   minka_rooms_loaded                rooms in memory
 *   minka_rooms_awake                 of those, rooms holding their document (see room.ts)
 *   minka_updates_total               updates received from clients (rate() gives updates/s)
 *   minka_relayed_updates_total       updates applied from other instances
 *   minka_commit_duration_seconds     histogram of storage commits (one per batch)
 *   minka_committed_updates_total     updates committed
 *   minka_pending_bytes               bytes received and not yet committed, over all rooms
 *   minka_redis_messages_total{direction="published"|"received"|"failed"}
 *   minka_redis_resync_requests_total sync requests sent over Redis (gaps, loads, reconnects)
 *   minka_draining                    1 while the instance is draining (SIGTERM)
 * plus prom-client's default process metrics (memory, CPU, event-loop lag) prefixed `minka_`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ClusterCounters } from '../cluster/cluster';

export interface MetricsSources {
  connections: () => number;
  roomsLoaded: () => number;
  roomsAwake: () => number;
  pendingBytes: () => number;
  draining: () => boolean;
  cluster: () => ClusterCounters | null;
}

export class ServerMetrics {
  readonly registry = new Registry();
  readonly updates: Counter;
  readonly relayedUpdates: Counter;
  readonly commitSeconds: Histogram;
  readonly committedUpdates: Counter;

  constructor(sources: MetricsSources, instanceId: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ instance_id: instanceId });
    collectDefaultMetrics({ register: this.registry, prefix: 'minka_' });
    new Gauge({
      name: 'minka_connections',
      help: 'Open sync sockets.',
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: 'minka_rooms_loaded',
      help: 'Rooms held in memory.',
      registers,
      collect() {
        this.set(sources.roomsLoaded());
      },
    });
    new Gauge({
      name: 'minka_rooms_awake',
      help: 'Rooms in memory that hold their document (the others sleep until used).',
      registers,
      collect() {
        this.set(sources.roomsAwake());
      },
    });
    new Gauge({
      name: 'minka_pending_bytes',
      help: 'Bytes received and not yet committed, over all rooms.',
      registers,
      collect() {
        this.set(sources.pendingBytes());
      },
    });
    new Gauge({
      name: 'minka_draining',
      help: '1 while the instance drains before stopping.',
      registers,
      collect() {
        this.set(sources.draining() ? 1 : 0);
      },
    });
    this.updates = new Counter({
      name: 'minka_updates_total',
      help: 'Updates received from this instance’s clients and applied.',
      registers,
    });
    this.relayedUpdates = new Counter({
      name: 'minka_relayed_updates_total',
      help: 'Updates applied from other instances through Redis.',
      registers,
    });
    this.committedUpdates = new Counter({
      name: 'minka_committed_updates_total',
      help: 'Updates committed to the database.',
      registers,
    });
    this.commitSeconds = new Histogram({
      name: 'minka_commit_duration_seconds',
      help: 'Duration of one storage commit (one batch of updates, one transaction).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    new Counter({
      name: 'minka_redis_messages_total',
      help: 'Messages on Redis room channels.',
      labelNames: ['direction'],
      registers,
      collect() {
        const counters = sources.cluster();
        if (counters === null) return;
        this.reset();
        this.inc({ direction: 'published' }, counters.published);
        this.inc({ direction: 'received' }, counters.received);
        this.inc({ direction: 'failed' }, counters.publishFailures);
      },
    });
    new Counter({
      name: 'minka_redis_resync_requests_total',
      help: 'Sync requests sent over Redis (room loads, gaps, reconnects).',
      registers,
      collect() {
        const counters = sources.cluster();
        if (counters === null) return;
        this.reset();
        this.inc(counters.resyncRequests);
      },
    });
  }
}

/**
 * GET /metrics: 404 when no token is configured (metrics off), 401 without the right
 * `Authorization: Bearer <token>`, else the Prometheus text format.
 */
export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: ServerMetrics,
  token: string | undefined,
): Promise<void> {
  if (token === undefined || token === '') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('metrics are off: start the server with --metrics-token or MINKA_METRICS_TOKEN\n');
    return;
  }
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res.writeHead(401, {
      'Content-Type': 'text/plain; charset=utf-8',
      'WWW-Authenticate': 'Bearer realm="minka-metrics"',
    });
    res.end('unauthorized\n');
    return;
  }
  const body = await metrics.registry.metrics();
  res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}
