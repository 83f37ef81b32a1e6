/**
 * The one way server-side records (accounts, versions, programs) reach their database, so the
 * same store code runs on SQLite (the embedded default) and on PostgreSQL (a cluster's
 * deployment). Statements use `?` placeholders and portable SQL: TEXT ids, BIGINT epoch
 * milliseconds, INTEGER 0/1 booleans, `lower(x)` for case-insensitive matches. Every call is
 * async, because a network database is.
 */

/** A value a statement can bind or return. Integers come back as JavaScript numbers. */
export type SqlValue = string | number | bigint | null | Uint8Array;

export interface SqlRunResult {
  /** Rows inserted, updated or deleted by the statement. */
  readonly changes: number;
}

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** Every row the query returns. */
  all<Row>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The first row the query returns, or undefined. */
  get<Row>(text: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  /** Runs a statement that returns no rows. */
  run(text: string, params?: readonly SqlValue[]): Promise<SqlRunResult>;
  /**
   * Runs `work` in one transaction: all its writes land, or none. Statements inside must go
   * through `tx`, never through the outer `Sql` (which waits for the transaction to end, so
   * using it inside would never finish). Nested calls on `tx` join the same transaction.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

/** `?, ?, ?` for an `IN (…)` of these values (the caller makes sure there is at least one). */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
