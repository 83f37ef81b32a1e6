/**
 * Vitest global setup: at the end of the run, one line saying which suites ran against which
 * real services (PostgreSQL, Redis) and which were skipped for lack of them (services.ts).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';

export function setup(): () => void {
  process.env.MINKA_TEST_RUN ??= String(process.pid);
  // Imported after the run id is set, so SERVICES_LOG names this run's file.
  const file = `${process.env.TMPDIR ?? '/tmp'}/minka-test-services-${process.env.MINKA_TEST_RUN}.jsonl`;
  rmSync(file, { force: true });
  return () => {
    if (!existsSync(file)) return;
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { suite: string; services: string[]; skipped: boolean });
    rmSync(file, { force: true });
    const bySuite = new Map<string, string>();
    for (const row of rows) {
      bySuite.set(
        row.suite,
        row.skipped ? `SKIPPED (no ${row.services.join('+')})` : row.services.join('+'),
      );
    }
    console.log(
      `Services: ${[...bySuite].map(([suite, services]) => `${suite} → ${services}`).join('; ')}`,
    );
  };
}
