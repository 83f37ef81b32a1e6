/**
 * One room in memory: its Y.Doc, its awareness and the connections in it, and the path of every
 * update to disk. Updates that arrive in one event-loop turn are committed together; the state
 * vector is taken when the batch is cut, and `saved` carries it (with the batch's deletions)
 * only after the commit returned. A failed commit stays pending and is retried with backoff; no
 * `saved` ever covers it until then.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../shared/protocol/messages';
import { deletesOfDoc, encodeSaved, SavedKind, type DeleteSet } from '../shared/protocol/saved';
import { RELAYED, type Cluster, type RoomLink } from './cluster/cluster';
import { describeError } from './describeError';
import type { Storage } from './storage/storage';

/** What a room needs of a connection. */
export interface Peer {
  send(frame: Uint8Array): void;
  /**
   * Sends a `saved` message: `increment` is the commit it reports (merged with others when the
   * peer's socket is still busy with an earlier one); null for the complete snapshot on join,
   * which replaces whatever the peer had not been sent yet. `wrote`: the commit holds updates
   * this peer sent (it waits for this message to show them saved); a peer that only reads may
   * get the commits of a short period merged into one message.
   */
  sendSaved?(
    frame: Uint8Array,
    increment: { vector: Uint8Array; deletes: DeleteSet } | null,
    wrote?: boolean,
  ): void;
}

/** A peer's update message being applied, relayed as received once it integrated whole. */
interface Incoming {
  peer: Peer;
  update: Uint8Array;
  message: Uint8Array;
  /** Set once its frame went to the other peers: the update left nothing pending. */
  relayed: boolean;
}

export interface RoomOptions {
  storage: Storage;
  log: (line: string) => void;
  /** Bytes received but not yet committed above which the room refuses further writes. */
  maxPendingBytes: number;
  /** Stored updates above which the room is compacted after a commit. */
  compactAfter: number;
  /** Called when the room has no connection and nothing left to commit. */
  onIdle: (room: Room) => void;
  /**
   * Called after each successful commit with its updates (notifications read what it holds;
   * automatic versions read the room's state).
   */
  onCommitted?: (room: Room, batch: readonly Uint8Array[]) => void;
  /** Other instances holding rooms (Redis); none when this server runs alone. */
  cluster?: Cluster;
  /** Told of every update applied, and whether it came from another instance (metrics). */
  onUpdateApplied?: (relayed: boolean) => void;
  /** Told how long each commit took and how many updates it held (metrics). */
  onCommitTimed?: (seconds: number, updates: number) => void;
}

export type UpdateResult = 'applied' | 'busy' | 'invalid';

/** Updates applied and not committed yet, with what their commit has to report. */
interface Batch {
  updates: Uint8Array[];
  /** Those this instance received itself (not relayed from another): notifications follow them. */
  own: Uint8Array[];
  /** Their deletions, taken from their transactions (no second decode). */
  deletes: DeleteSet[];
  /** Peers that sent some of them (their `saved` goes out at once after the commit). */
  writers: Set<Peer>;
}

const emptyBatch = (): Batch => ({ updates: [], own: [], deletes: [], writers: new Set() });

/** `earlier` followed by `later`: a failed commit's batch goes back in front of what came since. */
function joinBatches(earlier: Batch, later: Batch): Batch {
  return {
    updates: earlier.updates.concat(later.updates),
    own: earlier.own.concat(later.own),
    deletes: earlier.deletes.concat(later.deletes),
    writers: new Set([...earlier.writers, ...later.writers]),
  };
}

const FIRST_RETRY_MS = 100;
const CATCH_UP_SPACING_MS = 2000;
const MAX_RETRY_MS = 5000;

