/**
 * `npm run admin -- migrate-storage`: a SQLite deployment (the demo workspace, a person's edits,
 * automatic versions, sessions) copied into an empty PostgreSQL database and verified; a server
 * started on that database serves the same rooms to the same people, with their sessions.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { login } from './api';
import { TEST_PASSWORD } from './fixtures';
import {
  ROOM_A,
  connect,
  startServer,
  tempDir,
  text,
  waitSaved,
  waitSynced,
  write,
} from './helpers';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function admin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/admin.ts', ...args], {
      cwd: repoRoot,
      env: process.env,
    });
    child.stdin.end();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describeWithPostgres('migrate-storage: SQLite to PostgreSQL', () => {
  it('copies rooms and accounts, verifies them, and a server on PostgreSQL serves the same', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    const dataDir = tempDir();
    const sqlite = await startServer({ dataDir, seedDemo: true });
    const writer = connect(sqlite, ROOM_A);
    await waitSynced(writer);
    for (let i = 0; i < 30; i++) write(writer.doc, `Acuerdo ${i} del comité de relaves`);
    await waitSaved(writer);
    const expected = text(writer.doc);
    writer.provider.destroy();

    // Refused while the server still uses the directory: its last commits could be missed.
    const busy = await admin(['migrate-storage', '--from', dataDir, '--to', database.url]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/deténgalo antes de migrar/);
    await sqlite.close();

    const run = await admin(['migrate-storage', '--from', dataDir, '--to', database.url]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Migración completa y verificada/);
    expect(run.stdout).not.toMatch(/MAL/);
    const rooms =
      /salas con el mismo vector de estado y el mismo hash de contenido: (\d+) de (\d+)/.exec(
        run.stdout,
      );
    expect(Number(rooms?.[1])).toBeGreaterThan(3);
    expect(rooms?.[1]).toBe(rooms?.[2]);
    expect(run.stdout).toMatch(/ok {2}users: (\d+) → \1/);
    expect(run.stdout).toMatch(/ok {2}versions: [1-9]\d* → [1-9]\d*/);

    // A second run into the same database would double everything: refused.
    const again = await admin(['migrate-storage', '--from', dataDir, '--to', database.url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/ya tiene salas o cuentas/);

    const postgres = await startServer({ dataDir: tempDir(), postgresUrl: database.url });
    // The session made on SQLite still works, and the password too.
    const reader = connect({ url: postgres.url, token: sqlite.token }, ROOM_A);
    await waitSynced(reader);
    expect(text(reader.doc)).toBe(expected);
    const signedIn = await login(postgres.url, sqlite.editor.email, TEST_PASSWORD);
    expect(signedIn.user.id).toBe(sqlite.editor.user.id);
    // And it keeps writing, with ids after the copied ones.
    write(reader.doc, 'Escrito ya sobre PostgreSQL');
    await waitSaved(reader);
  }, 120_000);
});
