/**
 * Named transaction origins. Every write to a Y.Doc happens inside `doc.transact(fn, origin)`
 * with one of these, so persistence and sync can tell a person's edit from a migration or
 * the demo seed, and undo managers can track only what the person did.
 */
export const Origin = {
  /** A change made by the person at this computer. */
  local: 'minka:local',
  /** A schema migration step; idempotent and safe to run on every replica. */
  migration: 'minka:migration',
  /** Content written by the demo seed on first run. */
  seed: 'minka:seed',
  /** A version restored as new edits (shared/ydoc/versions.ts). */
  restore: 'minka:restore',
  /** Written by the sync server itself (a sign-off answer's observations thread). */
  server: 'minka:server',
} as const;

export type Origin = (typeof Origin)[keyof typeof Origin];
