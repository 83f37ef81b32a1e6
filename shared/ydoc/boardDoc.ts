/**
 * A working-group board: one Y.Doc per board. Columns and cards are Y.Maps keyed by random id
 * and ordered by fractional-index rank, so creating, moving and editing offline never collide:
 *
 * - A card's place is ONE value, `position = { columnId, rank }`. A move writes only that
 *   value, in one transaction; it is never delete + insert, so two people moving the same card
 *   concurrently leave exactly one card (last writer wins, the same on every replica).
 * - Deleting is archiving, so a concurrent edit of an "deleted" card is never silently lost.
 * - Sets that people grow concurrently (assignees, labels, linked documents, checklist items)
 *   are maps keyed by member, so two people adding at once both win.
 * - The description is a Y.Text, so two people typing in it merge character by character.
 */
import * as Y from 'yjs';
import type { DocId } from '../model/ids';
import { Origin } from './origins';
import { compareRanked, rankAt } from './rank';
import { CodedError } from '../protocol/errors';

export const BOARD_SCHEMA_VERSION = 1;

export type ColumnId = string & { readonly __brand: 'ColumnId' };
export type CardId = string & { readonly __brand: 'CardId' };
export type LabelId = string & { readonly __brand: 'LabelId' };
export type ChecklistItemId = string & { readonly __brand: 'ChecklistItemId' };

export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Position {
  columnId: ColumnId;
  rank: string;
}

export interface Column {
  id: ColumnId;
  title: string;
  rank: string;
  wipLimit: number | null;
  archived: boolean;
}

export interface ChecklistItem {
  id: ChecklistItemId;
  text: string;
  done: boolean;
  rank: string;
}

export interface Card {
  id: CardId;
  columnId: ColumnId;
  rank: string;
  archived: boolean;
  title: string;
  description: string;
  assignees: string[];
  labels: LabelId[];
  links: DocId[];
  checklist: ChecklistItem[];
  fields: Record<string, string>;
  responsibleOrg: string;
  dueDate: string | null;
  priority: Priority | null;
  createdBy: string;
  createdAt: number;
}

export interface Label {
  id: LabelId;
  name: string;
  colour: string;
}

/**
 * A template's extra card field (e.g. the mining company of a challenge). Definitions live in
 * the board's meta, labelled in every UI language, so the card panel of any client knows them.
 */
export interface FieldDefinition {
  key: string;
  kind: 'text' | 'longText';
  label: { 'es-419': string; en: string };
  /** Values offered while typing (free text stays allowed). */
  suggestions?: { 'es-419': string[]; en: string[] };
}

export interface BoardColumnView extends Column {
  cards: Card[];
}

export interface BoardView {
  schemaVersion: number;
  /** Columns that are not archived, in order, each with its non-archived cards in order. */
  columns: BoardColumnView[];
  archivedColumns: Column[];
  /** Archived cards, and cards whose column is archived or unknown: all restorable. */
  archivedCards: Card[];
  labels: Label[];
  templateId: string | null;
  fields: FieldDefinition[];
  /** Organization of each person ever assigned on this board, by name (kept offline too). */
  people: Record<string, string>;
}

type AnyMap = Y.Map<unknown>;

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const columnsMap = (doc: Y.Doc) => doc.getMap<AnyMap>('columns');
const cardsMap = (doc: Y.Doc) => doc.getMap<AnyMap>('cards');
const labelsMap = (doc: Y.Doc) => doc.getMap<AnyMap>('labels');
const peopleMap = (doc: Y.Doc) => doc.getMap<string>('people');

const str = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback;
const keysOf = (value: unknown): string[] =>
  value instanceof Y.Map ? Array.from((value as AnyMap).keys()).sort() : [];

function readColumn(id: string, map: AnyMap): Column {
  const wip = map.get('wipLimit');
  return {
    id: id as ColumnId,
    title: str(map.get('title')),
    rank: str(map.get('rank'), 'a0'),
    wipLimit: typeof wip === 'number' && wip > 0 ? wip : null,
    archived: map.get('archived') === true,
  };
}

function readPosition(value: unknown): Position {
  const p = (value ?? {}) as Partial<Position>;
  return { columnId: str(p.columnId) as ColumnId, rank: str(p.rank, 'a0') };
}

