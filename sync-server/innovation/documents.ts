/**
 * The co-written side of the program, written by the server into live rooms (RoomRegistry.write,
 * so people with the room open see it at once): a challenge's document and its card on the
 * program board, a proposal's document in the consortium's private group, a project's milestone
 * board. The records in store.ts keep the ids; the text belongs to the people who edit it.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { BoardId, DocId, GroupId } from '../../shared/model/ids';
import { roomName } from '../../shared/protocol/rooms';
import type { Challenge, FileChallengeBody } from '../../shared/protocol/innovationApi';
import {
  addCard,
  addColumn,
  linkDocument,
  migrateBoard,
  moveCard,
  readBoard,
  updateCard,
  type CardId,
  type ColumnId,
} from '../../shared/ydoc/boardDoc';
import { applyTemplate } from '../../shared/ydoc/boardTemplates';
import { appendBlocks, initDocument, type Block } from '../../shared/ydoc/documentDoc';
import { documentTemplate } from '../../shared/ydoc/documentTemplates';
import { addEntry } from '../../shared/ydoc/groupIndexDoc';
import { Origin } from '../../shared/ydoc/origins';
import { mergeUpdates } from '../storage/storage';
import type { ApiContext } from '../http/route';

/**
 * What these functions need of the server: its clock and a way to write a room. The API passes
 * its context (live rooms); the demo seed passes a writer on stored updates, before any server runs.
 */
export type RoomWriter = Pick<ApiContext, 'withRoom' | 'now'>;

const h = (text: string): Block => ({ type: 'heading', level: 2, text });
const p = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const paragraphs = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(p);

export const AREA_NAMES: Record<Challenge['area'], string> = {
  agua: 'Agua',
  relaves: 'Relaves',
  energia: 'Energía',
  seguridad: 'Seguridad y salud',
  mantenimiento: 'Mantenimiento',
  planta: 'Planta concentradora',
  mina: 'Mina',
  medio_ambiente: 'Medio ambiente',
  logistica: 'Logística',
};

/** A new document in a group: its body and its entry in the group index. */
export async function createGroupDocument(
  context: RoomWriter,
  groupId: GroupId,
  title: string,
  createdBy: string,
  blocks: Block[],
): Promise<DocId> {
  const docId = randomUUID() as DocId;
  await context.withRoom(roomName({ kind: 'doc', groupId, docId }), (doc) => {
    initDocument(doc, context.now(), Origin.server);
    if (blocks.length > 0) appendBlocks(doc, blocks, Origin.server);
  });
  await context.withRoom(roomName({ kind: 'index', groupId }), (index) => {
    addEntry(
      index,
      { id: docId, kind: 'doc', title, createdBy, createdAt: context.now() },
      Origin.server,
    );
  });
  return docId;
}

/** The challenge document: the «Desafío operacional» template's sections, filled from the form. */
export function challengeBlocks(company: string, input: FileChallengeBody): Block[] {
  const section = (title: string, value: string | undefined, fallback: string): Block[] => [
    h(title),
    ...(value !== undefined && value.trim() !== '' ? paragraphs(value) : [p(fallback)]),
  ];
  return [
    ...section('Empresa', `${company} — ${input.operation}`, ''),
    ...section('Área', AREA_NAMES[input.area], ''),
    ...section('Problema', input.problem, ''),
    ...section('Práctica actual', input.currentPractice, 'Por completar.'),
    ...section('Restricciones', input.constraints, 'Por completar.'),
    ...section('Impacto esperado', input.expectedImpact, ''),
    ...section('Indicadores', input.indicators, 'Por completar.'),
    ...section('Datos y acceso al sitio', input.dataAccess, 'Por completar.'),
  ];
}

/** The proposal document: the R&D proposal template, headed by the challenge it answers. */
export function proposalBlocks(challenge: Challenge, callTitle: string): Block[] {
  return [
    p(`Convocatoria: ${callTitle}`),
    p(`Desafío: ${challenge.title} (${challenge.company.name}, ${AREA_NAMES[challenge.area]})`),
    ...documentTemplate('jointProposal', 'es-419').blocks,
  ];
}

/** A board made from a template (or with the given columns), and its entry in the group index. */
export async function createBoard(
  context: RoomWriter,
  groupId: GroupId,
  title: string,
  createdBy: string,
  columns: string[] | 'openInnovation',
): Promise<BoardId> {
  const boardId = randomUUID() as BoardId;
  await context.withRoom(roomName({ kind: 'board', groupId, boardId }), (board) => {
    if (columns === 'openInnovation') applyTemplate(board, 'openInnovation', 'es-419');
    else {
      board.transact(() => {
        migrateBoard(board);
        for (const column of columns) {
          addColumn(board, { id: randomUUID() as ColumnId, title: column, wipLimit: null });
        }
      }, Origin.server);
    }
  });
  await context.withRoom(roomName({ kind: 'index', groupId }), (index) => {
    addEntry(
      index,
      { id: boardId, kind: 'board', title, createdBy, createdAt: context.now() },
      Origin.server,
    );
  });
  return boardId;
}

/** A card in the board's first column (or `columnIndex`), linked to a document. Null when the
 * board has no column (someone archived them all): the record stands without its card. */
export async function addLinkedCard(
  context: RoomWriter,
  groupId: GroupId,
  boardId: BoardId,
  card: {
    title: string;
    createdBy: string;
    docId?: DocId;
    fields?: Record<string, string>;
    dueDate?: string;
    description?: string;
  },
  columnIndex = 0,
): Promise<CardId | null> {
  let made: CardId | null = null;
  await context.withRoom(roomName({ kind: 'board', groupId, boardId }), (board) => {
    const columns = readBoard(board).columns;
    const column = columns[Math.min(columnIndex, columns.length - 1)];
    if (column === undefined) return;
    const id = randomUUID() as CardId;
    board.transact(() => {
      addCard(board, {
        id,
        columnId: column.id,
        title: card.title,
        createdBy: card.createdBy,
        createdAt: context.now(),
        description: card.description,
        fields: card.fields,
      });
      if (card.docId !== undefined) linkDocument(board, id, card.docId);
      if (card.dueDate !== undefined) updateCard(board, id, { dueDate: card.dueDate });
    }, Origin.server);
    made = id;
  });
  return made;
}

/** Moves a card to the board's column at `columnIndex` (a challenge published, a project made). */
export async function moveCardToColumn(
  context: RoomWriter,
  groupId: GroupId,
  boardId: BoardId,
  cardId: CardId,
  columnIndex: number,
): Promise<void> {
  await context.withRoom(roomName({ kind: 'board', groupId, boardId }), (board) => {
    const view = readBoard(board);
    const column = view.columns[columnIndex];
    const card = view.columns.flatMap((c) => c.cards).find((c) => c.id === cardId);
    if (column === undefined || card === undefined || card.columnId === column.id) return;
    moveCard(board, cardId, column.id, Infinity);
  });
}

/** The document's committed state as the server stores it (not what a client has yet to send). */
export async function committedDocument(
  context: Pick<ApiContext, 'storage'>,
  groupId: GroupId,
  docId: DocId,
): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const updates = await context.storage.loadUpdates(roomName({ kind: 'doc', groupId, docId }));
  if (updates.length > 0) Y.applyUpdate(doc, mergeUpdates(updates));
  return doc;
}
