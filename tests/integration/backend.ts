/**
 * Which database the integration helpers give a test server: SQLite (the default) or, in the
 * suites under tests/integration/postgres/, a PostgreSQL database of the test's own. A module of
 * its own, so a suite that switches it (before importing the shared tests) affects only itself:
 * vitest gives every test file a fresh module registry.
 */
export const backend = { postgres: false };

/** Test data directory → the PostgreSQL URL its server uses (for fixtures.openAccounts). */
export const postgresOf = new Map<string, string>();
