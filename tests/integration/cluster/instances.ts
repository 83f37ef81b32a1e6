/**
 * Several sync-server processes joined by the real Redis, on one shared database, behind a
 * small TCP load balancer (what HAProxy or nginx do in docs/deploy.md: each new connection goes
 * to the next instance that accepts it, so when one dies its clients land on the others).
 */
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { onTestFinished } from 'vitest';
import { startChildServer, type ChildServer } from '../faults/childServer';
import { REDIS_URL, uniqueRedisPrefix } from '../../support/services';

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
): Promise<Cluster> {
  const prefix = uniqueRedisPrefix();
  const instances: Instance[] = [];
  const add = async (id: string, extra: string[] = []) => {
    const child = await startChildServer(dataDir, [
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
  // Started one after the other: each start migrates or checks the shared database.
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
