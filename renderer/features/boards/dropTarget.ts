/**
 * Where a dragged card or column lands, from what @dnd-kit says it is over. Computed on the
 * full board, never on the filtered one, so a drop while filters hide cards puts the card
 * next to the card it was dropped on and moves nothing else.
 */
import type { BoardView } from '../../../shared/ydoc/boardDoc';
import { parseDndId, type DropTarget } from './announcements';

export function resolveDrop(
  board: BoardView,
  activeId: string,
  overId: string | null,
): DropTarget | null {
  const active = parseDndId(activeId);
  const over = overId === null ? null : parseDndId(overId);
  if (active === null || over === null) return null;

  const columnOfCard = (cardId: string) =>
    board.columns.findIndex((c) => c.cards.some((card) => card.id === cardId));
  const overColumn =
    over.type === 'card' ? columnOfCard(over.id) : board.columns.findIndex((c) => c.id === over.id);
  if (overColumn < 0) return null;

  if (active.type === 'column') return { columnIndex: overColumn, cardIndex: 0 };

  const cards = board.columns[overColumn]!.cards;
  const others = cards.filter((c) => c.id !== active.id);
  if (over.type !== 'card') return { columnIndex: overColumn, cardIndex: others.length };
  if (over.id === active.id)
    return { columnIndex: overColumn, cardIndex: cards.findIndex((c) => c.id === active.id) };
  const sameColumn = others.length < cards.length;
  // Within a column the card takes the place of the one it is over (as in a sortable list);
  // from another column it goes just before it.
  const index = sameColumn
    ? cards.findIndex((c) => c.id === over.id)
    : others.findIndex((c) => c.id === over.id);
  return { columnIndex: overColumn, cardIndex: index };
}
