/**
 * `npm run server -- --postgres …`: two server processes on one PostgreSQL database (the second
 * started while the first serves, both migrating at start), each serving what the other wrote,
 * and a clear refusal of a malformed or unreachable database.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { DEMO_PASSWORD } from '../../../sync-server/seed/demoAccounts';
import { createTestDatabase, describeWithPostgres } from '../../support/postgres';
import { login } from '../api';
import { connect, tempDir, text, waitFor, waitSaved, waitSynced, write } from '../helpers';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

interface Started {
  url: string;
  output: () => string;
}

function server(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  child.stdin.end();
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  onTestFinished(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /servidor de sincronización en (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match !== null && /Datos: .*\n/.test(output))
        resolve({ url: match[1]!, output: () => output });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`exit ${String(code)}: ${output}`)));
  });
}

describeWithPostgres('sync server on PostgreSQL (--postgres)', () => {
  it('runs two processes on one database, each serving what the other wrote', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    const first = await server([
      '--port',
      '0',
      '--data',
      tempDir(),
      '--seed-demo',
      '--postgres',
      database.url,
    ]);
    expect(first.output()).toContain(`Datos: PostgreSQL ${database.url}`);
    const second = await server(['--port', '0', '--data', tempDir()], {
      MINKA_POSTGRES_URL: database.url,
      MINKA_POSTGRES_POOL: '4',
    });

    const ana = await login(first.url, 'ana.quispe@minera-andina.demo', DEMO_PASSWORD);
    const [groupId] = await meGroups(first.url, ana.token);
    const room = `g/${groupId}/doc/7e1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b`;
    const writer = connect({ url: first.url, token: ana.token }, room);
    await waitSynced(writer);
    write(writer.doc, 'Escrito en la primera instancia');
    await waitSaved(writer);

    // The same session is valid on the second process: one database of accounts.
    const reader = connect({ url: second.url, token: ana.token }, room);
    await waitSynced(reader);
    await waitFor('the first instance’s text', () =>
      text(reader.doc).includes('Escrito en la primera instancia'),
    );
  }, 90_000);

  it('refuses a malformed URL and an unreachable database, saying why', async () => {
    const malformed = server(['--port', '0', '--data', tempDir(), '--postgres', 'mysql://x']);
    await expect(malformed).rejects.toThrow(/--postgres debe ser una dirección como postgres:\/\//);
    const unreachable = server([
      '--port',
      '0',
      '--data',
      tempDir(),
      '--postgres',
      'postgres://postgres@127.0.0.1:1/minka',
    ]);
    await expect(unreachable).rejects.toThrow(/no se pudo iniciar el servidor: .*ECONNREFUSED/);
  }, 60_000);
});

async function meGroups(url: string, token: string): Promise<string[]> {
  const response = await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { memberships: Array<{ group: { id: string } }> };
  return body.memberships.map((membership) => membership.group.id);
}
