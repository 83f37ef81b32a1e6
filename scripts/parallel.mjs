#!/usr/bin/env node
/**
 * Runs several npm scripts at once (`node scripts/parallel.mjs lint typecheck`) and fails if any
 * fails. `npm test` uses it for the lint, the type check, the build and vitest: the first three
 * keep a core busy each, while vitest mostly waits on the servers, sockets and timers of its
 * tests, so together they take little more than vitest alone. Each script's output is printed
 * whole when it ends, so the log reads as if they had run in turn.
 */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('Uso: node scripts/parallel.mjs <script> [<script> …]');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const runs = names.map(
  (name) =>
    new Promise((resolve) => {
      const child = spawn(npm, ['run', '--silent', name], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
      });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
      child.on('close', (code) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        process.stdout.write(`\n> npm run ${name} (${seconds} s, exit ${code})\n`);
        process.stdout.write(Buffer.concat(output));
        resolve(code === 0);
      });
    }),
);

const results = await Promise.all(runs);
const failed = names.filter((_, index) => !results[index]);
if (failed.length > 0) {
  console.error(`\nFalló: ${failed.join(', ')}`);
  process.exit(1);
}
