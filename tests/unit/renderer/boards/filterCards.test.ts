import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addColumn,
  assignCard,
  readBoard,
  updateCard,
  type CardId,
  type ColumnId,
} from '../../../../shared/ydoc/boardDoc';
import {
  isDueThisWeek,
  isFiltering,
  matchesFilter,
  NO_FILTER,
} from '../../../../renderer/features/boards/filterCards';

function board() {
  const doc = new Y.Doc();
  addColumn(doc, { id: 'c1' as ColumnId, title: 'Desafíos recibidos' });
  addCard(doc, {
    id: 'a' as CardId,
    columnId: 'c1' as ColumnId,
    title: 'Reducir agua en flotación',
    createdBy: 'Ana',
  });
  addCard(doc, {
    id: 'b' as CardId,
    columnId: 'c1' as ColumnId,
    title: 'Energía solar',
    createdBy: 'Ana',
  });
  updateCard(doc, 'a' as CardId, {
    dueDate: '2026-11-20',
    fields: { miningCompany: 'Minera Cerro Verde' },
  });
  updateCard(doc, 'b' as CardId, { dueDate: '2026-11-29', responsibleOrg: 'UNSA' });
  assignCard(doc, 'b' as CardId, 'Beto Mamani', 'UNSA');
  return readBoard(doc).columns[0]!.cards;
}

// Thursday 26 November 2026.
const now = new Date(2026, 10, 26, 10);
const orgOf = (name: string) => (name === 'Beto Mamani' ? 'UNSA' : '');
const titles = (filter: typeof NO_FILTER) =>
  board()
    .filter((card) => matchesFilter(card, filter, now, orgOf))
    .map((card) => card.title);

describe('board filters', () => {
  it('no filter shows every card', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(titles(NO_FILTER)).toHaveLength(2);
  });

  it('text search ignores accents and case', () => {
    expect(titles({ ...NO_FILTER, text: 'ENERGIA' })).toEqual(['Energía solar']);
    expect(titles({ ...NO_FILTER, text: 'cerro verde' })).toEqual(['Reducir agua en flotación']);
  });

  it('overdue and due this week (up to Sunday)', () => {
    expect(titles({ ...NO_FILTER, due: 'overdue' })).toEqual(['Reducir agua en flotación']);
    expect(titles({ ...NO_FILTER, due: 'thisWeek' })).toEqual(['Energía solar']);
    const [, solar] = board();
    expect(isDueThisWeek(solar!, new Date(2026, 10, 30))).toBe(false);
  });

  it('assignee and organization (responsible, assignee’s or mining company)', () => {
    expect(titles({ ...NO_FILTER, assignee: 'Beto Mamani' })).toEqual(['Energía solar']);
    expect(titles({ ...NO_FILTER, organization: 'UNSA' })).toEqual(['Energía solar']);
    expect(titles({ ...NO_FILTER, organization: 'Minera Cerro Verde' })).toEqual([
      'Reducir agua en flotación',
    ]);
  });
});
