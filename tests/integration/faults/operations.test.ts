/**
 * An unlucky operator (issue 9): a database locked by another process, a second server on the
 * same data directory, a copy that took only `minka.sqlite` after a crash, and backups made and
 * restored with `npm run admin` while people keep writing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { call, errorOf } from '../api';
import {
  ROOM_A,
  connect,
  runAdmin,
  startServer,
  syncUrl,
  tempDir,
  text,
  upgradeStatus,
  waitFor,
  waitSaved,
  waitSynced,
  write,
} from '../helpers';
import { DataDirError } from '../../../sync-server/dataDir';
import { createServer, DATABASE_FILE } from '../../../sync-server/server';

describe('operations', { timeout: 60_000 }, () => {
  it('answers 503 while another process holds the database lock, and recovers', async () => {
    const clock = { now: Date.now() };
    const server = await startServer({ now: () => clock.now });
    // Past the sliding step, so the next authentication writes (and meets the lock).
    clock.now += 5 * 60_000;
    const other = new Database(join(server.dataDir, DATABASE_FILE));
    onTestFinished(() => {
      other.close();
    });
    other.exec('BEGIN EXCLUSIVE');
    expect(await upgradeStatus(syncUrl(server, ROOM_A))).toBe(503);
    expect(errorOf(await call(server.url, 'GET', '/api/me', { token: server.token }))).toEqual({
      status: 503,
      code: 'storage_unavailable',
    });
    other.exec('ROLLBACK');
    expect(await upgradeStatus(syncUrl(server, ROOM_A))).toBe(101);
  });

  it('refuses a second server on the same data directory', async () => {
    const server = await startServer();
    await expect(createServer({ port: 0, dataDir: server.dataDir, log: () => {} })).rejects.toThrow(
      DataDirError,
    );
    await server.close();
    const again = await createServer({ port: 0, dataDir: server.dataDir, log: () => {} });
    await again.close();
  });

  it('refuses a data directory whose database is empty while a WAL beside it holds data', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), '');
    writeFileSync(join(dir, `${DATABASE_FILE}-wal`), 'x'.repeat(4096));
    await expect(createServer({ port: 0, dataDir: dir, log: () => {} })).rejects.toThrow(
      /minka\.sqlite-wal/,
    );
    const fresh = tempDir();
    const server = await createServer({ port: 0, dataDir: fresh, log: () => {} });
    await server.close();
  });

  it('backs up while the server runs (commits still in the WAL included) and restores', async () => {
    const server = await startServer();
    const client = connect(server, ROOM_A);
    await waitSynced(client);
    write(client.doc, 'Lineamiento estratégico de agua y energía');
    await waitSaved(client);

    const backupDir = tempDir();
    const file = join(backupDir, 'copia.sqlite');
    const backup = await runAdmin(['backup', '--to', file, '--data', server.dataDir]);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/1 salas/);

    const refused = await runAdmin(['restore', '--from', file, '--data', server.dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/deténgalo antes de restaurar/);

    const target = tempDir();
    const restored = await runAdmin(['restore', '--from', file, '--data', target]);
    expect(restored.code, restored.output).toBe(0);
    const again = await startServer({ dataDir: target });
    const reader = connect(again, ROOM_A);
    await waitSynced(reader);
    await waitFor('the restored text', () =>
      text(reader.doc).includes('Lineamiento estratégico de agua y energía'),
    );
  });
});
