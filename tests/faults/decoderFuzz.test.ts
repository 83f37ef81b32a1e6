/**
 * Runs the decoder fuzz (decoderFuzz.ts) in its own process with a watchdog: no line of progress
 * for 10 s is a hang. Short here (npm test); `npm run test:faults` runs it long with
 * FUZZ_FRAMES. The seed is printed so a failure can be replayed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const frames = Number(process.env.FUZZ_FRAMES ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

it(
  `decoder fuzz: ${frames} mutated frames, seed ${seed}: no crash, no hang`,
  { timeout: 14 * 60_000 },
  async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/faults/decoderFuzz.ts', String(seed), String(frames)],
      { cwd: repoRoot },
    );
    let output = '';
    let errors = '';
    let hung = false;
    let watchdog = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, 10_000);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(watchdog);
    expect(hung, `no progress for 10 s (seed ${seed})`).toBe(false);
    expect(code, errors).toBe(0);
    const summary = JSON.parse(output.trim().split('\n').pop()!) as { crashes: number };
    console.info(`decoder fuzz: ${output.trim().split('\n').pop()}`);
    expect(summary.crashes, errors).toBe(0);
  },
);
