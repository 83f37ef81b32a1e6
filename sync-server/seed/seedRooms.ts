/**
 * Room writes for the demo seed, which runs on storage before any server (and so any live room)
 * exists: the same documents and boards the API makes (innovation/documents.ts), appended to the
 * rooms' stored updates.
 */
import * as Y from 'yjs';
import type { RoomWriter } from '../innovation/documents';
import { mergeUpdates, type Storage } from '../storage/storage';

/** Appends to a room what `change` writes on top of what the room holds. */
export async function writeRoom(
  storage: Storage,
  name: string,
  change: (doc: Y.Doc) => void,
): Promise<void> {
  const doc = new Y.Doc();
  const stored = await storage.loadUpdates(name);
  if (stored.length > 0) Y.applyUpdate(doc, mergeUpdates(stored));
  const before = Y.encodeStateVector(doc);
  change(doc);
  await storage.appendUpdates(name, [Y.encodeStateAsUpdate(doc, before)]);
  doc.destroy();
}

/** A RoomWriter on stored updates, with the seed's clock. */
export function storedRooms(storage: Storage, now: number): RoomWriter & { storage: Storage } {
  return { storage, now: () => now, withRoom: (name, change) => writeRoom(storage, name, change) };
}
