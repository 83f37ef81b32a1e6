/**
 * A room's content as this computer stored it, read without opening the room (no socket, no
 * persistence): for read-only uses such as a search result's snippet.
 */
import * as Y from 'yjs';
import type { WorkspaceDexie } from './workspaceDb';

export async function readStoredDoc<T>(
  db: WorkspaceDexie,
  room: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const rows = await db.updates.where('room').equals(room).toArray();
  const doc = new Y.Doc();
  try {
    if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((row) => row.update)));
    return read(doc);
  } finally {
    doc.destroy();
  }
}
