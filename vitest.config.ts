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
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
