/** ../innovation.test.ts, each test on a server whose rooms and accounts are in a PostgreSQL database of its own. */
import { describeWithPostgres } from '../../support/postgres';
import { backend } from '../backend';

describeWithPostgres('open-innovation program on PostgreSQL', async () => {
  backend.postgres = true;
  await import('../innovation.test');
});
