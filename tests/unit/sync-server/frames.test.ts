import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { FrameError, parseFrame } from '../../../sync-server/frames';

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('parseFrame', () => {
  it('reads the frames a stock y-websocket client sends', () => {
    const doc = new Y.Doc();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, doc);
    expect(parseFrame(encoding.toUint8Array(encoder)).type).toBe('syncStep1');

    const update = Y.encodeStateAsUpdate(doc);
    expect(parseFrame(syncFrame(syncProtocol.messageYjsUpdate, update))).toEqual({
      type: 'update',
      update,
    });
    expect(parseFrame(Uint8Array.of(3))).toEqual({ type: 'queryAwareness' });
  });

  it.each([
    ['an undecodable varint', Uint8Array.of(0xff, 0xff)],
    ['an unknown message type', Uint8Array.of(42)],
    ['an unknown sync step', syncFrame(7, Uint8Array.of(0))],
    [
      'a garbage update',
      syncFrame(syncProtocol.messageYjsUpdate, Uint8Array.of(5, 200, 7, 1, 9, 9)),
    ],
    [
      'a truncated update',
      syncFrame(syncProtocol.messageYjsUpdate, Uint8Array.of(1)).subarray(0, 3),
    ],
    ['an awareness update that is not JSON', Uint8Array.of(1, 5, 1, 1, 1, 1, 0x7b)],
  ])('refuses %s', (_what, frame) => {
    expect(() => parseFrame(frame)).toThrow(FrameError);
  });
});
