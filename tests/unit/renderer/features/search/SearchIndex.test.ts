import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newBoardId, newDocId, newGroupId } from '../../../../../shared/model/ids';
import { docRoom, indexRoom, roomName } from '../../../../../shared/protocol/rooms';
import {
  addCard,
  addChecklistItem,
  addColumn,
  type CardId,
  type ChecklistItemId,
  type ColumnId,
} from '../../../../../shared/ydoc/boardDoc';
import { appendBlocks, getDocumentBody } from '../../../../../shared/ydoc/documentDoc';
import { addEntry, archiveEntry } from '../../../../../shared/ydoc/groupIndexDoc';
import {
  anchorInText,
  createThread,
  resolveThread,
  type CommentId,
  type ThreadId,
} from '../../../../../shared/ydoc/threadsDoc';
import { docVersion, extractEntries } from '../../../../../renderer/features/search/extract';
import { SearchIndex } from '../../../../../renderer/features/search/SearchIndex';

/** Two replicas wired through their update events, as a remote peer would be. */
function replicas(): [Y.Doc, Y.Doc] {
  const local = new Y.Doc();
  const remote = new Y.Doc();
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'));
  return [local, remote];
}

function indexDoc(index: SearchIndex, room: string, doc: Y.Doc) {
  return index.indexRoom(room, extractEntries(room, doc) ?? [], docVersion(doc));
}

function setup() {
  const groupId = newGroupId();
  const docId = newDocId();
  const groupIndex = new Y.Doc();
  addEntry(groupIndex, { id: docId, kind: 'doc', title: 'Propuesta de relaves', createdBy: 'Ana' });
  const [local, remote] = replicas();
  appendBlocks(remote, [
    { type: 'heading', level: 1, text: 'Propuesta conjunta' },
    { type: 'paragraph', runs: [{ text: 'Reúso de agua en la planta concentradora.' }] },
    { type: 'paragraph', runs: [{ text: 'Consumo de energía por tonelada.' }] },
  ]);
  const index = new SearchIndex();
  const rooms = {
    index: roomName(indexRoom(groupId)),
    doc: roomName(docRoom(groupId, docId)),
  };
  indexDoc(index, rooms.index, groupIndex);
  indexDoc(index, rooms.doc, local);
  return { groupId, docId, groupIndex, local, remote, index, rooms, groups: new Set([groupId]) };
}

