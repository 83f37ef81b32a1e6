/**
 * `npm run admin -- migrate-storage --from ./data --to postgres://…`: copies a SQLite deployment
 * (every room and every record: accounts, sessions, invitations, audit, notifications, versions
 * and whatever tables later steps add) into an empty PostgreSQL database, then verifies it.
 *
 * - The source is brought to this server's schema first, and the target is migrated to the same
 *   version, so the two have the same tables; every table of the source is copied, parents
 *   before children (foreign keys), ids and row order kept (identity columns are set, then their
 *   sequences moved past the copied ids).
 * - Everything goes in one transaction: a failure leaves the target empty, never half-copied.
 * - Verified after commit, by reading both back: the row count of every table, and for every
 *   room its state vector and the SHA-256 of its merged state.
 *
 * Refuses while a server uses the data directory (its last commits could be missed) and when the
 * target already holds rooms or accounts (a second run must not double them).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import * as Y from 'yjs';
import { DATABASE_FILE, lockHolder } from '../dataDir';
import { configure } from '../storage/migrations';
import { mergeUpdates } from '../storage/storage';
import { migratePostgres } from './postgresMigrations';
import { PostgresSql } from './postgresSql';

export class MigrationError extends Error {}

export interface TableReport {
  table: string;
  source: number;
  target: number;
}

export interface RoomReport {
  room: string;
  stateVector: boolean;
  contentHash: string;
  equal: boolean;
}

export interface MigrationReport {
  tables: TableReport[];
  rooms: RoomReport[];
  ok: boolean;
}

/** Rows sent per INSERT (PostgreSQL binds at most 65535 parameters). */
const BATCH_ROWS = 500;

export async function migrateStorage(
  dataDir: string,
  url: string,
  progress: (line: string) => void = () => {},
): Promise<MigrationReport> {
  const holder = lockHolder(dataDir);
  if (holder !== null) {
    throw new MigrationError(
      `un servidor (proceso ${holder}) usa ${dataDir}; deténgalo antes de migrar, o perdería sus últimos cambios.`,
    );
  }
  let source: Database.Database;
  try {
    source = configure(new Database(join(dataDir, DATABASE_FILE), { fileMustExist: true }));
  } catch (error) {
    throw new MigrationError(
      `no se pudo abrir ${join(dataDir, DATABASE_FILE)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const target = new PostgresSql(url, { max: 2, applicationName: 'minka-migrate-storage' });
  try {
    await migratePostgres(target);
    const occupied = await target.get<{ n: number }>(
      'SELECT (SELECT count(*) FROM updates) + (SELECT count(*) FROM users) AS n',
    );
    if ((occupied?.n ?? 0) > 0) {
      throw new MigrationError(
        'la base PostgreSQL de destino ya tiene salas o cuentas; use una base vacía.',
      );
    }
    const tables = copyOrder(source);
    await target.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        for (const table of tables) {
          const copied = await copyTable(source, client, table);
          progress(`${table}: ${copied} filas copiadas`);
        }
        await moveSequencesPastCopiedIds(client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
    return await verify(source, target, tables);
  } finally {
    source.close();
    await target.close();
  }
}

/** The source's tables, each after the tables its foreign keys point to. */
function copyOrder(db: Database.Database): string[] {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
  const parents = new Map(
    tables.map((table) => [
      table,
      db
        .prepare<[], { table: string }>(`SELECT "table" FROM pragma_foreign_key_list('${table}')`)
        .all()
        .map((row) => row.table)
        .filter((parent) => parent !== table),
    ]),
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table)) return;
    if (path.has(table))
      throw new MigrationError(`las claves foráneas de ${table} forman un ciclo.`);
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    path.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function targetColumns(client: pg.PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  if (rows.length === 0) {
    throw new MigrationError(
      `la tabla ${table} no existe en PostgreSQL: falta su paso en db/postgresMigrations.ts.`,
    );
  }
  return rows.map((row) => row.column_name);
}

async function copyTable(
  source: Database.Database,
  client: pg.PoolClient,
  table: string,
): Promise<number> {
  const sourceColumns = source
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    .all()
    .map((row) => row.name);
  const columns = await targetColumns(client, table);
  const missing = sourceColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new MigrationError(
      `PostgreSQL no tiene las columnas ${missing.join(', ')} de ${table}: revise db/postgresMigrations.ts.`,
    );
  }
  // A PostgreSQL column named rowid keeps SQLite's row order (versions, sign-offs).
  const selected = columns.filter((column) => sourceColumns.includes(column) || column === 'rowid');
  // In insertion order where SQLite keeps one, so a row that refers to an earlier row of its own
  // table (a correction of an agreement) arrives after it.
  const withoutRowid =
    (source
      .prepare<[string], { wr: number }>(
        "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?",
      )
      .get(table)?.wr ?? 0) === 1;
  const select = `SELECT ${selected.map((column) => `"${column}"`).join(', ')} FROM "${table}"${
    withoutRowid ? '' : ' ORDER BY rowid'
  }`;
  const quoted = selected.map((column) => `"${column}"`).join(', ');
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const start = values.length;
      values.push(...row);
      return `(${row.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    await client.query(
      `INSERT INTO "${table}" (${quoted}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`,
      values,
    );
    copied += batch.length;
    batch = [];
  };
  for (const row of source.prepare(select).raw().iterate() as IterableIterator<unknown[]>) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return copied;
}

/** Identity columns continue after the largest copied id. */
async function moveSequencesPastCopiedIds(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2),
         (SELECT coalesce(max("${column}"), 0) + 1 FROM "${table}"), false)`,
      [table, column],
    );
  }
}

async function verify(
  source: Database.Database,
  target: PostgresSql,
  tables: readonly string[],
): Promise<MigrationReport> {
  const report: TableReport[] = [];
  for (const table of tables) {
    const from = source.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number };
    const to = await target.get<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`);
    report.push({ table, source: from.n, target: to?.n ?? -1 });
  }
  const roomNames = source
    .prepare<[], { room: string }>('SELECT DISTINCT room FROM updates ORDER BY room')
    .all()
    .map((row) => row.room);
  const rooms: RoomReport[] = [];
  const load = source.prepare<[string], { data: Buffer }>(
    'SELECT data FROM updates WHERE room = ? ORDER BY id',
  );
  for (const room of roomNames) {
    const before = fingerprint(load.all(room).map((row) => row.data));
    const after = fingerprint(
      (
        await target.all<{ data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY id', [
          room,
        ])
      ).map((row) => row.data),
    );
    const stateVector = Buffer.compare(before.stateVector, after.stateVector) === 0;
    rooms.push({
      room,
      stateVector,
      contentHash: after.hash,
      equal: stateVector && before.hash === after.hash,
    });
  }
  return {
    tables: report,
    rooms,
    ok: report.every((row) => row.source === row.target) && rooms.every((room) => room.equal),
  };
}

/** A room's state vector and the SHA-256 of its merged state. */
export function fingerprint(rows: readonly Uint8Array[]): { stateVector: Buffer; hash: string } {
  const merged = mergeUpdates(rows);
  return {
    stateVector: Buffer.from(Y.encodeStateVectorFromUpdate(merged)),
    hash: createHash('sha256').update(merged).digest('hex'),
  };
}
