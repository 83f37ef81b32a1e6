/**
 * Keeps one room's Y.Doc in IndexedDB. On open it applies every stored update before any
 * network provider exists; afterwards it writes every update the doc emits, and for local ones
 * also a change record holding the update (a burst of keystrokes is merged into one change). A
 * change stays pending until the server's `saved` snapshot contains all it inserts and deletes,
 * which is the only thing the sync indicator believes.
 */
import * as Y from 'yjs';
import { applySaved, savedCovers, type SavedMessage } from '../../shared/protocol/saved';
import { WriteAheadLog, type KeyValueStorage } from './writeAheadLog';
import type { WorkspaceDexie } from './workspaceDb';

export interface PersistenceStatus {
  loaded: boolean;
  /** Local changes written to IndexedDB and not yet contained in what the server saved. */
  pending: number;
  /** Whether the server has ever said what it saved for this room (now or in an earlier session). */
  hasSavedVector: boolean;
}

export interface PersistenceOptions {
  /** Updates from these origins came from elsewhere: stored, but not counted as local changes. */
  isRemoteOrigin?: (origin: unknown) => boolean;
  /** Merge a room's update rows once there are more than this. */
  compactAfter?: number;
  /** Local updates less than this apart (ms) count as one change. */
  burstMs?: number;
  now?: () => number;
  /** Where the write-ahead log lives (localStorage by default; null turns it off). */
  walStorage?: KeyValueStorage | null;
}

const DEFAULT_COMPACT_AFTER = 200;
const DEFAULT_BURST_MS = 1500;

export class DexiePersistence {
  readonly whenLoaded: Promise<void>;
  private status: PersistenceStatus = { loaded: false, pending: 0, hasSavedVector: false };
  private readonly listeners = new Set<() => void>();
  private writes: Promise<unknown> = Promise.resolve();
  private updatesSinceCompaction = 0;
  private destroyed = false;
  private readonly compactAfter: number;
  private readonly burstMs: number;
  private readonly now: () => number;
  private readonly isRemoteOrigin: (origin: unknown) => boolean;
  private saved: Y.Snapshot | null = null;
  private readonly wal: WriteAheadLog;
  /** The change row the current burst of local edits extends. */
  private burst: { id: number; at: number } | null = null;

  constructor(
    private readonly db: WorkspaceDexie,
    readonly room: string,
    readonly doc: Y.Doc,
    options: PersistenceOptions = {},
  ) {
    this.compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER;
    this.burstMs = options.burstMs ?? DEFAULT_BURST_MS;
    this.now = options.now ?? Date.now;
    this.wal = new WriteAheadLog(`minka-wal|${db.name}|${room}`, options.walStorage);
    this.isRemoteOrigin = options.isRemoteOrigin ?? (() => false);
    this.whenLoaded = this.load();
  }

  getStatus(): PersistenceStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every update emitted so far is in IndexedDB. */
  whenWritten(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  /** Records a `saved` message and drops the local changes it now contains. */
  markSaved(message: SavedMessage): Promise<void> {
    return this.enqueue(async () => {
      const saved = applySaved(this.saved, message);
      this.saved = saved;
      await this.db.transaction('rw', this.db.changes, this.db.rooms, async () => {
        await this.db.rooms.put({ room: this.room, savedSnapshot: Y.encodeSnapshot(saved) });
        await this.db.changes
          .where('room')
          .equals(this.room)
          .filter((change) => savedCovers(saved, change.update))
          .delete();
      });
      await this.refreshPending(true);
    });
  }

  /** Merges this room's stored updates into one row; the content is unchanged. */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      await this.db.transaction('rw', this.db.updates, async () => {
        const rows = await this.db.updates.where('room').equals(this.room).toArray();
        if (rows.length < 2) return;
        const merged = Y.mergeUpdates(rows.map((row) => row.update));
        await this.db.updates.bulkDelete(rows.map((row) => row.seq!));
        await this.db.updates.add({ room: this.room, update: merged });
      });
      this.updatesSinceCompaction = 0;
    });
  }

  destroy(): Promise<void> {
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
    return this.whenWritten();
  }

  private async load(): Promise<void> {
    const [rows, roomRow] = await Promise.all([
      this.db.updates.where('room').equals(this.room).toArray(),
      this.db.rooms.get(this.room),
    ]);
    if (this.destroyed) return;
    if (rows.length > 0) {
      Y.applyUpdate(this.doc, Y.mergeUpdates(rows.map((row) => row.update)), this);
    }
    this.doc.on('update', this.onUpdate);
    this.replayWriteAheadLog();
    this.updatesSinceCompaction = rows.length;
    const savedSnapshot = roomRow?.savedSnapshot ?? null;
    this.saved = savedSnapshot === null ? null : Y.decodeSnapshot(savedSnapshot);
    this.status = { ...this.status, hasSavedVector: savedSnapshot !== null };
    await this.refreshPending(false);
    this.status = { ...this.status, loaded: true };
    this.emit();
    if (rows.length > this.compactAfter) void this.compact();
  }

  /**
   * Applies local updates an earlier page logged but may not have stored. Applying them as local
   * changes stores and counts them like any edit; one already stored changes nothing.
   */
  private replayWriteAheadLog(): void {
    const entries = this.wal.entries();
    if (entries.length === 0) return;
    Y.applyUpdate(this.doc, Y.mergeUpdates(entries.map((entry) => entry.update)));
    for (const entry of entries) this.wal.remove(entry.key);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    const local = !this.isRemoteOrigin(origin);
    const at = this.now();
    const walKey = local ? this.wal.append(update) : null;
    void this.enqueue(async () => {
      let counted = false;
      await this.db.transaction('rw', this.db.updates, this.db.changes, async () => {
        await this.db.updates.add({ room: this.room, update });
        if (!local) return;
        const burst = this.burst !== null && at - this.burst.at < this.burstMs ? this.burst : null;
        const extended = burst === null ? undefined : await this.db.changes.get(burst.id);
        if (extended !== undefined) {
          await this.db.changes.put({
            ...extended,
            update: Y.mergeUpdates([extended.update, update]),
            at,
          });
          this.burst = { id: extended.id!, at };
        } else {
          const id = await this.db.changes.add({ room: this.room, update, at });
          this.burst = { id: id as number, at };
          counted = true;
        }
      });
      this.wal.remove(walKey);
      this.updatesSinceCompaction += 1;
      if (counted) {
        this.status = { ...this.status, pending: this.status.pending + 1 };
        this.emit();
      }
      if (this.updatesSinceCompaction > this.compactAfter) void this.compact();
    });
  };

  private async refreshPending(emit: boolean): Promise<void> {
    const pending = await this.db.changes.where('room').equals(this.room).count();
    this.status = { ...this.status, pending, hasSavedVector: this.status.hasSavedVector || emit };
    if (emit) this.emit();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.writes.then(task);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