function readChecklist(value: unknown): ChecklistItem[] {
  if (!(value instanceof Y.Map)) return [];
  const items: ChecklistItem[] = [];
  (value as Y.Map<AnyMap>).forEach((item, id) => {
    items.push({
      id: id as ChecklistItemId,
      text: str(item.get('text')),
      done: item.get('done') === true,
      rank: str(item.get('rank'), 'a0'),
    });
  });
  return items.sort(compareRanked);
}

function readCardMap(id: string, map: AnyMap): Card {
  const { columnId, rank } = readPosition(map.get('position'));
  const fields: Record<string, string> = {};
  const fieldMap = map.get('fields');
  if (fieldMap instanceof Y.Map) {
    (fieldMap as Y.Map<unknown>).forEach((value, key) => {
      if (typeof value === 'string' && value !== '') fields[key] = value;
    });
  }
  const description = map.get('description');
  const priority = map.get('priority');
  const due = map.get('dueDate');
  const createdAt = map.get('createdAt');
  return {
    id: id as CardId,
    columnId,
    rank,
    archived: map.get('archived') === true,
    title: str(map.get('title')),
    description: description instanceof Y.Text ? description.toString() : '',
    assignees: keysOf(map.get('assignees')),
    labels: keysOf(map.get('labels')) as LabelId[],
    links: keysOf(map.get('links')) as DocId[],
    checklist: readChecklist(map.get('checklist')),
    fields,
    responsibleOrg: str(map.get('responsibleOrg')),
    dueDate: typeof due === 'string' ? due : null,
    priority: PRIORITIES.includes(priority as Priority) ? (priority as Priority) : null,
    createdBy: str(map.get('createdBy')),
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

export function readBoard(doc: Y.Doc): BoardView {
  const columns: Column[] = [];
  columnsMap(doc).forEach((map, id) => columns.push(readColumn(id, map)));
  columns.sort(compareRanked);
  const live = new Map<string, BoardColumnView>();
  for (const column of columns) if (!column.archived) live.set(column.id, { ...column, cards: [] });

  const archivedCards: Card[] = [];
  cardsMap(doc).forEach((map, id) => {
    const card = readCardMap(id, map);
    const column = live.get(card.columnId);
    if (card.archived || column === undefined) archivedCards.push(card);
    else column.cards.push(card);
  });
  for (const column of live.values()) column.cards.sort(compareRanked);
  archivedCards.sort(compareRanked);

  const labels: Label[] = [];
  labelsMap(doc).forEach((map, id) =>
    labels.push({
      id: id as LabelId,
      name: str(map.get('name')),
      colour: str(map.get('colour'), '#777777'),
    }),
  );
  labels.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));

  const version = meta(doc).get('schemaVersion');
  const templateId = meta(doc).get('templateId');
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    columns: Array.from(live.values()),
    archivedColumns: columns.filter((c) => c.archived),
    archivedCards,
    labels,
    templateId: typeof templateId === 'string' ? templateId : null,
    fields: readFieldDefinitions(meta(doc).get('fields')),
    people: Object.fromEntries(
      Array.from(peopleMap(doc).entries()).filter(([, org]) => typeof org === 'string'),
    ),
  };
}

function readFieldDefinitions(value: unknown): FieldDefinition[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (field): field is FieldDefinition =>
      typeof field === 'object' &&
      field !== null &&
      typeof (field as FieldDefinition).key === 'string' &&
      ((field as FieldDefinition).kind === 'text' ||
        (field as FieldDefinition).kind === 'longText') &&
      typeof (field as FieldDefinition).label?.['es-419'] === 'string' &&
      typeof (field as FieldDefinition).label?.en === 'string',
  );
}

/**
 * Records which template made the board and its card fields. Written once, when the board is
 * created (on one replica, before anyone else can see it).
 */
export function setBoardTemplate(
  doc: Y.Doc,
  templateId: string,
  fields: readonly FieldDefinition[],
): void {
  doc.transact(() => {
    meta(doc).set('templateId', templateId);
    meta(doc).set(
      'fields',
      fields.map((field) => ({ ...field })),
    );
  }, Origin.local);
}