describe('search index', () => {
  it('finds titles and document text with accent and case folding, prefixes and typos', () => {
    const { index, groups, docId, rooms } = setup();
    const first = (q: string) => index.search(q, { groups })[0]?.entry;
    expect(first('relave')).toMatchObject({
      kind: 'doc',
      targetId: docId,
      title: 'Propuesta de relaves',
    });
    expect(first('energia')).toMatchObject({ kind: 'doc', room: rooms.doc });
    expect(first('REUSO agua')).toMatchObject({ room: rooms.doc });
    expect(first('concentra')).toMatchObject({ room: rooms.doc });
    expect(first('consumno')).toMatchObject({ room: rooms.doc });
    expect(index.search('de la', { groups })).toEqual([]);
  });

  it('makes a remote edit searchable by re-adding only the document that changed', () => {
    const { index, groups, local, remote, rooms } = setup();
    expect(index.search('drones', { groups })).toEqual([]);
    appendBlocks(remote, [
      { type: 'paragraph', runs: [{ text: 'Vuelos de drones sobre el tajo.' }] },
    ]);
    const changes = indexDoc(index, rooms.doc, local);
    expect(changes).toEqual({ added: 1, removed: 1 });
    expect(index.size).toBe(2);
    expect(index.search('drones', { groups })[0]?.entry.room).toBe(rooms.doc);
    expect(indexDoc(index, rooms.doc, local)).toEqual({ added: 0, removed: 0 });
    expect(index.roomVersion(rooms.doc)).toBe(docVersion(local));
  });

  it('forgets every entry of a group the person lost, at once', () => {
    const { index, groups, groupId, rooms } = setup();
    const other = newGroupId();
    const otherIndex = new Y.Doc();
    addEntry(otherIndex, {
      id: newDocId(),
      kind: 'doc',
      title: 'Relaves del otro grupo',
      createdBy: 'Luis',
    });
    indexDoc(index, roomName(indexRoom(other)), otherIndex);
    const both = new Set([groupId, other]);
    expect(index.search('relaves', { groups: both })).toHaveLength(2);

    index.removeGroup(groupId);
    expect(index.search('relaves', { groups: both }).map((hit) => hit.entry.groupId)).toEqual([
      other,
    ]);
    expect(index.search('energia', { groups: both })).toEqual([]);
    expect(index.indexedRooms()).not.toContain(rooms.doc);
    // Results are also limited to the groups asked for, before any removal happened.
    expect(index.search('relaves', { groups: new Set([other]) })).toHaveLength(1);
    expect(groups.size).toBe(1);
  });

  it('hides the body of an archived document without re-reading it', () => {
    const { index, groups, groupIndex, docId, rooms } = setup();
    archiveEntry(groupIndex, docId);
    indexDoc(index, rooms.index, groupIndex);
    expect(index.search('energia', { groups })).toEqual([]);
  });

  it('finds a card by its title, description, fields and checklist', () => {
    const groupId = newGroupId();
    const boardId = newBoardId();
    const board = new Y.Doc();
    const column = 'c1' as ColumnId;
    const card = 'k1' as CardId;
    addColumn(board, { id: column, title: 'Ideas' });
    addCard(board, {
      id: card,
      columnId: column,
      title: 'Piloto',
      createdBy: 'Ana',
      description: 'Monitoreo',
      fields: { company: 'Minera Andina' },
    });
    addChecklistItem(board, card, { id: 'i1' as ChecklistItemId, text: 'Comprar drones' });
    addCard(board, { id: 'k2' as CardId, columnId: column, title: 'Taludes', createdBy: 'Ana' });
    const groupIndex = new Y.Doc();
    addEntry(groupIndex, { id: boardId, kind: 'board', title: 'Innovación', createdBy: 'Ana' });
    const index = new SearchIndex();
    indexDoc(index, roomName(indexRoom(groupId)), groupIndex);
    indexDoc(index, roomName({ kind: 'board', groupId, boardId }), board);
    const groups = new Set([groupId]);
    for (const query of ['piloto', 'monitoreo', 'andina', 'drones']) {
      expect(index.search(query, { groups })[0]?.entry).toMatchObject({
        kind: 'card',
        cardId: card,
        targetId: boardId,
      });
    }
    // Ticking a new checklist step re-adds that card only, not the board's other cards.
    addChecklistItem(board, card, { id: 'i2' as ChecklistItemId, text: 'Vuelo nocturno' });
    const boardRoom = roomName({ kind: 'board', groupId, boardId });
    expect(indexDoc(index, boardRoom, board)).toEqual({ added: 1, removed: 1 });
    expect(index.search('nocturno', { groups })[0]?.entry.snippet).toContain('Vuelo nocturno');
  });

  it('survives a round trip through its serialized form and keeps updating incrementally', () => {
    const { index, groups, local, remote, rooms } = setup();
    const restored = new SearchIndex(index.serialize());
    expect(restored.search('energia', { groups })).toHaveLength(1);
    expect(restored.roomVersion(rooms.doc)).toBe(docVersion(local));
    appendBlocks(remote, [{ type: 'paragraph', runs: [{ text: 'Cierre de minas.' }] }]);
    expect(indexDoc(restored, rooms.doc, local)).toEqual({ added: 1, removed: 1 });
    expect(restored.search('cierre', { groups })).toHaveLength(1);
    expect(new SearchIndex('not json').size).toBe(0);
  });

  it('answers a repeated query from its cache until the index changes', () => {
    const { index, groups, local, remote, rooms } = setup();
    expect(index.search('sondeos', { groups })).toHaveLength(0);
    const [paragraph] = getDocumentBody(remote).toArray().slice(1, 2) as Y.XmlElement[];
    (paragraph!.get(0) as Y.XmlText).insert(0, 'Sondeo ');
    indexDoc(index, rooms.doc, local);
    // The plural finds the singular through the query's singular alone.
    expect(index.search('sondeos', { groups }).map((hit) => hit.entry.kind)).toEqual(['doc']);
    const first = index.search('sondeo', { groups });
    expect(index.search('sondeo', { groups })).toBe(first);
    index.removeGroup([...groups][0]!);
    expect(index.search('sondeo', { groups })).toHaveLength(0);
  });

  it('matches only the last query word as a prefix', () => {
    const { index, groups } = setup();
    expect(index.search('agua concentra', { groups })).toHaveLength(1);
    expect(index.search('concentra agua', { groups })).toHaveLength(0);
  });

  it('finds comment threads by their words and authors, says when they are resolved', () => {
    const { index, groups, groupId, docId, local, groupIndex, rooms } = setup();
    const threads = new Y.Doc();
    const room = roomName({ kind: 'threads', groupId, docId });
    const text = (getDocumentBody(local).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const ana = { id: 'u-ana', name: 'Ana Quispe', organization: 'UNSA' };
    createThread(threads, {
      id: 't-1' as ThreadId,
      kind: 'comment',
      anchor: anchorInText(text, 0, 5),
      quote: 'Reúso',
      author: ana,
      comment: {
        id: 'c-1' as CommentId,
        parts: [{ type: 'text', text: '¿Incluye el agua de mina subterránea?' }],
      },
      now: 1000,
    });
    indexDoc(index, room, threads);
    const [hit] = index.search('subterranea', { groups });
    expect(hit?.entry).toMatchObject({
      kind: 'comment',
      targetId: docId,
      threadId: 't-1',
      snippet: 'Ana Quispe: ¿Incluye el agua de mina subterránea?',
    });
    expect(hit?.entry.resolved).toBeUndefined();
    expect(index.search('quispe subterranea', { groups })).toHaveLength(1);

    resolveThread(threads, 't-1' as ThreadId, ana, 2000);
    expect(indexDoc(index, room, threads)).toEqual({ added: 1, removed: 1 });
    expect(index.search('subterranea', { groups })[0]?.entry.resolved).toBe(true);

    // A comment is read only while its document is listed, and only in the person's groups.
    expect(index.search('subterranea', { groups: new Set() })).toHaveLength(0);
    archiveEntry(groupIndex, docId);
    indexDoc(index, rooms.index, groupIndex);
    expect(index.search('subterranea', { groups })).toHaveLength(0);
  });
});
