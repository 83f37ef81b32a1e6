/**
 * What a screen reader hears while a card or column is dragged with @dnd-kit, in the UI
 * language: where it was picked up, what it is over, and where it landed (position of total).
 */
import type { Announcements, Over, Active } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { BoardView } from '../../../shared/ydoc/boardDoc';

export interface DropTarget {
  columnIndex: number;
  /** Index among the column's cards with the moved card left out. */
  cardIndex: number;
}

export type ResolveTarget = (active: Active, over: Over | null) => DropTarget | null;

export function parseDndId(
  id: string | number,
): { type: 'card' | 'column' | 'colbody'; id: string } | null {
  const match = /^(card|column|colbody):(.+)$/.exec(String(id));
  return match === null ? null : { type: match[1] as 'card' | 'column' | 'colbody', id: match[2]! };
}

export function boardAnnouncements(
  t: TFunction,
  getBoard: () => BoardView | null,
  resolve: ResolveTarget,
): Announcements {
  const describe = (active: Active) => {
    const board = getBoard();
    const parsed = parseDndId(active.id);
    if (board === null || parsed === null) return null;
    if (parsed.type === 'column') {
      const index = board.columns.findIndex((c) => c.id === parsed.id);
      return { kind: 'column' as const, title: board.columns[index]?.title ?? '', index, board };
    }
    for (const column of board.columns) {
      const card = column.cards.find((c) => c.id === parsed.id);
      if (card) return { kind: 'card' as const, title: card.title, column: column.title, board };
    }
    return null;
  };

  const where = (active: Active, over: Over | null, done: boolean): string | undefined => {
    const subject = describe(active);
    if (subject === null) return undefined;
    const target = resolve(active, over);
    if (target === null) return t('boards.dnd.nowhere', { title: subject.title });
    const total = subject.board.columns.length;
    if (subject.kind === 'column') {
      return t(done ? 'boards.dnd.droppedColumn' : 'boards.dnd.columnOver', {
        title: subject.title,
        position: target.columnIndex + 1,
        total,
      });
    }
    const column = subject.board.columns[target.columnIndex]!;
    const others = column.cards.filter((c) => `card:${c.id}` !== String(active.id));
    if (done) {
      return t('boards.dnd.droppedCard', {
        title: subject.title,
        column: column.title,
        position: target.cardIndex + 1,
        total: others.length + 1,
      });
    }
    const neighbour = others[target.cardIndex];
    return neighbour === undefined
      ? t('boards.dnd.overColumn', { title: subject.title, column: column.title })
      : t('boards.dnd.overCard', {
          title: subject.title,
          column: column.title,
          other: neighbour.title,
        });
  };

  return {
    onDragStart: ({ active }) => {
      const subject = describe(active);
      if (subject === null) return undefined;
      return subject.kind === 'card'
        ? t('boards.dnd.pickedCard', { title: subject.title, column: subject.column })
        : t('boards.dnd.pickedColumn', {
            title: subject.title,
            position: subject.index + 1,
            total: subject.board.columns.length,
          });
    },
    // Over itself means "not moved yet": keep the pick-up sentence instead.
    onDragOver: ({ active, over }) =>
      over?.id === active.id ? undefined : where(active, over, false),
    onDragEnd: ({ active, over }) => where(active, over, true),
    onDragCancel: ({ active }) => {
      const subject = describe(active);
      return subject === null ? undefined : t('boards.dnd.cancelled', { title: subject.title });
    },
  };
}
