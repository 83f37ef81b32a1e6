/** ../versions.test.ts, each test on a server whose rooms and accounts are in a PostgreSQL database of its own. */
import { describeWithPostgres } from '../../support/postgres';
import { backend } from '../backend';

describeWithPostgres('versions on PostgreSQL', async () => {
  backend.postgres = true;
  await import('../versions.test');
});
