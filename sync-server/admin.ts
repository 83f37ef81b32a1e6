/**
 * `npm run admin -- create-admin --email … --name … [--organization …] [--data ./data]`: creates
 * an admin account on a real server's database; `reset-password --email …` sets a new password
 * and signs that person out everywhere (the running server re-checks open sockets every 2 s and
 * closes theirs). Passwords are asked on the terminal (never on the command line, where they
 * would stay in the shell history). Safe while the server runs: SQLite in WAL mode takes this
 * second writer. Without a terminal, the password is read from stdin.
 *
 * `backup --to FILE` copies the database with SQLite's online backup API, safe while the server
 * runs and complete even when the latest commits are still only in `minka.sqlite-wal` (copying
 * `minka.sqlite` alone is not a backup). `restore --from FILE` checks the copy, moves the current
 * database aside and puts the copy in its place; it refuses while a server uses the directory.
 *
 * `migrate-storage --from ./data --to postgres://…` copies the deployment (rooms and accounts)
 * into an empty PostgreSQL database and verifies it (db/migrateStorage.ts).
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AccountStore } from './accounts/accountStore';
import { AdminInputError, createAdmin, resetPassword } from './accounts/bootstrap';
import { describeError } from './describeError';
import { DATABASE_FILE, lockHolder } from './dataDir';

const HELP = `Uso: npm run admin -- create-admin --email <correo> --name <nombre> [opciones]
     npm run admin -- reset-password --email <correo> [--data <directorio>]
     npm run admin -- backup --to <archivo> [--data <directorio>]
     npm run admin -- restore --from <archivo> [--data <directorio>]
     npm run admin -- migrate-storage --from <directorio> --to postgres://usuario@servidor/base

  --organization <nombre>  organización de la persona (por defecto «Secretaría técnica del clúster»)
  --data <directorio>      directorio de la base de datos del servidor (por defecto ./data)

La contraseña (mínimo 10 caracteres) se pide en la terminal, dos veces.`;

/** Reads one line; with a terminal, without echoing what is typed. */
function ask(question: string): Promise<string> {
  return new Promise((resolveLine) => {
    const terminal = process.stdin.isTTY === true;
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal });
    if (terminal) {
      const output = rl as unknown as { _writeToOutput: (text: string) => void };
      output._writeToOutput = (text: string) => {
        if (text.startsWith(question)) process.stdout.write(question);
      };
    }
    rl.question(question, (answer) => {
      if (terminal) process.stdout.write('\n');
      rl.close();
      resolveLine(answer);
    });
  });
}

class AdminError extends Error {}