export function readCard(doc: Y.Doc, id: CardId): Card | null {
  const map = cardsMap(doc).get(id);
  return map === undefined ? null : readCardMap(id, map);
}

function requireMap(parent: Y.Map<AnyMap>, id: string, what: string): AnyMap {
  const map = parent.get(id);
  if (map === undefined) throw new CodedError('item_not_found', `No ${what} ${id} on this board`);
  return map;
}

function nonEmpty(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0) throw new CodedError('empty_title', 'A title cannot be empty');
  return trimmed;
}

// ---- columns ------------------------------------------------------------------------------

export function addColumn(
  doc: Y.Doc,
  column: { id: ColumnId; title: string; wipLimit?: number | null },
  toIndex = Infinity,
): void {
  const title = nonEmpty(column.title);
  doc.transact(() => {
    const ranks = readBoard(doc).columns.map((c) => c.rank);
    const map = new Y.Map<unknown>();
    map.set('title', title);
    map.set('rank', rankAt(doc, ranks, toIndex));
    map.set('archived', false);
    map.set('wipLimit', column.wipLimit ?? null);
    columnsMap(doc).set(column.id, map);
  }, Origin.local);
}

export function renameColumn(doc: Y.Doc, id: ColumnId, title: string): void {
  const map = requireMap(columnsMap(doc), id, 'column');
  doc.transact(() => map.set('title', nonEmpty(title)), Origin.local);
}

export function setColumnWipLimit(doc: Y.Doc, id: ColumnId, limit: number | null): void {
  if (limit !== null && !(Number.isInteger(limit) && limit > 0)) {
    throw new CodedError('invalid_wip_limit', 'A WIP limit is a whole number above zero');
  }
  const map = requireMap(columnsMap(doc), id, 'column');
  doc.transact(() => map.set('wipLimit', limit), Origin.local);
}

/** Moves a column to `toIndex` among the columns that are not archived. */
export function moveColumn(doc: Y.Doc, id: ColumnId, toIndex: number): void {
  const map = requireMap(columnsMap(doc), id, 'column');
  const others = readBoard(doc).columns.filter((c) => c.id !== id);
  doc.transact(
    () =>
      map.set(
        'rank',
        rankAt(
          doc,
          others.map((c) => c.rank),
          toIndex,
        ),
      ),
    Origin.local,
  );
}

/** Hides a column with its cards; restoring it brings both back. */
export function archiveColumn(doc: Y.Doc, id: ColumnId): void {
  const map = requireMap(columnsMap(doc), id, 'column');
  doc.transact(() => map.set('archived', true), Origin.local);
}

export function restoreColumn(doc: Y.Doc, id: ColumnId): void {
  const map = requireMap(columnsMap(doc), id, 'column');
  doc.transact(() => map.set('archived', false), Origin.local);
}

// ---- cards --------------------------------------------------------------------------------

export interface NewCard {
  id: CardId;
  columnId: ColumnId;
  title: string;
  createdBy: string;
  createdAt?: number;
  description?: string;
  fields?: Record<string, string>;
}

function cardRanks(doc: Y.Doc, columnId: ColumnId, except?: CardId): string[] {
  const column = readBoard(doc).columns.find((c) => c.id === columnId);
  if (column === undefined)
    throw new CodedError('item_not_found', `No column ${columnId} on this board`);
  return column.cards.filter((c) => c.id !== except).map((c) => c.rank);
}

export function addCard(doc: Y.Doc, card: NewCard, toIndex = Infinity): void {
  const title = nonEmpty(card.title);
  doc.transact(() => {
    const ranks = cardRanks(doc, card.columnId);
    const map = new Y.Map<unknown>();
    map.set('position', { columnId: card.columnId, rank: rankAt(doc, ranks, toIndex) });
    map.set('archived', false);
    map.set('title', title);
    map.set('description', new Y.Text(card.description ?? ''));
    map.set('assignees', new Y.Map<boolean>());
    map.set('labels', new Y.Map<boolean>());
    map.set('links', new Y.Map<boolean>());
    map.set('checklist', new Y.Map<AnyMap>());
    const fields = new Y.Map<string>();
    for (const [key, value] of Object.entries(card.fields ?? {})) fields.set(key, value);
    map.set('fields', fields);
    map.set('responsibleOrg', '');
    map.set('dueDate', null);
    map.set('priority', null);
    map.set('createdBy', card.createdBy);
    map.set('createdAt', card.createdAt ?? Date.now());
    cardsMap(doc).set(card.id, map);
  }, Origin.local);
}

