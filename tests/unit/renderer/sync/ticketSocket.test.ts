/**
 * The renderer's rooms open their sockets with a fresh single-use sync ticket for every attempt
 * (renderer/sync/ticketSocket.ts, renderer/api/syncTickets.ts): against a real sync server on
 * loopback, with the real API client and the room's real Dexie persistence (fake-indexeddb).
 */
import 'fake-indexeddb/auto';
import WebSocket from 'ws';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ApiClient } from '../../../../renderer/api/client';
import { syncTicketCredential } from '../../../../renderer/api/syncTickets';
import { openWorkspaceDb } from '../../../../renderer/storage/workspaceDb';
import { RoomConnection } from '../../../../renderer/sync/RoomConnection';
import type { SocketCredential } from '../../../../renderer/sync/ticketSocket';
import { appendBlocks } from '../../../../shared/ydoc/documentDoc';
import {
  ROOM_A,
  connect,
  startServer,
  text,
  waitFor,
  waitSynced,
} from '../../../integration/helpers';

/** The `ws` class, recording the URL of every socket it opens. */
function recordingSocket(urls: string[]): typeof globalThis.WebSocket {
  class Recording extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      urls.push(url);
    }
  }
  return Recording as unknown as typeof globalThis.WebSocket;
}

function openRoom(
  wsBaseUrl: string,
  credential: SocketCredential,
  urls: string[] = [],
  closes: number[] = [],
) {
  const db = openWorkspaceDb(`ticket-test-${Math.random()}`);
  const connection = new RoomConnection(ROOM_A, {
    db,
    wsBaseUrl,
    online: true,
    credential,
    WebSocket: recordingSocket(urls),
    onClose: (code) => closes.push(code),
  });
  onTestFinished(async () => {
    await connection.destroy();
    await db.delete();
  });
  return connection;
}

const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

describe('room sockets authenticate with sync tickets', () => {
  it('syncs with a ticket in the URL, never the token, and a reconnect uses a new ticket', async () => {
    const server = await startServer();
    const api = new ApiClient({ serverUrl: server.url, getToken: () => server.token });
    const urls: string[] = [];
    const connection = openRoom(wsUrl(server.url), syncTicketCredential(api), urls);
    appendBlocks(connection.doc, [{ type: 'paragraph', runs: [{ text: 'Informe de guardia' }] }]);

    const other = connect(server, ROOM_A);
    await waitSynced(other);
    await waitFor('the room reached another client', () =>
      text(other.doc).includes('Informe de guardia'),
    );

    connection.reconnect();
    await waitFor('a second socket', () => urls.length >= 2);
    await waitFor('connected again', () => connection.getStatus().connected);

    const tickets = urls.map((url) => new URL(url).searchParams.get('ticket'));
    expect(tickets.every((ticket) => ticket !== null && ticket.length > 0)).toBe(true);
    expect(new Set(tickets).size).toBe(tickets.length);
    for (const url of urls) {
      expect(new URL(url).searchParams.has('token')).toBe(false);
      expect(url).not.toContain(server.token);
    }
    expect(server.logs.join('\n')).not.toContain(server.token);
  });

  it('keeps retrying with backoff while the ticket request fails, and connects when it works', async () => {
    const server = await startServer();
    const api = new ApiClient({ serverUrl: server.url, getToken: () => server.token });
    const real = syncTicketCredential(api);
    const attempts: number[] = [];
    let reachable = false;
    const credential: SocketCredential = () => {
      attempts.push(Date.now());
      // As when the server cannot be reached: the request never gets an answer.
      return reachable ? real() : Promise.reject(new Error('network'));
    };
    const urls: string[] = [];
    const closes: number[] = [];
    const connection = openRoom(wsUrl(server.url), credential, urls, closes);

    await waitFor('four failed attempts', () => attempts.length >= 4, 10_000);
    // y-websocket's backoff: 200, 400, 800 ms between the first four attempts.
    expect(attempts[3]! - attempts[0]!).toBeGreaterThanOrEqual(1000);
    expect(urls).toEqual([]);
    expect(closes.every((code) => code === 1006)).toBe(true);
    expect(connection.getStatus().loaded).toBe(true);

    reachable = true;
    await waitFor('connected once tickets come', () => connection.getStatus().connected, 10_000);
    expect(urls).toHaveLength(1);
  });

  it('a 401 from the ticket endpoint ends the attempts as a revoked session (4401)', async () => {
    const server = await startServer();
    const gone: string[] = [];
    const watched = new ApiClient({
      serverUrl: server.url,
      getToken: () => 'inventado',
      onSessionGone: (error) => gone.push(error.code),
    });
    const urls: string[] = [];
    const closes: number[] = [];
    const connection = openRoom(wsUrl(server.url), syncTicketCredential(watched), urls, closes);

    await waitFor('the 4401 close', () => closes.includes(4401));
    expect(gone).toHaveLength(1);
    expect(urls).toEqual([]);
    // Like a socket the server closed with 4401: the provider stops until reconnect().
    expect(connection.provider?.shouldConnect).toBe(false);
  });
});
