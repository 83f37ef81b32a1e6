import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendBlocks, initDocument } from '../../../../shared/ydoc/documentDoc';
import { openWorkspaceDb, type WorkspaceDexie } from '../../../../renderer/storage/workspaceDb';
import { DocRegistry } from '../../../../renderer/sync/DocRegistry';
import type { RoomConnection } from '../../../../renderer/sync/RoomConnection';

const GROUP = 'g/00000000-0000-4000-8000-00000000000a';
const ROOM_A = `${GROUP}/doc/00000000-0000-4000-8000-00000000000b`;
const ROOM_B = `${GROUP}/doc/00000000-0000-4000-8000-00000000000c`;

/** Types into a document the way the editor does: into one made by this version. */
function type(connection: RoomConnection, text: string): void {
  initDocument(connection.doc, 1);
  appendBlocks(connection.doc, [{ type: 'paragraph', runs: [{ text }] }]);
}

const cleanups: Array<() => Promise<void>> = [];

function setup() {
  const db: WorkspaceDexie = openWorkspaceDb(`registry-test-${Math.random()}`);
  // connect: false keeps these tests off the network; closeDelayMs: 0 closes idle rooms at once.
  const make = () =>
    new DocRegistry({ db, wsBaseUrl: 'ws://127.0.0.1:9', connect: false, closeDelayMs: 0 });
  const registry = make();
  cleanups.push(async () => {
    await registry.destroy();
    await db.delete();
  });
  return { db, registry, make };
}

function loaded(connection: RoomConnection): Promise<void> {
  return new Promise((resolve) => {
    if (connection.getStatus().loaded) return resolve();
    const stop = connection.subscribe(() => {
      if (connection.getStatus().loaded) {
        stop();
        resolve();
      }
    });
  });
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('DocRegistry', () => {
  it('opens a room once for every user and closes it after the last release', async () => {
    const { registry } = setup();
    const first = registry.acquire(ROOM_A);
    const second = registry.acquire(ROOM_A);
    expect(second).toBe(first);
    expect(registry.refCount(ROOM_A)).toBe(2);
    await loaded(first);

    registry.release(ROOM_A);
    await vi.waitFor(() => expect(registry.isOpen(ROOM_A)).toBe(true));
    expect(registry.refCount(ROOM_A)).toBe(1);

    registry.release(ROOM_A);
    await vi.waitFor(() => expect(registry.isOpen(ROOM_A)).toBe(false));
    expect(registry.acquire(ROOM_A)).not.toBe(first);
  });

  it('keeps a released room open while it holds changes the server has not saved', async () => {
    const { registry } = setup();
    const connection = registry.acquire(ROOM_A);
    await loaded(connection);
    type(connection, 'sin guardar');
    await connection.persistence.whenWritten();
    registry.release(ROOM_A);
    // A room released the same way with nothing pending closes: once it has, ROOM_A would have.
    await loaded(registry.acquire(ROOM_B));
    registry.release(ROOM_B);
    await vi.waitFor(() => expect(registry.isOpen(ROOM_B)).toBe(false));
    expect(registry.isOpen(ROOM_A)).toBe(true);
    expect(registry.getStatus().pending).toBe(1);
  });

  it('reopens rooms with pending changes at start-up', async () => {
    const { db, registry, make } = setup();
    const connection = registry.acquire(ROOM_B);
    await loaded(connection);
    type(connection, 'pendiente');
    await connection.persistence.whenWritten();
    await registry.destroy();

    const restarted = make();
    cleanups.push(() => restarted.destroy());
    await restarted.resumePending();
    expect(restarted.isOpen(ROOM_B)).toBe(true);
    expect(restarted.isOpen(ROOM_A)).toBe(false);
    await vi.waitFor(() => expect(restarted.getStatus().pending).toBe(1));
    expect(await db.changes.count()).toBe(1);
  });

  it('sums pending changes over rooms for the app indicator', async () => {
    const { registry } = setup();
    const a = registry.acquire(ROOM_A);
    const b = registry.acquire(ROOM_B);
    await Promise.all([loaded(a), loaded(b)]);
    type(a, 'a');
    type(b, 'b');
    type(b, 'c');
    // b's two quick edits are one burst of editing, so one change.
    await vi.waitFor(() => expect(registry.getStatus().pending).toBe(2));
    expect(registry.getStatus().connected).toBe(false);
  });
});
