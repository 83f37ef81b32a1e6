/**
 * One WebSocket in one room, for one signed-in person. It bounds the message rate, parses every
 * frame before acting on it (frames.ts, within limits.ts), checks every write (integrity.ts), and
 * closes only itself, with a code that says why, when its client misbehaves. A read-only
 * connection (viewer; commenter outside threads) still reads, but its writes are dropped before
 * the room sees them (not applied, relayed or stored) and it is told once with a y-protocols/auth
 * permission-denied message. Its awareness goes through presence.ts, for at most a few client ids
 * (one when read-only).
 *
 * Backpressure: a client that asks and never reads must not make the server queue without end.
 * Above `pauseReadingAboveBytes` queued to the socket the server stops reading from it until the
 * socket drains, a sync step 1 or awareness query that arrives while the previous answer is still
 * queued is answered once, after it, and above `dropAboveBytes` the socket is dropped (its client
 * resyncs from its state vector when it reconnects).
 */
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as Y from 'yjs';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { GroupRole, PresenceUser } from '../shared/model/accounts';
import { CloseCode, MessageType } from '../shared/protocol/messages';
import { encodeSaved, type DeleteSet } from '../shared/protocol/saved';
import type { RoomKind } from '../shared/protocol/rooms';
import type { ClientIds } from './accounts/clientIds';
import { FrameError, parseFrame, type Frame } from './frames';
import { checkWrite, unclaimedClients } from './integrity';
import { checkThreadsWrite } from './threadsIntegrity';
import type { SyncLimits } from './limits';
import { TokenBucket, type RateLimit } from './rateLimit';
import { describeError } from './describeError';
import { sanitizeAwareness } from './presence';
import type { Peer, Room } from './room';
import type { UpdateShape } from './updateScan';

/** Who is on the other end, as the server decided before the upgrade. */
export interface ConnectionAccess {
  userId: string;
  sessionId: string;
  groupId: string;
  kind: RoomKind;
  /** Kept current with `writable` by socketAccess.ts (threads: who decides suggestions). */
  role: GroupRole;
  writable: boolean;
  presence: PresenceUser;
}

/** What every connection of a server shares. */
export interface ConnectionContext {
  rateLimit: RateLimit;
  limits: SyncLimits;
  clientIds: ClientIds;
  log: (line: string) => void;
  /** Told when a connection's socket closed, with its close code. */
  onClosed?: (connection: Connection, code: number) => void;
}

/** How long the commits a connection did not write to may gather into one `saved`. */
const READER_SAVED_DELAY_MS = 100;

const READ_ONLY_MESSAGE =
  'Su rol en este grupo es de solo lectura aquí: el servidor no guardó sus cambios.';
const FORGED_MESSAGE =
  'El servidor no guardó un cambio en los comentarios: firmaba por otra persona o modificaba un comentario ajeno.';

