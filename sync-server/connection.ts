/**
 * One WebSocket in one room, for one signed-in person. It bounds the message rate, parses every
 * frame before acting on it, and closes only itself, with a code that says why, when its client
 * misbehaves. A read-only connection (viewer; commenter outside threads) still reads, but its
 * writes are dropped before the room sees them (not applied, relayed or stored) and it is told
 * once with a y-protocols/auth permission-denied message. Its awareness goes through presence.ts.
 */
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as Y from 'yjs';
import type { RawData, WebSocket } from 'ws';
import type { PresenceUser } from '../shared/model/accounts';
import { CloseCode, MessageType } from '../shared/protocol/messages';
import type { RoomKind } from '../shared/protocol/rooms';
import { FrameError, parseFrame, type Frame } from './frames';
import { TokenBucket, type RateLimit } from './rateLimit';
import { describeError } from './describeError';
import { sanitizeAwareness } from './presence';
import type { Peer, Room } from './room';

/** Who is on the other end, as the server decided before the upgrade. */
export interface ConnectionAccess {
  userId: string;
  sessionId: string;
  groupId: string;
  kind: RoomKind;
  writable: boolean;
  presence: PresenceUser;
}

export class Connection implements Peer {
  private readonly bucket: TokenBucket;
  private closed = false;
  private deniedSent = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    readonly access: ConnectionAccess,
    rateLimit: RateLimit,
    private readonly log: (line: string) => void,
  ) {
    this.bucket = new TokenBucket(rateLimit);
    ws.on('message', (data) => this.receive(data));
    ws.on('close', () => this.detach());
    ws.on('error', (error) => {
      // ws closes the socket itself after an error (1009 for an oversized frame).
      this.log(`Conexión cerrada en la sala ${room.name}: ${describeError(error)}`);
      this.detach();
    });
    room.join(this);
  }

  send(frame: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    this.detach();
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      this.ws.close(code, reason);
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
      frame = parseFrame(bytes);
    } catch (error) {
      const reason = error instanceof FrameError ? error.message : 'malformed frame';
      this.log(`Trama inválida en la sala ${this.room.name}: ${reason}; se cierra esa conexión.`);
      this.close(CloseCode.protocolError, reason);
      return;
    }
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
        this.room.answerSyncStep1(this, frame.stateVector);
        return;
      case 'update': {
        if (!this.access.writable) {
          this.refuseWrite(frame.update);
          return;
        }
        const result = this.room.receiveUpdate(this, frame.update);
        if (result === 'busy')
          this.close(CloseCode.tryAgainLater, 'room is saving, try again later');
        if (result === 'invalid')
          this.close(CloseCode.protocolError, 'update could not be applied');
        return;
      }
      case 'awareness': {
        const allowed = sanitizeAwareness(
          frame.update,
          (client) => this.room.awarenessOwnedElsewhere(this, client),
          this.access.presence,
        );
        if (allowed !== null) this.room.receiveAwareness(this, allowed);
        return;
      }
      case 'queryAwareness':
        this.send(this.room.awarenessFrame());
        return;
    }
  }

  /** Says once per connection that a write was refused; an empty sync step 2 is no write at all. */
  private refuseWrite(update: Uint8Array): void {
    const { structs, ds } = Y.decodeUpdate(update);
    if (this.deniedSent || (structs.length === 0 && ds.clients.size === 0)) return;
    this.deniedSent = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.auth);
    authProtocol.writePermissionDenied(
      encoder,
      'Su rol en este grupo es de solo lectura aquí: el servidor no guardó sus cambios.',
    );
    this.send(encoding.toUint8Array(encoder));
  }
}
