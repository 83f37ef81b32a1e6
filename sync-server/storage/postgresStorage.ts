/**
 * Storage on PostgreSQL, for a cluster of sync servers sharing one database. The contract is
 * SQLite's (storage.ts): an append resolves only after the transaction that holds it committed
 * (PostgreSQL's default synchronous_commit makes that durable), and a failed one rejects, so the
 * room keeps the updates pending, retries them and sends no `saved` for them.
 *
 * Group commit as on SQLite: appends that arrive while a batch is being committed wait, then go
 * together in one transaction (one multi-row INSERT, one WAL flush). Batches commit one after
 * another, so a room's updates are stored in the order it committed them.
 *
 * Compaction never loses an append, whoever makes it: it merges the rows it read and then deletes
 * exactly those rows by id. A row appended meanwhile by another instance, even one whose id is
 * lower than the highest merged (ids are taken at INSERT, rows become visible at COMMIT), is not
 * among them and stays. Two instances compacting the same room take turns through an advisory
 * lock; the second finds one row and does nothing.
 */
import type pg from 'pg';
import { migratePostgres } from '../db/postgresMigrations';
import { PostgresSql } from '../db/postgresSql';
import { mergeUpdates, type RoomSize, type Storage } from './storage';

interface QueuedAppend {
  room: string;
  updates: readonly Uint8Array[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Rows per INSERT statement (PostgreSQL binds at most 65535 parameters). */
const ROWS_PER_INSERT = 1000;

export class PostgresStorage implements Storage {
  private queued: QueuedAppend[] = [];
  private inFlight: Promise<void> | null = null;
  private closed = false;

  /**
   * @param db a migrated database (migratePostgres)
   * @param ownsDatabase close the pool with the storage (false when the account store shares it)
   */
  constructor(
    readonly db: PostgresSql,
    private readonly ownsDatabase = false,
  ) {}

  /** Connects with a pool of its own, migrates the schema (once across instances). */
  static async open(url: string, options: { max?: number } = {}): Promise<PostgresStorage> {
    const db = new PostgresSql(url, { max: options.max ?? 10, applicationName: 'minka-rooms' });
    try {
      await migratePostgres(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return new this(db, true);
  }

  async loadUpdates(room: string): Promise<Uint8Array[]> {
    const rows = await this.db.all<{ data: Buffer }>(
      'SELECT data FROM updates WHERE room = ? ORDER BY id',
      [room],
    );
    return rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length));
  }

  appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('La base de datos de salas está cerrada.'));
    return new Promise((resolve, reject) => {
      this.queued.push({ room, updates, resolve, reject });
      if (this.inFlight === null) setImmediate(() => this.commitQueued());
    });
  }

  private commitQueued(): void {
    if (this.inFlight !== null || this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    this.inFlight = this.commit(batch).then(
      () => {
        for (const append of batch) append.resolve();
      },
      (error: unknown) => {
        for (const append of batch) append.reject(error);
      },
    );
    void this.inFlight.finally(() => {
      this.inFlight = null;
      this.commitQueued();
    });
  }

  private async commit(batch: readonly QueuedAppend[]): Promise<void> {
    const rows: Array<[string, Uint8Array]> = [];
    for (const { room, updates } of batch) for (const update of updates) rows.push([room, update]);
    if (rows.length === 0) return;
    // Appends only insert: READ COMMITTED cannot make them collide, so no retry loop is needed.
    await this.db.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
          await insertRows(client, rows.slice(start, start + ROWS_PER_INSERT));
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
  }

  async compact(room: string): Promise<void> {
    await this.db.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        // Another instance compacting this room: skip, it does the same work.
        const { rows: locked } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 7204613)) AS locked',
          [room],
        );
        if (locked[0]?.locked !== true) {
          await client.query('ROLLBACK');
          return;
        }
        const { rows } = await client.query<{ id: number; data: Buffer }>(
          'SELECT id, data FROM updates WHERE room = $1 ORDER BY id',
          [room],
        );
        if (rows.length < 2) {
          await client.query('ROLLBACK');
          return;
        }
        const merged = mergeUpdates(rows.map((row) => row.data));
        await client.query('INSERT INTO updates (room, data) VALUES ($1, $2)', [
          room,
          Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength),
        ]);
        await this.afterMergedStateWritten(room);
        await client.query('DELETE FROM updates WHERE room = $1 AND id = ANY($2::bigint[])', [
          room,
          rows.map((row) => row.id),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
  }

  /** Runs inside the compaction transaction; tests override it to append or crash meanwhile. */
  protected async afterMergedStateWritten(_room: string): Promise<void> {}

  async roomSizes(prefix: string): Promise<RoomSize[]> {
    // starts_with, not a range: text order depends on the database's collation.
    const rows = await this.db.all<{ room: string; bytes: number | string }>(
      'SELECT room, SUM(octet_length(data)) AS bytes FROM updates WHERE starts_with(room, ?) GROUP BY room ORDER BY room',
      [prefix],
    );
    return rows.map((row) => ({ room: row.room, bytes: Number(row.bytes) }));
  }

  async check(): Promise<void> {
    await this.db.get('SELECT 1 AS ok FROM updates WHERE false');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.queued.length > 0) this.commitQueued();
    while (this.inFlight !== null) await this.inFlight;
    if (this.ownsDatabase) await this.db.close();
  }
}

async function insertRows(
  client: pg.PoolClient,
  rows: ReadonlyArray<[string, Uint8Array]>,
): Promise<void> {
  const values: unknown[] = [];
  const tuples = rows.map(([room, update], index) => {
    values.push(room, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    return `($${2 * index + 1}, $${2 * index + 2})`;
  });
  await client.query(`INSERT INTO updates (room, data) VALUES ${tuples.join(', ')}`, values);
}
