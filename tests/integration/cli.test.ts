import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/cli.ts', ...args], { cwd: repoRoot });
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
