/**
 * Several sync servers behind one load balancer, joined through Redis pub/sub (issue 13).
 *
 * Each instance subscribes to one channel per room it holds in memory (`<prefix>room:<name>`),
 * and only while it holds it, so Redis delivers a room's traffic exactly to the instances that
 * hold the room. On that channel an instance publishes:
 *
 *   0 update        a Yjs update its own clients (or the server itself) made in the room
 *   1 awareness     an awareness update of its own clients (carets, who is here)
 *   2 sync request  its state vector: "send me what I lack" (on load, on a gap, after Redis
 *                   came back)
 *   3 sync reply    the answer to one instance's request: the update that instance lacks
 *
 * Every message starts with the sender's instance id, so an instance ignores its own echo.
 * Pub/sub is at-most-once: a message published while an instance was reconnecting or before it
 * subscribed is lost to it. Nothing depends on that delivery being complete: an update whose
 * predecessors never arrived stays pending in the room's Y.Doc, which the link sees and answers
 * with a sync request; a room that loads subscribes first, then reads the database, then asks the
 * others for what they hold beyond it; and after Redis reconnects every room asks again. Durability
 * never rides on Redis either: each instance commits every update its room holds (its own clients'
 * and the relayed ones; Yjs applies a stored update twice as once), so `saved`, sent after that
 * commit, is true of the database whichever instance wrote first. See docs/architecture.md
 * "Several instances".
 *
 * A second channel, `<prefix>access`, carries access changes (a user id): every instance re-checks
 * that person's sockets at once, instead of at its next periodic re-check.
 */
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { docHolds } from '../../shared/ydoc/version';
import { describeError } from '../describeError';
import type { Room } from '../room';

/** The origin of transactions and awareness changes that came from another instance. */
export const RELAYED = Symbol('relayed from another instance');

const Kind = { update: 0, awareness: 1, syncRequest: 2, syncReply: 3 } as const;

/** A gap answered by a sync request at most this often per room. */
const RESYNC_SPACING_MS = 250;

export interface ClusterOptions {
  /** redis://[user:password@]host:port[/db] */
  url: string;
  /** Prefix of every channel and key, so several deployments (or tests) share one Redis. */
  prefix: string;
  instanceId: string;
  log: (line: string) => void;
  /** How long start-up waits for Redis before giving up. */
  connectTimeoutMs?: number;
}

/** Counters the metrics endpoint reads. */
export interface ClusterCounters {
  published: number;
  received: number;
  resyncRequests: number;
  publishFailures: number;
}

export class Cluster {
  readonly prefix: string;
  readonly instanceId: string;
  readonly counters: ClusterCounters = {
    published: 0,
    received: 0,
    resyncRequests: 0,
    publishFailures: 0,
  };
  /** Commands (publish, limits); fails fast while Redis is away instead of queueing without end. */
  readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly links = new Map<string, Set<RoomLink>>();
  private readonly accessListeners = new Set<(userId: string) => void>();
  private readonly log: (line: string) => void;
  private started = false;
  private resyncWanted = false;
  private closed = false;

  private constructor(options: ClusterOptions) {
    this.prefix = options.prefix;
    this.instanceId = options.instanceId;
    this.log = options.log;
    const common = {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: options.connectTimeoutMs ?? 5000,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    };
    this.redis = new Redis(options.url, { ...common, connectionName: `minka-${this.instanceId}` });
    this.subscriber = new Redis(options.url, {
      ...common,
      connectionName: `minka-${this.instanceId}-sub`,
    });
    for (const client of [this.redis, this.subscriber]) {
      client.on('error', (error: unknown) => {
        if (!this.closed) this.log(`Aviso: Redis: ${describeError(error)}`);
      });
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    );
    // Messages published while either connection was down are lost to this instance (or were
    // never sent): once both are back, every room asks for what it lacks. ioredis subscribes to
    // the channels again before it reports the subscriber ready.
    for (const client of [this.redis, this.subscriber]) {
      client.on('close', () => {
        if (this.started) this.resyncWanted = true;
      });
      client.on('ready', () => {
        if (!this.resyncWanted || !this.ready || this.closed) return;
        this.resyncWanted = false;
        this.log('Redis disponible de nuevo; se resincronizan las salas abiertas.');
        for (const set of this.links.values()) for (const link of set) link.afterOutage();
      });
    }
  }

  static async connect(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(options);
    try {
      await Promise.all([cluster.redis.connect(), cluster.subscriber.connect()]);
      await cluster.subscriber.subscribe(cluster.accessChannel);
      cluster.started = true;
    } catch (error) {
      await cluster.close();
      throw new Error(
        `no se pudo conectar con Redis en ${redactUrl(options.url)}: ${describeError(error)}`,
      );
    }
    return cluster;
  }

