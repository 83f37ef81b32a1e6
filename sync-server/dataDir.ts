/**
 * The data directory as one server's own: an exclusive lock file (`minka.lock`, holding the
 * server's pid) so a second server on the same directory refuses to start instead of telling its
 * clients "saved" while neither sees the other's rooms; and a start-up check that refuses a
 * directory whose database is missing or empty while files beside it suggest the data is
 * elsewhere (a WAL without its database, a copy that took only `minka.sqlite` after a crash), so
 * nobody starts on an empty workspace believing it is theirs.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export const DATABASE_FILE = 'minka.sqlite';
export const LOCK_FILE = 'minka.lock';

export class DataDirError extends Error {}

/** Locks held by servers of this process (a pid check cannot tell them apart). */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a data directory's lock when a live process holds it, else null. */
export function lockHolder(dataDir: string): number | null {
  const file = join(dataDir, LOCK_FILE);
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (pid === process.pid) return heldHere.has(file) ? pid : null;
  return alive(pid) ? pid : null;
}

/** Takes the directory's lock; returns its release. A stale lock (dead pid) is taken over. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(dataDir);
      if (holder !== null) {
        throw new DataDirError(
          `otro servidor de Minka (proceso ${holder}) ya usa el directorio de datos ${dataDir}. ` +
            'Detenga ese servidor o use otro directorio con --data.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirError(`no se pudo tomar el bloqueo ${file}; vuelva a intentarlo.`);
}

const SIBLING = /\.(sqlite|sqlite3|db)(-wal|-journal)?$|^minka\.sqlite.+/i;

/**
 * Refuses a directory whose database is missing or empty (0 bytes) while a WAL or other database
 * files sit beside it. A fresh, empty directory is fine.
 */
export function checkDataDir(dataDir: string): void {
  const database = join(dataDir, DATABASE_FILE);
  const size = existsSync(database) ? statSync(database).size : -1;
  if (size > 0) return;
  const suspicious = readdirSync(dataDir).filter(
    (name) =>
      name !== DATABASE_FILE &&
      name !== LOCK_FILE &&
      name !== `${DATABASE_FILE}-shm` &&
      SIBLING.test(name) &&
      statSync(join(dataDir, name)).size > 0,
  );
  if (suspicious.length === 0) return;
  throw new DataDirError(
    `${size === 0 ? `${DATABASE_FILE} está vacío` : `no hay ${DATABASE_FILE}`} en ${dataDir}, pero hay ` +
      `${suspicious.join(', ')}: los datos pueden estar en esos archivos (tras un corte, SQLite ` +
      `guarda lo último en ${DATABASE_FILE}-wal). No se inicia para no presentar un espacio de ` +
      `trabajo vacío. Restaure una copia hecha con «npm run admin -- backup» (npm run admin -- ` +
      `restore --from ARCHIVO), o copie juntos ${DATABASE_FILE} y ${DATABASE_FILE}-wal del ` +
      'directorio original; si de verdad quiere empezar de cero, mueva esos archivos a otro lugar.',
  );
}
