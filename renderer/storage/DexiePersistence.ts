/**
 * Keeps one room's Y.Doc in IndexedDB. On open it applies every stored update before any
 * network provider exists; afterwards it stores every update the doc emits, and for local ones
 * also a change record holding the update (a burst of keystrokes is merged into one change). A
 * change stays pending until the server's `saved` snapshot contains all it inserts and deletes,
 * which is the only thing the sync indicator believes.
 *
 * Cost per keystroke is constant: the update goes synchronously to the write-ahead log
 * (localStorage), the pending count is kept in memory, and IndexedDB gets one transaction per
 * batch (`flushDelayMs`) carrying every update, change and `saved` snapshot of that period. The
 * log covers the gap: what a closed page never wrote to IndexedDB is replayed when the room
 * opens again.
 *
 * Opening is linear in the stored rows (each update applied in one transaction; Y.mergeUpdates
 * over many updates grows faster than quadratically), and compaction merges bounded chunks of
 * rows in the background, never in the open path.
 */
import * as Y from 'yjs';
import {
  applySaved,
  coverageOf,
  mergeCoverage,
  savedCoversCoverage,
  type SavedMessage,
  type UpdateCoverage,
} from '../../shared/protocol/saved';
import { WriteAheadLog, type KeyValueStorage } from './writeAheadLog';
import type { WorkspaceDexie } from './workspaceDb';

export interface PersistenceStatus {
  loaded: boolean;
  /** Local changes not yet contained in what the server saved. */
  pending: number;
  /** Whether the server has ever said what it saved for this room (now or in an earlier session). */
  hasSavedVector: boolean;
}

export interface PersistenceOptions {
  /** Updates from these origins came from elsewhere: stored, but not counted as local changes. */
  isRemoteOrigin?: (origin: unknown) => boolean;
  /** Compact a room's update rows in the background once there are more than this. */
  compactAfter?: number;
  /** Rows merged by one compaction step (bounded, so no step freezes the page). */
  compactChunk?: number;
  /** Local updates less than this apart (ms) count as one change. */
  burstMs?: number;
  /** How long updates and `saved` snapshots gather before one IndexedDB transaction writes them. */
  flushDelayMs?: number;
  now?: () => number;
  /** Where the write-ahead log lives (localStorage by default; null turns it off). */
  walStorage?: KeyValueStorage | null;
}

const DEFAULT_COMPACT_AFTER = 200;
/** Y.mergeUpdates grows faster than quadratically: 200 small updates take ~10 ms, 5,000 take 3 s. */
const DEFAULT_COMPACT_CHUNK = 200;
const DEFAULT_BURST_MS = 1500;
const DEFAULT_FLUSH_DELAY_MS = 250;

/** One local change (a burst of edits): its stored row id once written, its update so far. */
interface Change {
  id: number | undefined;
  update: Uint8Array | null;
  /** Updates added since `update` was last merged; merged lazily, at most once per batch. */
  parts: Uint8Array[];
  at: number;
  removed: boolean;
  /** What a `saved` snapshot must hold to cover the updates read so far (decoded once each). */
  coverage: UpdateCoverage | null;
  /** Updates of this change not yet read into `coverage`. */
  unread: Uint8Array[];
}

function coverageOfChange(change: Change): UpdateCoverage {
  for (const update of change.unread) {
    const read = coverageOf(update);
    change.coverage = change.coverage === null ? read : mergeCoverage(change.coverage, read);
  }
  change.unread = [];
  return change.coverage!;
}

function changeUpdate(change: Change): Uint8Array {
  if (change.parts.length > 0) {
    const all = change.update === null ? change.parts : [change.update, ...change.parts];
    change.update = all.length === 1 ? all[0]! : Y.mergeUpdates(all);
    change.parts = [];
  }
  return change.update!;
}

export class DexiePersistence {
  readonly whenLoaded: Promise<void>;
  private status: PersistenceStatus = { loaded: false, pending: 0, hasSavedVector: false };
  private readonly listeners = new Set<() => void>();
  private writes: Promise<unknown> = Promise.resolve();
  private storedRows = 0;
  private compacting = false;
  private destroyed = false;
  private readonly compactAfter: number;
  private readonly compactChunk: number;
  private readonly burstMs: number;
  private readonly flushDelayMs: number;
  private readonly now: () => number;
  private readonly isRemoteOrigin: (origin: unknown) => boolean;
  private saved: Y.Snapshot | null = null;
  private readonly wal: WriteAheadLog;
  /** This room's local changes the server has not saved, in memory and (once flushed) stored. */
  private readonly changes = new Set<Change>();
  /** The change the current burst of local edits extends. */
  private burst: Change | null = null;

