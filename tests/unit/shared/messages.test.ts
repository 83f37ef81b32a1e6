import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeSaved, encodeSaved, MessageType } from '../../../shared/protocol/messages';
import { appendBlocks } from '../../../shared/ydoc/documentDoc';

describe('saved message', () => {
  it('round-trips a state vector', () => {
    const doc = new Y.Doc();
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'hola' }] }]);
    const sv = Y.encodeStateVector(doc);
    const frame = encodeSaved(sv);
    expect(frame[0]).toBe(MessageType.saved);
    expect(decodeSaved(frame)).toEqual(sv);
  });

  it('is not confused with a sync frame', () => {
    expect(decodeSaved(new Uint8Array([MessageType.sync, 0, 0]))).toBeNull();
  });
});
