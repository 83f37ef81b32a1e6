import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { planSignOut, releaseLocalData } from '../../../../../renderer/features/account/signOut';
import { openWorkspaceDb } from '../../../../../renderer/storage/workspaceDb';

const ROOM = 'g/00000000-0000-4000-8000-000000000001/doc/00000000-0000-4000-8000-000000000002';

async function dbWith(pendingChanges: number) {
  const name = `signout-test-${Math.random()}`;
  const db = openWorkspaceDb(name);
  await db.open();
  await db.updates.add({ room: ROOM, update: new Uint8Array([0, 0]) });
  for (let i = 0; i < pendingChanges; i += 1) {
    await db.changes.add({ room: ROOM, update: new Uint8Array([0, 0]), at: i });
  }
  return { db, name };
}

describe('planSignOut', () => {
  it('signs out at once when nothing waits, and asks with the larger count otherwise', () => {
    expect(planSignOut(0, 0)).toEqual({ kind: 'signOut' });
    expect(planSignOut(2, 0)).toEqual({ kind: 'ask', pending: 2 });
    // A room not open right now still holds changes in the database: those count too.
    expect(planSignOut(0, 3)).toEqual({ kind: 'ask', pending: 3 });
  });
});

describe('releaseLocalData', () => {
  it('never deletes a database with pending changes, even when deleting was allowed', async () => {
    const { db, name } = await dbWith(2);
    expect(await releaseLocalData(db, true)).toEqual({ deleted: false, pending: 2 });
    expect(await Dexie.exists(name)).toBe(true);
    const reopened = openWorkspaceDb(name);
    expect(await reopened.changes.count()).toBe(2);
    expect(await reopened.updates.count()).toBe(1);
    reopened.close();
  });

  it('keeps the database when the person chose to keep it', async () => {
    const { db, name } = await dbWith(0);
    expect(await releaseLocalData(db, false)).toEqual({ deleted: false, pending: 0 });
    expect(await Dexie.exists(name)).toBe(true);
  });

  it('deletes a fully synced database when allowed', async () => {
    const { db, name } = await dbWith(0);
    expect(await releaseLocalData(db, true)).toEqual({ deleted: true, pending: 0 });
    expect(await Dexie.exists(name)).toBe(false);
  });
});
