/**
 * A PostgreSQL database of a suite's own (`minka_test_<random>`), created on the server that
 * services.ts finds and dropped when the suite ends, so suites and engineers sharing one server
 * never see each other's rows. `describeWithPostgres` runs a suite only when PostgreSQL answers;
 * otherwise vitest lists it as skipped with the reason, and the end-of-run line says so.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { POSTGRES_URL, missingServices, postgresAvailable, recordServices } from './services';

/** Creates an empty database and returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `minka_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

const available = await postgresAvailable();

/**
 * `describe` when PostgreSQL answers; otherwise `describe.skip` with a title that says what is
 * missing, and a line on the console. Either way the end-of-run line records it.
 */
export function describeWithPostgres(suite: string, body: () => void): void {
  recordServices(suite, ['PostgreSQL'], !available);
  if (available) {
    describe(suite, body);
    return;
  }
  const reason = missingServices(suite, ['PostgreSQL']);
  console.warn(reason);
  describe.skip(`${suite} — ${reason}`, body);
}

/** Whether the suites that need PostgreSQL run in this process. */
export const postgresReachable = available;