export interface CardPatch {
  title?: string;
  responsibleOrg?: string;
  dueDate?: string | null;
  priority?: Priority | null;
  /** Template fields; an empty string or null clears one. */
  fields?: Record<string, string | null>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function updateCard(doc: Y.Doc, id: CardId, patch: CardPatch): void {
  const map = requireMap(cardsMap(doc), id, 'card');
  if (patch.dueDate != null && !ISO_DATE.test(patch.dueDate)) {
    throw new CodedError(
      'invalid_due_date',
      `A due date is written YYYY-MM-DD, not ${JSON.stringify(patch.dueDate)}`,
    );
  }
  if (patch.priority != null && !PRIORITIES.includes(patch.priority)) {
    throw new CodedError('invalid_priority', `Unknown priority ${JSON.stringify(patch.priority)}`);
  }
  doc.transact(() => {
    if (patch.title !== undefined) map.set('title', nonEmpty(patch.title));
    if (patch.responsibleOrg !== undefined) map.set('responsibleOrg', patch.responsibleOrg.trim());
    if (patch.dueDate !== undefined) map.set('dueDate', patch.dueDate);
    if (patch.priority !== undefined) map.set('priority', patch.priority);
    if (patch.fields !== undefined) {
      const fields = map.get('fields') as Y.Map<string>;
      for (const [key, value] of Object.entries(patch.fields)) {
        if (value === null || value.trim() === '') fields.delete(key);
        else fields.set(key, value.trim());
      }
    }
  }, Origin.local);
}

/**
 * Replaces the description by the smallest edit (common prefix and suffix kept), so a plain
 * text field merges with someone else's concurrent typing instead of overwriting it.
 */
export function setCardDescription(doc: Y.Doc, id: CardId, text: string): void {
  const description = requireMap(cardsMap(doc), id, 'card').get('description') as Y.Text;
  const current = description.toString();
  if (current === text) return;
  let start = 0;
  while (start < current.length && start < text.length && current[start] === text[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < text.length - start &&
    current[current.length - 1 - end] === text[text.length - 1 - end]
  ) {
    end++;
  }
  doc.transact(() => {
    description.delete(start, current.length - start - end);
    description.insert(start, text.slice(start, text.length - end));
  }, Origin.local);
}

/**
 * Moves a card to `toIndex` among the visible cards of `toColumnId` (the card itself left out).
 * One write of one value: concurrent moves of the same card can never duplicate it.
 */
export function moveCard(doc: Y.Doc, cardId: CardId, toColumnId: ColumnId, toIndex: number): void {
  const map = requireMap(cardsMap(doc), cardId, 'card');
  const ranks = cardRanks(doc, toColumnId, cardId);
  doc.transact(() => {
    map.set('position', { columnId: toColumnId, rank: rankAt(doc, ranks, toIndex) });
  }, Origin.local);
}

export function archiveCard(doc: Y.Doc, id: CardId): void {
  const map = requireMap(cardsMap(doc), id, 'card');
  doc.transact(() => map.set('archived', true), Origin.local);
}

/** Restores a card; if its column was archived meanwhile, it goes to the end of the first column. */
export function restoreCard(doc: Y.Doc, id: CardId): void {
  const map = requireMap(cardsMap(doc), id, 'card');
  const { columnId } = readPosition(map.get('position'));
  const board = readBoard(doc);
  doc.transact(() => {
    map.set('archived', false);
    const home = board.columns.find((c) => c.id === columnId) ?? board.columns[0];
    if (home !== undefined && home.id !== columnId) {
      map.set('position', {
        columnId: home.id,
        rank: rankAt(
          doc,
          home.cards.map((c) => c.rank),
          Infinity,
        ),
      });
    }
  }, Origin.local);
}

function setMember(
  doc: Y.Doc,
  id: CardId,
  set: 'assignees' | 'labels' | 'links',
  key: string,
  on: boolean,
) {
  const members = requireMap(cardsMap(doc), id, 'card').get(set) as Y.Map<boolean>;
  doc.transact(() => {
    if (on) members.set(key, true);
    else members.delete(key);
  }, Origin.local);
}

/** Assigns a person; their organization, when known, is remembered for the whole board. */
export function assignCard(doc: Y.Doc, id: CardId, person: string, organization?: string): void {
  const name = nonEmpty(person);
  doc.transact(() => {
    setMember(doc, id, 'assignees', name, true);
    const org = organization?.trim() ?? '';
    if (org !== '' && peopleMap(doc).get(name) !== org) peopleMap(doc).set(name, org);
  }, Origin.local);
}
export const unassignCard = (doc: Y.Doc, id: CardId, person: string) =>
  setMember(doc, id, 'assignees', person, false);
export const addCardLabel = (doc: Y.Doc, id: CardId, label: LabelId) =>
  setMember(doc, id, 'labels', label, true);
export const removeCardLabel = (doc: Y.Doc, id: CardId, label: LabelId) =>
  setMember(doc, id, 'labels', label, false);
export const linkDocument = (doc: Y.Doc, id: CardId, docId: DocId) =>
  setMember(doc, id, 'links', docId, true);
export const unlinkDocument = (doc: Y.Doc, id: CardId, docId: DocId) =>
  setMember(doc, id, 'links', docId, false);

export function defineLabel(doc: Y.Doc, label: Label): void {
  doc.transact(() => {
    const map = labelsMap(doc).get(label.id) ?? new Y.Map<unknown>();
    map.set('name', nonEmpty(label.name));
    map.set('colour', label.colour);
    if (!labelsMap(doc).has(label.id)) labelsMap(doc).set(label.id, map);
  }, Origin.local);
}

/** Cards of this board that link to a document (the document shows them). */
/** The live cards of a board that link to a document, each with the title of its column. */
export function cardsLinkingTo(
  board: BoardView,
  docId: DocId,
): Array<{ card: Card; columnTitle: string }> {
  return board.columns.flatMap((column) =>
    column.cards
      .filter((card) => card.links.includes(docId))
      .map((card) => ({ card, columnTitle: column.title })),
  );
}

// ---- checklist ----------------------------------------------------------------------------

function checklistOf(doc: Y.Doc, id: CardId): Y.Map<AnyMap> {
  return requireMap(cardsMap(doc), id, 'card').get('checklist') as Y.Map<AnyMap>;
}

export function addChecklistItem(
  doc: Y.Doc,
  id: CardId,
  item: { id: ChecklistItemId; text: string },
): void {
  const checklist = checklistOf(doc, id);
  doc.transact(() => {
    const ranks = readChecklist(checklist).map((i) => i.rank);
    const map = new Y.Map<unknown>();
    map.set('text', nonEmpty(item.text));
    map.set('done', false);
    map.set('rank', rankAt(doc, ranks, Infinity));
    checklist.set(item.id, map);
  }, Origin.local);
}

export function setChecklistItem(
  doc: Y.Doc,
  id: CardId,
  itemId: ChecklistItemId,
  patch: { text?: string; done?: boolean },
): void {
  const item = requireMap(checklistOf(doc, id), itemId, 'checklist item');
  doc.transact(() => {
    if (patch.text !== undefined) item.set('text', nonEmpty(patch.text));
    if (patch.done !== undefined) item.set('done', patch.done);
  }, Origin.local);
}

export function removeChecklistItem(doc: Y.Doc, id: CardId, itemId: ChecklistItemId): void {
  const checklist = checklistOf(doc, id);
  doc.transact(() => checklist.delete(itemId), Origin.local);
}

// ---- schema -------------------------------------------------------------------------------

/** Idempotent: writes only what differs from the current schema. */
export function migrateBoard(doc: Y.Doc): void {
  const version = meta(doc).get('schemaVersion');
  if (typeof version === 'number' && version >= BOARD_SCHEMA_VERSION) return;
  doc.transact(() => meta(doc).set('schemaVersion', BOARD_SCHEMA_VERSION), Origin.migration);
}
