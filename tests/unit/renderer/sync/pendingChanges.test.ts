import 'fake-indexeddb/auto';
import { fromBase64 } from 'lib0/buffer';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pendingExportJson } from '../../../../renderer/features/sync/pendingExport';
import { openWorkspaceDb } from '../../../../renderer/storage/workspaceDb';
import { readPendingRooms, readPendingUpdate } from '../../../../renderer/sync/pendingChanges';

const GROUP = '00000000-0000-4000-8000-000000000001';
const DOC_ROOM = `g/${GROUP}/doc/00000000-0000-4000-8000-000000000002`;
const BOARD_ROOM = `g/${GROUP}/board/00000000-0000-4000-8000-000000000003`;

/** Two bursts of typing in one document, each stored as its own change (as persistence does). */
function typedBursts(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.get('prosemirror', Y.XmlFragment);
  const paragraph = new Y.XmlText();
  text.insert(0, [paragraph]);
  paragraph.insert(0, 'Acuerdo ');
  paragraph.insert(8, 'sin conexión.');
  return updates;
}

async function dbWithChanges() {
  const db = openWorkspaceDb(`pending-test-${Math.random()}`);
  await db.open();
  const bursts = typedBursts();
  for (const [i, update] of bursts.entries())
    await db.changes.add({ room: DOC_ROOM, update, at: 100 + i });
  await db.changes.add({ room: BOARD_ROOM, update: bursts[0]!, at: 500 });
  // A row under a name that is not a room (an old bug, a hand edit) is not listed.
  await db.changes.add({ room: 'not-a-room', update: bursts[0]!, at: 900 });
  return db;
}

describe('readPendingRooms', () => {
  it('counts each room’s stored changes, newest first, skipping names that are not rooms', async () => {
    const db = await dbWithChanges();
    const rooms = await readPendingRooms(db);
    expect(
      rooms.map(({ name, changes, lastChangeAt, room }) => [
        name,
        room.kind,
        changes,
        lastChangeAt,
      ]),
    ).toEqual([
      [BOARD_ROOM, 'board', 1, 500],
      [DOC_ROOM, 'doc', 3, 102],
    ]);
    expect(await db.changes.count(), 'reading removes nothing').toBe(5);
    db.close();
  });

  it('lists nothing when every change reached the server', async () => {
    const db = openWorkspaceDb(`pending-test-${Math.random()}`);
    await db.open();
    expect(await readPendingRooms(db)).toEqual([]);
    db.close();
  });
});

describe('readPendingUpdate and the export file', () => {
  it('merges a room’s changes into one update that restores the typed text in a fresh copy', async () => {
    const db = await dbWithChanges();
    const update = await readPendingUpdate(db, DOC_ROOM);
    const json = pendingExportJson(
      {
        server: 'https://minka.example',
        user: { id: 'u1', name: 'Rosa Condori', email: 'rosa@example.pe' },
        exportedAt: new Date('2026-11-27T13:00:00Z'),
      },
      [
        {
          room: DOC_ROOM,
          kind: 'doc',
          groupId: GROUP,
          group: 'Gobernanza del clúster',
          title: 'Lineamientos',
          changes: 3,
          lastChangeAt: 102,
          refused: true,
          update,
        },
      ],
    );
    const file = JSON.parse(json) as {
      format: string;
      version: number;
      exportedAt: string;
      rooms: { room: string; refused: boolean; update: string }[];
    };
    expect(file).toMatchObject({
      format: 'minka-pending-changes',
      version: 1,
      exportedAt: '2026-11-27T13:00:00.000Z',
      rooms: [{ room: DOC_ROOM, refused: true }],
    });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, fromBase64(file.rooms[0]!.update));
    expect(copy.get('prosemirror', Y.XmlFragment).toString()).toContain('Acuerdo sin conexión.');
    db.close();
  });
});
