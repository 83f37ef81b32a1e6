/**
 * `tsx sync-server/cli.ts`: runs the sync server until SIGTERM/SIGINT, which flush every room
 * before exit. The server speaks plain HTTP, so it listens on loopback unless told otherwise: on a
 * network it belongs behind a reverse proxy that terminates TLS. On first start with an empty
 * database it creates the first admin from MINKA_ADMIN_EMAIL / MINKA_ADMIN_PASSWORD.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeError } from './describeError';
import { AdminInputError, checkAdminInput, type AdminInput } from './accounts/bootstrap';
import { DataDirError } from './dataDir';
import { createServer, isLoopbackHost } from './server';

const HELP = `Uso: tsx sync-server/cli.ts [opciones]

  --host <dirección>   interfaz donde escuchar (por defecto 127.0.0.1)
  --port <número>      puerto (por defecto 4455; 0 elige uno libre)
  --data <directorio>  directorio de la base de datos (por defecto ./data)
  --static <dir>       renderer compilado a servir en / (por defecto out/renderer si existe)
  --seed-demo          crea el espacio de trabajo de demostración si la base está vacía
  --allow-remote       permite escuchar fuera de loopback (detrás de un proxy con HTTPS)
  --origin <origen>    origen web adicional permitido (p. ej. https://minka.example.org); repetible
  --trust-proxy        toma la dirección del cliente de X-Forwarded-For (solo detrás de un proxy propio)
  --postgres <url>     guarda salas y cuentas en PostgreSQL (postgres://usuario@servidor/base) en vez
                       del archivo SQLite de --data; también MINKA_POSTGRES_URL
  --help               muestra esta ayuda

Primera cuenta de administración (solo si la base no tiene ninguna cuenta):
  MINKA_ADMIN_EMAIL, MINKA_ADMIN_PASSWORD (mín. 10 caracteres), MINKA_ADMIN_NAME (opcional)
  o bien: npm run admin -- create-admin --email <correo> --name <nombre>`;

class UsageError extends Error {}

interface CliOptions {
  host: string;
  port: number;
  dataDir: string;
  staticDir: string | undefined;
  seedDemo: boolean;
  allowedOrigins: string[];
  trustProxy: boolean;
  postgresUrl: string | undefined;
}

function parse(argv: string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4455' },
        data: { type: 'string', default: './data' },
        static: { type: 'string' },
        'seed-demo': { type: 'boolean', default: false },
        'allow-remote': { type: 'boolean', default: false },
        origin: { type: 'string', multiple: true, default: [] },
        'trust-proxy': { type: 'boolean', default: false },
        postgres: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}`);
  }
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new UsageError(`--port debe ser un número entre 0 y 65535, no «${values.port}».`);
  }
  if (!isLoopbackHost(values.host) && !values['allow-remote']) {
    throw new UsageError(
      `--host ${values.host} no es una dirección local. El servidor habla HTTP sin cifrar: en la red, las ` +
        'contraseñas y sesiones viajarían a la vista. Póngalo detrás de un proxy inverso con HTTPS y use ' +
        '127.0.0.1, o añada --allow-remote si ese proxy está en otra máquina.',
    );
  }
  for (const origin of values.origin) {
    if (!/^(https?:\/\/[^/\s]+|app:\/\/minka)$/.test(origin)) {
      throw new UsageError(
        `--origin «${origin}» debe ser un origen como https://minka.example.org (sin ruta).`,
      );
    }
  }
  const postgresUrl = values.postgres ?? (env.MINKA_POSTGRES_URL || undefined);
  if (postgresUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(postgresUrl)) {
    throw new UsageError(
      `--postgres debe ser una dirección como postgres://minka@db.example.org/minka, no «${postgresUrl}».`,
    );
  }
  const defaultStatic = resolve('out/renderer');
  return {
    host: values.host,
    port,
    dataDir: resolve(values.data),
    staticDir:
      values.static !== undefined
        ? resolve(values.static)
        : existsSync(defaultStatic)
          ? defaultStatic
          : undefined,
    seedDemo: values['seed-demo'],
    allowedOrigins: values.origin,
    trustProxy: values['trust-proxy'],
    postgresUrl,
  };
}

async function main(): Promise<number> {
  let options;
  try {
    options = parse(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${HELP}`);
    return 1;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  if (
    options.staticDir !== undefined &&
    !(existsSync(options.staticDir) && statSync(options.staticDir).isDirectory())
  ) {
    console.error(
      `Aviso: ${options.staticDir} no existe; no se servirá la aplicación web (compílela con npm run build).`,
    );
  }

  const adminBootstrap = adminFromEnv(process.env);
  if (typeof adminBootstrap === 'string') {
    console.error(`Error: ${adminBootstrap}`);
    return 1;
  }

  let server;
  try {
    server = await createServer({ ...options, adminBootstrap, log: (line) => console.log(line) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof DataDirError) {
      console.error(`Error: ${error.message}`);
    } else if (code === 'EADDRINUSE') {
      console.error(
        `Error: el puerto ${options.port} de ${options.host} ya está en uso; detenga el otro proceso o use --port.`,
      );
    } else if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      console.error(
        `Error: no se puede escuchar en ${options.host}:${options.port} (${code}); elija otra dirección o puerto.`,
      );
    } else {
      console.error(`Error: no se pudo iniciar el servidor: ${describeError(error)}`);
    }
    return 1;
  }

  console.log(`Minka: servidor de sincronización en ${server.url}`);
  const data =
    options.postgresUrl !== undefined
      ? `PostgreSQL ${withoutPassword(options.postgresUrl)}`
      : options.dataDir;
  console.log(
    `Datos: ${data}${options.staticDir !== undefined ? ` · aplicación web: ${options.staticDir}` : ''}`,
  );
  if (!isLoopbackHost(options.host)) {
    console.log(
      'Aviso: el servidor escucha fuera de loopback con HTTP sin cifrar (--allow-remote): ponga delante un proxy con HTTPS.',
    );
  }

  const running = server;
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`Minka: ${signal} recibido; guardando y cerrando…`);
      running.close().then(
        () => resolveExit(0),
        (error: unknown) => {
          console.error(`Error al cerrar: ${describeError(error)}`);
          resolveExit(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/** The first admin from the environment: undefined when not asked for, a message when half-set. */
function adminFromEnv(env: NodeJS.ProcessEnv): AdminInput | undefined | string {
  const email = env.MINKA_ADMIN_EMAIL;
  const password = env.MINKA_ADMIN_PASSWORD;
  if (email === undefined && password === undefined) return undefined;
  if (email === undefined || password === undefined) {
    return 'defina MINKA_ADMIN_EMAIL y MINKA_ADMIN_PASSWORD juntas para crear la primera cuenta de administración.';
  }
  const input: AdminInput = { email, password, name: env.MINKA_ADMIN_NAME ?? 'Administración' };
  try {
    checkAdminInput(input);
  } catch (error) {
    if (error instanceof AdminInputError) return error.message;
    throw error;
  }
  return input;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${describeError(error)}`);
    process.exit(1);
  },
);

/** A connection URL fit for a log line: its password, if any, replaced. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
