/**
 * What the sync server needs from a database, and nothing more (the Hocuspocus idea: a storage
 * only loads and stores). A room is a list of Yjs updates, appended as they are committed and
 * now and then compacted into one. The interface is async although SQLite is synchronous, so a
 * PostgreSQL implementation can sit behind it unchanged.
 */
import * as Y from 'yjs';

export interface Storage {
  /** Every stored update of a room, in commit order; empty for a room never written. */
  loadUpdates(room: string): Promise<Uint8Array[]>;
  /** Appends all `updates` in one transaction: after it resolves they survive a crash. */
  appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<void>;
  /**
   * Replaces a room's updates by their merged state. The merged row is written and the rows it
   * replaces are deleted in one transaction, so a crash leaves either the old rows or the new one.
   */
  compact(room: string): Promise<void>;
  /** Rejects when the database cannot be read (used by /healthz). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Merges updates through a Y.Doc rather than Y.mergeUpdates: the document garbage-collects
 * deleted content, so a compacted room is the size of what it shows, not of its history.
 */
export function mergeUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
