/**
 * `Sql` over a better-sqlite3 connection. better-sqlite3 is synchronous, so each statement runs
 * at once; a transaction is `BEGIN IMMEDIATE … COMMIT` around an async callback, and while it is
 * open every statement from outside it waits its turn (one connection cannot hold two
 * transactions, and a statement slipped in between would become part of this one).
 */
import type Database from 'better-sqlite3';
import type { Sql, SqlRunResult, SqlValue } from './sql';

type Statement = Database.Statement<unknown[]>;

export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  /** Settles when the open transaction (if any) and every one queued behind it have ended. */
  private idle: Promise<void> = Promise.resolve();
  /** Transactions begun or waiting to begin. */
  private queued = 0;

  constructor(readonly db: Database.Database) {}

  all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.whenIdle(() => this.prepare(text).all(...bind(params)) as Row[]);
  }

  get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return this.whenIdle(() => this.prepare(text).get(...bind(params)) as Row | undefined);
  }

  run(text: string, params: readonly SqlValue[] = []): Promise<SqlRunResult> {
    return this.whenIdle(() => ({ changes: this.prepare(text).run(...bind(params)).changes }));
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    this.queued++;
    const result = this.idle.then(async () => {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        const value = await work(new SqliteTransaction(this));
        this.db.exec('COMMIT');
        return value;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      } finally {
        this.queued--;
      }
    });
    this.idle = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** @internal Runs a statement now (the transaction's own statements). */
  runNow<T>(step: () => T): Promise<T> {
    try {
      return Promise.resolve(step());
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** @internal */
  prepare(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private whenIdle<T>(step: () => T): Promise<T> {
    return this.queued === 0 ? this.runNow(step) : this.idle.then(step);
  }
}

/** The statements of one open transaction: they run at once, inside it. */
class SqliteTransaction implements Sql {
  readonly dialect = 'sqlite' as const;
  constructor(private readonly owner: SqliteSql) {}

  all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.owner.runNow(() => this.owner.prepare(text).all(...bind(params)) as Row[]);
  }

  get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return this.owner.runNow(
      () => this.owner.prepare(text).get(...bind(params)) as Row | undefined,
    );
  }

  run(text: string, params: readonly SqlValue[] = []): Promise<SqlRunResult> {
    return this.owner.runNow(() => ({
      changes: this.owner.prepare(text).run(...bind(params)).changes,
    }));
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return work(this);
  }
}

/** better-sqlite3 binds Buffers, not plain Uint8Arrays. */
function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((value) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      : value,
  );
}
