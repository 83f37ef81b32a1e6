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
 * A room is stored as its merged state plus the update rows written since (workspaceDb.ts), so
 * it opens from one state and a short tail. Folding the tail into the state happens in the
 * background, never in the open path: the state is the live doc encoded again (linear in the
 * document; Y.mergeUpdates over many updates grows faster than quadratically), written in the
 * same IndexedDB transaction that deletes the first rows it covers; the other rows it covers
 * are deleted in bounded steps after. A page killed at any point leaves a state and rows whose
 * union is the document. Only rows this doc holds are folded, so another tab's rows stay until
 * a doc that read them folds them. A room with a huge log (from an older version, or a page
 * that never got to fold) opens linearly, each row applied in one transaction, and is folded
 * after.
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
  /** Fold a room's update rows into its state in the background once there are more than this. */
  compactAfter?: number;
  /** Folded rows deleted by one IndexedDB transaction (bounded, so no step holds the store long). */
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
const DEFAULT_COMPACT_CHUNK = 5_000;
/**
 * The tail is folded once its bytes reach this fraction of the state's (or it has 20 ×
 * `compactAfter` rows): encoding a large document again costs in proportion to it, so the
 * state is rewritten after a tail of comparable size, which keeps folding linear overall.
 */
const FOLD_TAIL_FRACTION = 1 / 8;
/**
 * Updates of one batch merged into one row at most: Y.mergeUpdates grows faster than
 * quadratically (200 small updates take ~10 ms, 5,000 take 3 s), and a batch can hold
 * thousands when updates arrive faster than the flush delay.
 */
const MERGE_GROUP = 100;
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

/** A batch's updates as rows: consecutive updates merged, at most MERGE_GROUP per row. */
function mergedInGroups(updates: Uint8Array[]): Uint8Array[] {
  const rows: Uint8Array[] = [];
  for (let at = 0; at < updates.length; at += MERGE_GROUP) {
    const group = updates.slice(at, at + MERGE_GROUP);
    rows.push(group.length === 1 ? group[0]! : Y.mergeUpdates(group));
  }
  return rows;
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
  /** Stored update rows (seq) whose content this doc holds and the stored state does not cover. */
  private tail: number[] = [];
  private tailBytes = 0;
  /** Rows the stored state covers, still to delete (a fold in progress). */
  private folded: number[] = [];
  private stateBytes = 0;
  /** Who wrote the stored state this doc holds (null: none was stored). */
  private stateWriter: string | null = null;
  private readonly writerId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  private folding = false;
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

  /** Folds every update row this doc holds into the room's stored state; the content is unchanged. */
  async compact(): Promise<void> {
    await this.whenWritten();
    // Each step is its own short transaction, so typing and saving carry on between steps.
    while (!this.destroyed && (await this.enqueue(() => this.foldStep(true)))) continue;
  }

  destroy(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    const written = this.whenWritten();
    this.destroyed = true;
    this.listeners.clear();
    return written;
  }

  private async load(): Promise<void> {
    const { db } = this;
    // One read transaction: another tab folding this room cannot slip between state and rows.
    const [state, rows, roomRow, changeRows] = await db.transaction(
      'r',
      [db.states, db.updates, db.rooms, db.changes],
      () =>
        Promise.all([
          db.states.get(this.room),
          db.updates.where('room').equals(this.room).toArray(),
          db.rooms.get(this.room),
          db.changes.where('room').equals(this.room).toArray(),
        ]),
    );
    if (this.destroyed) return;
    this.doc.transact(() => {
      if (state !== undefined) Y.applyUpdateV2(this.doc, state.update, this);
      for (const row of rows) Y.applyUpdate(this.doc, row.update, this);
    }, this);
    this.stateWriter = state?.writer ?? null;
    this.stateBytes = state?.update.byteLength ?? 0;
    for (const row of rows) {
      this.tail.push(row.seq!);
      this.tailBytes += row.update.byteLength;
    }
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
    this.maybeFold();
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
    const rows = mergedInGroups(updates).map((update) => ({ room: this.room, update }));
    let seqs: number[] = [];
    await this.db.transaction('rw', this.db.updates, this.db.changes, this.db.rooms, async () => {
      if (rows.length > 0) {
        seqs = (await this.db.updates.bulkAdd(rows, { allKeys: true })) as number[];
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
    for (const [i, seq] of seqs.entries()) {
      this.tail.push(seq);
      this.tailBytes += rows[i]!.update.byteLength;
    }
    this.maybeFold();
  }

  private foldDue(): boolean {
    const rows = this.tail.length;
    return (
      rows > this.compactAfter &&
      (this.tailBytes >= this.stateBytes * FOLD_TAIL_FRACTION || rows > 20 * this.compactAfter)
    );
  }

  private maybeFold(): void {
    if (this.folding || this.destroyed || (this.folded.length === 0 && !this.foldDue())) return;
    this.folding = true;
    const step = (): void => {
      if (this.destroyed) {
        this.folding = false;
        return;
      }
      void this.enqueue(() => this.foldStep(false)).then(
        (more) => {
          if (more) setTimeout(step, 0);
          else this.folding = false;
        },
        () => (this.folding = false),
      );
    };
    setTimeout(step, 0);
  }

  /**
   * One bounded step of folding, in one transaction: either deletes the next chunk of rows the
   * stored state already covers, or writes the doc's whole state (taking in first a state another
   * tab stored meanwhile) and deletes the first chunk of the rows it now covers. Returns whether
   * another step is due.
   */
  private async foldStep(force: boolean): Promise<boolean> {
    const { db } = this;
    if (this.folded.length > 0) {
      const chunk = this.folded.slice(0, this.compactChunk);
      await db.updates.bulkDelete(chunk);
      this.folded = this.folded.slice(chunk.length);
      return this.folded.length > 0 || this.foldDue();
    }
    if (force ? this.tail.length === 0 : !this.foldDue()) return false;
    const covered = this.tail.slice();
    let state: Uint8Array | null = null;
    await db.transaction('rw', db.states, db.updates, async () => {
      const stored = await db.states.get(this.room);
      if (stored !== undefined && stored.writer !== this.stateWriter) {
        Y.applyUpdateV2(this.doc, stored.update, this);
      }
      state = Y.encodeStateAsUpdateV2(this.doc);
      await db.states.put({ room: this.room, update: state, writer: this.writerId });
      await db.updates.bulkDelete(covered.slice(0, this.compactChunk));
    });
    // Rows written while the step ran are not in `covered`: they stay in the tail.
    this.tail = this.tail.slice(covered.length);
    this.tailBytes = 0;
    this.folded = covered.slice(this.compactChunk);
    this.stateWriter = this.writerId;
    this.stateBytes = state!.byteLength;
    return this.folded.length > 0;
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
