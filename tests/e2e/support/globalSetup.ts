/**
 * Playwright's global set-up: bundles the sync server once (esbuild, packages left external) so
 * that each test starts it as plain JavaScript instead of compiling every TypeScript module again
 * through tsx. Each end-to-end test starts at least one server; under load that compile was
 * most of a start. The bundle is the same source; only the loading differs.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SERVER_BUNDLE_ENV } from './servers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export default async function globalSetup(): Promise<void> {
  const outDir = path.join(root, 'out/e2e-server');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'cli.mjs');
  await build({
    entryPoints: [path.join(root, 'sync-server/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    outfile,
    logLevel: 'warning',
  });
  // The storage's commit worker is loaded by URL beside the module that starts it.
  copyFileSync(
    path.join(root, 'sync-server/storage/appendWorker.mjs'),
    path.join(outDir, 'appendWorker.mjs'),
  );
  // Workers start after this and inherit the environment.
  process.env[SERVER_BUNDLE_ENV] = outfile;
}