  get ready(): boolean {
    return this.redis.status === 'ready' && this.subscriber.status === 'ready';
  }

  /** Round trip to Redis (for /readyz). */
  async ping(): Promise<void> {
    await this.redis.ping();
  }

  /**
   * Subscribes to a room's channel before the room is read from the database; what arrives
   * meanwhile is kept and applied once the room is attached, so nothing published between the
   * read and the subscription is missed.
   */
  async open(roomName: string): Promise<RoomLink> {
    const link = new RoomLink(this, roomName);
    let set = this.links.get(roomName);
    if (set === undefined) {
      set = new Set();
      this.links.set(roomName, set);
    }
    set.add(link);
    if (set.size === 1) {
      try {
        await this.subscriber.subscribe(this.roomChannel(roomName));
      } catch (error) {
        // Reading the room still works; the sync request once Redis is back fills the gap.
        this.log(
          `Aviso: no se pudo suscribir la sala ${roomName} en Redis: ${describeError(error)}`,
        );
      }
    }
    return link;
  }

  /** @internal */
  detach(link: RoomLink): void {
    const set = this.links.get(link.roomName);
    if (set === undefined || !set.delete(link) || set.size > 0) return;
    this.links.delete(link.roomName);
    if (this.closed) return;
    this.subscriber.unsubscribe(this.roomChannel(link.roomName)).catch(() => {
      // A channel left subscribed only costs messages this instance ignores.
    });
  }

  /** @internal Publishes one message of a room; a failure is counted and repaired by a later resync. */
  publish(roomName: string, message: Uint8Array): void {
    if (this.closed) return;
    this.counters.published++;
    this.redis.publish(this.roomChannel(roomName), Buffer.from(message)).catch(() => {
      this.counters.publishFailures++;
      // The others ask for it after Redis returns (their subscriber reconnects) or on their next
      // gap; this instance's own clients and the database already have it.
    });
  }

  /** Tells every instance (this one included) that a person's access changed. */
  async publishAccess(userId: string): Promise<void> {
    if (this.closed) return;
    await this.redis.publish(this.accessChannel, userId);
  }

  onAccessChange(listener: (userId: string) => void): void {
    this.accessListeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.links.clear();
    await Promise.all(
      [this.redis, this.subscriber].map(async (client) => {
        if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
        else client.disconnect();
      }),
    );
  }

  private get accessChannel(): string {
    return `${this.prefix}access`;
  }

  private roomChannel(roomName: string): string {
    return `${this.prefix}room:${roomName}`;
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === this.accessChannel) {
      const userId = message.toString();
      for (const listener of this.accessListeners) listener(userId);
      return;
    }
    const roomPrefix = `${this.prefix}room:`;
    if (!channel.startsWith(roomPrefix)) return;
    const set = this.links.get(channel.slice(roomPrefix.length));
    if (set === undefined) return;
    this.counters.received++;
    for (const link of set) link.receive(message);
  }
}

