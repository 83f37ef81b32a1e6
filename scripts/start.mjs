/**
 * `npm start`: build, start the sync server, open the desktop app, and stop it all cleanly.
 *
 * 1. `electron-vite build` (skip with --no-build).
 * 2. The sync server as a child process serving the built UI, with the demo workspace; this
 *    waits for the line it prints once it listens. It runs in its own process group so Ctrl+C
 *    reaches it exactly once, as the SIGTERM sent from here, and it can flush before exiting.
 * 3. Electron pointed at that server (MINKA_SERVER_URL). Where no Electron binary can run
 *    (scripts/lib/electronBinary.mjs says why), one line gives the browser URL of the same UI
 *    and the server keeps serving. Closing the app or Ctrl+C stops the server.
 *
 * Plain Node ESM on purpose: it must run before anything is built or transpiled.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { detectElectron } from './lib/electronBinary.mjs';
import { browserFallbackLine, findServerUrl, parseStartArgs } from './lib/startOptions.mjs';

const root = path.resolve(import.meta.dirname, '..');
const HOST = '127.0.0.1';
const SERVER_START_TIMEOUT_MS = 60_000;

const say = (line) => console.log(`[minka] ${line}`);
const fail = (line) => {
  console.error(`[minka] ${line}`);
  process.exit(1);
};

const parsed = parseStartArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.message);
const { build, port } = parsed.options;

/** @type {import('node:child_process').ChildProcess | null} */
let server = null;
/** @type {import('node:child_process').ChildProcess | null} */
let electron = null;
let stopping = false;

function runBuild() {
  const bin = path.join(
    path.dirname(
      createRequire(path.join(root, 'package.json')).resolve('electron-vite/package.json'),
    ),
    'bin',
    'electron-vite.js',
  );
  say('Compilando (electron-vite build)…');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`electron-vite build terminó con ${signal ?? `código ${code}`}`)),
    );
  });
}

function isPortFree(candidate) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(candidate, HOST, () => probe.close(() => resolve(true)));
  });
}

function startServer() {
  const args = [
    '--import',
    'tsx',
    'sync-server/cli.ts',
    '--host',
    HOST,
    '--port',
    String(port),
    '--data',
    './data',
    '--static',
    'out/renderer',
    '--seed-demo',
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  server = child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`el servidor no indicó su URL en ${SERVER_START_TIMEOUT_MS / 1000} s`)),
      SERVER_START_TIMEOUT_MS,
    );
    let url = null;
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(line);
      if (url !== null) return;
      url = findServerUrl(line);
      if (url !== null) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (url === null)
        reject(
          new Error(
            `el servidor terminó antes de escuchar (${signal ?? `código ${code}`}); vea el mensaje anterior`,
          ),
        );
    });
  });
}

function stopServer() {
  if (server === null || server.exitCode !== null || server.signalCode !== null)
    return Promise.resolve(server?.exitCode ?? 0);
  const child = server;
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code ?? 1));
    child.kill('SIGTERM');
  });
}

async function stop(reason, exitCode = 0) {
  if (stopping) {
    say('Ya se está cerrando: esperando a que el servidor guarde los cambios…');
    return;
  }
  stopping = true;
  say(`${reason}: cerrando; el servidor guarda los cambios antes de salir…`);
  if (electron !== null && electron.exitCode === null && electron.signalCode === null)
    electron.kill('SIGTERM');
  const serverCode = await stopServer();
  process.exit(exitCode !== 0 ? exitCode : serverCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
// Last resort if this script dies some other way: the server is in its own process group.
process.on('exit', () => {
  if (server !== null && server.exitCode === null && server.signalCode === null)
    server.kill('SIGTERM');
});

function keepServingInBrowser(reason, url) {
  console.log(browserFallbackLine(reason, url));
  say('Pulse Ctrl+C para detener el servidor. / Press Ctrl+C to stop the server.');
}

function launchElectron(binary, url) {
  say(`Abriendo Minka (Electron) contra ${url}…`);
  const child = spawn(binary, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MINKA_SERVER_URL: url },
  });
  electron = child;
  child.once('error', (error) => {
    electron = null;
    keepServingInBrowser(`no se pudo ejecutar ${binary}: ${error.message}`, url);
  });
  child.once('exit', (code, signal) => {
    electron = null;
    if (stopping) return;
    if (code === 0) {
      void stop('Minka se cerró');
    } else {
      keepServingInBrowser(`Electron terminó con ${signal ?? `código ${code}`}`, url);
    }
  });
}

async function main() {
  if (build) {
    try {
      await runBuild();
    } catch (error) {
      fail(
        `MINKA_BUILD_FAILED: ${error.message}; corrija el error anterior o use --no-build con una compilación previa.`,
      );
    }
  }
  if (!(await isPortFree(port))) {
    fail(
      `MINKA_PORT_BUSY: el puerto ${port} de ${HOST} ya está en uso (¿otro "npm start" abierto?); ciérrelo o use "npm start -- --port=4456". ` +
        `· Port ${port} is already in use.`,
    );
  }
  let url;
  try {
    url = await startServer();
  } catch (error) {
    await stopServer();
    fail(`MINKA_SERVER_FAILED: ${error.message}.`);
  }
  server.once('exit', (code, signal) => {
    if (!stopping)
      void stop(`El servidor terminó inesperadamente (${signal ?? `código ${code}`})`, 1);
  });

  const binary = detectElectron(root);
  if (binary.ok) launchElectron(binary.path, url);
  else keepServingInBrowser(binary.reason, url);
}

await main();
