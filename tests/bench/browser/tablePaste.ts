/**
 * Pasting a 30-column × 500-row table (HTML, as a spreadsheet or a web page puts it on the
 * clipboard) into a document: how long the page is frozen, and whose code the time is spent in
 * (ProseMirror parsing and drawing the table, the Yjs binding writing it, or Minka's own
 * extensions reacting to it: outline and counts, search indexing, review layer, persistence).
 *
 *   npx electron-vite build && npx tsx tests/bench/browser/tablePaste.ts
 *
 * Env: PROBE_ROUNDS (3), PROBE_ROWS (500), PROBE_COLS (30), PROBE_BUILD, PROBE_OUT.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatSummary, Profiler, type ProfileSummary } from './profile';
import { openProbeSession } from './session';

const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 3);
const ROWS = Number(process.env.PROBE_ROWS ?? 500);
const COLS = Number(process.env.PROBE_COLS ?? 30);
const OUT = process.env.PROBE_OUT ?? '/tmp/minka-probes';
/** How long after the paste the page is watched for work it does because of it. */
const SETTLE_MS = 8_000;

interface PasteRound {
  /** The paste event's own handling (ProseMirror parses, the transaction is applied). */
  dispatchMs: number;
  /** The longest task the page ran from the paste until it settled: how long it froze. */
  longestTaskMs: number;
  /** All long tasks (> 50 ms) in that time. */
  longTasksMs: number;
  profile: ProfileSummary;
}

function tableHtml(rows: number, cols: number): string {
  const cell = (r: number, c: number) => `<td>Fila ${r + 1}, col. ${c + 1}</td>`;
  const header = `<tr>${Array.from({ length: cols }, (_, c) => `<th>Columna ${c + 1}</th>`).join('')}</tr>`;
  const body = Array.from(
    { length: rows },
    (_, r) => `<tr>${Array.from({ length: cols }, (_, c) => cell(r, c)).join('')}</tr>`,
  ).join('');
  return `<table><tbody>${header}${body}</tbody></table>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const html = tableHtml(ROWS, COLS);
  const results: PasteRound[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // A fresh browser each round: the document holds only the seeded text, then the pasted table.
    const session = await openProbeSession();
    try {
      const { page } = session;
      const editor = page.getByRole('textbox', { name: 'Contenido del documento' });
      await editor.click();
      await editor.press('Control+End');
      await editor.press('Enter');
      await page.waitForTimeout(1500);
      await page.evaluate(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
        }).observe({ type: 'longtask' });
      });
      const profiler = await Profiler.start(page);
      const dispatchMs = await page.evaluate((markup) => {
        const target = document.querySelector('.ProseMirror')!;
        const data = new DataTransfer();
        data.setData('text/html', markup);
        data.setData('text/plain', 'tabla');
        const started = performance.now();
        target.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
        return performance.now() - started;
      }, html);
      await page.waitForFunction(
        (rows) =>
          (document.querySelector('.ProseMirror table')?.querySelectorAll('tr').length ?? 0) >=
          rows,
        ROWS,
        { timeout: 120_000 },
      );
      await page.waitForTimeout(SETTLE_MS);
      const profile = await profiler.stop(path.join(OUT, `tablePaste-${round}.cpuprofile`));
      const tasks = await page.evaluate(
        () => (window as unknown as { __longTasks: number[] }).__longTasks,
      );
      const result = {
        dispatchMs: Math.round(dispatchMs),
        longestTaskMs: Math.round(Math.max(0, ...tasks)),
        longTasksMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
        profile,
      };
      results.push(result);
      console.log(
        `round ${round + 1}: paste handler ${result.dispatchMs} ms, longest task ${result.longestTaskMs} ms, long tasks ${result.longTasksMs} ms`,
      );
      console.log(formatSummary(`round ${round + 1}`, profile));
    } finally {
      await session.close();
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const summary = {
    rows: ROWS,
    cols: COLS,
    medianDispatchMs: median(results.map((r) => r.dispatchMs)),
    medianLongestTaskMs: median(results.map((r) => r.longestTaskMs)),
    medianLongTasksMs: median(results.map((r) => r.longTasksMs)),
    medianJsMs: median(results.map((r) => r.profile.jsMs)),
  };
  console.log(`\n${COLS} × ${ROWS} table paste, medians: ${JSON.stringify(summary)}`);
  writeFileSync(
    path.join(OUT, 'tablePaste.json'),
    JSON.stringify({ ...summary, rounds: results }, null, 2),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
