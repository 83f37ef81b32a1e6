/**
 * Teaches a stock y-websocket provider Minka's message 100 `saved` (shared/protocol/messages.ts):
 * the server's durable state vector, which alone decides what counts as saved on the server.
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/protocol/messages';

export function onSavedMessage(
  provider: WebsocketProvider,
  handle: (stateVector: Uint8Array) => void,
): void {
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    handle(decoding.readVarUint8Array(decoder));
  };
}