export class Connection implements Peer {
  private readonly bucket: TokenBucket;
  private readonly log: (line: string) => void;
  private closed = false;
  private deniedSent = false;
  /**
   * Set when a threads write signed for someone else or touched another person's comment: the
   * server takes no more writes from this connection (they would build on the refused one), and
   * it stays open for reading.
   */
  private forged = false;
  /** Awareness client ids this connection introduced (none until it sends a presence). */
  private awarenessClients: Set<number> | null = null;
  private paused = false;
  private step2Queued = false;
  private deferredStep1: Uint8Array | null = null;
  private awarenessQueued = false;
  private deferredQuery = false;
  /**
   * Frames that arrived while a write waited for its new client ids to be claimed in the
   * database; null when none is waiting. They are handled afterwards, in order.
   */
  private held: Frame[] | null = null;
  /** A `saved` message is written to the socket and not flushed yet. */
  private savedInFlight = false;
  /** Commits not sent yet: sent as one increment (see sendSaved). */
  private savedBacklog: { vector: Uint8Array; deletes: DeleteSet[]; urgent: boolean } | null = null;
  private savedTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    private readonly room: Room,
    readonly access: ConnectionAccess,
    private readonly context: ConnectionContext,
  ) {
    this.log = context.log;
    this.bucket = new TokenBucket(context.rateLimit);
    ws.on('message', (data) => this.receive(data));
    ws.on('close', (code) => {
      this.detach();
      context.onClosed?.(this, code);
    });
    ws.on('error', (error) => {
      // ws closes the socket itself after an error (1009 for an oversized frame).
      this.log(`Conexión cerrada en la sala ${room.name}: ${describeError(error)}`);
      this.detach();
    });
    room.join(this);
  }

  get roomName(): string {
    return this.room.name;
  }

  send(frame: Uint8Array, sent?: () => void): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(frame, sent);
    this.checkBackpressure();
  }

  /**
   * At most one `saved` in flight per connection: commits that end while the previous one is
   * still queued to a slow socket are merged (latest state vector, union of their deletions)
   * into one increment sent once it is flushed, so a backed-up client gets one message, not one
   * per commit. A commit that holds none of this connection's own updates (`wrote` false) is
   * not urgent: such commits are merged for up to READER_SAVED_DELAY_MS, so a room of readers
   * does not send every reader one `saved` per keystroke of the writer. The complete snapshot on
   * join replaces whatever was waiting.
   */
  sendSaved(
    frame: Uint8Array,
    increment: { vector: Uint8Array; deletes: DeleteSet } | null,
    wrote = true,
  ): void {
    if (increment === null) {
      this.savedBacklog = null;
      this.clearSavedTimer();
      this.writeSaved(frame);
      return;
    }
    if (!this.savedInFlight && this.savedBacklog === null && wrote) {
      this.writeSaved(frame);
      return;
    }
    if (this.savedBacklog === null)
      this.savedBacklog = { vector: increment.vector, deletes: [increment.deletes], urgent: wrote };
    else {
      this.savedBacklog.vector = increment.vector;
      this.savedBacklog.deletes.push(increment.deletes);
      this.savedBacklog.urgent ||= wrote;
    }
    this.pumpSaved();
  }

  private writeSaved(frame: Uint8Array): void {
    this.savedInFlight = true;
    this.send(frame, () => {
      this.savedInFlight = false;
      this.pumpSaved();
    });
  }

  /** Sends the merged backlog when nothing is in flight and it is urgent or has waited enough. */
  private pumpSaved(): void {
    const backlog = this.savedBacklog;
    if (backlog === null || this.savedInFlight || this.closed) return;
    if (!backlog.urgent) {
      if (this.savedTimer === null) {
        this.savedTimer = setTimeout(() => {
          this.savedTimer = null;
          if (this.savedBacklog !== null) this.savedBacklog.urgent = true;
          this.pumpSaved();
        }, READER_SAVED_DELAY_MS);
        this.savedTimer.unref();
      }
      return;
    }
    this.clearSavedTimer();
    this.savedBacklog = null;
    const deletes =
      backlog.deletes.length === 1 ? backlog.deletes[0]! : Y.mergeDeleteSets(backlog.deletes);
    this.writeSaved(encodeSaved(backlog.vector, deletes, false));
  }

  private clearSavedTimer(): void {
    if (this.savedTimer !== null) clearTimeout(this.savedTimer);
    this.savedTimer = null;
  }

  private checkBackpressure(): void {
    const queued = this.ws.bufferedAmount;
    const { pauseReadingAboveBytes, dropAboveBytes } = this.context.limits;
    if (queued > dropAboveBytes && !this.closed) {
      this.log(
        `La conexión en la sala ${this.room.name} no lee lo que se le envía (${queued} bytes en cola); se corta.`,
      );
      // Not from inside the room's broadcast loop that called send().
      setImmediate(() => this.terminate());
      return;
    }
    if (queued > pauseReadingAboveBytes && !this.paused) {
      this.paused = true;
      this.ws.pause();
      this.socket.once('drain', () => {
        this.paused = false;
        if (!this.closed) this.ws.resume();
      });
    }
  }

  close(code: number, reason: string): void {
    this.detach();
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      // A close reason may hold at most 123 bytes.
      this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
    }
  }

  /**
   * A role change applied in place: writes are dropped from now on, or accepted again. Regaining
   * write access asks the client for what the room lacks (sync step 1), so the changes it made
   * while read-only, which later updates depend on, reach the room now rather than at its next
   * reconnect, when they would arrive anyway.
   */
  setWritable(writable: boolean): void {
    if (this.access.writable === writable) return;
    this.access.writable = writable;
    this.deniedSent = false;
    if (writable) this.send(this.room.syncStep1());
  }

  /** Drops the connection now, without a closing handshake (used when the server stops). */
  terminate(): void {
    this.detach();
    this.ws.terminate();
  }

  private detach(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearSavedTimer();
    this.room.leave(this);
  }

  private receive(data: RawData): void {
    if (this.closed) return;
    if (!this.bucket.take()) {
      this.close(CloseCode.rateLimited, 'too many messages per second');
      return;
    }
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : data;
    let frame: Frame;
    try {
      frame = parseFrame(bytes, this.context.limits);
    } catch (error) {
      const reason = error instanceof FrameError ? error.message : 'malformed frame';
      const overLimit = error instanceof FrameError && error.overLimit;
      this.log(
        `${overLimit ? 'Trama por encima de los límites' : 'Trama inválida'} en la sala ${this.room.name}: ${reason}; se cierra esa conexión.`,
      );
      this.close(overLimit ? CloseCode.messageTooBig : CloseCode.protocolError, reason);
      return;
    }
    if (this.held !== null) {
      this.held.push(frame);
      return;
    }
    this.handleSafely(frame);
  }

  private handleSafely(frame: Frame): void {
    try {
      this.handle(frame);
    } catch (error) {
      this.log(
        `ERROR en la sala ${this.room.name}: ${describeError(error)}; se cierra esa conexión.`,
      );
      this.close(CloseCode.internalError, 'internal error');
    }
  }

  private handle(frame: Frame): void {
    switch (frame.type) {
      case 'syncStep1':
        this.answerStep1(frame.stateVector);
        return;
      case 'update': {
        if (!this.access.writable || this.forged) {
          this.refuseWrite(frame.shape, this.forged ? FORGED_MESSAGE : READ_ONLY_MESSAGE);
          return;
        }
        if (frame.shape.structs === 0 && frame.shape.deleteRanges === 0) return;
        const doc = this.room.liveDoc;
        if (doc === null) {
          this.holdUntil(frame, this.room.wake(), 'no se pudo leer la sala');
          return;
        }
        const unclaimed = unclaimedClients(
          this.room.name,
          doc,
          frame.shape,
          this.context.clientIds,
        );
        if (unclaimed.length > 0) {
          this.claimThenHandle(frame, unclaimed);
          return;
        }
        const refusal = checkWrite(
          this.room.name,
          doc,
          frame.shape,
          this.access,
          this.context.clientIds,
          this.context.limits,
        );
        if (refusal !== null) {
          if (refusal.code === CloseCode.protocolError) this.room.suspectStale();
          this.log(
            `Escritura rechazada en la sala ${this.room.name} (persona ${this.access.userId}): ${refusal.reason}; se cierra esa conexión.`,
          );
          this.close(refusal.code, refusal.reason);
          return;
        }
        const forged =
          this.access.kind === 'threads' ? checkThreadsWrite(doc, frame.update, this.access) : null;
        if (forged !== null) {
          this.log(
            `Escritura rechazada en la sala ${this.room.name} (persona ${this.access.userId}): ${forged}; no se aplica y esa conexión queda de solo lectura.`,
          );
          this.forged = true;
          this.refuseWrite(frame.shape, FORGED_MESSAGE);
          return;
        }
        const result = this.room.receiveUpdate(
          this,
          frame.update,
          frame.step2 ? undefined : frame.message,
        );
        if (result === 'busy')
          this.close(CloseCode.tryAgainLater, 'room is saving, try again later');
        if (result === 'invalid')
          this.close(CloseCode.protocolError, 'update could not be applied');
        return;
      }
      case 'awareness': {
        const allowed = sanitizeAwareness(
          frame.update,
          (client) => !this.mayUseAwarenessClient(client),
          this.access.presence,
        );
        if (allowed !== null) this.room.receiveAwareness(this, allowed);
        return;
      }
      case 'queryAwareness':
        this.answerQuery();
        return;
    }
  }

  /**
   * A write under client ids this server has not seen: the database decides who owns them (once
   * per client id, usually once per editing session), and until it answers this connection's
   * frames wait, so they keep their order. A failing database closes only this connection; its
   * client reconnects and sends the write again.
   */
  private claimThenHandle(frame: Frame, clients: readonly number[]): void {
    const { clientIds } = this.context;
    const { userId, sessionId } = this.access;
    this.holdUntil(
      frame,
      Promise.all(
        clients.map((client) => clientIds.claim(this.room.name, client, userId, sessionId)),
      ),
      'no se pudo registrar de quién es un cliente',
    );
  }

  /**
   * This connection's frames wait, in order, until `ready` settles (a database answer, or the
   * room waking up), and `frame` is then handled again; a failure closes only this connection,
   * and its client reconnects and sends the frames again.
   */
  private holdUntil(frame: Frame | null, ready: Promise<unknown>, failure: string): void {
    this.held = frame === null ? [] : [frame];
    ready.then(
      () => this.releaseHeld(),
      (error: unknown) => {
        this.held = null;
        this.log(
          `ERROR en la sala ${this.room.name}: ${failure}: ${describeError(error)}; se cierra esa conexión.`,
        );
        this.close(CloseCode.tryAgainLater, 'database unavailable, try again later');
      },
    );
  }

  private releaseHeld(): void {
    const held = this.held ?? [];
    this.held = null;
    for (let i = 0; i < held.length && !this.closed; i++) {
      this.handleSafely(held[i]!);
      // handleSafely may have begun another wait: the frames after this one wait behind it.
      const waiting = this.held as Frame[] | null;
      if (waiting !== null) {
        waiting.push(...held.slice(i + 1));
        return;
      }
    }
  }

  /**
   * One answer queued at a time; requests that arrive meanwhile get one answer, the latest. A
   * sleeping room answers from storage: this connection's later frames wait for that answer, so
   * the complete `saved` that follows it is not overtaken by this connection's own writes.
   */
  private answerStep1(stateVector: Uint8Array): void {
    if (this.step2Queued) {
      this.deferredStep1 = stateVector;
      return;
    }
    this.step2Queued = true;
    const answer = this.room.syncStep2(stateVector);
    if (answer instanceof Uint8Array) {
      this.sendStep2(answer);
      return;
    }
    this.holdUntil(
      null,
      answer.then((step2) => {
        if (!this.closed) this.sendStep2(step2);
      }),
      'no se pudo leer la sala',
    );
  }

  private sendStep2(step2: Uint8Array): void {
    this.send(step2, () => {
      this.step2Queued = false;
      const next = this.deferredStep1;
      this.deferredStep1 = null;
      if (next !== null && !this.closed) this.answerStep1(next);
    });
    this.room.answeredSyncStep1(this);
  }

  private answerQuery(): void {
    if (this.awarenessQueued) {
      this.deferredQuery = true;
      return;
    }
    this.awarenessQueued = true;
    this.send(this.room.awarenessFrame(), () => {
      this.awarenessQueued = false;
      if (this.deferredQuery && !this.closed) {
        this.deferredQuery = false;
        this.answerQuery();
      }
    });
  }

  /**
   * A connection speaks for the awareness client ids it introduced, up to a few (a person's own
   * caret; one for a read-only connection), and never for one another connection introduced.
   */
  private mayUseAwarenessClient(client: number): boolean {
    if (this.room.awarenessOwnedElsewhere(this, client)) return false;
    const clients = (this.awarenessClients ??= new Set());
    if (clients.has(client)) return true;
    const max = this.access.writable ? this.context.limits.maxAwarenessClientsPerConnection : 1;
    if (clients.size >= max) return false;
    clients.add(client);
    return true;
  }

  /** Says once per connection that a write was refused; an empty sync step 2 is no write at all. */
  private refuseWrite(shape: UpdateShape, message: string): void {
    if (this.deniedSent || (shape.structs === 0 && shape.deleteRanges === 0)) return;
    this.deniedSent = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.auth);
    authProtocol.writePermissionDenied(encoder, message);
    this.send(encoding.toUint8Array(encoder));
  }
}