/** One room's end of its channel: what this instance publishes and applies for it. */
export class RoomLink {
  private room: Room | null = null;
  private buffered: Uint8Array[] = [];
  /** Messages that arrived while the room woke up for an earlier one; null when none waits. */
  private waiting: Uint8Array[] | null = null;
  private lastRequest = 0;
  private requestTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly cluster: Cluster,
    readonly roomName: string,
  ) {}

  /** The room is loaded: applies what arrived during the load, then asks the others for the rest. */
  attach(room: Room): void {
    this.room = room;
    const buffered = this.buffered;
    this.buffered = [];
    for (const message of buffered) this.handle(message);
    this.requestSync();
  }

  publishUpdate(update: Uint8Array): void {
    this.cluster.publish(
      this.roomName,
      this.message(Kind.update, (e) => writeBytes(e, update)),
    );
  }

  publishAwareness(update: Uint8Array): void {
    this.cluster.publish(
      this.roomName,
      this.message(Kind.awareness, (e) => writeBytes(e, update)),
    );
  }

  /** Asks the instances holding the room for what this one lacks (spaced out, never dropped). */
  requestSync(): void {
    if (this.closed || this.room === null || this.requestTimer !== null) return;
    const wait = this.lastRequest + RESYNC_SPACING_MS - Date.now();
    if (wait > 0) {
      this.requestTimer = setTimeout(() => {
        this.requestTimer = null;
        this.requestSync();
      }, wait);
      this.requestTimer.unref();
      return;
    }
    this.lastRequest = Date.now();
    this.cluster.counters.resyncRequests++;
    const vector = this.room.stateVector();
    this.cluster.publish(
      this.roomName,
      this.message(Kind.syncRequest, (e) => writeBytes(e, vector)),
    );
  }

  /**
   * After Redis was away: ask for what this instance lacks, and offer what the others may lack
   * from it. Their answer to the request covers structs (a state vector ahead of theirs makes them
   * ask in turn, see syncRequest); deletions leave no trace in a state vector, so this instance's
   * whole delete set goes out too (applying it twice changes nothing).
   */
  afterOutage(): void {
    if (this.closed || this.room === null) return;
    this.requestSync();
    // A sleeping room holds nothing that is not in the database, which the others' own requests
    // (every room asks after an outage) are answered from, deletions included.
    const doc = this.room.liveDoc;
    if (doc === null) return;
    const deletions = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
    if (hasContent(deletions)) this.publishUpdate(deletions);
  }

  receive(message: Uint8Array): void {
    if (this.closed) return;
    if (this.room === null) this.buffered.push(message);
    else if (this.waiting !== null) this.waiting.push(message);
    else this.handle(message);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.requestTimer !== null) clearTimeout(this.requestTimer);
    this.room = null;
    this.buffered = [];
    this.waiting = null;
    this.cluster.detach(this);
  }

  private message(kind: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarString(encoder, this.cluster.instanceId);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  private handle(message: Uint8Array): void {
    const room = this.room!;
    let kind: number;
    let sender: string;
    let decoder: decoding.Decoder;
    try {
      decoder = decoding.createDecoder(message);
      kind = decoding.readVarUint(decoder);
      sender = decoding.readVarString(decoder);
    } catch {
      return;
    }
    if (sender === this.cluster.instanceId) return;
    const doc = kind === Kind.awareness ? null : room.liveDoc;
    if (doc === null && kind !== Kind.awareness) {
      this.wakeThenHandle(room, message);
      return;
    }
    try {
      switch (kind) {
        case Kind.update:
          Y.applyUpdate(doc!, decoding.readVarUint8Array(decoder), RELAYED);
          this.checkGap();
          return;
        case Kind.awareness:
          room.receiveAwareness(RELAYED, decoding.readVarUint8Array(decoder));
          return;
        case Kind.syncRequest: {
          const theirs = decoding.readVarUint8Array(decoder);
          const missing = Y.encodeStateAsUpdate(doc!, theirs);
          // The requester holds clocks this instance lacks: ask in turn.
          if (!docHolds(doc!, theirs)) this.requestSync();
          if (hasContent(missing)) {
            this.cluster.publish(
              this.roomName,
              this.message(Kind.syncReply, (e) => {
                encoding.writeVarString(e, sender);
                writeBytes(e, missing);
              }),
            );
          }
          // The newcomer also needs to see this instance's people.
          const clients = room.localAwarenessClients();
          if (clients.length > 0) {
            this.publishAwareness(room.encodeAwareness(clients));
          }
          return;
        }
        case Kind.syncReply: {
          if (decoding.readVarString(decoder) !== this.cluster.instanceId) return;
          Y.applyUpdate(doc!, decoding.readVarUint8Array(decoder), RELAYED);
          this.checkGap();
          return;
        }
      }
    } catch {
      // A message this instance cannot read (another version, corruption) is skipped; the
      // next sync request repairs whatever it carried.
      this.requestSync();
    }
  }

  /**
   * A sleeping room wakes (reads the database) before it applies or answers a message; the
   * messages that arrive meanwhile wait behind it, in order. A failed read is repaired like a
   * lost message: by the next sync request.
   */
  private wakeThenHandle(room: Room, message: Uint8Array): void {
    this.waiting = [message];
    room.wake().then(
      () => {
        while (this.waiting !== null && this.waiting.length > 0 && !this.closed)
          this.handle(this.waiting.shift()!);
        this.waiting = null;
      },
      () => {
        this.waiting = null;
        this.requestSync();
      },
    );
  }

  /** Structs or deletions waiting for updates this instance never received: ask for them. */
  private checkGap(): void {
    const store = this.room!.liveDoc?.store;
    if (store === undefined) return;
    if (store.pendingStructs !== null || store.pendingDs !== null) this.requestSync();
  }
}

/** True when `vector` has a clock beyond what `doc` holds for some client. */
function writeBytes(encoder: encoding.Encoder, bytes: Uint8Array): void {
  encoding.writeVarUint8Array(encoder, bytes);
}

/** An encoded update with at least one struct or deletion (the empty one is two zero bytes). */
function hasContent(update: Uint8Array): boolean {
  return update.byteLength > 2;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'la dirección indicada';
  }
}
