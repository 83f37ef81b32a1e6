import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TEST_PASSWORD } from './fixtures';
import { login } from './api';
import { startServer, tempDir } from './helpers';

/** The CLI running until the test ends; resolves with its URL once it prints it. */
async function startCli(args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sync-server/cli.ts', '--port', '0', ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  onTestFinished(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  return new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /servidor de sincronización en (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match !== null) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited with ${String(code)}:\n${output}`)));
  });
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function runCli(
  args: string[],
  options: { script?: string; env?: Record<string, string>; stdin?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', options.script ?? 'sync-server/cli.ts', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, ...options.env },
      },
    );
    child.stdin.end(options.stdin ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent('cli', () => {
  it('explains a bad flag and exits with 1', async () => {
    const { code, stderr } = await runCli(['--prot', '1']);
    expect(code).toBe(1);
    expect(stderr).toContain('--prot');
    expect(stderr).toContain('Uso:');
  });

  it('refuses a non-loopback host without --allow-remote, saying why', async () => {
    const { code, stderr } = await runCli(['--host', '0.0.0.0', '--data', tempDir()]);
    expect(code).toBe(1);
    expect(stderr).toContain('HTTPS');
    expect(stderr).toContain('--allow-remote');
  });

  it('says the port is in use and exits with 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await runCli(['--port', String(port), '--data', tempDir()]);
      expect(code).toBe(1);
      expect(stderr).toContain(`puerto ${port}`);
      expect(stderr).toContain('ya está en uso');
    } finally {
      blocker.close();
    }
  });
});

// Not concurrent: these tests register cleanups after an await, which needs the current test.
describe('cli: the first admin', () => {
  it('creates the first admin from MINKA_ADMIN_EMAIL and MINKA_ADMIN_PASSWORD on an empty database', async () => {
    const url = await startCli(['--data', tempDir()], {
      MINKA_ADMIN_EMAIL: 'admin@cluster.example',
      MINKA_ADMIN_PASSWORD: 'una-clave-de-admin',
      MINKA_ADMIN_NAME: 'Secretaría técnica',
    });
    const signedIn = await login(url, 'admin@cluster.example', 'una-clave-de-admin');
    expect(signedIn.user).toMatchObject({ workspaceRole: 'admin', name: 'Secretaría técnica' });
  });

  it('refuses a half-set or weak admin from the environment, saying what to fix', async () => {
    const half = await runCli(['--data', tempDir()], {
      env: { MINKA_ADMIN_EMAIL: 'admin@cluster.example' },
    });
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('MINKA_ADMIN_PASSWORD');
    const weak = await runCli(['--data', tempDir()], {
      env: { MINKA_ADMIN_EMAIL: 'admin@cluster.example', MINKA_ADMIN_PASSWORD: 'corta' },
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('10 caracteres');
  });

  it('npm run admin -- create-admin and reset-password read the password from stdin', async () => {
    const dataDir = tempDir();
    const args = [
      'create-admin',
      '--email',
      'Rosa@Cluster.example',
      '--name',
      'Rosa Condori',
      '--data',
      dataDir,
    ];
    const made = await runCli(args, {
      script: 'sync-server/admin.ts',
      stdin: `${TEST_PASSWORD}\n`,
    });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('rosa@cluster.example');
    const again = await runCli(args, {
      script: 'sync-server/admin.ts',
      stdin: `${TEST_PASSWORD}\n`,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Ya existe');

    const server = await startServer({ dataDir });
    const signedIn = await login(server.url, 'rosa@cluster.example', TEST_PASSWORD);
    expect(signedIn.user.workspaceRole).toBe('admin');

    const reset = await runCli(
      ['reset-password', '--email', 'rosa@cluster.example', '--data', dataDir],
      {
        script: 'sync-server/admin.ts',
        stdin: 'otra-clave-mas-larga\n',
      },
    );
    expect(reset.code).toBe(0);
    expect(
      (
        await fetch(`${server.url}/api/me`, {
          headers: { Authorization: `Bearer ${signedIn.token}` },
        })
      ).status,
    ).toBe(401);
    await login(server.url, 'rosa@cluster.example', 'otra-clave-mas-larga');
  });
});
