/**
 * Database errors that say the database cannot be used right now (busy or locked by another
 * process, disk full, I/O error, read-only file) rather than that the request is wrong: the API
 * and the upgrade answer them with 503 `storage_unavailable`, so the client retries later.
 */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOTADB|CORRUPT)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.test(code);
}
