/**
 * Reads one client frame of the y-websocket protocol (shared/protocol/messages.ts) and checks
 * every byte of it before the server acts on it: a frame that does not decode completely, or
 * whose update or awareness payload is not valid, throws FrameError and is never applied. This
 * is what keeps one broken or hostile client from altering a room others edit.
 */
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../shared/protocol/messages';
import { decodeAwarenessUpdate } from './presence';

export type Frame =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

export class FrameError extends Error {}

function attempt<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch {
    throw new FrameError(what);
  }
}

export function parseFrame(bytes: Uint8Array): Frame {
  const decoder = decoding.createDecoder(bytes);
  const messageType = attempt('unreadable message type', () => decoding.readVarUint(decoder));
  switch (messageType) {
    case MessageType.sync:
      return parseSync(decoder);
    case MessageType.awareness: {
      const update = attempt('truncated awareness message', () =>
        decoding.readVarUint8Array(decoder),
      );
      attempt('invalid awareness update', () => decodeAwarenessUpdate(update));
      return { type: 'awareness', update };
    }
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' };
    default:
      throw new FrameError(`unknown message type ${messageType}`);
  }
}

function parseSync(decoder: decoding.Decoder): Frame {
  const step = attempt('unreadable sync message type', () => decoding.readVarUint(decoder));
  const payload = attempt('truncated sync message', () => decoding.readVarUint8Array(decoder));
  switch (step) {
    case syncProtocol.messageYjsSyncStep1:
      attempt('invalid state vector', () => Y.decodeStateVector(payload));
      return { type: 'syncStep1', stateVector: payload };
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate:
      attempt('invalid update', () => Y.decodeUpdate(payload));
      return { type: 'update', update: payload };
    default:
      throw new FrameError(`unknown sync message type ${step}`);
  }
}
