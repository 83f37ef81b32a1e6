/**
 * Read-only view of the local changes the server has not confirmed yet, room by room, for the
 * sync panel: how many, since when, and the changes themselves merged into one Yjs update (what
 * "Exportar cambios" hands to an administrator). Reads the `changes` table the persistence
 * layer keeps; never writes it.
 */
import * as Y from 'yjs';
import { parseRoom, type Room } from '../../shared/protocol/rooms';
import type { WorkspaceDexie } from '../storage/workspaceDb';

export interface PendingRoom {
  /** Canonical room name (`g/<group>/doc/<doc>`…). */
  name: string;
  room: Room;
  /** Stored bursts of editing not yet on the server (the indicator's count). */
  changes: number;
  /** When the latest of them was made (ms since epoch). */
  lastChangeAt: number;
}

/** Every room with pending changes, the most recently edited first. */
export async function readPendingRooms(db: WorkspaceDexie): Promise<PendingRoom[]> {
  const byRoom = new Map<string, { changes: number; lastChangeAt: number }>();
  await db.changes.each((row) => {
    const entry = byRoom.get(row.room) ?? { changes: 0, lastChangeAt: 0 };
    entry.changes += 1;
    entry.lastChangeAt = Math.max(entry.lastChangeAt, row.at);
    byRoom.set(row.room, entry);
  });
  const rooms: PendingRoom[] = [];
  for (const [name, entry] of byRoom) {
    const room = parseRoom(name);
    if (room !== null) rooms.push({ name, room, ...entry });
  }
  return rooms.sort((a, b) => b.lastChangeAt - a.lastChangeAt || a.name.localeCompare(b.name));
}

/** A room's pending changes as one Yjs update (Y.applyUpdate puts them into any copy). */
export async function readPendingUpdate(db: WorkspaceDexie, name: string): Promise<Uint8Array> {
  const rows = await db.changes.where('room').equals(name).toArray();
  return Y.mergeUpdates(rows.map((row) => row.update));
}
