/**
 * The real PostgreSQL and Redis that some suites run against (issue 13): found at
 * MINKA_TEST_POSTGRES_URL / MINKA_TEST_REDIS_URL, else at their local defaults
 * (postgres://postgres@127.0.0.1:5432/test, redis://127.0.0.1:6379). A suite that needs one asks
 * here once; when it is missing the suite is skipped with a message that says what to start
 * (`.ci/run` starts both), never passed silently. Every suite that asks records which services it
 * ran against, and `servicesReport()` prints them as one line at the end of the run
 * (tests/support/servicesReport.ts, vitest's global teardown).
 *
 * Each suite works in its own space and removes it: a Redis key prefix of its own
 * (`minka-test:<random>:`) and, for PostgreSQL, a database of its own.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_URL = process.env.MINKA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const POSTGRES_URL =
  process.env.MINKA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where suites record what they ran against; read once by the global teardown. */
export const SERVICES_LOG = join(
  process.env.TMPDIR ?? tmpdir(),
  `minka-test-services-${process.env.MINKA_TEST_RUN ?? 'run'}.jsonl`,
);

/** True when something accepts TCP connections at the URL's host and port within `timeoutMs`. */
export function reachable(url: string, defaultPort: number, timeoutMs = 1000): Promise<boolean> {
  const parsed = new URL(url);
  const port = Number(parsed.port === '' ? defaultPort : parsed.port);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const redisAvailable = (): Promise<boolean> => reachable(REDIS_URL, 6379);
export const postgresAvailable = (): Promise<boolean> => reachable(POSTGRES_URL, 5432);

/** The sentence a skipped suite prints. */
export function missingServices(suite: string, missing: string[]): string {
  return (
    `SKIPPED ${suite}: needs ${missing.join(' and ')} (${missing
      .map((name) => (name === 'Redis' ? REDIS_URL : POSTGRES_URL))
      .join(', ')}), not reachable. Start them (bash .ci/run --install-only installs and ` +
    'starts both) or set MINKA_TEST_REDIS_URL / MINKA_TEST_POSTGRES_URL.'
  );
}

/** Notes that `suite` ran against `services` (or was skipped), for the end-of-run line. */
export function recordServices(suite: string, services: string[], skipped = false): void {
  try {
    appendFileSync(SERVICES_LOG, `${JSON.stringify({ suite, services, skipped })}\n`);
  } catch {
    // The report is a courtesy; a read-only tmp must not fail a suite.
  }
}

/** A Redis key prefix no other suite or engineer uses. */
export function uniqueRedisPrefix(): string {
  return `minka-test:${randomUUID().slice(0, 12)}:`;
}
