/**
 * Cold open from local storage in the browser: Minka's DexiePersistence (the renderer's own
 * class, on its own IndexedDB schema) against y-indexeddb, each reading a document stored as
 * one update, as every keystroke update of a trace seeded straight into its tables (the open
 * path's worst case: a log nothing ever folded), or as whatever its own write path left after
 * those updates were applied with the store attached. The runner seeds a database, reloads the
 * page (nothing cached in memory) and times `open` until the Y.Doc holds the whole text.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { DexiePersistence } from '../../../renderer/storage/DexiePersistence';
import { openWorkspaceDb } from '../../../renderer/storage/workspaceDb';

type Store = 'minka' | 'y-indexeddb';

const ROOM = 'g/bench/doc/cold-open';

/** Updates as the runner serves them: each a 4-byte little-endian length, then its bytes. */
async function fetchUpdates(url: string): Promise<Uint8Array[]> {
  const buffer = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const view = new DataView(buffer.buffer);
  const updates: Uint8Array[] = [];
  for (let at = 0; at < buffer.byteLength;) {
    const length = view.getUint32(at, true);
    // A copy, not a view: IndexedDB clones a view's whole underlying buffer into every row.
    updates.push(buffer.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return updates;
}

/** Updates applied per task by `write`, as fast as the page can while the store keeps up. */
const WRITE_SLICE = 500;

/** Rows each store holds for the room: Minka's update rows plus its state row. */
async function storedRows(store: Store, name: string): Promise<number> {
  if (store === 'minka') {
    const db = openWorkspaceDb(name);
    const rows = (await db.updates.count()) + (await db.states.count());
    db.close();
    return rows;
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise<number>((resolve, reject) => {
    const request = db.transaction('updates').objectStore('updates').count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return rows;
}

/**
 * Stores the updates through the store's own write path: each applied to a Y.Doc in its own
 * transaction with the store attached, `WRITE_SLICE` per task; then waits until the store has
 * stopped rewriting itself (y-indexeddb trims 1 s after the last update once it holds 500 rows;
 * Minka folds in the background). For Minka they count as received, not typed here: typed ones
 * would also leave change rows until the server saved them. Returns the rows left.
 */
async function write(store: Store, name: string, url: string): Promise<number> {
  const updates = await fetchUpdates(url);
  const doc = new Y.Doc();
  const persistence =
    store === 'minka'
      ? new DexiePersistence(openWorkspaceDb(name), ROOM, doc, {
          walStorage: null,
          isRemoteOrigin: () => true,
        })
      : new IndexeddbPersistence(name, doc);
  await ('whenLoaded' in persistence ? persistence.whenLoaded : persistence.whenSynced);
  for (let at = 0; at < updates.length; at += WRITE_SLICE) {
    for (const update of updates.slice(at, at + WRITE_SLICE)) Y.applyUpdate(doc, update, 'peer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if ('whenWritten' in persistence) await persistence.whenWritten();
  let rows = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const now = await storedRows(store, name);
    if (now === rows) break;
    rows = now;
  }
  await persistence.destroy();
  return rows;
}

async function seed(store: Store, name: string, url: string): Promise<number> {
  const updates = await fetchUpdates(url);
  if (store === 'minka') {
    const db = openWorkspaceDb(name);
    await db.updates.bulkAdd(updates.map((update) => ({ room: ROOM, update })));
    db.close();
    return updates.length;
  }
  // y-indexeddb's own layout: a database per document, an auto-increment `updates` store.
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('updates', { autoIncrement: true });
      request.result.createObjectStore('custom');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('updates', 'readwrite');
    const updatesStore = tx.objectStore('updates');
    for (const update of updates) updatesStore.add(update);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return updates.length;
}

/** Milliseconds from nothing in memory to a Y.Doc holding `expectedLength` characters. */
async function open(store: Store, name: string, expectedLength: number): Promise<number> {
  const started = performance.now();
  const doc = new Y.Doc();
  if (store === 'minka') {
    const persistence = new DexiePersistence(openWorkspaceDb(name), ROOM, doc, {
      walStorage: null,
    });
    await persistence.whenLoaded;
  } else {
    const persistence = new IndexeddbPersistence(name, doc);
    await persistence.whenSynced;
  }
  const ms = performance.now() - started;
  // eslint-disable-next-line no-restricted-syntax
  const length = doc.getText('body').length;
  if (length !== expectedLength) throw new Error(`${store} opened ${length} of ${expectedLength}`);
  return ms;
}

declare global {
  interface Window {
    benchSeed: typeof seed;
    benchWrite: typeof write;
    benchOpen: typeof open;
  }
}

window.benchSeed = seed;
window.benchWrite = write;
window.benchOpen = open;
