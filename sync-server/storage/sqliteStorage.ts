/**
 * The default Storage: one SQLite file in the data directory. WAL with synchronous=FULL means a
 * committed transaction is on disk when better-sqlite3 returns, which is what lets the server
 * send `saved` right after. The schema is migrated forward by migrations.ts.
 */
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { configure } from './migrations';
import { mergeUpdates, prefixEnd, type RoomSize, type Storage } from './storage';

interface UpdateRow {
  id: number;
  data: Buffer;
}

type WorkerReply = { id: number; error?: { message: string; code?: string } } | { closed: true };

interface QueuedAppend {
  room: string;
  updates: readonly Uint8Array[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly worker: Worker;
  private queued: QueuedAppend[] = [];
  private inFlight: QueuedAppend[] | null = null;
  private sequence = 0;
  private readonly idle: Array<() => void> = [];
  private workerError: unknown = null;

  constructor(file: string) {
    this.db = configure(new Database(file));
    this.worker = new Worker(new URL('./appendWorker.mjs', import.meta.url), {
      workerData: { file },
    });
    this.worker.on('message', this.onWorkerMessage);
    // A dead append thread fails what it held; the rooms keep it pending and retry, and report.
    this.worker.on('error', (error) => {
      this.workerError = error;
      const lost = [...(this.inFlight ?? []), ...this.queued.splice(0)];
      this.inFlight = null;
      for (const append of lost) append.reject(error);
      for (const wake of this.idle.splice(0)) wake();
    });
    this.worker.unref();
  }

  async loadUpdates(room: string): Promise<Uint8Array[]> {
    const rows = this.db
      .prepare<[string], UpdateRow>('SELECT id, data FROM updates WHERE room = ? ORDER BY id')
      .all(room);
    return rows.map((row) => new Uint8Array(row.data));
  }

  /**
   * Group commit off the event loop: appends wait in a queue while the append thread
   * (appendWorker.mjs) commits the previous group; then every room's appends that arrived
   * meanwhile go in one transaction, one fsync. Each promise resolves only after the
   * transaction that holds it committed, or rejects with its error.
   */
  appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ room, updates, resolve, reject });
      if (this.inFlight === null) setImmediate(() => this.commitQueued());
    });
  }

  private commitQueued(): void {
    if (this.inFlight !== null || this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    if (this.workerError !== null) {
      for (const append of batch) append.reject(this.workerError);
      return;
    }
    this.inFlight = batch;
    this.worker.ref();
    this.worker.postMessage({
      id: ++this.sequence,
      batch: batch.map(({ room, updates }) => [room, updates]),
    });
  }

  private readonly onWorkerMessage = (message: WorkerReply): void => {
    if ('closed' in message) return;
    const batch = this.inFlight ?? [];
    this.inFlight = null;
    this.worker.unref();
    if (message.error !== undefined) {
      const error = Object.assign(new Error(message.error.message), { code: message.error.code });
      for (const append of batch) append.reject(error);
    } else {
      for (const append of batch) append.resolve();
    }
    this.commitQueued();
    if (this.inFlight === null) for (const wake of this.idle.splice(0)) wake();
  };

  /** Resolves once nothing is queued or being committed. */
  private drained(): Promise<void> {
    if (this.inFlight === null && this.queued.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async compact(room: string): Promise<void> {
    this.db
      .transaction(() => {
        const rows = this.db
          .prepare<[string], UpdateRow>('SELECT id, data FROM updates WHERE room = ? ORDER BY id')
          .all(room);
        if (rows.length < 2) return;
        const merged = mergeUpdates(rows.map((row) => row.data));
        this.db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)').run(room, merged);
        this.afterMergedStateWritten(room);
        this.db
          .prepare('DELETE FROM updates WHERE room = ? AND id <= ?')
          .run(room, rows[rows.length - 1]!.id);
      })
      .immediate();
  }

  /** Runs inside the compaction transaction; tests override it to crash at the worst moment. */
  protected afterMergedStateWritten(_room: string): void {}

  async roomSizes(prefix: string): Promise<RoomSize[]> {
    return this.db
      .prepare<[string, string], RoomSize>(
        'SELECT room, SUM(length(data)) AS bytes FROM updates WHERE room >= ? AND room < ? GROUP BY room ORDER BY room',
      )
      .all(prefix, prefixEnd(prefix))
      .map((row) => ({ room: row.room, bytes: Number(row.bytes) }));
  }

  async check(): Promise<void> {
    this.db.prepare('SELECT count(*) FROM updates WHERE 0').get();
  }

  async close(): Promise<void> {
    if (this.queued.length > 0) this.commitQueued();
    await this.drained();
    await this.worker.terminate();
    if (this.db.open) this.db.close();
  }
}
