/**
 * One room in memory: its Y.Doc, its awareness and the connections in it, and the path of every
 * update to disk. Updates that arrive in one event-loop turn are committed together; the state
 * vector is taken when the batch is cut, and `saved` carries it (with the batch's deletions)
 * only after the commit returned. A failed commit stays pending and is retried with backoff; no
 * `saved` ever covers it until then.
 *
 * A room whose people only read (or left their tab open) does not keep its Y.Doc: once nothing
 * used the document for a while and everything is committed, the room sleeps, keeping only its
 * state vector (storage holds the rest). Asleep, it answers a sync step 1 from the stored bytes
 * (Y.diffUpdate); whatever needs the document (a write, the server's own changes, another
 * instance's updates) wakes it first with `wake()`, which reads storage back into a new Y.Doc.
 * Awareness exists only while someone in the room has a presence state.
 */
import * as encoding from 'lib0/encoding';
import * as random from 'lib0/random';
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
  onCommitted?: (room: Room, doc: Y.Doc, batch: readonly Uint8Array[]) => void;
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

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** What the room keeps of each peer. */
interface PeerState {
  /** Awareness client ids the peer introduced, removed from the room when it leaves. */
  clients: Set<number> | null;
  /** Its sync step 1 was answered, so it holds the complete `saved`. */
  answered: boolean;
}

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

