/**
 * An agreement's action items are cards on its body's board ("Seguimiento de acuerdos", the
 * "Plan de trabajo" template). Its follow-up status is not stored anywhere: it is read from
 * where the cards are, so moving a card to "Hecho" on any replica changes the agreement's
 * status on every replica and on the server, offline included, with nothing to keep in step.
 * The board's last column is its "done" column (Kanban's convention, true of every template and
 * still true when someone renames it); the first is "not started".
 */
import type * as Y from 'yjs';
import { readBoard, addCard, updateCard, type CardId, type ColumnId } from './boardDoc';
import { applyTemplate, type TemplateLanguage } from './boardTemplates';
import type { Origin } from './origins';
import type { FollowUpStatus } from '../protocol/governanceApi';

export interface ActionCardState {
  cardId: string;
  title: string;
  /** Column title, or null when the card is archived or missing. */
  column: string | null;
  started: boolean;
  done: boolean;
}

export function readActionCards(doc: Y.Doc, cardIds: readonly string[]): ActionCardState[] {
  const board = readBoard(doc);
  const last = board.columns.length - 1;
  return cardIds.map((cardId) => {
    for (const [index, column] of board.columns.entries()) {
      const card = column.cards.find((c) => c.id === cardId);
      if (card !== undefined) {
        return {
          cardId,
          title: card.title,
          column: column.title,
          started: index > 0,
          done: index === last && last > 0,
        };
      }
    }
    return { cardId, title: '', column: null, started: false, done: false };
  });
}

/**
 * cumplido: it has action cards and every live one is done; vencido: the due date has passed
 * first; en_curso: some card has left the first column; pendiente otherwise. Archived cards
 * (column null) do not count, unless every card was archived (then nothing is done).
 */
export function followUpStatus(
  cards: readonly Pick<ActionCardState, 'column' | 'started' | 'done'>[],
  dueDate: string | null,
  today: string,
): FollowUpStatus {
  const live = cards.filter((card) => card.column !== null);
  if (live.length > 0 && live.every((card) => card.done)) return 'cumplido';
  if (dueDate !== null && dueDate < today) return 'vencido';
  if (live.some((card) => card.started || card.done)) return 'en_curso';
  return 'pendiente';
}

/** Writes the follow-up board's columns into an empty board (server or seed). */
export function initFollowUpBoard(
  doc: Y.Doc,
  language: TemplateLanguage,
  origin: Origin,
  makeId?: () => string,
): void {
  doc.transact(() => applyTemplate(doc, 'workPlan', language, makeId), origin);
}

/** Adds an action card to the board's first column. */
export function addActionCard(
  doc: Y.Doc,
  card: {
    id: string;
    title: string;
    createdBy: string;
    responsibleOrg: string;
    dueDate: string | null;
  },
  origin: Origin,
  now: number,
): void {
  const first = readBoard(doc).columns[0];
  if (first === undefined) throw new Error('The follow-up board has no columns');
  doc.transact(() => {
    addCard(doc, {
      id: card.id as CardId,
      columnId: first.id as ColumnId,
      title: card.title,
      createdBy: card.createdBy,
      createdAt: now,
    });
    updateCard(doc, card.id as CardId, {
      responsibleOrg: card.responsibleOrg,
      dueDate: card.dueDate,
    });
  }, origin);
}
