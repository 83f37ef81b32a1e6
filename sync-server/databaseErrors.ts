/**
 * Database errors that say the database cannot be used right now (busy or locked by another
 * process, disk full, I/O error, read-only file; on PostgreSQL a lost or refused connection, a
 * server shutting down or out of resources, a transaction that kept colliding with others)
 * rather than that the request is wrong: the API and the upgrade answer them with 503
 * `storage_unavailable`, so the client retries later.
 */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOTADB|CORRUPT)/;

/** PostgreSQL SQLSTATE classes and socket errors that mean "not now", not "never". */
const POSTGRES_UNAVAILABLE = /^(08|53|57P0[1-3]|57014|40001|40P01|55P03|25006)/;
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/** The connection to the database (not the statement) failed; the statement may not have run. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (/^(08|57P0[1-3])/.test(code) || SOCKET_ERRORS.has(code)))
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    message,
  );
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNAVAILABLE.test(code) || POSTGRES_UNAVAILABLE.test(code)))
    return true;
  return isConnectionError(error);
}
