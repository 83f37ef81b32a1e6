/**
 * Teaches a stock y-websocket provider Minka's message 100 `saved` (shared/protocol/saved.ts):
 * what the server has committed, which alone decides what counts as saved on the server. And
 * the server's y-protocols/auth refusal of a write (a read-only role), which the stock client
 * only logs: those changes will not be saved while the role stays read-only.
 */
import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/protocol/messages';
import { readSaved, SyncStep2Keeper, type SavedMessage } from '../../shared/protocol/saved';

export function onSavedMessage(
  provider: WebsocketProvider,
  handle: (message: SavedMessage) => void,
): void {
  // A `saved` right after the server's sync step 2 may refer to that step 2's deletions.
  const step2 = new SyncStep2Keeper();
  const sync = provider.messageHandlers[MessageType.sync]!;
  provider.messageHandlers[MessageType.sync] = (encoder, decoder, ...rest) => {
    step2.noteSync(decoder);
    sync(encoder, decoder, ...rest);
  };
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    handle(readSaved(decoder, step2));
  };
}

export function onWriteRefused(provider: WebsocketProvider, handle: () => void): void {
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, provider.doc, () => handle());
  };
}
