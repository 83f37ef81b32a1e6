/**
 * Where a server keeps its rooms and records: the SQLite file in its data directory (the default,
 * nothing to install), or a PostgreSQL database shared by every instance of a cluster
 * (`--postgres postgres://…` or MINKA_POSTGRES_URL). On PostgreSQL the rooms and the account
 * store share one connection pool, and the schema is migrated before either is used.
 */
import { join } from 'node:path';
import { AccountStore } from '../accounts/accountStore';
import { DATABASE_FILE } from '../dataDir';
import { SqliteStorage } from '../storage/sqliteStorage';
import { PostgresStorage } from '../storage/postgresStorage';
import type { Storage } from '../storage/storage';
import { migratePostgres } from './postgresMigrations';
import { PostgresSql } from './postgresSql';

export interface Databases {
  storage: Storage;
  store: AccountStore;
}

/** Opens PostgreSQL at `url`, migrated: rooms and accounts over one pool. */
export async function openPostgres(
  url: string,
  now: () => number,
  options: { max?: number } = {},
): Promise<Databases> {
  const db = new PostgresSql(url, { max: options.max ?? 10, applicationName: 'minka' });
  try {
    await migratePostgres(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    storage: new PostgresStorage(db),
    store: new AccountStore(db, now, () => db.close()),
  };
}

/** Opens the SQLite file of `dataDir`: rooms and accounts on connections of their own. */
export function openSqlite(dataDir: string, now: () => number): Databases {
  const file = join(dataDir, DATABASE_FILE);
  const storage = new SqliteStorage(file);
  try {
    return { storage, store: AccountStore.openSqlite(file, now) };
  } catch (error) {
    void storage.close();
    throw error;
  }
}
