/**
 * Teaches a stock y-websocket provider Minka's message 100 `saved` (shared/protocol/saved.ts):
 * what the server has committed, which alone decides what counts as saved on the server. And
 * the server's y-protocols/auth refusal of a write (a read-only role), which the stock client
 * only logs: those changes will not be saved while the role stays read-only.
 */
import * as authProtocol from 'y-protocols/auth';
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

export function onWriteRefused(provider: WebsocketProvider, handle: () => void): void {
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, provider.doc, () => handle());
  };
}
