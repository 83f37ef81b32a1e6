import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newDocId, newGroupId, type GroupId } from '../../../../../shared/model/ids';
import { docRoom, indexRoom, roomName } from '../../../../../shared/protocol/rooms';
import { appendBlocks, initDocument } from '../../../../../shared/ydoc/documentDoc';
import { addEntry } from '../../../../../shared/ydoc/groupIndexDoc';
import { SearchService } from '../../../../../renderer/features/search/SearchService';
import { openWorkspaceDb } from '../../../../../renderer/storage/workspaceDb';
import { DocRegistry } from '../../../../../renderer/sync/DocRegistry';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Waits until `check` holds, re-checking after each change the service announces. */
function until(service: SearchService, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const stop = service.subscribe(() => {
      if (check()) {
        stop();
        resolve();
      }
    });
  });
}

async function setup() {
  const db = openWorkspaceDb(`search-service-${Math.random()}`);
  // connect: false keeps the test off the network: remote edits arrive as applied updates.
  const registry = new DocRegistry({ db, wsBaseUrl: 'ws://127.0.0.1:9', connect: false });
  const service = new SearchService({ registry, db, reindexDelayMs: 0, saveDelayMs: 0 });
  cleanups.push(async () => {
    await service.destroy();
    await registry.destroy();
    await db.delete();
  });
  const groupId = newGroupId();
  const docId = newDocId();
  const index = registry.acquire(roomName(indexRoom(groupId)));
  await index.persistence.whenLoaded;
  addEntry(index.doc, { id: docId, kind: 'doc', title: 'Plan hídrico', createdBy: 'Ana' });
  const doc = registry.acquire(roomName(docRoom(groupId as GroupId, docId)));
  await doc.persistence.whenLoaded;
  initDocument(doc.doc, 1);
  appendBlocks(doc.doc, [{ type: 'paragraph', runs: [{ text: 'Balance de agua.' }] }]);
  await service.start([groupId]);
  return { service, registry, groupId, doc };
}

describe('search service', () => {
  it('indexes open rooms and follows a remote edit without rebuilding', async () => {
    const { service, doc } = await setup();
    await until(service, () => service.search('agua').length > 0);
    expect(service.search('hidrico')[0]?.entry.title).toBe('Plan hídrico');

    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc.doc));
    appendBlocks(remote, [{ type: 'paragraph', runs: [{ text: 'Sensores en relaveras.' }] }]);
    Y.applyUpdate(doc.doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc.doc)), 'remote');
    await until(service, () => service.search('relaveras').length > 0);
    expect(service.indexSize()).toBe(2);
  });

  it('drops a group the person lost at once', async () => {
    const { service } = await setup();
    await until(service, () => service.search('agua').length > 0);
    service.setGroups([]);
    // Gone from the index itself, not only filtered out of results.
    expect(service.indexSize()).toBe(0);
    expect(service.search('agua')).toEqual([]);
    expect(service.search('hidrico')).toEqual([]);
  });

  it('downloads nothing in the background until the person has seen the size and agreed', async () => {
    const { service, registry, groupId, doc } = await setup();
    const index = registry.peek(roomName(indexRoom(groupId)))!;
    const other = newDocId();
    addEntry(index.doc, { id: other, kind: 'doc', title: 'Acta', createdBy: 'Ana' });
    const otherRoom = roomName(docRoom(groupId as GroupId, other));
    const acquired: string[] = [];
    const acquire = registry.acquire.bind(registry);
    registry.acquire = (room) => {
      acquired.push(room);
      return acquire(room);
    };
    await until(service, () => service.availability(groupId).total === 2);
    await until(service, () => service.availability(groupId).local === 1);
    expect(service.offlineDecisionPending()).toBe(true);
    expect(service.backgroundWork()).toBe(0);
    expect(acquired).toEqual([]);

    // What the server stores: the open document is here already, the index is held anyway.
    const sizes = [
      { room: doc.room, bytes: 50 },
      { room: roomName(indexRoom(groupId)), bytes: 10 },
      { room: otherRoom, bytes: 100 },
      { room: `${otherRoom}/threads`, bytes: 7 },
    ];
    expect(service.downloadBytes(groupId, sizes)).toBe(107);

    await service.decideOffline(true);
    expect(service.offlineDecisionPending()).toBe(false);
    // The missing document and the comment threads of both are fetched in the background.
    await until(service, () => acquired.length >= 3 && service.backgroundWork() === 0);
    expect([...new Set(acquired)].sort()).toEqual(
      [`${doc.room}/threads`, otherRoom, `${otherRoom}/threads`].sort(),
    );
  });

  it('declining the first download turns every group off until it is turned on', async () => {
    const { service, groupId } = await setup();
    await service.decideOffline(false);
    expect(service.offlineDecisionPending()).toBe(false);
    expect(service.isKeptOffline(groupId)).toBe(false);
    await service.setKeptOffline(groupId, true);
    expect(service.isKeptOffline(groupId)).toBe(true);
  });
});
