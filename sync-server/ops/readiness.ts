/**
 * GET /readyz: whether a load balancer should send this instance new clients: not while it drains
 * (SIGTERM), nor while its database does not answer or a room cannot commit. Redis is reported but
 * does not decide: when Redis is down it is down for every instance, and taking them all out would
 * stop everyone, while serving on keeps every change saved (each instance commits its own
 * clients') and rooms resync by state vector when Redis returns; with the load balancer routing
 * by room, a room's clients are on one instance anyway.
 */
import type { Cluster } from '../cluster/cluster';
import { describeError } from '../describeError';
import type { RoomRegistry } from '../roomRegistry';
import type { Storage } from '../storage/storage';

type Check = 'ok' | 'failing' | 'off';

export interface Readiness {
  ready: boolean;
  draining: boolean;
  database: Check;
  /** Commits are failing (disk full, database gone): the instance takes writes it cannot save. */
  commits: Check;
  redis: Check;
  errors: string[];
}

const CHECK_TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_resolve, reject) =>
      setTimeout(
        () => reject(new Error(`${what}: sin respuesta en ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

export async function readiness(
  storage: Storage,
  cluster: Cluster | null,
  registry: RoomRegistry,
  draining: boolean,
): Promise<Readiness> {
  const errors: string[] = [];
  const [database, redis] = await Promise.all([
    within(storage.check(), 'base de datos').then(
      (): Check => 'ok',
      (error: unknown): Check => {
        errors.push(`base de datos: ${describeError(error)}`);
        return 'failing';
      },
    ),
    cluster === null
      ? Promise.resolve<Check>('off')
      : within(cluster.ping(), 'Redis').then(
          (): Check => 'ok',
          (error: unknown): Check => {
            errors.push(`Redis: ${describeError(error)}`);
            return 'failing';
          },
        ),
  ]);
  const commits: Check = registry.failing() ? 'failing' : 'ok';
  return {
    ready: !draining && database === 'ok' && commits === 'ok',
    draining,
    database,
    commits,
    redis,
    errors,
  };
}
