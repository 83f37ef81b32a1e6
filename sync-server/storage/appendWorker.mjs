/**
 * The thread that appends room updates to SQLite. A commit with synchronous=FULL waits for an
 * fsync; on the event loop that wait stalls every relay and handshake behind it, so appends run
 * here, on their own connection, and the main thread only posts batches and hears back. Plain
 * JavaScript: a worker is started by Node itself, without the TypeScript loader.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// On Linux a thread's nice value is its own: this thread yields a shared core to the relay.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted or not supported: appends run at the process's priority.
}
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
const append = db.transaction((batch) => {
  for (const [room, updates] of batch) for (const update of updates) insert.run(room, update);
});

parentPort.on('message', (message) => {
  if (message.close) {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  try {
    append(message.batch);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({
      id: message.id,
      error: { message: String(error?.message ?? error), code: error?.code },
    });
  }
});