function frame(messageType: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  /** Each peer's awareness client ids, removed from the room when the peer leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  /** Peers whose sync step 1 was answered, and which therefore hold the complete `saved`. */
  private readonly answered = new WeakSet<Peer>();
  private joining = 0;
  private pending: Batch = emptyBatch();
  /** Bytes of pending plus in-flight updates. */
  private pendingBytes = 0;
  private committing: Promise<void> | null = null;
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private savedVector: Uint8Array;
  /** Every deletion committed to storage; sent whole to a peer when it joins. */
  private savedDeletes: DeleteSet;
  private failing = false;
  private destroyed = false;
  private lastCatchUp = 0;
  /** Set while `receiveUpdate` applies a peer's update whose bytes can be stored and relayed as is. */
  private incoming: Incoming | null = null;

  private constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private storedCount: number,
    private readonly options: RoomOptions,
    private readonly link: RoomLink | null = null,
  ) {
    this.savedVector = Y.encodeStateVector(doc);
    this.savedDeletes = deletesOfDoc(doc);
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.deleteSet.clients.size > 0) this.pending.deletes.push(transaction.deleteSet);
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  static async load(name: string, options: RoomOptions): Promise<Room> {
    // Subscribed before reading, so what other instances publish meanwhile is not missed.
    const link = options.cluster === undefined ? null : await options.cluster.open(name);
    const doc = new Y.Doc();
    let stored: Uint8Array[];
    try {
      stored = await options.storage.loadUpdates(name);
      doc.transact(() => {
        for (const update of stored) Y.applyUpdate(doc, update);
      });
    } catch (error) {
      link?.close();
      doc.destroy();
      throw error;
    }
    const room = new Room(name, doc, stored.length, options, link);
    link?.attach(room);
    return room;
  }

  /** Bytes received and not yet committed (metrics). */
  get unsavedBytes(): number {
    return this.pendingBytes;
  }

  /**
   * A client sent structs that build on, or belong to, changes this room lacks. Alone, that cannot
   * happen to an honest client (it learnt everything from this room). In a cluster it can: the
   * changes reached the database through an instance that died before Redis carried them here.
   * So the room catches up, from the database and from the other instances (at most every 2 s),
   * and the client's next attempt passes.
   */
  suspectStale(): void {
    if (this.link === null || this.destroyed) return;
    const now = Date.now();
    if (now - this.lastCatchUp < CATCH_UP_SPACING_MS) return;
    this.lastCatchUp = now;
    this.link.requestSync();
    this.options.storage.loadUpdates(this.name).then(
      (stored) => {
        if (this.destroyed) return;
        this.doc.transact(() => {
          for (const update of stored) Y.applyUpdate(this.doc, update);
        }, RELAYED);
      },
      (error: unknown) =>
        this.options.log(
          `Aviso: la sala ${this.name} no pudo releerse de la base: ${describeError(error)}`,
        ),
    );
  }

  /** Awareness client ids of this instance's own connections. */
  localAwarenessClients(): number[] {
    return [...this.peers.values()].flatMap((clients) => [...clients]);
  }

  /** True from a failed commit until the next one succeeds (reported by /healthz). */
  get commitFailing(): boolean {
    return this.failing;
  }

  get unloaded(): boolean {
    return this.destroyed;
  }

  /** Keeps the room loaded while a connection is being upgraded into it. */
  reserve(): void {
    this.joining++;
  }

  release(): void {
    this.joining--;
    this.checkIdle();
  }

  /**
   * Adds a reserved peer and asks it what the room lacks (sync step 1), with the awareness. The
   * room itself goes out only as the answer to the peer's own step 1 (see `answeredSyncStep1`), which
   * every y-websocket client sends on connect: a client reconnecting after a day offline then
   * downloads what it lacks, not the whole document.
   */
  join(peer: Peer): void {
    this.joining--;
    this.peers.set(peer, new Set());
    peer.send(this.syncStep1());
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) peer.send(this.awarenessFrame(clients));
  }

  /**
   * Called after a peer's sync step 1 was answered with what it lacks (sync step 2): the first
   * time on a connection, the complete `saved` snapshot follows, so the client learns what is
   * durable as soon as it holds the room.
   */
  answeredSyncStep1(peer: Peer): void {
    if (!this.peers.has(peer) || this.answered.has(peer)) return;
    this.answered.add(peer);
    // When everything the step 2 just sent held is committed, its delete set is the durable one:
    // the snapshot refers to it instead of repeating it (see SavedKind.completeWithStep2).
    const frame = this.allCommitted()
      ? encodeSaved(this.savedVector, Y.createDeleteSet(), SavedKind.completeWithStep2)
      : encodeSaved(this.savedVector, this.savedDeletes, SavedKind.complete);
    if (peer.sendSaved !== undefined) peer.sendSaved(frame, null);
    else peer.send(frame);
  }

  /** True when the room holds nothing that is not committed (nor waiting for a missing update). */
  private allCommitted(): boolean {
    return (
      this.pending.updates.length === 0 &&
      this.committing === null &&
      this.retryTimer === null &&
      this.doc.store.pendingStructs === null &&
      this.doc.store.pendingDs === null
    );
  }

  leave(peer: Peer): void {
    const clients = this.peers.get(peer);
    if (clients === undefined) return;
    this.peers.delete(peer);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
    this.checkIdle();
  }

  /** Updates received and not yet committed. */
  get pendingCount(): number {
    return this.pending.updates.length;
  }

  isIdle(): boolean {
    return (
      this.peers.size === 0 &&
      this.joining === 0 &&
      this.pending.updates.length === 0 &&
      this.committing === null &&
      this.retryTimer === null
    );
  }

  /** The room's state vector, asking a peer for whatever the room lacks (sync step 1). */
  syncStep1(): Uint8Array {
    return frame(MessageType.sync, (e) => syncProtocol.writeSyncStep1(e, this.doc));
  }

  /** The missing part of the room for a peer that sent its state vector (sync step 1). */
  syncStep2(stateVector?: Uint8Array): Uint8Array {
    return frame(MessageType.sync, (e) => syncProtocol.writeSyncStep2(e, this.doc, stateVector));
  }

  /**
   * Applies a peer's update. `message` is the frame it came in when that was an update message
   * (not a sync step 2, which carries the sender's whole delete set): when the update integrates
   * whole, those very bytes go to the other peers at once, inside the transaction, before Yjs
   * merges structs, calls observers and encodes the update again for the `update` event (the
   * room's bookkeeping, the commit and metrics follow there), and the same bytes are stored. An
   * update Yjs throws on is never relayed as received: whatever part of it integrated is what
   * Yjs encodes for the `update` event, which is then relayed and stored like any change.
   */
  receiveUpdate(peer: Peer, update: Uint8Array, message?: Uint8Array): UpdateResult {
    if (this.pendingBytes + update.byteLength > this.options.maxPendingBytes) return 'busy';
    const store = this.doc.store;
    const incoming =
      message !== undefined && store.pendingStructs === null && store.pendingDs === null
        ? { peer, update, message, relayed: false }
        : null;
    this.incoming = incoming;
    let applied = true;
    try {
      this.doc.transact(() => {
        try {
          Y.applyUpdate(this.doc, update, peer);
        } catch {
          applied = false;
          return;
        }
        if (incoming !== null && store.pendingStructs === null && store.pendingDs === null) {
          incoming.relayed = true;
          for (const other of this.peers.keys()) if (other !== peer) other.send(incoming.message);
        }
      }, peer);
    } finally {
      this.incoming = null;
    }
    return applied ? 'applied' : 'invalid';
  }

  /** True when another peer than `peer` introduced awareness client `client` and is still here. */
  awarenessOwnedElsewhere(peer: Peer, client: number): boolean {
    for (const [other, clients] of this.peers)
      if (other !== peer && clients.has(client)) return true;
    return false;
  }

  receiveAwareness(peer: Peer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  awarenessFrame(clients: number[] = [...this.awareness.getStates().keys()]): Uint8Array {
    return frame(MessageType.awareness, (e) =>
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
      ),
    );
  }

  private onUpdate(emitted: Uint8Array, origin: unknown): void {
    const incoming = this.incoming;
    // The peer's own bytes when its update integrated whole (already relayed, see receiveUpdate);
    // otherwise what Yjs integrated, which then also holds what had been waiting.
    const whole = incoming !== null && incoming.relayed && incoming.peer === origin;
    const update = whole ? incoming.update : emitted;
    // Relayed updates are committed here too: see cluster.ts (saved stays true of the database).
    if (this.peers.has(origin as Peer)) this.pending.writers.add(origin as Peer);
    this.pending.updates.push(update);
    if (origin !== RELAYED) this.pending.own.push(update);
    this.options.onUpdateApplied?.(origin === RELAYED);
    if (origin !== RELAYED) this.link?.publishUpdate(update);
    this.pendingBytes += update.byteLength;
    if (!whole) {
      const message = frame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, update));
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    }
    this.scheduleFlush();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const own = this.peers.get(origin as Peer);
    if (own !== undefined) {
      for (const client of added) own.add(client);
      for (const client of removed) own.delete(client);
    }
    const changed = [...added, ...updated, ...removed];
    const message = this.awarenessFrame(changed);
    for (const peer of this.peers.keys()) peer.send(message);
    // Each instance times out stale states itself; only its own people's changes go out.
    if (this.link !== null && origin !== RELAYED && origin !== 'timeout') {
      this.link.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  private scheduleFlush(): void {
    if (this.flushScheduled || this.committing !== null || this.retryTimer !== null) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.commit();
    });
  }

  /** Commits everything pending now; waits for a commit already running first. */
  async flush(): Promise<void> {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    while (this.committing !== null) await this.committing;
    await this.commit();
  }

  private commit(): Promise<void> {
    if (this.committing !== null || this.pending.updates.length === 0)
      return this.committing ?? Promise.resolve();
    const batch = this.pending;
    this.pending = emptyBatch();
    const vector = Y.encodeStateVector(this.doc);
    this.committing = this.write(batch, vector).finally(() => {
      this.committing = null;
      if (this.pending.updates.length > 0) this.scheduleFlush();
      else this.checkIdle();
    });
    return this.committing;
  }

  private async write(batch: Batch, vector: Uint8Array): Promise<void> {
    const { storage, log } = this.options;
    const { updates, writers } = batch;
    const started = performance.now();
    try {
      await storage.appendUpdates(this.name, updates);
    } catch (error) {
      this.pending = joinBatches(batch, this.pending);
      this.failing = true;
      log(
        `ERROR: no se pudo guardar la sala ${this.name} (${updates.length} actualizaciones, ` +
          `${this.pendingBytes} bytes pendientes): ${describeError(error)}. Reintento en ${this.retryMs} ms; ` +
          'revise el espacio libre y los permisos del directorio de datos.',
      );
      if (this.destroyed) return;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.commit();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      return;
    }
    this.options.onCommitTimed?.((performance.now() - started) / 1000, updates.length);
    if (this.failing) log(`La sala ${this.name} vuelve a guardarse con normalidad.`);
    this.failing = false;
    this.retryMs = FIRST_RETRY_MS;
    this.pendingBytes -= updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.storedCount += updates.length;
    const deletes = Y.mergeDeleteSets(batch.deletes);
    this.savedVector = vector;
    this.savedDeletes = Y.mergeDeleteSets([this.savedDeletes, deletes]);
    const saved = encodeSaved(vector, deletes, false);
    const increment = { vector, deletes };
    for (const peer of this.peers.keys()) {
      if (peer.sendSaved !== undefined) peer.sendSaved(saved, increment, writers.has(peer));
      else peer.send(saved);
    }
    // Notifications and automatic versions follow this instance's own writes; the instance
    // that received a relayed update does the same for it.
    if (batch.own.length > 0) this.options.onCommitted?.(this, batch.own);
    if (this.storedCount > this.options.compactAfter) await this.compact();
  }

  /** Compacts the stored updates; a failure only costs disk space, so it is logged, not thrown. */
  async compact(): Promise<void> {
    if (this.storedCount < 2) return;
    try {
      await this.options.storage.compact(this.name);
      this.storedCount = 1;
    } catch (error) {
      this.options.log(`Aviso: no se pudo compactar la sala ${this.name}: ${describeError(error)}`);
    }
  }

  private checkIdle(): void {
    if (!this.destroyed && this.isIdle()) this.options.onIdle(this);
  }

  destroy(): void {
    this.destroyed = true;
    this.link?.close();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
