/**
 * Signing out drops the token, never someone's work. Changes still only on this computer
 * (IndexedDB `changes` rows the server has not confirmed) make the UI ask first; if the person
 * signs out anyway, their database stays and syncs at their next sign-in on this server. A
 * database is deleted only after its writes are flushed and it holds no pending change.
 */
import Dexie from 'dexie';
import type { WorkspaceDexie } from '../../storage/workspaceDb';

export type SignOutPlan =
  | { kind: 'signOut' }
  /** Changes wait on this computer: say how many and let the person choose. */
  | { kind: 'ask'; pending: number };

/** `registryPending` counts open rooms; `storedPending` counts the database's change rows. */
export function planSignOut(registryPending: number, storedPending: number): SignOutPlan {
  const pending = Math.max(registryPending, storedPending);
  return pending > 0 ? { kind: 'ask', pending } : { kind: 'signOut' };
}

export async function countStoredPending(db: WorkspaceDexie): Promise<number> {
  return db.changes.count();
}

export interface LocalDataOutcome {
  deleted: boolean;
  /** Changes left on this computer for the next sign-in. */
  pending: number;
}

/**
 * Called after the registry is destroyed (every write flushed). Deletes the person's local
 * database only when `mayDelete` and it holds no pending change; otherwise closes it intact.
 */
export async function releaseLocalData(
  db: WorkspaceDexie,
  mayDelete: boolean,
): Promise<LocalDataOutcome> {
  const pending = await countStoredPending(db);
  const name = db.name;
  db.close();
  if (!mayDelete || pending > 0) return { deleted: false, pending };
  await Dexie.delete(name);
  return { deleted: true, pending: 0 };
}
