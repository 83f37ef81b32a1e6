/**
 * The local database of one person on one server: every room this computer has seen (its
 * merged state plus the updates stored since), the local changes still to be confirmed by the
 * server, what the server last said it saved per room.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CreateVersionBody, GroupSignoff } from '../../shared/protocol/versionsApi';

/** One Yjs update of a room, stored as it happened; folded into the room's state later. */
export interface UpdateRow {
  seq?: number;
  room: string;
  update: Uint8Array;
}

/**
 * A room's merged state (Y.encodeStateAsUpdateV2 of the whole doc at the time it was written):
 * a room is this state plus its update rows. `writer` names the persistence that wrote it, so
 * another tab that folds the same room later first takes in what this one holds.
 */
export interface StateRow {
  room: string;
  update: Uint8Array;
  writer: string;
}

/**
 * A local change the server has not confirmed yet: the Yjs update of one burst of editing
 * (keystrokes close together are merged into one change), kept until the server's `saved`
 * snapshot contains everything it inserts and deletes.
 */
export interface ChangeRow {
  id?: number;
  room: string;
  update: Uint8Array;
  /** When the burst was last extended (ms since epoch). */
  at: number;
}

export interface RoomRow {
  room: string;
  /** Y.encodeSnapshot of what the server has saved (state vector + delete set). */
  savedSnapshot: Uint8Array | null;
}

/** One row of search data: the serialized index, or a setting such as the groups kept offline. */
export interface SearchRow {
  key: string;
  value: unknown;
}

/**
 * An HTTP operation made offline, replayed in order when the server answers (ARCHITECTURE §5):
 * today, registering a named version captured at the state the person saw. `failed` holds the
 * code of a refusal that retrying cannot fix, so the row is shown, not lost nor resent forever.
 */
export interface OutboxRow {
  seq?: number;
  kind: 'createVersion';
  groupId: string;
  docId: string;
  body: CreateVersionBody;
  at: number;
  failed?: string;
}

/** The last sign-off outcomes the server gave for a group's documents, shown while offline. */
export interface SignoffsRow {
  groupId: string;
  signoffs: GroupSignoff[];
}

export type WorkspaceDexie = Dexie & {
  updates: EntityTable<UpdateRow, 'seq'>;
  states: EntityTable<StateRow, 'room'>;
  changes: EntityTable<ChangeRow, 'id'>;
  rooms: EntityTable<RoomRow, 'room'>;
  search: EntityTable<SearchRow, 'key'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  signoffs: EntityTable<SignoffsRow, 'groupId'>;
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
  // Version 1 recorded changes by clock only, which cannot vouch for deletions. Its updates are
  // all still stored and the sync protocol resends what the server lacks, so dropping the old
  // bookkeeping loses nothing; the next `saved` rebuilds it.
  db.version(2)
    .stores({ updates: '++seq, room', changes: '++id, room', rooms: 'room', cache: 'key' })
    .upgrade(async (tx) => {
      await tx.table('changes').clear();
      await tx.table('rooms').clear();
    });
  // Version 2 had a `cache` table for a workspace record nothing read (the last `me` lives in
  // the session cache, features/account/sessionCache.ts): dropped.
  db.version(3).stores({ cache: null });

  // Version 4: the outbox of operations made offline (named versions).
  db.version(4).stores({ outbox: '++seq, docId' });
  // The offline search index and its settings (features/search/SearchService.ts): a few rows,
  // deleted with the rest of the person's database at sign-out.
  db.version(5).stores({ search: 'key' });
  // Version 6: the sign-off outcomes of each group's documents, for the sidebar while offline
  // (features/versions/useGroupSignoffs.ts).
  db.version(6).stores({ signoffs: 'groupId' });
  // Version 7: each room's merged state beside its update log, so a room opens from one state
  // plus a short tail (DexiePersistence folds the log into it in the background). Existing
  // update rows stay as they are: a room without a state opens from its rows alone and is
  // folded after its first open.
  db.version(7).stores({ states: 'room' });
  return db;
}

/** Rooms that hold local changes the server has not confirmed yet. */
export async function roomsWithPendingChanges(db: WorkspaceDexie): Promise<string[]> {
  const rooms = new Set<string>();
  await db.changes.each((row) => rooms.add(row.room));
  return [...rooms];
}
