/**
 * A bare y-websocket protocol client for benchmarks: it sends updates as fast as the socket
 * takes them and records what comes back, with none of a provider's timers in the measurement.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/messages';
import { applySaved, readSaved } from '../../shared/protocol/saved';

export class ProtocolClient {
  readonly doc: Y.Doc = new Y.Doc();
  /** What the server has said it committed, merged over its `saved` messages. */
  saved: Y.Snapshot | null = null;
  /** Bytes received, and of those the bytes of `saved` messages. */
  receivedBytes = 0;
  savedBytes = 0;
  sentBytes = 0;
  /** The server's sync step 1 arrived and was answered (our step 2 is sent). */
  answeredStep1 = false;
  /** Called with the arrival time of every sync update (message 0, step 2 or update). */
  onUpdate: ((at: number) => void) | null = null;
  private readonly socket: WebSocket;
  private listeners: Array<() => void> = [];

  private constructor(socket: WebSocket, doc?: Y.Doc) {
    this.socket = socket;
    if (doc !== undefined) this.doc = doc;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
  }

  static async connect(url: string, doc?: Y.Doc): Promise<ProtocolClient> {
    const socket = new WebSocket(url);
    // Listening before 'open': the server's first frames can arrive in the same read.
    const client = new ProtocolClient(socket, doc);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, client.doc);
    client.send(encoding.toUint8Array(encoder));
    return client;
  }

  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Resolves when `done()` holds, re-checked after every message. */
  until(done: () => boolean, timeoutMs = 120_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('benchmark client timed out')), timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      this.listeners.push(check);
    });
  }

  private send(frame: Uint8Array): void {
    this.sentBytes += frame.byteLength;
    this.socket.send(frame);
  }

  close(): void {
    this.socket.close();
  }

  private receive(frame: Uint8Array): void {
    const at = performance.now();
    this.receivedBytes += frame.byteLength;
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      if (frame[1] !== syncProtocol.messageYjsSyncStep1) this.onUpdate?.(at);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) {
        this.send(encoding.toUint8Array(encoder));
        this.answeredStep1 = true;
      }
    } else if (type === MessageType.saved) {
      this.savedBytes += frame.byteLength;
      this.saved = applySaved(this.saved, readSaved(decoder));
    }
    for (const listener of [...this.listeners]) listener();
  }
}

/** True when the state vector `covered` (encoded, or a snapshot's) includes all of `wanted`. */
export function covers(covered: Uint8Array | Y.Snapshot | null, wanted: Uint8Array): boolean {
  if (covered === null) return false;
  const have = covered instanceof Uint8Array ? Y.decodeStateVector(covered) : covered.sv;
  for (const [client, clock] of Y.decodeStateVector(wanted)) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  return true;
}
