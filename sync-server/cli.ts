/**
 * `tsx sync-server/cli.ts`: runs the sync server until SIGTERM/SIGINT, which flush every room
 * before exit. Without authentication, the server listens on loopback unless told otherwise.
 */
import { existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeError } from './describeError';
import { createServer } from './server';

const HELP = `Uso: tsx sync-server/cli.ts [opciones]

  --host <dirección>   interfaz donde escuchar (por defecto 127.0.0.1)
  --port <número>      puerto (por defecto 4455; 0 elige uno libre)
  --data <directorio>  directorio de la base de datos (por defecto ./data)
  --static <dir>       renderer compilado a servir en / (por defecto out/renderer si existe)
  --seed-demo          crea el espacio de trabajo de demostración si la base está vacía
  --allow-remote       permite escuchar fuera de loopback (sin autenticación: solo en redes de confianza)
  --help               muestra esta ayuda`;

class UsageError extends Error {}

interface CliOptions {
  host: string;
  port: number;
  dataDir: string;
  staticDir: string | undefined;
  seedDemo: boolean;
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function parse(argv: string[]): CliOptions | 'help' {
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
  if (!isLoopback(values.host) && !values['allow-remote']) {
    throw new UsageError(
      `--host ${values.host} no es una dirección local. La autenticación aún no está implementada: ` +
        'cualquiera en la red podría leer y modificar los documentos. Use 127.0.0.1, o añada ' +
        '--allow-remote si la red es de confianza.',
    );
  }
  const defaultStatic = resolve('out/renderer');
  return {
    host: values.host,
    port,
    dataDir: resolve(values.data),
    staticDir: values.static !== undefined ? resolve(values.static) : existsSync(defaultStatic) ? defaultStatic : undefined,
    seedDemo: values['seed-demo'],
  };
}

async function main(): Promise<number> {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${HELP}`);
    return 1;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  if (options.staticDir !== undefined && !(existsSync(options.staticDir) && statSync(options.staticDir).isDirectory())) {
    console.error(`Aviso: ${options.staticDir} no existe; no se servirá la aplicación web (compílela con npm run build).`);
  }

  let server;
  try {
    server = await createServer({ ...options, log: (line) => console.log(line) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') {
      console.error(`Error: el puerto ${options.port} de ${options.host} ya está en uso; detenga el otro proceso o use --port.`);
    } else if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      console.error(`Error: no se puede escuchar en ${options.host}:${options.port} (${code}); elija otra dirección o puerto.`);
    } else {
      console.error(`Error: no se pudo iniciar el servidor: ${describeError(error)}`);
    }
    return 1;
  }

  console.log(`Minka: servidor de sincronización en ${server.url}`);
  console.log(`Datos: ${options.dataDir}${options.staticDir !== undefined ? ` · aplicación web: ${options.staticDir}` : ''}`);
  console.log(
    isLoopback(options.host)
      ? 'Aviso: la autenticación aún no está implementada; por eso el servidor escucha solo en loopback.'
      : 'Aviso: la autenticación aún no está implementada y el servidor escucha fuera de loopback (--allow-remote): úselo solo en una red de confianza.',
  );

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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${describeError(error)}`);
    process.exit(1);
  },
);
