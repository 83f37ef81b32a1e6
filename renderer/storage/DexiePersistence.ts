/**
 * Keeps one room's Y.Doc in IndexedDB. On open it applies every stored update before any
 * network provider exists; afterwards it writes every update the doc emits, and for local
 * ones also a change record (clientId, endClock). A change stays pending until the server's
 * `saved` vector covers it, which is the only thing the sync indicator believes.
 */
import * as Y from 'yjs';
import type { ChangeRow, WorkspaceDexie } from './workspaceDb';

export interface PersistenceStatus {
  loaded: boolean;
  /** Local changes written to IndexedDB and not covered by the server's saved vector. */
  pending: number;
  /** The last `saved` vector (from this session or an earlier one). */
  hasSavedVector: boolean;
}

export interface PersistenceOptions {
  /** Updates from these origins came from elsewhere: stored, but not counted as local changes. */
  isRemoteOrigin?: (origin: unknown) => boolean;
  /** Merge a room's update rows once there are more than this. */
  compactAfter?: number;
}

const DEFAULT_COMPACT_AFTER = 200;

function covers(vector: Map<number, number>, change: ChangeRow): boolean {
  return change.endClock !== null && (vector.get(change.clientId) ?? 0) >= change.endClock;
}

export class DexiePersistence {
  readonly whenLoaded: Promise<void>;
  private status: PersistenceStatus = { loaded: false, pending: 0, hasSavedVector: false };
  private readonly listeners = new Set<() => void>();
  private writes: Promise<unknown> = Promise.resolve();
  private updatesSinceCompaction = 0;
  private destroyed = false;
  private readonly compactAfter: number;
  private readonly isRemoteOrigin: (origin: unknown) => boolean;

  constructor(
    private readonly db: WorkspaceDexie,
    readonly room: string,
    readonly doc: Y.Doc,
    options: PersistenceOptions = {},
  ) {
    this.compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER;
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

  /**
   * Records the server's durable state vector. `delivered` says the connection is synced, so
   * every change written so far has reached the server; only then do delete-only changes count
   * as covered.
   */
  markSaved(stateVector: Uint8Array, delivered: boolean): Promise<void> {
    const vector = Y.decodeStateVector(stateVector);
    return this.enqueue(async () => {
      await this.db.transaction('rw', this.db.changes, this.db.rooms, async () => {
        await this.db.rooms.put({ room: this.room, savedVector: stateVector });
        await this.db.changes
          .where('room')
          .equals(this.room)
          .filter((change) => covers(vector, change) || (delivered && change.endClock === null))
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
    this.updatesSinceCompaction = rows.length;
    this.status = { ...this.status, hasSavedVector: roomRow?.savedVector != null };
    await this.refreshPending(false);
    this.status = { ...this.status, loaded: true };
    this.emit();
    if (rows.length > this.compactAfter) void this.compact();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    const local = !this.isRemoteOrigin(origin);
    const change = local ? this.describeLocalChange(update) : null;
    void this.enqueue(async () => {
      await this.db.transaction('rw', this.db.updates, this.db.changes, async () => {
        await this.db.updates.add({ room: this.room, update });
        if (change !== null) await this.db.changes.add(change);
      });
      this.updatesSinceCompaction += 1;
      if (change !== null) {
        this.status = { ...this.status, pending: this.status.pending + 1 };
        this.emit();
      }
      if (this.updatesSinceCompaction > this.compactAfter) void this.compact();
    });
  };

  /** A local transaction adds items under one client id (or none at all when it only deletes). */
  private describeLocalChange(update: Uint8Array): ChangeRow {
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [clientId, end] of to) {
      if (end > (from.get(clientId) ?? 0)) return { room: this.room, clientId, endClock: end };
    }
    return { room: this.room, clientId: this.doc.clientID, endClock: null };
  }

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
