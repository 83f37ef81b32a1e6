/**
 * `Sql` over PostgreSQL, through `pg`'s connection pool. Statements are written once for both
 * dialects with `?` placeholders (db/sql.ts); here each `?` becomes `$1`, `$2` … (outside quoted
 * text). BIGINT (epoch milliseconds, counts) comes back as a JavaScript number, like SQLite's
 * INTEGER, and BYTEA as bytes.
 *
 * A transaction holds one pooled connection from BEGIN to COMMIT and runs SERIALIZABLE: checks
 * made inside it (the group keeps a lead, an organization answers once) hold against every other
 * instance of the server, as they do on SQLite's single writer. When PostgreSQL refuses to
 * commit because of a concurrent transaction (serialization failure, deadlock), nothing was
 * written and the whole transaction runs again, a few times. A read outside a transaction that
 * fails because its connection broke is asked again once; a write outside one is not (it may have
 * landed), and the caller sees the error.
 */
import pg from 'pg';
import { isConnectionError } from '../databaseErrors';
import type { Sql, SqlRunResult, SqlValue } from './sql';

/** SQLSTATEs after which a transaction can simply run again: nothing of it was committed. */
const RETRY_TRANSACTION = new Set(['40001', '40P01']);
const TRANSACTION_ATTEMPTS = 6;

/** pg's own type parsers, except BIGINT (int8) and its arrays, read as numbers. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  /** Connections the pool may open (default 10). */
  max?: number;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
  /** Longest a statement may run before PostgreSQL cancels it (default 30 s). */
  statementTimeoutMs?: number;
}

interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

export class PostgresSql implements Sql {
  readonly dialect = 'postgres' as const;
  readonly pool: pg.Pool;

  constructor(url: string, options: PostgresOptions = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      types,
      application_name: options.applicationName ?? 'minka',
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      // A dead database host is noticed by TCP keepalive, and no statement or forgotten
      // transaction holds a connection (and its locks) for ever: past these the statement
      // fails, the commit is retried by its room, and the API answers 503.
      keepAlive: true,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: 60_000,
    });
    // An idle pooled connection that the server drops must not crash the process: the pool
    // discards it and opens another on the next query.
    this.pool.on('error', () => {});
  }

  async all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return (await this.read(text, params)).rows as Row[];
  }

  async get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await this.read(text, params)).rows[0] as Row | undefined;
  }

  async run(text: string, params: readonly SqlValue[] = []): Promise<SqlRunResult> {
    const result = await query(this.pool, text, params);
    return { changes: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        const value = await work(new PostgresTransaction(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        const code = (error as { code?: unknown } | null)?.code;
        if (
          typeof code === 'string' &&
          RETRY_TRANSACTION.has(code) &&
          attempt < TRANSACTION_ATTEMPTS
        ) {
          await pause(attempt);
          continue;
        }
        throw error;
      } finally {
        // A connection whose ROLLBACK failed is not given back to other callers.
        client.release(broken);
      }
    }
  }

  /** Runs `work` on one pooled connection outside any transaction (advisory locks, COPY …). */
  async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async read(text: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    try {
      return await query(this.pool, text, params);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      return query(this.pool, text, params);
    }
  }
}

/** The statements of one open transaction, on its connection. */
class PostgresTransaction implements Sql {
  readonly dialect = 'postgres' as const;
  constructor(private readonly client: pg.PoolClient) {}

  async all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return (await query(this.client, text, params)).rows as Row[];
  }

  async get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return (await query(this.client, text, params)).rows[0] as Row | undefined;
  }

  async run(text: string, params: readonly SqlValue[] = []): Promise<SqlRunResult> {
    return { changes: (await query(this.client, text, params)).rowCount ?? 0 };
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return work(this);
  }
}

function query(
  target: Queryable,
  text: string,
  params: readonly SqlValue[],
): Promise<pg.QueryResult> {
  return target.query(numbered(text), params.map(bind));
}

const converted = new Map<string, string>();

/**
 * `?` → `$n`, skipping quoted text ('…', "…") and comments, so a literal question mark stays. Also
 * used by tests and the migration tool.
 */
export function numbered(text: string): string {
  const cached = converted.get(text);
  if (cached !== undefined) return cached;
  let out = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const stop = end === -1 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      out += `$${++n}`;
    } else out += c;
  }
  if (converted.size < 5000) converted.set(text, out);
  return out;
}

/** pg sends a Buffer as bytea; a plain Uint8Array is wrapped without copying. */
function bind(value: SqlValue): unknown {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value))
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function pause(attempt: number): Promise<void> {
  const ms = Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
