/**
 * `tsx sync-server/cli.ts`: runs the sync server until SIGTERM/SIGINT, which flush every room
 * before exit. The server speaks plain HTTP, so it listens on loopback unless told otherwise: on a
 * network it belongs behind a reverse proxy that terminates TLS. On first start with an empty
 * database it creates the first admin from MINKA_ADMIN_EMAIL / MINKA_ADMIN_PASSWORD.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeError } from './describeError';
import { AdminInputError, checkAdminInput, type AdminInput } from './accounts/bootstrap';
import { DataDirError } from './dataDir';
import { createLog, type LogFormat } from './ops/logger';
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
  --redis <url>        Redis que une varias instancias (redis://host:6379); también MINKA_REDIS_URL
  --redis-prefix <p>   prefijo de canales y claves en Redis (por defecto minka:); MINKA_REDIS_PREFIX
  --instance-id <id>   nombre de esta instancia en registros y métricas (por defecto, al azar)
  --log-format <f>     human (por defecto) o json: una línea JSON por evento (sala, persona, instancia)
  --metrics-token <t>  activa GET /metrics (Prometheus) con Authorization: Bearer <t>; MINKA_METRICS_TOKEN
  --postgres <url>     guarda salas y cuentas en PostgreSQL (postgres://usuario@servidor/base) en vez
                       del archivo SQLite de --data; también MINKA_POSTGRES_URL
  --postgres-pool <n>  conexiones a PostgreSQL de esta instancia (por defecto 10; MINKA_POSTGRES_POOL)
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
  redisUrl: string | undefined;
  redisPrefix: string | undefined;
  instanceId: string | undefined;
  logFormat: LogFormat;
  metricsToken: string | undefined;
  postgresUrl: string | undefined;
  postgresPool: number | undefined;
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
        redis: { type: 'string' },
        'redis-prefix': { type: 'string' },
        'instance-id': { type: 'string' },
        'log-format': { type: 'string', default: 'human' },
        'metrics-token': { type: 'string' },
        postgres: { type: 'string' },
        'postgres-pool': { type: 'string' },
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
  const redisUrl = values.redis ?? nonEmpty(env.MINKA_REDIS_URL);
  if (redisUrl !== undefined && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    throw new UsageError(
      '--redis debe ser una dirección como redis://127.0.0.1:6379 (o rediss:// con TLS).',
    );
  }
  const logFormat = values['log-format'];
  if (logFormat !== 'human' && logFormat !== 'json') {
    throw new UsageError(`--log-format debe ser human o json, no «${logFormat}».`);
  }
  const instanceId = values['instance-id'];
  if (instanceId !== undefined && !/^[\w.-]{1,64}$/.test(instanceId)) {
    throw new UsageError('--instance-id admite letras, números, «.», «_» y «-» (hasta 64).');
  }
  const postgresUrl = values.postgres ?? (env.MINKA_POSTGRES_URL || undefined);
  if (postgresUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(postgresUrl)) {
    throw new UsageError(
      `--postgres debe ser una dirección como postgres://minka@db.example.org/minka, no «${postgresUrl}».`,
    );
  }
  const poolText = values['postgres-pool'] ?? (env.MINKA_POSTGRES_POOL || undefined);
  const postgresPool = poolText === undefined ? undefined : Number(poolText);
  if (
    poolText !== undefined &&
    (!/^\d+$/.test(poolText) || postgresPool! < 2 || postgresPool! > 1000)
  ) {
    throw new UsageError(`--postgres-pool debe ser un número entre 2 y 1000, no «${poolText}».`);
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
    redisUrl,
    redisPrefix: values['redis-prefix'] ?? nonEmpty(env.MINKA_REDIS_PREFIX),
    instanceId,
    logFormat,
    metricsToken: values['metrics-token'] ?? nonEmpty(env.MINKA_METRICS_TOKEN),
    postgresUrl,
    postgresPool,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
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
  const instanceId = options.instanceId ?? randomUUID().slice(0, 8);
  const log = createLog(options.logFormat, instanceId, (line) => console.log(line));
  try {
    server = await createServer({
      ...options,
      instanceId,
      adminBootstrap,
      log,
      logEvent: options.logFormat === 'json' ? log.event : undefined,
    });
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

  log(`Minka: servidor de sincronización en ${server.url}`, { event: 'listening' });
  const data =
    options.postgresUrl !== undefined
      ? `PostgreSQL ${withoutPassword(options.postgresUrl)}`
      : options.dataDir;
  log(
    `Datos: ${data}${options.staticDir !== undefined ? ` · aplicación web: ${options.staticDir}` : ''}`,
  );
  if (options.redisUrl !== undefined) {
    log(`Instancia ${server.instanceId}: unida a las demás por Redis.`);
  }
  if (!isLoopbackHost(options.host)) {
    log(
      'Aviso: el servidor escucha fuera de loopback con HTTP sin cifrar (--allow-remote): ponga delante un proxy con HTTPS.',
    );
  }

  const running = server;
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`Minka: ${signal} recibido; guardando y cerrando…`, { event: 'draining' });
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
