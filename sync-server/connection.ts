/**
 * One WebSocket in one room. It bounds the message rate, parses every frame before acting on
 * it, and closes only itself, with a code that says why, when its client misbehaves.
 */
import type { RawData, WebSocket } from 'ws';
import { CloseCode } from '../shared/protocol/messages';
import { FrameError, parseFrame, type Frame } from './frames';
import { TokenBucket, type RateLimit } from './rateLimit';
import { describeError } from './describeError';
import type { Peer, Room } from './room';

export class Connection implements Peer {
  private readonly bucket: TokenBucket;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
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
    const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
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
      this.log(`ERROR en la sala ${this.room.name}: ${describeError(error)}; se cierra esa conexión.`);
      this.close(CloseCode.internalError, 'internal error');
    }
  }

  private handle(frame: Frame): void {
    switch (frame.type) {
      case 'syncStep1':
        this.send(this.room.syncStep2(frame.stateVector));
        return;
      case 'update': {
        const result = this.room.receiveUpdate(this, frame.update);
        if (result === 'busy') this.close(CloseCode.tryAgainLater, 'room is saving, try again later');
        if (result === 'invalid') this.close(CloseCode.protocolError, 'update could not be applied');
        return;
      }
      case 'awareness':
        this.room.receiveAwareness(this, frame.update);
        return;
      case 'queryAwareness':
        this.send(this.room.awarenessFrame());
        return;
    }
  }
}
