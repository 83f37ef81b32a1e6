import 'fake-indexeddb/auto';
/**
 * A document's linked cards come from the search index (each card entry carries the documents
 * it links to), not from opening every board: a link made or removed on a board shows once the
 * board's change is indexed, a card moved to another column shows its new column, an archived
 * board's cards are no longer listed, and an index saved in an older format is rebuilt.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newBoardId, newDocId, newGroupId, type GroupId } from '../../../../../shared/model/ids';
import { indexRoom, roomName } from '../../../../../shared/protocol/rooms';
import {
  addCard,
  addColumn,
  linkDocument,
  moveCard,
  unlinkDocument,
  type CardId,
  type ColumnId,
} from '../../../../../shared/ydoc/boardDoc';
import { addEntry, archiveEntry } from '../../../../../shared/ydoc/groupIndexDoc';
import { SearchIndex } from '../../../../../renderer/features/search/SearchIndex';
import { SearchService } from '../../../../../renderer/features/search/SearchService';
import { openWorkspaceDb } from '../../../../../renderer/storage/workspaceDb';
import { DocRegistry } from '../../../../../renderer/sync/DocRegistry';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

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
  const db = openWorkspaceDb(`linked-cards-${Math.random()}`);
  const registry = new DocRegistry({ db, wsBaseUrl: 'ws://127.0.0.1:9', connect: false });
  const service = new SearchService({ registry, db, reindexDelayMs: 0, saveDelayMs: 0 });
  cleanups.push(async () => {
    await service.destroy();
    await registry.destroy();
    await db.delete();
  });
  const groupId = newGroupId();
  const docId = newDocId();
  const boardId = newBoardId();
  const index = registry.acquire(roomName(indexRoom(groupId)));
  await index.persistence.whenLoaded;
  addEntry(index.doc, { id: docId, kind: 'doc', title: 'Plan hídrico', createdBy: 'Ana' });
  addEntry(index.doc, { id: boardId, kind: 'board', title: 'Seguimiento', createdBy: 'Ana' });
  const board = registry.acquire(roomName({ kind: 'board', groupId: groupId as GroupId, boardId }));
  await board.persistence.whenLoaded;
  const todo = 'c1' as ColumnId;
  const done = 'c2' as ColumnId;
  addColumn(board.doc, { id: todo, title: 'Por hacer' });
  addColumn(board.doc, { id: done, title: 'Hecho' });
  addCard(board.doc, {
    id: 'k1' as CardId,
    columnId: todo,
    title: 'Medir caudal',
    createdBy: 'Ana',
  });
  addCard(board.doc, { id: 'k2' as CardId, columnId: todo, title: 'Otra tarea', createdBy: 'Ana' });
  linkDocument(board.doc, 'k1' as CardId, docId);
  await service.start([groupId]);
  const linked = () =>
    service.cardsLinkingTo(groupId, docId).map((entry) => [entry.title, entry.column]);
  return { service, registry, groupId, docId, boardId, index, board, done, linked };
}

describe('linked cards from the search index', () => {
  it('lists the cards linking to a document, with their column, and follows board changes', async () => {
    const { service, board, done, docId, linked } = await setup();
    await until(service, () => linked().length === 1);
    expect(linked()).toEqual([['Medir caudal', 'Por hacer']]);

    linkDocument(board.doc, 'k2' as CardId, docId);
    await until(service, () => linked().length === 2);
    moveCard(board.doc, 'k1' as CardId, done, 0);
    await until(service, () =>
      linked().some(([title, column]) => title === 'Medir caudal' && column === 'Hecho'),
    );
    unlinkDocument(board.doc, 'k2' as CardId, docId);
    await until(service, () => linked().length === 1);
    expect(linked()).toEqual([['Medir caudal', 'Hecho']]);
  });

  it('drops the cards of an archived board, and of a group the person lost', async () => {
    const { service, index, boardId, groupId, linked } = await setup();
    await until(service, () => linked().length === 1);
    archiveEntry(index.doc, boardId);
    await until(service, () => linked().length === 0);
    expect(service.cardsLinkingTo(groupId, 'otro')).toEqual([]);
    service.setGroups([]);
    expect(linked()).toEqual([]);
  });

  it('rebuilds an index saved before cards carried their links', () => {
    const old = new SearchIndex();
    const saved = JSON.parse(old.serialize()) as { format: number };
    saved.format = 2;
    const reloaded = new SearchIndex(JSON.stringify(saved));
    expect(reloaded.indexedRooms()).toEqual([]);
    expect(new SearchIndex(old.serialize()).indexedRooms()).toEqual([]);
  });
});
