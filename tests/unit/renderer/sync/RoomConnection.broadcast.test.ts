/**
 * A room does not mirror its updates to other tabs through BroadcastChannel (Node has one, as
 * browsers do): two connections to one room in one process see each other's edits only through
 * a server, which these never reach.
 */
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { appendBlocks, readDocumentText } from '../../../../shared/ydoc/documentDoc';
import { openWorkspaceDb } from '../../../../renderer/storage/workspaceDb';
import { RoomConnection } from '../../../../renderer/sync/RoomConnection';

const ROOM = 'g/00000000-0000-4000-8000-00000000000a/doc/00000000-0000-4000-8000-00000000000d';

/** A socket that never opens. */
class SilentSocket {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen = null;
  onmessage = null;
  onerror = null;
  onclose = null;
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

function open(name: string): RoomConnection {
  const db = openWorkspaceDb(`broadcast-test-${name}-${Math.random()}`);
  const connection = new RoomConnection(ROOM, {
    db,
    wsBaseUrl: 'ws://minka.invalid',
    online: true,
    credential: () => Promise.resolve({ ticket: 't' }),
    WebSocket: SilentSocket as unknown as typeof WebSocket,
  });
  cleanup.push(async () => {
    await connection.destroy();
    await db.delete();
  });
  return connection;
}

async function started(
  connection: RoomConnection,
): Promise<NonNullable<RoomConnection['provider']>> {
  await connection.persistence.whenLoaded;
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(connection.provider).not.toBeNull();
  return connection.provider!;
}

it('keeps a room edited in one tab out of another tab of the same process', async () => {
  expect(typeof BroadcastChannel).toBe('function');
  const a = open('a');
  const b = open('b');
  const [providerA, providerB] = await Promise.all([started(a), started(b)]);
  expect(providerA.bcconnected).toBe(false);
  expect(providerB.bcconnected).toBe(false);
  appendBlocks(a.doc, [{ type: 'heading', level: 1, text: 'hola' }]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(readDocumentText(a.doc)).toContain('hola');
  expect(readDocumentText(b.doc)).not.toContain('hola');
});
