/**
 * A draining server closes its sockets with 1012 (service restart) after its last `saved`
 * (issue 13): the room reconnects at once (within 250 ms of random spread), every time, instead
 * of after y-websocket's growing backoff (200, 400, 800, 1600 ms… for a socket that never synced).
 * Fake timers and a fake socket class, so the test reads the schedule, not the wall clock.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '../../../../shared/protocol/messages';
import { openWorkspaceDb } from '../../../../renderer/storage/workspaceDb';
import { RoomConnection } from '../../../../renderer/sync/RoomConnection';

const ROOM = 'g/00000000-0000-4000-8000-00000000000a/doc/00000000-0000-4000-8000-00000000000c';

/** The smallest browser WebSocket y-websocket drives: records every socket it opens. */
class FakeSocket {
  static readonly opened: FakeSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(): void {}
  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  /** The server closes the socket with `code`. */
  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '', wasClean: true } as CloseEvent);
  }
  close(): void {
    this.readyState = 3;
  }
}

afterEach(() => {
  vi.useRealTimers();
  FakeSocket.opened.length = 0;
});

async function connected(close: number) {
  const db = openWorkspaceDb(`restart-test-${Math.random()}`);
  const connection = new RoomConnection(ROOM, {
    db,
    wsBaseUrl: 'ws://minka.invalid',
    online: true,
    credential: () => Promise.resolve({ ticket: 't' }),
    WebSocket: FakeSocket as unknown as typeof WebSocket,
  });
  await vi.waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
  vi.useFakeTimers();
  const reconnects: number[] = [];
  // Five closes in a row, none after a sync: y-websocket alone would wait 200, 400, 800, 1600 ms.
  for (let round = 0; round < 5; round++) {
    const socket = FakeSocket.opened.at(-1)!;
    socket.open();
    socket.serverClose(close);
    let waited = 0;
    while (FakeSocket.opened.length === round + 1 && waited < 5000) {
      await vi.advanceTimersByTimeAsync(10);
      waited += 10;
    }
    reconnects.push(waited);
  }
  vi.useRealTimers();
  await connection.destroy();
  await db.delete();
  return reconnects;
}

describe('RoomConnection and a draining server', () => {
  it('reconnects within 250 ms after every 1012 close', async () => {
    const reconnects = await connected(CloseCode.serviceRestart);
    for (const waited of reconnects) expect(waited).toBeLessThanOrEqual(260);
  });

  it('backs off as before after other closes (the test would see the difference)', async () => {
    const reconnects = await connected(CloseCode.goingAway);
    expect(Math.max(...reconnects)).toBeGreaterThanOrEqual(1600);
  });
});
