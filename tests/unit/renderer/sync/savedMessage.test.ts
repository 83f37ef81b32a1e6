import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { deletesOfDoc, encodeSaved, type SavedMessage } from '../../../../shared/protocol/saved';
import { appendBlocks } from '../../../../shared/ydoc/documentDoc';
import { onSavedMessage } from '../../../../renderer/sync/savedMessage';

/** Feeds one server frame to the provider the way y-websocket's readMessage does. */
function receive(provider: WebsocketProvider, frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  const encoder = encoding.createEncoder();
  const type = decoding.readVarUint(decoder);
  provider.messageHandlers[type]!(encoder, decoder, provider, true, type);
  return encoding.toUint8Array(encoder);
}

describe('onSavedMessage', () => {
  it('hands what the server saved (vector and deletions) to the room, and answers nothing', () => {
    const doc = new Y.Doc();
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'guardado' }] }]);
    const provider = new WebsocketProvider('ws://127.0.0.1:9/sync', 'g/x/index', doc, {
      connect: false,
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    });
    const received: SavedMessage[] = [];
    onSavedMessage(provider, (message) => received.push(message));

    const vector = Y.encodeStateVector(doc);
    const reply = receive(provider, encodeSaved(vector, deletesOfDoc(doc), true));

    expect(received).toHaveLength(1);
    expect(received[0]!.complete).toBe(true);
    expect(Y.equalSnapshots(received[0]!.snapshot, Y.snapshot(doc))).toBe(true);
    expect(reply).toHaveLength(0);
    provider.destroy();
  });
});