  // What the next batch writes.
  private queuedUpdates: Uint8Array[] = [];
  private queuedWalKeys: (string | null)[] = [];
  private readonly dirtyChanges = new Set<Change>();
  private removedChangeIds: number[] = [];
  private savedDirty = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: WorkspaceDexie,
    readonly room: string,
    readonly doc: Y.Doc,
    options: PersistenceOptions = {},
  ) {
    this.compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER;
    this.compactChunk = Math.max(2, options.compactChunk ?? DEFAULT_COMPACT_CHUNK);
    this.burstMs = options.burstMs ?? DEFAULT_BURST_MS;
    this.flushDelayMs = options.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS;
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

  /** Writes the current batch now; resolves once every update emitted so far is in IndexedDB. */
  whenWritten(): Promise<void> {
    this.flush();
    return this.writes.then(() => undefined);
  }

  /**
   * Records a `saved` message: the changes it now contains stop counting at once, and the next
   * batch deletes their rows and stores the snapshot.
   */
  markSaved(message: SavedMessage): Promise<void> {
    const saved = applySaved(this.saved, message);
    this.saved = saved;
    for (const change of this.changes) {
      if (!savedCoversCoverage(saved, coverageOfChange(change))) continue;
      this.changes.delete(change);
      this.dirtyChanges.delete(change);
      change.removed = true;
      if (change.id !== undefined) this.removedChangeIds.push(change.id);
      if (this.burst === change) this.burst = null;
    }
    this.savedDirty = true;
    this.setStatus({ pending: this.changes.size, hasSavedVector: true });
    this.scheduleFlush();
    return Promise.resolve();
  }

  /** Merges this room's stored updates into one row, chunk by chunk; the content is unchanged. */
  async compact(): Promise<void> {
    await this.whenWritten();
    // Each step is its own short transaction, so typing and saving carry on between steps.
    while (!this.destroyed && (await this.enqueue(() => this.compactStep(1)))) continue;
  }

  destroy(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    const written = this.whenWritten();
    this.destroyed = true;
    this.listeners.clear();
    return written;
  }

  private async load(): Promise<void> {
    const [rows, roomRow, changeRows] = await Promise.all([
      this.db.updates.where('room').equals(this.room).toArray(),
      this.db.rooms.get(this.room),
      this.db.changes.where('room').equals(this.room).toArray(),
    ]);
    if (this.destroyed) return;
    this.doc.transact(() => {
      for (const row of rows) Y.applyUpdate(this.doc, row.update, this);
    }, this);
    this.storedRows = rows.length;
    for (const row of changeRows) {
      this.changes.add({
        id: row.id,
        update: row.update,
        parts: [],
        at: row.at,
        removed: false,
        coverage: null,
        unread: [row.update],
      });
    }
    this.doc.on('update', this.onUpdate);
    this.replayWriteAheadLog();
    const savedSnapshot = roomRow?.savedSnapshot ?? null;
    this.saved = savedSnapshot === null ? null : Y.decodeSnapshot(savedSnapshot);
    this.status = {
      loaded: true,
      pending: this.changes.size,
      hasSavedVector: savedSnapshot !== null,
    };
    this.emit();
    this.maybeCompact();
  }

  /**
   * Applies local updates an earlier page logged but may not have stored. Applying them as local
   * changes stores and counts them like any edit; one already stored changes nothing.
   */
  private replayWriteAheadLog(): void {
    const entries = this.wal.entries();
    if (entries.length === 0) return;
    this.doc.transact(() => {
      for (const entry of entries) Y.applyUpdate(this.doc, entry.update);
    });
    for (const entry of entries) this.wal.remove(entry.key);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    const local = !this.isRemoteOrigin(origin);
    this.queuedUpdates.push(update);
    this.queuedWalKeys.push(local ? this.wal.append(update) : null);
    if (local) {
      const at = this.now();
      const burst = this.burst !== null && at - this.burst.at < this.burstMs ? this.burst : null;
      if (burst !== null) {
        burst.parts.push(update);
        burst.unread.push(update);
        burst.at = at;
        this.dirtyChanges.add(burst);
      } else {
        const change: Change = {
          id: undefined,
          update,
          parts: [],
          at,
          removed: false,
          coverage: null,
          unread: [update],
        };
        this.changes.add(change);
        this.dirtyChanges.add(change);
        this.burst = change;
        this.setStatus({ pending: this.changes.size });
      }
    }
    this.scheduleFlush();
  };

  private scheduleFlush(): void {
    if (this.flushTimer !== null || this.destroyed) return;
    this.flushTimer = setTimeout(() => this.flush(), this.flushDelayMs);
  }

  /** Queues one transaction that writes everything gathered so far. */
  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (
      this.queuedUpdates.length === 0 &&
      this.dirtyChanges.size === 0 &&
      this.removedChangeIds.length === 0 &&
      !this.savedDirty
    ) {
      return;
    }
    void this.enqueue(() => this.writeBatch());
  }

  private async writeBatch(): Promise<void> {
    const updates = this.queuedUpdates;
    const walKeys = this.queuedWalKeys;
    const dirty = [...this.dirtyChanges];
    const removedIds = this.removedChangeIds;
    const saved = this.savedDirty ? this.saved : null;
    this.queuedUpdates = [];
    this.queuedWalKeys = [];
    this.dirtyChanges.clear();
    this.removedChangeIds = [];
    this.savedDirty = false;
    if (updates.length === 0 && dirty.length === 0 && removedIds.length === 0 && saved === null) {
      return;
    }
    const added: [Change, number][] = [];
    await this.db.transaction('rw', this.db.updates, this.db.changes, this.db.rooms, async () => {
      if (updates.length > 0) {
        const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
        await this.db.updates.add({ room: this.room, update });
      }
      for (const change of dirty) {
        const row = { room: this.room, update: changeUpdate(change), at: change.at };
        if (change.id === undefined) added.push([change, (await this.db.changes.add(row))!]);
        else await this.db.changes.put({ ...row, id: change.id });
      }
      if (removedIds.length > 0) await this.db.changes.bulkDelete(removedIds);
      if (saved !== null) {
        await this.db.rooms.put({ room: this.room, savedSnapshot: Y.encodeSnapshot(saved) });
      }
    });
    for (const [change, id] of added) {
      change.id = id;
      // The server saved it while its row was being written: the row goes with the next batch.
      if (change.removed) this.removedChangeIds.push(id);
    }
    if (this.removedChangeIds.length > 0) this.scheduleFlush();
    for (const key of walKeys) this.wal.remove(key);
    if (updates.length > 0) this.storedRows += 1;
    this.maybeCompact();
  }

  private maybeCompact(): void {
    if (this.compacting || this.destroyed || this.storedRows <= this.compactAfter) return;
    this.compacting = true;
    const step = (): void => {
      if (this.destroyed) {
        this.compacting = false;
        return;
      }
      void this.enqueue(() => this.compactStep(this.compactAfter)).then(
        (more) => {
          if (more) setTimeout(step, 0);
          else this.compacting = false;
        },
        () => (this.compacting = false),
      );
    };
    setTimeout(step, 0);
  }

  /**
   * Merges the oldest `compactChunk` rows of the room into one row, in one transaction. Returns
   * whether more than `target` rows remain (so another step is worth it).
   */
  private async compactStep(target: number): Promise<boolean> {
    let remaining = 0;
    await this.db.transaction('rw', this.db.updates, async () => {
      const rows = await this.db.updates
        .where('room')
        .equals(this.room)
        .limit(this.compactChunk)
        .toArray();
      if (rows.length < 2) {
        remaining = rows.length;
        return;
      }
      const merged = Y.mergeUpdates(rows.map((row) => row.update));
      // The merged row takes the place of the first row it replaces, so rows stay in causal
      // order: applied one by one at open, an update that came before what it depends on
      // would wait in Yjs's pending set, which is re-merged on every later update.
      await this.db.updates.bulkDelete(rows.slice(1).map((row) => row.seq!));
      await this.db.updates.put({ seq: rows[0]!.seq, room: this.room, update: merged });
      remaining = await this.db.updates.where('room').equals(this.room).count();
    });
    this.storedRows = remaining;
    return remaining > target;
  }

  private setStatus(patch: Partial<PersistenceStatus>): void {
    const next = { ...this.status, ...patch };
    if (
      next.loaded === this.status.loaded &&
      next.pending === this.status.pending &&
      next.hasSavedVector === this.status.hasSavedVector
    ) {
      return;
    }
    this.status = next;
    this.emit();
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
