/**
 * The local database of one person on one server: every Yjs update of every room this
 * computer has seen, the local changes still to be confirmed by the server, the server's last
 * `saved` vector per room, and the cached workspace so the app opens without a network.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Workspace } from '../../shared/model/workspace';

export interface UpdateRow {
  seq?: number;
  room: string;
  update: Uint8Array;
}

/**
 * A local transaction not yet covered by the server's `saved` vector. `endClock` is the clock
 * after the transaction for `clientId`; null when the transaction only deleted (a delete adds
 * no clock, so only a later `saved` on a synced connection can vouch for it).
 */
export interface ChangeRow {
  id?: number;
  room: string;
  clientId: number;
  endClock: number | null;
}

export interface RoomRow {
  room: string;
  savedVector: Uint8Array | null;
}

interface CacheRow {
  key: string;
  value: unknown;
}

export type WorkspaceDexie = Dexie & {
  updates: EntityTable<UpdateRow, 'seq'>;
  changes: EntityTable<ChangeRow, 'id'>;
  rooms: EntityTable<RoomRow, 'room'>;
  cache: EntityTable<CacheRow, 'key'>;
};

/** One database per server and local profile, so two servers or people never mix. */
export function workspaceDbName(serverUrl: string, profileId: string): string {
  return `minka:${new URL(serverUrl).origin}:${profileId}`;
}

export function openWorkspaceDb(name: string): WorkspaceDexie {
  const db = new Dexie(name) as WorkspaceDexie;
  db.version(1).stores({
    updates: '++seq, room',
    changes: '++id, room',
    rooms: 'room',
    cache: 'key',
  });
  return db;
}

export async function readCachedWorkspace(db: WorkspaceDexie): Promise<Workspace | null> {
  const row = await db.cache.get('workspace');
  return row === undefined ? null : (row.value as Workspace);
}

export async function writeCachedWorkspace(db: WorkspaceDexie, workspace: Workspace): Promise<void> {
  await db.cache.put({ key: 'workspace', value: workspace });
}

/** Rooms that hold local changes the server has not confirmed yet. */
export async function roomsWithPendingChanges(db: WorkspaceDexie): Promise<string[]> {
  const rooms = new Set<string>();
  await db.changes.each((row) => rooms.add(row.room));
  return [...rooms];
}
