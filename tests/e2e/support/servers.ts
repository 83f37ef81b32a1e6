/**
 * Real processes for end-to-end tests: the sync server as a child process (so a test can
 * kill it for real and restart it on the same data directory and port), and a static server
 * for the renderer build that stays up while the sync server is down — the role the desktop
 * app's own bundle plays at a mine site with no network.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../../sync-server/http/static';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const rendererDir = path.join(root, 'out/renderer');

export interface SyncServerProcess {
  url: string;
  port: number;
  dataDir: string;
  /** Kills the process (SIGKILL: nothing flushed) and waits for it to be gone. */
  kill(): Promise<void>;
  /** Asks the process to stop (SIGTERM: it flushes) and waits for exit code 0. */
  stop(): Promise<void>;
}

/** Where globalSetup.ts left the bundled sync server (unset outside Playwright). */
export const SERVER_BUNDLE_ENV = 'MINKA_E2E_SERVER_BUNDLE';

export async function startSyncServer(
  options: { dataDir?: string; port?: number; static?: boolean; staticDir?: string } = {},
): Promise<SyncServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'minka-e2e-'));
  // The bundle made by globalSetup.ts when Playwright runs; the sources through tsx otherwise
  // (the benchmarks start servers with this function too).
  const bundle = process.env[SERVER_BUNDLE_ENV];
  const args = [
    ...(bundle ? [bundle] : ['--import', 'tsx', 'sync-server/cli.ts']),
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--data',
    dataDir,
    '--seed-demo',
  ];
  if (options.static !== false) args.push('--static', options.staticDir ?? rendererDir);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await waitForUrl(child);
  const port = Number(new URL(url).port);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    url,
    port,
    dataDir,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`sync server exited with ${code} after SIGTERM`);
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`sync server did not start:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sync server exited with ${code}:\n${output}`));
    });
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the renderer build on its own port with the sync server's own static handler, adding
 * `headers` to every response (the desktop's CSP, for one).
 */
export async function startStaticServer(
  headers: Readonly<Record<string, string>> = {},
): Promise<StaticServer> {
  const server: Server = createHttpServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    void serveStatic(req, res, pathname, rendererDir);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestServers {
  /** This test's sync server (a new process after `restartSync`). */
  readonly sync: SyncServerProcess;
  /** This test's static server, when it has one. */
  readonly assets: StaticServer;
  /**
   * Where the app is opened: from the static server when there is one (it stays up while the
   * sync server is down, as the desktop bundle does), else from the sync server itself.
   */
  appUrl(): string;
  /** Starts the sync server again on the same data directory and port (after `sync.kill()`). */
  restartSync(): Promise<SyncServerProcess>;
  /** Calls the sync server's HTTP API and returns its JSON answer; fails the test on an error. */
  api<T>(path: string, init?: RequestInit & { token?: string }): Promise<T>;
}

export interface ServersOptions {
  /** Serve the renderer from its own static server (default) or from the sync server. */
  assets?: boolean | ((sync: SyncServerProcess) => Promise<StaticServer>);
  /** Options of each sync server start (evaluated per test). */
  sync?: () => Parameters<typeof startSyncServer>[0];
}

/**
 * A fresh sync server (real process, own data directory, seeded demo) and static server for
 * every test of the file, torn down after it: registers the hooks and returns live handles.
 */
export function serversPerTest(options: ServersOptions = {}): TestServers {
  let sync: SyncServerProcess | undefined;
  let assets: StaticServer | undefined;

  test.beforeEach(async () => {
    sync = await startSyncServer(options.sync?.());
    if (typeof options.assets === 'function') assets = await options.assets(sync);
    else if (options.assets !== false) assets = await startStaticServer();
  });

  test.afterEach(async () => {
    await sync?.kill().catch(() => undefined);
    await assets?.close();
    if (sync) removeDir(sync.dataDir);
    sync = undefined;
    assets = undefined;
  });

  const current = (): SyncServerProcess => {
    if (!sync) throw new Error('serversPerTest: no sync server outside a test');
    return sync;
  };

  return {
    get sync() {
      return current();
    },
    get assets() {
      if (!assets) throw new Error('serversPerTest: this file has no static server');
      return assets;
    },
    appUrl() {
      const server = current();
      return assets ? `${assets.url}/?server=${encodeURIComponent(server.url)}` : `${server.url}/`;
    },
    async restartSync() {
      const old = current();
      sync = await startSyncServer({ ...options.sync?.(), dataDir: old.dataDir, port: old.port });
      return sync;
    },
    async api<T>(pathname: string, init: RequestInit & { token?: string } = {}): Promise<T> {
      const { token, ...rest } = init;
      const response = await fetch(new URL(pathname, current().url), {
        ...rest,
        headers: {
          'content-type': 'application/json',
          ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        },
      });
      expect(response.ok, `${pathname}: ${response.status}`).toBe(true);
      return (await response.json()) as T;
    },
  };
}