/** A room's stored updates as one update (merged without a Y.Doc: only read, never applied). */
function storedState(stored: readonly Uint8Array[]): Uint8Array {
  if (stored.length === 1) return stored[0]!;
  if (stored.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  return Y.mergeUpdates([...stored]);
}

/** Number of deleted clocks in a delete set: it grows with every deletion a room takes in. */
function deletedClocks(deletes: DeleteSet): number {
  let total = 0;
  for (const ranges of deletes.clients.values()) for (const range of ranges) total += range.len;
  return total;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

export class Room {
  /** The document while the room is awake; null while it sleeps (see the header). */
  private doc: Y.Doc | null = null;
  private waking: Promise<Y.Doc> | null = null;
  /** Something used the document since the last `sleepIfUnused`. */
  private used = true;
  /** Deleted clocks when the room fell asleep: storage that has more was changed meanwhile. */
  private deletedAtSleep = 0;
  private awareness: awarenessProtocol.Awareness | null = null;
  private readonly peers = new Map<Peer, PeerState>();
  private joining = 0;
  /** Updates applied and not committed yet; null while there are none. */
  private pending: Batch | null = null;
  /** Bytes of pending plus in-flight updates. */
  private pendingBytes = 0;
  private committing: Promise<void> | null = null;
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private savedVector: Uint8Array;
  /** Every deletion committed to storage (while awake); sent whole to a peer when it joins. */
  private savedDeletes: DeleteSet | null = null;
  private failing = false;
  private destroyed = false;
  private lastCatchUp = 0;
  /** Set while `receiveUpdate` applies a peer's update whose bytes can be stored and relayed as is. */
  private incoming: Incoming | null = null;

  private constructor(
    readonly name: string,
    doc: Y.Doc,
    private storedCount: number,
    private readonly options: RoomOptions,
    private readonly link: RoomLink | null = null,
  ) {
    this.savedVector = Y.encodeStateVector(doc);
    this.attach(doc);
  }

  /** Loads the room awake: whoever joins it now is about to read or write it. */
  static async load(name: string, options: RoomOptions): Promise<Room> {
    // Subscribed before reading, so what other instances publish meanwhile is not missed.
    const link = options.cluster === undefined ? null : await options.cluster.open(name);
    let doc: Y.Doc;
    let stored: Uint8Array[];
    try {
      stored = await options.storage.loadUpdates(name);
      doc = docOf(stored);
    } catch (error) {
      link?.close();
      throw error;
    }
    const room = new Room(name, doc, stored.length, options, link);
    link?.attach(room);
    return room;
  }

  private attach(doc: Y.Doc): void {
    this.doc = doc;
    this.used = true;
    this.savedDeletes = deletesOfDoc(doc);
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.deleteSet.clients.size > 0) this.batch().deletes.push(transaction.deleteSet);
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
  }

  /** The document when the room is awake; null while it sleeps (see `wake`). */
  get liveDoc(): Y.Doc | null {
    if (this.doc !== null) this.used = true;
    return this.doc;
  }

  /**
   * The document, read back from storage when the room sleeps. Everything it held was committed
   * before it fell asleep; what storage holds beyond that (written by another instance, or by a
   * tool) is sent to the peers here, which would not otherwise see it relayed.
   */
  wake(): Promise<Y.Doc> {
    if (this.doc !== null) {
      this.used = true;
      return Promise.resolve(this.doc);
    }
    this.waking ??= this.options.storage
      .loadUpdates(this.name)
      .then((stored) => {
        const doc = docOf(stored);
        const vector = Y.encodeStateVector(doc);
        const deletes = deletesOfDoc(doc);
        if (
          !sameBytes(vector, this.savedVector) ||
          deletedClocks(deletes) !== this.deletedAtSleep
        ) {
          const missed = Y.encodeStateAsUpdate(doc, this.savedVector);
          const message = frame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, missed));
          for (const peer of this.peers.keys()) peer.send(message);
        }
        this.savedVector = vector;
        this.storedCount = stored.length;
        this.attach(doc);
        return doc;
      })
      .finally(() => {
        this.waking = null;
      });
    return this.waking;
  }

  /**
   * Called now and then by the registry: drops the document when nothing used it since the
   * previous call and nothing of it is uncommitted, and the awareness when nobody has a state.
   */
  sleepIfUnused(): void {
    if (this.awareness !== null && this.awareness.getStates().size === 0) {
      const awareness = this.awareness;
      this.awareness = null;
      awareness.destroy();
    }
    const doc = this.doc;
    if (doc === null || this.destroyed) return;
    if (this.used || !this.allCommitted() || this.flushScheduled || this.incoming !== null) {
      this.used = false;
      return;
    }
    this.deletedAtSleep = deletedClocks(this.savedDeletes!);
    this.savedVector = Y.encodeStateVector(doc);
    this.doc = null;
    this.savedDeletes = null;
    doc.destroy();
    // Stored as what it shows, so a step 1 answered from storage sends no deleted content.
    void this.compact();
  }

  /** True while the room holds its document (tests, metrics). */
  get awake(): boolean {
    return this.doc !== null;
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
    if (this.link === null || this.destroyed || this.doc === null) return;
    const now = Date.now();
    if (now - this.lastCatchUp < CATCH_UP_SPACING_MS) return;
    this.lastCatchUp = now;
    this.link.requestSync();
    this.options.storage.loadUpdates(this.name).then(
      (stored) => {
        const doc = this.doc;
        if (this.destroyed || doc === null) return;
        doc.transact(() => {
          for (const update of stored) Y.applyUpdate(doc, update);
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
    return [...this.peers.values()].flatMap(({ clients }) =>
      clients === null ? [] : [...clients],
    );
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
    this.peers.set(peer, { clients: null, answered: false });
    peer.send(this.syncStep1());
    const clients = this.awarenessClients();
    if (clients.length > 0) peer.send(this.awarenessFrame(clients));
  }

  /**
   * Called after a peer's sync step 1 was answered with what it lacks (sync step 2): the first
   * time on a connection, the complete `saved` snapshot follows, so the client learns what is
   * durable as soon as it holds the room.
   */
  answeredSyncStep1(peer: Peer): void {
    const state = this.peers.get(peer);
    if (state === undefined || state.answered) return;
    state.answered = true;
    // When everything the step 2 just sent held is committed, its delete set is the durable one:
    // the snapshot refers to it instead of repeating it (see SavedKind.completeWithStep2). A step 2
    // read from storage (asleep) holds only committed deletions, whatever happened since.
    const frame =
      this.savedDeletes === null || this.allCommitted()
        ? encodeSaved(this.savedVector, Y.createDeleteSet(), SavedKind.completeWithStep2)
        : encodeSaved(this.savedVector, this.savedDeletes, SavedKind.complete);
    if (peer.sendSaved !== undefined) peer.sendSaved(frame, null);
    else peer.send(frame);
  }

  /** True when the room holds nothing that is not committed (nor waiting for a missing update). */
  private allCommitted(): boolean {
    return (
      this.pendingCount === 0 &&
      this.committing === null &&
      this.retryTimer === null &&
      (this.doc === null ||
        (this.doc.store.pendingStructs === null && this.doc.store.pendingDs === null))
    );
  }

  leave(peer: Peer): void {
    const state = this.peers.get(peer);
    if (state === undefined) return;
    this.peers.delete(peer);
    if (state.clients !== null && this.awareness !== null)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...state.clients], null);
    this.checkIdle();
  }

  /** Updates received and not yet committed. */
  get pendingCount(): number {
    return this.pending?.updates.length ?? 0;
  }

  isIdle(): boolean {
    return (
      this.peers.size === 0 &&
      this.joining === 0 &&
      this.pendingCount === 0 &&
      this.committing === null &&
      this.retryTimer === null
    );
  }

  /** The room's state vector (asleep, everything it holds is committed). */
  stateVector(): Uint8Array {
    return this.doc === null ? this.savedVector : Y.encodeStateVector(this.doc);
  }

  /** The room's state vector, asking a peer for whatever the room lacks (sync step 1). */
  syncStep1(): Uint8Array {
    const vector = this.stateVector();
    return frame(MessageType.sync, (e) => {
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
      encoding.writeVarUint8Array(e, vector);
    });
  }

  /**
   * The missing part of the room for a peer that sent its state vector (sync step 1): from the
   * document when awake, else from storage, without waking the room.
   */
  syncStep2(stateVector?: Uint8Array): Uint8Array | Promise<Uint8Array> {
    const doc = this.liveDoc;
    if (doc !== null)
      return frame(MessageType.sync, (e) => syncProtocol.writeSyncStep2(e, doc, stateVector));
    return this.options.storage.loadUpdates(this.name).then((stored) => {
      const state = storedState(stored);
      const missing = stateVector === undefined ? state : Y.diffUpdate(state, stateVector);
      return frame(MessageType.sync, (e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e, missing);
      });
    });
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
    const doc = this.awakeDoc();
    const store = doc.store;
    const incoming =
      message !== undefined && store.pendingStructs === null && store.pendingDs === null
        ? { peer, update, message, relayed: false }
        : null;
    this.incoming = incoming;
    let applied = true;
    try {
      doc.transact(() => {
        try {
          Y.applyUpdate(doc, update, peer);
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
    for (const [other, { clients }] of this.peers)
      if (other !== peer && clients !== null && clients.has(client)) return true;
    return false;
  }

  /** Applies an awareness update from a peer, or from another instance (origin RELAYED). */
  receiveAwareness(origin: Peer | typeof RELAYED, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.presence(), update, origin);
  }

  /** Awareness client ids with a state in this room. */
  awarenessClients(): number[] {
    return this.awareness === null ? [] : [...this.awareness.getStates().keys()];
  }

  /** The awareness states of `clients` as an update (the y-protocols encoding). */
  encodeAwareness(clients: number[]): Uint8Array {
    return awarenessProtocol.encodeAwarenessUpdate(this.presence(), clients);
  }

  awarenessFrame(clients: number[] = this.awarenessClients()): Uint8Array {
    return frame(MessageType.awareness, (e) =>
      encoding.writeVarUint8Array(e, this.encodeAwareness(clients)),
    );
  }

  /**
   * The room's awareness, made when the first state arrives. It borrows only a client id and a
   * destroy event from a document (y-protocols), and the server has no presence of its own, so
   * it is given a random id and no document: it lives whether or not the room is awake.
   */
  private presence(): awarenessProtocol.Awareness {
    if (this.awareness !== null) return this.awareness;
    const owner = { clientID: random.uint32(), on: () => {} } as unknown as Y.Doc;
    const awareness = new awarenessProtocol.Awareness(owner);
    awareness.setLocalState(null);
    awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.onAwarenessUpdate(change, origin),
    );
    this.awareness = awareness;
    return awareness;
  }

  private batch(): Batch {
    return (this.pending ??= emptyBatch());
  }

  /** The document of a room its caller knows to be awake (after `liveDoc` or `wake`). */
  private awakeDoc(): Y.Doc {
    if (this.doc === null) throw new Error(`la sala ${this.name} está dormida`);
    this.used = true;
    return this.doc;
  }

  private onUpdate(emitted: Uint8Array, origin: unknown): void {
    const incoming = this.incoming;
    // The peer's own bytes when its update integrated whole (already relayed, see receiveUpdate);
    // otherwise what Yjs integrated, which then also holds what had been waiting.
    const whole = incoming !== null && incoming.relayed && incoming.peer === origin;
    const update = whole ? incoming.update : emitted;
    // Relayed updates are committed here too: see cluster.ts (saved stays true of the database).
    const pending = this.batch();
    if (this.peers.has(origin as Peer)) pending.writers.add(origin as Peer);
    pending.updates.push(update);
    if (origin !== RELAYED) pending.own.push(update);
    this.options.onUpdateApplied?.(origin === RELAYED);
    if (origin !== RELAYED) this.link?.publishUpdate(update);
    this.pendingBytes += update.byteLength;
    if (!whole) {
      const message = frame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, update));
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
    }
    this.scheduleFlush();
  }

  private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    // Its own removal as it is destroyed (nobody had a state left) is nobody's news.
    if (this.awareness === null) return;
    const own = this.peers.get(origin as Peer);
    if (own !== undefined) {
      if (added.length > 0) own.clients ??= new Set();
      for (const client of added) own.clients!.add(client);
      for (const client of removed) own.clients?.delete(client);
    }
    const changed = [...added, ...updated, ...removed];
    const message = this.awarenessFrame(changed);
    for (const peer of this.peers.keys()) peer.send(message);
    // Each instance times out stale states itself; only its own people's changes go out.
    if (this.link !== null && origin !== RELAYED && origin !== 'timeout') {
      this.link.publishAwareness(this.encodeAwareness(changed));
    }
  }

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
    const batch = this.pending;
    if (this.committing !== null || batch === null || batch.updates.length === 0)
      return this.committing ?? Promise.resolve();
    this.pending = null;
    const doc = this.awakeDoc();
    this.committing = this.write(batch, Y.encodeStateVector(doc), doc).finally(() => {
      this.committing = null;
      if (this.pendingCount > 0) this.scheduleFlush();
      else this.checkIdle();
    });
    return this.committing;
  }

  /** `doc`: the document the batch was applied to (the room may be destroyed by the end). */
  private async write(batch: Batch, vector: Uint8Array, doc: Y.Doc): Promise<void> {
    const { storage, log } = this.options;
    const { updates, writers } = batch;
    const started = performance.now();
    try {
      await storage.appendUpdates(this.name, updates);
    } catch (error) {
      this.pending = this.pending === null ? batch : joinBatches(batch, this.pending);
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
    // Awake: a commit comes from updates applied to the document, and it sleeps only without any.
    this.savedDeletes = Y.mergeDeleteSets([this.savedDeletes!, deletes]);
    const saved = encodeSaved(vector, deletes, false);
    const increment = { vector, deletes };
    for (const peer of this.peers.keys()) {
      if (peer.sendSaved !== undefined) peer.sendSaved(saved, increment, writers.has(peer));
      else peer.send(saved);
    }
    // Notifications and automatic versions follow this instance's own writes; the instance
    // that received a relayed update does the same for it.
    if (batch.own.length > 0) this.options.onCommitted?.(this, doc, batch.own);
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
    const awareness = this.awareness;
    this.awareness = null;
    awareness?.destroy();
    this.doc?.destroy();
    this.doc = null;
  }
}

/** A document holding the room's stored updates. */
function docOf(stored: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of stored) Y.applyUpdate(doc, update);
  });
  return doc;
}
