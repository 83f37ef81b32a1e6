/**
 * The HTTP API suite (../api.test.ts), each test on a server whose rooms and accounts are in a
 * PostgreSQL database of its own. Skipped, saying why, when PostgreSQL does not answer.
 */
import { describeWithPostgres } from '../../support/postgres';
import { backend } from '../backend';

describeWithPostgres('API on PostgreSQL', async () => {
  backend.postgres = true;
  await import('../api.test');
});
