/**
 * What the sync server needs from a database, and nothing more (the Hocuspocus idea: a storage
 * only loads and stores). A room is a list of Yjs updates, appended as they are committed and
 * now and then compacted into one. The interface is async although SQLite is synchronous, so a
 * PostgreSQL implementation can sit behind it unchanged.
 */
import * as Y from 'yjs';

export interface RoomSize {
  room: string;
  bytes: number;
}

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
  /**
   * Bytes stored for each room whose name starts with `prefix` (the sum of its update rows),
   * for rooms that have any. What a client downloads to keep those rooms offline is at most
   * about this (the server sends a room's merged state, never larger than its rows).
   */
  roomSizes(prefix: string): Promise<RoomSize[]>;
  /** Rejects when the database cannot be read (used by /healthz). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The smallest string greater than every string that starts with `prefix`: a range scan
 * `prefix <= room < prefixEnd(prefix)` uses the room index where `LIKE 'prefix%'` may not.
 */
export function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
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
