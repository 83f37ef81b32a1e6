/**
 * A board as plain values plus its named mutations, bound to the board's Y.Doc. The room stays
 * open (and works offline from IndexedDB) while a component uses it.
 */
import { useMemo } from 'react';
import type { BoardId, DocId, GroupId } from '../../../shared/model/ids';
import { roomName } from '../../../shared/protocol/rooms';
import {
  addCard,
  addCardLabel,
  addChecklistItem,
  addColumn,
  archiveCard,
  archiveColumn,
  assignCard,
  defineLabel,
  linkDocument,
  moveCard,
  moveColumn,
  readBoard,
  removeCardLabel,
  removeChecklistItem,
  renameColumn,
  restoreCard,
  restoreColumn,
  setCardDescription,
  setChecklistItem,
  setColumnWipLimit,
  unassignCard,
  unlinkDocument,
  updateCard,
  type BoardView,
  type CardId,
  type CardPatch,
  type ChecklistItemId,
  type ColumnId,
  type LabelId,
} from '../../../shared/ydoc/boardDoc';
import { useDoc } from '../../sync/useDoc';
import { useYValue } from '../../sync/useYValue';

export const boardRoom = (groupId: GroupId, boardId: BoardId) =>
  roomName({ kind: 'board', groupId, boardId });

const newId = () => crypto.randomUUID();

export function boardActions(doc: Parameters<typeof readBoard>[0]) {
  return {
    addColumn: (title: string) => addColumn(doc, { id: newId() as ColumnId, title }),
    renameColumn: (id: ColumnId, title: string) => renameColumn(doc, id, title),
    setWipLimit: (id: ColumnId, limit: number | null) => setColumnWipLimit(doc, id, limit),
    moveColumn: (id: ColumnId, toIndex: number) => moveColumn(doc, id, toIndex),
    archiveColumn: (id: ColumnId) => archiveColumn(doc, id),
    restoreColumn: (id: ColumnId) => restoreColumn(doc, id),
    addCard: (columnId: ColumnId, title: string, createdBy: string): CardId => {
      const id = newId() as CardId;
      addCard(doc, { id, columnId, title, createdBy });
      return id;
    },
    updateCard: (id: CardId, patch: CardPatch) => updateCard(doc, id, patch),
    setDescription: (id: CardId, text: string) => setCardDescription(doc, id, text),
    moveCard: (id: CardId, toColumnId: ColumnId, toIndex: number) =>
      moveCard(doc, id, toColumnId, toIndex),
    archiveCard: (id: CardId) => archiveCard(doc, id),
    restoreCard: (id: CardId) => restoreCard(doc, id),
    assign: (id: CardId, person: string, organization?: string) =>
      assignCard(doc, id, person, organization),
    unassign: (id: CardId, person: string) => unassignCard(doc, id, person),
    addLabel: (id: CardId, label: LabelId) => addCardLabel(doc, id, label),
    removeLabel: (id: CardId, label: LabelId) => removeCardLabel(doc, id, label),
    defineLabel: (name: string, colour: string): LabelId => {
      const id = newId() as LabelId;
      defineLabel(doc, { id, name, colour });
      return id;
    },
    link: (id: CardId, docId: DocId) => linkDocument(doc, id, docId),
    unlink: (id: CardId, docId: DocId) => unlinkDocument(doc, id, docId),
    addChecklistItem: (id: CardId, text: string) =>
      addChecklistItem(doc, id, { id: newId() as ChecklistItemId, text }),
    setChecklistItem: (
      id: CardId,
      itemId: ChecklistItemId,
      patch: { text?: string; done?: boolean },
    ) => setChecklistItem(doc, id, itemId, patch),
    removeChecklistItem: (id: CardId, itemId: ChecklistItemId) =>
      removeChecklistItem(doc, id, itemId),
  };
}

export type BoardActions = ReturnType<typeof boardActions>;

export function useBoard(groupId: GroupId, boardId: BoardId) {
  const { doc, provider, connection, schema } = useDoc(boardRoom(groupId, boardId));
  const board = useYValue<BoardView | null>(doc, readBoard, null);
  const actions = useMemo(() => (doc === null ? null : boardActions(doc)), [doc]);
  return { board, actions, connection, schema, awareness: provider?.awareness ?? null };
}
