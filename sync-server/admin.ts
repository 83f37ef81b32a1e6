/**
 * `npm run admin -- create-admin --email … --name … [--organization …] [--data ./data]`: creates
 * an admin account on a real server's database; `reset-password --email …` sets a new password
 * and signs that person out everywhere (their open sockets close when the server next re-checks
 * them, at the latest when they reconnect). Passwords are asked on the terminal (never on the
 * command line, where they would stay in the shell history). Safe while the server runs: SQLite
 * in WAL mode takes this second writer. Without a terminal, the password is read from stdin.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AccountStore } from './accounts/accountStore';
import { AdminInputError, createAdmin, resetPassword } from './accounts/bootstrap';
import { describeError } from './describeError';
import { DATABASE_FILE } from './server';

const HELP = `Uso: npm run admin -- create-admin --email <correo> --name <nombre> [opciones]
     npm run admin -- reset-password --email <correo> [--data <directorio>]

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

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
  const store = new AccountStore(join(dataDir, DATABASE_FILE), () => Date.now());
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
    store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${describeError(error)}`);
    process.exit(1);
  },
);
