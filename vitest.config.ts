import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.ts',
      'tests/faults/**/*.test.ts',
    ],
    // One line at the end: which suites ran against the real PostgreSQL / Redis, which skipped.
    globalSetup: ['tests/support/servicesReport.ts'],
    // Three files at a time on two cores: most of a run is waiting (servers starting, sockets,
    // commits, timers: a one-worker run spends far less CPU time than wall time),
    // so a third worker fills the gaps. Tests that start server processes through tsx take
    // a few times longer while the others run, hence the minute per test and hook.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
