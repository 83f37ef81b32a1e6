/**
 * Where the benchmarks write: bench/results.json (one key per benchmark, the others kept) and
 * a table between markers in docs/performance.md (the prose around it kept), both formatted
 * with the project's prettier settings so `npm run lint` stays green after a run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';

async function format(file: string, text: string): Promise<string> {
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...config, filepath: file });
}

/** Merges `sections` into bench/results.json, keeping what other benchmarks wrote there. */
export async function writeResults(sections: Record<string, unknown>): Promise<void> {
  const file = path.join('bench', 'results.json');
  mkdirSync('bench', { recursive: true });
  let current: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      // Results written before they had sections (one flat object) are the server bench's.
      current = 'latency' in parsed ? { server: parsed } : parsed;
    } catch {
      current = {};
    }
  }
  writeFileSync(file, await format(file, JSON.stringify({ ...current, ...sections })));
}

/**
 * Replaces the table between `<!-- name:begin -->` and `<!-- name:end -->` in
 * docs/performance.md, appending the markers when they are missing.
 */
export async function writePerformanceDoc(
  name: string,
  lines: string[],
  command: string,
  seconds: number,
): Promise<void> {
  const file = path.join('docs', 'performance.md');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const table = `${begin}\n\n_Measured ${new Date().toISOString().slice(0, 10)} by \`${command}\` (${seconds} s)._\n\n${lines.join('\n')}\n\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `${begin}\n${end}\n`;
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const next =
    from === -1 || to === -1
      ? `${current}\n${table}\n`
      : current.slice(0, from) + table + current.slice(to + end.length);
  writeFileSync(file, await format(file, next));
}
