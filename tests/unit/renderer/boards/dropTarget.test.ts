import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addColumn,
  moveCard,
  readBoard,
  type CardId,
  type ColumnId,
} from '../../../../shared/ydoc/boardDoc';
import { resolveDrop } from '../../../../renderer/features/boards/dropTarget';

function setup() {
  const doc = new Y.Doc();
  for (const id of ['todo', 'doing']) addColumn(doc, { id: id as ColumnId, title: id });
  for (const id of ['a', 'b', 'c'])
    addCard(doc, { id: id as CardId, columnId: 'todo' as ColumnId, title: id, createdBy: 'x' });
  addCard(doc, { id: 'd' as CardId, columnId: 'doing' as ColumnId, title: 'd', createdBy: 'x' });
  return doc;
}

const order = (doc: Y.Doc) =>
  readBoard(doc).columns.map((c) => c.cards.map((card) => card.id).join(''));

function drop(doc: Y.Doc, active: string, over: string | null) {
  const board = readBoard(doc);
  const target = resolveDrop(board, active, over);
  if (target === null) return;
  const id = active.replace('card:', '') as CardId;
  moveCard(doc, id, board.columns[target.columnIndex]!.id, target.cardIndex);
}

describe('where a dragged card lands', () => {
  it('down and up within a column, like a sortable list', () => {
    const doc = setup();
    drop(doc, 'card:a', 'card:c');
    expect(order(doc)).toEqual(['bca', 'd']);
    drop(doc, 'card:a', 'card:b');
    expect(order(doc)).toEqual(['abc', 'd']);
  });

  it('onto a card of another column: just before it; onto a column body: at the end', () => {
    const doc = setup();
    drop(doc, 'card:b', 'card:d');
    expect(order(doc)).toEqual(['ac', 'bd']);
    drop(doc, 'card:a', 'colbody:doing');
    expect(order(doc)).toEqual(['c', 'bda']);
  });

  it('a column lands at the index of the column it is over; nothing over means no move', () => {
    const doc = setup();
    expect(resolveDrop(readBoard(doc), 'column:todo', 'column:doing')).toEqual({
      columnIndex: 1,
      cardIndex: 0,
    });
    expect(resolveDrop(readBoard(doc), 'card:a', null)).toBeNull();
  });
});
