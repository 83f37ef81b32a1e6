/**
 * Teaches a stock y-websocket provider Minka's message 100 `saved` (shared/protocol/saved.ts):
 * what the server has committed, which alone decides what counts as saved on the server.
 */
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/protocol/messages';
import { readSaved, type SavedMessage } from '../../shared/protocol/saved';

export function onSavedMessage(
  provider: WebsocketProvider,
  handle: (message: SavedMessage) => void,
): void {
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    handle(readSaved(decoder));
  };
}
