/* eslint-disable no-restricted-syntax -- limit tests build updates of many tiny structs with a raw Y.Array. */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { FrameError, parseFrame } from '../../../sync-server/frames';
import { DEFAULT_SYNC_LIMITS } from '../../../sync-server/limits';

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
    expect(parseFrame(syncFrame(syncProtocol.messageYjsUpdate, update))).toMatchObject({
      type: 'update',
      update,
      step2: false,
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

describe('parseFrame limits (what a frame decodes to, not only its bytes)', () => {
  const limits = { ...DEFAULT_SYNC_LIMITS, maxStructsPerUpdate: 100, maxDeleteRangesPerUpdate: 10 };

  it('refuses an update of more tiny items than the limit, marked as over the limit', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<number>('list');
    // Inserting each number at the front makes one struct per number (none can merge).
    for (let i = 0; i < 101; i++) list.insert(0, [i]);
    const frame = syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(doc));
    const error = catchFrameError(() => parseFrame(frame, limits));
    expect(error.overLimit).toBe(true);
    expect(error.message).toMatch(/100 structs/);
  });

  it('refuses an update that deletes more ranges than the limit', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<number>('list');
    list.insert(
      0,
      Array.from({ length: 40 }, (_, i) => i),
    );
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (let i = 0; i < 11; i++) list.delete(i, 1);
    });
    const frame = syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(doc, before));
    expect(catchFrameError(() => parseFrame(frame, limits)).message).toMatch(/deleted ranges/);
  });

  it('refuses awareness frames with too many entries or an oversized state', () => {
    const entries = (count: number, state: string) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, count);
      for (let i = 0; i < count; i++) {
        encoding.writeVarUint(update, i + 1);
        encoding.writeVarUint(update, 1);
        encoding.writeVarString(update, state);
      }
      const frame = encoding.createEncoder();
      encoding.writeVarUint(frame, 1);
      encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
      return encoding.toUint8Array(frame);
    };
    expect(parseFrame(entries(1, '{"cursor":null}'), limits).type).toBe('awareness');
    expect(catchFrameError(() => parseFrame(entries(9, '{}'), limits)).overLimit).toBe(true);
    const big = JSON.stringify({ name: 'x'.repeat(limits.maxAwarenessStateChars) });
    expect(catchFrameError(() => parseFrame(entries(1, big), limits)).overLimit).toBe(true);
  });
});

function catchFrameError(run: () => unknown): FrameError {
  try {
    run();
  } catch (error) {
    if (error instanceof FrameError) return error;
    throw error;
  }
  throw new Error('no FrameError thrown');
}