/** Opens a Minka database file as it is (no migration) and says what it holds. */
function inspect(file: string): { db: Database.Database; rooms: number; users: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new AdminError(`no se pudo abrir ${file}: ${describeError(error)}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AdminError(`${file} está dañado (${String(integrity)}).`);
    if ((db.pragma('user_version', { simple: true }) as number) < 1) {
      throw new AdminError(`${file} no es una base de datos de Minka (está vacía).`);
    }
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
    return {
      db,
      rooms: count('SELECT count(DISTINCT room) FROM updates'),
      users: count('SELECT count(*) FROM users'),
    };
  } catch (error) {
    db.close();
    if (error instanceof AdminError) throw error;
    throw new AdminError(`${file} no es una base de datos de Minka: ${describeError(error)}`);
  }
}

async function backup(dataDir: string, to: string): Promise<void> {
  const target = resolve(to);
  if (existsSync(target)) throw new AdminError(`${target} ya existe; elija otro archivo.`);
  const { db } = inspect(join(dataDir, DATABASE_FILE));
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = inspect(target);
  copy.db.close();
  console.log(
    `Copia de seguridad en ${target}: ${copy.rooms} salas, ${copy.users} cuentas. Guárdela fuera de esta máquina.`,
  );
}

async function restore(dataDir: string, from: string): Promise<void> {
  const holder = lockHolder(dataDir);
  if (holder !== null) {
    throw new AdminError(
      `un servidor (proceso ${holder}) usa ${dataDir}; deténgalo antes de restaurar.`,
    );
  }
  const source = inspect(resolve(from));
  try {
    const current = join(dataDir, DATABASE_FILE);
    let asideNote = '';
    if (existsSync(current)) {
      const aside = join(
        dataDir,
        `antes-de-restaurar-${new Date().toISOString().replace(/[:.]/g, '-')}`,
      );
      mkdirSync(aside);
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(current + suffix))
          renameSync(current + suffix, join(aside, DATABASE_FILE + suffix));
      }
      asideNote = ` La base anterior quedó en ${aside}.`;
    }
    await source.db.backup(current);
    console.log(
      `Restaurado en ${dataDir}: ${source.rooms} salas, ${source.users} cuentas.${asideNote} Ya puede iniciar el servidor.`,
    );
  } finally {
    source.db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'backup' || command === 'restore') return copyCommand(command, rest);
  if (command === 'migrate-storage') return migrateCommand(rest);
  if (command !== 'create-admin' && command !== 'reset-password') {
    console.log(HELP);
    return command === undefined || command === '--help' ? 0 : 1;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        organization: { type: 'string' },
        data: { type: 'string', default: './data' },
      },
    }));
  } catch (error) {
    console.error(`Error: ${describeError(error)}\n\n${HELP}`);
    return 1;
  }
  if (values.email === undefined || (command === 'create-admin' && values.name === undefined)) {
    console.error(
      `Error: indique --email${command === 'create-admin' ? ' y --name' : ''}.\n\n${HELP}`,
    );
    return 1;
  }
  const password = await ask('Contraseña: ');
  if (process.stdin.isTTY === true && (await ask('Repita la contraseña: ')) !== password) {
    console.error('Error: las contraseñas no coinciden; vuelva a intentarlo.');
    return 1;
  }
  const dataDir = resolve(values.data);
  mkdirSync(dataDir, { recursive: true });
  const store = AccountStore.openSqlite(join(dataDir, DATABASE_FILE), () => Date.now());
  try {
    if (command === 'reset-password') {
      const user = await resetPassword(store, values.email, password);
      console.log(`Contraseña cambiada para ${user.email}; sus sesiones abiertas se cerraron.`);
      return 0;
    }
    const user = await createAdmin(store, {
      email: values.email,
      name: values.name ?? '',
      password,
      ...(values.organization !== undefined ? { organization: values.organization } : {}),
    });
    console.log(
      `Cuenta de administración creada: ${user.email} (${user.organization.name}). Ya puede iniciar sesión.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AdminInputError) {
      console.error(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

async function copyCommand(command: 'backup' | 'restore', args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        to: { type: 'string' },
        from: { type: 'string' },
        data: { type: 'string', default: './data' },
      },
    }));
  } catch (error) {
    console.error(`Error: ${describeError(error)}\n\n${HELP}`);
    return 1;
  }
  const file = command === 'backup' ? values.to : values.from;
  if (file === undefined) {
    console.error(
      `Error: indique ${command === 'backup' ? '--to' : '--from'} <archivo>.\n\n${HELP}`,
    );
    return 1;
  }
  const dataDir = resolve(values.data);
  try {
    if (command === 'backup') await backup(dataDir, file);
    else {
      mkdirSync(dataDir, { recursive: true });
      await restore(dataDir, file);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AdminError)) throw error;
    console.error(`Error: ${error.message}`);
    return 1;
  }
}

async function migrateCommand(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: { from: { type: 'string', default: './data' }, to: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`Error: ${describeError(error)}\n\n${HELP}`);
    return 1;
  }
  if (values.to === undefined || !/^postgres(ql)?:\/\/\S+$/.test(values.to)) {
    console.error(`Error: indique --to postgres://usuario@servidor/base.\n\n${HELP}`);
    return 1;
  }
  const dataDir = resolve(values.from);
  const { MigrationError, migrateStorage } = await import('./db/migrateStorage');
  try {
    const report = await migrateStorage(dataDir, values.to, (line) => console.log(line));
    console.log('Verificación (filas en SQLite → PostgreSQL):');
    for (const row of report.tables) {
      console.log(
        `  ${row.source === row.target ? 'ok ' : 'MAL'} ${row.table}: ${row.source} → ${row.target}`,
      );
    }
    const unequal = report.rooms.filter((room) => !room.equal);
    console.log(
      `  ${unequal.length === 0 ? 'ok ' : 'MAL'} salas con el mismo vector de estado y el mismo hash de contenido: ` +
        `${report.rooms.length - unequal.length} de ${report.rooms.length}`,
    );
    for (const room of unequal) console.log(`  MAL ${room.room}`);
    if (!report.ok) {
      console.error('Error: la copia no coincide con el origen; no use la base PostgreSQL.');
      return 1;
    }
    console.log(
      `Migración completa y verificada. Inicie los servidores con --postgres (o MINKA_POSTGRES_URL); los datos de ${dataDir} no se tocaron.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(`Error: ${error.message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${describeError(error)}`);
    process.exit(1);
  },
);
