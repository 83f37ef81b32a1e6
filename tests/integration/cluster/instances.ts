/**
 * Several sync-server processes joined by the real Redis, on one PostgreSQL database of the
 * test's own (created here, dropped when the test ends), behind a small TCP load balancer (what
 * HAProxy or nginx do in docs/deploy.md: each new connection goes to the next instance that
 * accepts it, so when one dies its clients land on the others). `clusterServices` says whether
 * both services answer; suites skip with its message when not.
 */
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { onTestFinished } from 'vitest';
import { startChildServer, type ChildServer } from '../faults/childServer';
import { createTestDatabase } from '../../support/postgres';
import {
  missingServices,
  postgresAvailable,
  recordServices,
  REDIS_URL,
  redisAvailable,
  uniqueRedisPrefix,
} from '../../support/services';
import { postgresOf } from '../backend';

/**
 * True when PostgreSQL and Redis both answer; otherwise prints what is missing. Either way the
 * end-of-run "Services:" line records the suite.
 */
export async function clusterServices(suite: string): Promise<boolean> {
  const [postgres, redis] = await Promise.all([postgresAvailable(), redisAvailable()]);
  const missing = [...(postgres ? [] : ['PostgreSQL']), ...(redis ? [] : ['Redis'])];
  if (missing.length === 0) {
    recordServices(suite, ['PostgreSQL', 'Redis']);
    return true;
  }
  console.warn(missingServices(suite, missing));
  recordServices(suite, missing, true);
  return false;
}

/**
 * The PostgreSQL database of a test's data directory, created on first use and dropped when the
 * test ends; fixtures.openAccounts(dataDir) reaches it too.
 */
export async function clusterDatabase(dataDir: string): Promise<string> {
  const known = postgresOf.get(dataDir);
  if (known !== undefined) return known;
  const database = await createTestDatabase();
  onTestFinished(() => database.drop());
  postgresOf.set(dataDir, database.url);
  return database.url;
}

export interface Instance extends ChildServer {
  id: string;
  port: number;
}

export interface Cluster {
  prefix: string;
  instances: Instance[];
  /** Starts one more instance on the same database and Redis. */
  add(id: string, args?: string[]): Promise<Instance>;
}

export async function startCluster(
  dataDir: string,
  count: number,
  args: string[] = [],
  /** 'sqlite': the instances share the data directory's SQLite file instead (measurements). */
  database: 'postgres' | 'sqlite' = 'postgres',
): Promise<Cluster> {
  const prefix = uniqueRedisPrefix();
  const storage = database === 'postgres' ? ['--postgres', await clusterDatabase(dataDir)] : [];
  const instances: Instance[] = [];
  const add = async (id: string, extra: string[] = []) => {
    const child = await startChildServer(dataDir, [
      ...storage,
      '--redis',
      REDIS_URL,
      '--redis-prefix',
      prefix,
      '--instance-id',
      id,
      ...args,
      ...extra,
    ]);
    const instance = { ...child, id, port: Number(new URL(child.url).port) };
    instances.push(instance);
    return instance;
  };
  // Started one after the other (each start checks the shared database's migrations).
  for (let i = 0; i < count; i++) await add(`i${i + 1}`);
  return { prefix, instances, add };
}

export interface Balancer {
  url: string;
  /** Connections sent to each upstream port. */
  counts: Map<number, number>;
  /** Cuts every open connection (a network failure between the two sides). */
  dropAll(): void;
}

/**
 * Round-robin over `upstreams()` (ports), skipping any that refuses the connection, as a load
 * balancer with health checks would.
 */
export async function startBalancer(upstreams: () => number[]): Promise<Balancer> {
  let next = 0;
  const counts = new Map<number, number>();
  const open = new Set<Socket>();
  const server = createServer((client) => {
    client.pause();
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    const ports = upstreams();
    const attempt = (tries: number) => {
      if (tries >= ports.length || client.destroyed) {
        client.destroy();
        return;
      }
      const port = ports[next++ % ports.length]!;
      const upstream = createConnection({ host: '127.0.0.1', port });
      upstream.once('error', () => {
        upstream.destroy();
        attempt(tries + 1);
      });
      upstream.once('connect', () => {
        counts.set(port, (counts.get(port) ?? 0) + 1);
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    dropAll: () => {
      for (const socket of open) socket.destroy();
    },
  };
}
