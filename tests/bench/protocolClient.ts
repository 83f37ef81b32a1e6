/**
 * A bare y-websocket protocol client for benchmarks: it sends updates as fast as the socket
 * takes them and records what comes back, with none of a provider's timers in the measurement.
 * It also speaks Hocuspocus's variant of the protocol (every message prefixed with the document
 * name, an authentication message first, sync replies as message 4), so the same client measures
 * @hocuspocus/server.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/messages';
import { applySaved, readSaved, SyncStep2Keeper } from '../../shared/protocol/saved';

/** Which wire protocol a benchmark server speaks. */
export type WireProtocol = 'y-websocket' | 'hocuspocus';

/** Hocuspocus message types (@hocuspocus/server's MessageType) that the benchmark uses. */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const HOCUSPOCUS_AUTH_TOKEN = 0;

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
  private readonly step2 = new SyncStep2Keeper();

  /** The document name that prefixes every Hocuspocus message; null for y-websocket. */
  private readonly documentName: string | null;

  private constructor(socket: WebSocket, doc: Y.Doc | undefined, documentName: string | null) {
    this.socket = socket;
    this.documentName = documentName;
    if (doc !== undefined) this.doc = doc;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
  }

  /**
   * Opens `url`. For Hocuspocus the document is the URL's last path segment (the server itself
   * ignores the path) and the client authenticates with an empty token, as its provider does.
   */
  static async connect(
    url: string,
    doc?: Y.Doc,
    protocol: WireProtocol = 'y-websocket',
  ): Promise<ProtocolClient> {
    const documentName =
      protocol === 'hocuspocus' ? decodeURIComponent(new URL(url).pathname.slice(1)) : null;
    const socket = new WebSocket(url);
    // Listening before 'open': the server's first frames can arrive in the same read.
    const client = new ProtocolClient(socket, doc, documentName);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (documentName !== null) {
      client.send(
        client.message(HOCUSPOCUS_AUTH, (encoder) => {
          encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
          encoding.writeVarString(encoder, '');
        }),
      );
    }
    client.send(
      client.message(MessageType.sync, (encoder) =>
        syncProtocol.writeSyncStep1(encoder, client.doc),
      ),
    );
    return client;
  }

  sendUpdate(update: Uint8Array): void {
    this.send(
      this.message(MessageType.sync, (encoder) => syncProtocol.writeUpdate(encoder, update)),
    );
  }

  private message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    if (this.documentName !== null) encoding.writeVarString(encoder, this.documentName);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    return encoding.toUint8Array(encoder);
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
    if (this.documentName !== null) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (
      type === MessageType.sync ||
      (this.documentName !== null && type === HOCUSPOCUS_SYNC_REPLY)
    ) {
      if (decoding.peekVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) this.onUpdate?.(at);
      this.step2.noteSync(decoder);
      const reply = encoding.createEncoder();
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 0) {
        const answer = encoding.toUint8Array(reply);
        this.send(
          this.message(MessageType.sync, (encoder) => encoding.writeUint8Array(encoder, answer)),
        );
        this.answeredStep1 = true;
      }
    } else if (type === MessageType.saved) {
      this.savedBytes += frame.byteLength;
      this.saved = applySaved(this.saved, readSaved(decoder, this.step2));
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
