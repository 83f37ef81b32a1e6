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
  // The same reading as DexiePersistence's open: the state, then each row (linear, where
  // Y.mergeUpdates over the rows is not), in one read transaction.
  const [state, rows] = await db.transaction('r', db.states, db.updates, () =>
    Promise.all([db.states.get(room), db.updates.where('room').equals(room).toArray()]),
  );
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (state !== undefined) Y.applyUpdateV2(doc, state.update);
      for (const row of rows) Y.applyUpdate(doc, row.update);
    });
    return read(doc);
  } finally {
    doc.destroy();
  }
}
