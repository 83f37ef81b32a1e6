/**
 * The server never rewrites a document, but it refuses a client whose schema is newer than the
 * one it was built with: such a client is closed with CloseCode.schemaTooNew, before any byte of
 * the room, and the stock client does not retry. A client of this build syncs as usual.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/messages';
import { SCHEMA_VERSIONS } from '../../shared/ydoc/schema';
import { ROOM_A, startServer, waitFor, write } from './helpers';

function client(url: string, token: string, schema: number) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, ROOM_A, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token, schema: String(schema) },
    disableBc: true,
  });
  const closes: Array<{ code: number; reason: string }> = [];
  provider.on('connection-close', (event) => {
    if (event !== null) closes.push({ code: event.code, reason: event.reason });
  });
  return { doc, provider, closes };
}

describe('schema versions on the sync socket', () => {
  it('closes a client with a newer schema before relaying anything, and lets this build sync', async () => {
    const server = await startServer();
    const current = client(server.url, server.token, SCHEMA_VERSIONS.doc);
    write(current.doc, 'Acta de la reunión');
    await waitFor('current client synced', () => current.provider.synced);

    const newer = client(server.url, server.token, SCHEMA_VERSIONS.doc + 1);
    try {
      await waitFor('newer client closed', () => newer.closes.length > 0);
      expect(newer.closes[0]!.code).toBe(CloseCode.schemaTooNew);
      expect(newer.closes[0]!.reason).toMatch(/^server_too_old: .*actualícelo/);
      expect(newer.provider.synced).toBe(false);
      expect(newer.doc.store.clients.size).toBe(0);
      // 44xx is final for the stock client: it does not come back.
      expect(newer.provider.shouldConnect).toBe(false);
    } finally {
      newer.provider.destroy();
      current.provider.destroy();
    }
  });
});
