/**
 * Where a keystroke's time goes: the keystroke half of `npm run bench:browser` (Minka's build and
 * the plain Tiptap page, same content, paced keys in the middle of the document) under a CPU
 * profile, told per source module and per 100 keys. JS time per key is far steadier on a loaded
 * machine than latency, so it is what decides which of Minka's per-keystroke work to cut.
 *
 *   npx electron-vite build && npx tsx tests/bench/browser/keys.ts
 *
 * Env: PROBE_SIZE (small | B4 | 2MB; B4), PROBE_ROUNDS (3), PROBE_KEYS (40), PROBE_BUILD (another
 * renderer build), PROBE_OUT (the .cpuprofile files and keys.json; default /tmp/minka-probes).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startSyncServer } from '../../e2e/support/servers';
import { loadSequentialTrace } from '../traces';
import { buildDir, formatSummary, Profiler, type ProfileSummary } from './profile';
import {
  buildPages,
  launchBenchChromium,
  openMinka,
  openMinkaDocument,
  openPlain,
  paragraphs,
  servePages,
  typeKeys,
} from './typing';

const SIZE = process.env.PROBE_SIZE ?? 'B4';
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 3);
const KEYS = Number(process.env.PROBE_KEYS ?? 40);
const OUT = process.env.PROBE_OUT ?? '/tmp/minka-probes';

function text(): string {
  const b4 = loadSequentialTrace('automerge-paper').endContent;
  if (SIZE === 'small')
    return Array.from(
      { length: 12 },
      (_, i) =>
        `Párrafo ${i + 1}: la mesa técnica revisa el relave, el agua y la seguridad de la faena.`,
    ).join('\n');
  if (SIZE === '2MB')
    return Array.from({ length: Math.ceil((2 * 1024 * 1024) / b4.length) }, () => b4).join('\n');
  return b4;
}

/** A summary scaled to 100 keystrokes. */
function per100(summary: ProfileSummary): ProfileSummary {
  const k = 100 / KEYS;
  const r = (ms: number) => Math.round(ms * k * 10) / 10;
  return {
    totalMs: r(summary.totalMs),
    jsMs: r(summary.jsMs),
    gcMs: r(summary.gcMs),
    programMs: r(summary.programMs),
    byModule: summary.byModule.map((m) => ({ ...m, ms: r(m.ms) })),
    byFunction: summary.byFunction.map((f) => ({ ...f, ms: r(f.ms) })),
  };
}

async function profileTyping(page: Page, file: string): Promise<ProfileSummary> {
  const profiler = await Profiler.start(page);
  await typeKeys(page, KEYS);
  return per100(await profiler.stop(path.join(OUT, file)));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const content = paragraphs(text());
  const pagesDir = await buildPages();
  const pages = await servePages(pagesDir, {});
  const sync = await startSyncServer({ staticDir: buildDir() });
  const browser = await launchBenchChromium();
  const results = { minka: [] as ProfileSummary[], plain: [] as ProfileSummary[] };
  try {
    const minka = await openMinka(browser, sync.url);
    await openMinkaDocument(minka, 'Lineamientos estratégicos del clúster — borrador', content);
    const plain = await openPlain(browser, pages.url, content);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['minka', 'plain'] as const) : (['plain', 'minka'] as const);
      for (const which of order) {
        const summary = await profileTyping(
          which === 'minka' ? minka : plain,
          `keys-${SIZE}-${which}-${round}.cpuprofile`,
        );
        results[which].push(summary);
        console.log(formatSummary(`${which}, round ${round + 1}, per 100 keys`, summary));
      }
    }
  } finally {
    await browser.close();
    await sync.stop().catch(() => undefined);
    rmSync(sync.dataDir, { recursive: true, force: true });
    pages.server.close();
    rmSync(pagesDir, { recursive: true, force: true });
  }
  const median = (list: ProfileSummary[]) => {
    const js = list.map((r) => r.jsMs).sort((a, b) => a - b);
    return js[Math.floor(js.length / 2)]!;
  };
  console.log(
    `\nJS per 100 keys, ${SIZE}: Minka median ${median(results.minka)} ms, plain median ${median(results.plain)} ms`,
  );
  writeFileSync(
    path.join(OUT, `keys-${SIZE}.json`),
    JSON.stringify({ size: SIZE, keys: KEYS, ...results }, null, 2),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
