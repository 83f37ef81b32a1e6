/**
 * Reads one client frame of the y-websocket protocol (shared/protocol/messages.ts) and checks
 * every byte of it before the server acts on it: a frame that does not decode completely, or
 * whose update or awareness payload is not valid, or that decodes to more than the limits allow
 * (limits.ts), throws FrameError and is never applied. This is what keeps one broken or hostile
 * client from altering a room others edit or from making the server hold what it sent many times
 * over.
 */
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../shared/protocol/messages';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './limits';
import { decodeAwarenessUpdate } from './presence';
import { scanUpdate, UpdateLimitError, type UpdateShape } from './updateScan';

export type Frame =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | {
      type: 'update';
      update: Uint8Array;
      shape: UpdateShape;
      step2: boolean;
      /** The whole frame as received: for an update (not a step 2), what the room relays as is. */
      message: Uint8Array;
    }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

export class FrameError extends Error {
  /** True when the frame was valid but decodes to more than the limits allow. */
  constructor(
    message: string,
    readonly overLimit = false,
  ) {
    super(message);
  }
}

function attempt<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FrameError) throw error;
    if (error instanceof UpdateLimitError) throw new FrameError(error.message, true);
    throw new FrameError(what);
  }
}

export function parseFrame(bytes: Uint8Array, limits: SyncLimits = DEFAULT_SYNC_LIMITS): Frame {
  const decoder = decoding.createDecoder(bytes);
  const messageType = attempt('unreadable message type', () => decoding.readVarUint(decoder));
  switch (messageType) {
    case MessageType.sync:
      return parseSync(decoder, limits, bytes);
    case MessageType.awareness: {
      const update = attempt('truncated awareness message', () =>
        decoding.readVarUint8Array(decoder),
      );
      attempt('invalid awareness update', () =>
        decodeAwarenessUpdate(update, {
          maxEntries: limits.maxAwarenessEntriesPerFrame,
          maxStateChars: limits.maxAwarenessStateChars,
        }),
      );
      return { type: 'awareness', update };
    }
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' };
    default:
      throw new FrameError(`unknown message type ${messageType}`);
  }
}

function parseSync(decoder: decoding.Decoder, limits: SyncLimits, bytes: Uint8Array): Frame {
  const step = attempt('unreadable sync message type', () => decoding.readVarUint(decoder));
  const payload = attempt('truncated sync message', () => decoding.readVarUint8Array(decoder));
  switch (step) {
    case syncProtocol.messageYjsSyncStep1:
      attempt('invalid state vector', () => Y.decodeStateVector(payload));
      return { type: 'syncStep1', stateVector: payload };
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const shape = attempt('invalid update', () =>
        scanUpdate(payload, {
          maxStructs: limits.maxStructsPerUpdate,
          maxDeleteRanges: limits.maxDeleteRangesPerUpdate,
        }),
      );
      return {
        type: 'update',
        update: payload,
        shape,
        step2: step === syncProtocol.messageYjsSyncStep2,
        message: bytes,
      };
    }
    default:
      throw new FrameError(`unknown sync message type ${step}`);
  }
}
