import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { readDocumentText } from '../../shared/ydoc/documentDoc';
import { DATABASE_FILE } from '../../sync-server/server';
import { SqliteStorage } from '../../sync-server/storage/sqliteStorage';
import { mergeUpdates } from '../../sync-server/storage/storage';
import {
  ROOM_A,
  connect,
  covers,
  signedInEditor,
  startServer,
  tempDir,
  text,
  waitFor,
  waitSaved,
  waitSynced,
  write,
} from './helpers';
import { InstrumentedStorage } from './instrumentedStorage';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

interface ChildServer {
  url: string;
  token: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** The CLI as a real process, so it can be killed with SIGKILL like a crashed machine. */
async function startCli(dataDir: string): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sync-server/cli.ts', '--port', '0', '--data', dataDir],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /servidor de sincronización en (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match !== null) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url, token: (await signedInEditor(dataDir)).token, child, exited };
}

describe('durability', () => {
  it('keeps a saved change through kill -9 and a restart on the same data directory, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const first = await startCli(dataDir);
    const ana = connect(first, ROOM_A);
    await waitSynced(ana);
    write(ana.doc, 'Guardado antes del corte de energía');
    await waitSaved(ana);
    ana.provider.destroy();

    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startCli(dataDir);
    const beto = connect(second, ROOM_A);
    await waitSynced(beto);
    expect(text(beto.doc)).toBe('Guardado antes del corte de energía');

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('sends no saved while commits fail, and saves the change once storage recovers', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage });
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    const savedBefore = ana.saved();

    storage.diskFull = true;
    write(ana.doc, 'Escrito con el disco lleno');
    await waitFor('two failed commits (a retry)', () => storage.failedAppends >= 2);
    expect(covers(ana.saved(), ana.doc)).toBe(false);
    expect(ana.saved()).toEqual(savedBefore);
    expect(server.logs.some((line) => line.includes(ROOM_A) && line.includes('SQLITE_FULL'))).toBe(
      true,
    );
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect((await health.json()) as unknown).toMatchObject({ error: { code: 'storage_failing' } });

    storage.diskFull = false;
    await waitSaved(ana);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();

    const reopened = new SqliteStorage(join(dataDir, DATABASE_FILE));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, mergeUpdates(await reopened.loadUpdates(ROOM_A)));
    await reopened.close();
    expect(readDocumentText(stored)).toBe('Escrito con el disco lleno');
  });

  it('flushes pending changes when the server is closed', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage });
    const ana = connect(server, ROOM_A);
    await waitSynced(ana);
    storage.hold();
    write(ana.doc, 'Justo antes de apagar');
    await waitFor('the commit to start', () => storage.appendCalls > 0);
    const closed = server.close();
    storage.release();
    await closed;

    const restarted = await startServer({ dataDir });
    const beto = connect(restarted, ROOM_A);
    await waitSynced(beto);
    expect(text(beto.doc)).toBe('Justo antes de apagar');
  });
});
