import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId } from '../../../shared/model/ids';
import {
  addCard,
  addChecklistItem,
  addColumn,
  archiveCard,
  archiveColumn,
  assignCard,
  BOARD_SCHEMA_VERSION,
  cardsLinkingTo,
  linkDocument,
  migrateBoard,
  moveCard,
  moveColumn,
  readBoard,
  readCard,
  restoreCard,
  restoreColumn,
  setCardDescription,
  setChecklistItem,
  setColumnWipLimit,
  updateCard,
  type CardId,
  type ChecklistItemId,
  type ColumnId,
} from '../../../shared/ydoc/boardDoc';

const col = (n: number) => `col-${n}` as ColumnId;
const card = (n: number) => `card-${n}` as CardId;

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function planBoard(): Y.Doc {
  const doc = new Y.Doc();
  for (const [i, title] of ['Por hacer', 'En curso', 'Hecho'].entries())
    addColumn(doc, { id: col(i), title });
  for (let i = 0; i < 3; i++)
    addCard(doc, { id: card(i), columnId: col(0), title: `Tarea ${i}`, createdBy: 'Ana' });
  return doc;
}

const layout = (doc: Y.Doc) =>
  readBoard(doc).columns.map((c) => `${c.title}: ${c.cards.map((k) => k.title).join(', ')}`);

describe('board', () => {
  it('reads columns in order with their cards in order', () => {
    expect(layout(planBoard())).toEqual([
      'Por hacer: Tarea 0, Tarea 1, Tarea 2',
      'En curso: ',
      'Hecho: ',
    ]);
  });

  it('moves cards within and between columns', () => {
    const doc = planBoard();
    moveCard(doc, card(2), col(0), 0);
    moveCard(doc, card(0), col(1), 0);
    moveCard(doc, card(1), col(1), 1);
    expect(layout(doc)).toEqual(['Por hacer: Tarea 2', 'En curso: Tarea 0, Tarea 1', 'Hecho: ']);
  });

  it('moves columns', () => {
    const doc = planBoard();
    moveColumn(doc, col(2), 0);
    expect(readBoard(doc).columns.map((c) => c.title)).toEqual(['Hecho', 'Por hacer', 'En curso']);
  });

  it('archives and restores cards and columns without losing them', () => {
    const doc = planBoard();
    archiveCard(doc, card(1));
    expect(readBoard(doc).archivedCards.map((c) => c.id)).toEqual([card(1)]);
    archiveColumn(doc, col(0));
    expect(readBoard(doc).columns.map((c) => c.title)).toEqual(['En curso', 'Hecho']);
    expect(readBoard(doc).archivedCards).toHaveLength(3);
    restoreColumn(doc, col(0));
    restoreCard(doc, card(1));
    expect(layout(doc)[0]).toBe('Por hacer: Tarea 0, Tarea 1, Tarea 2');
  });

  it('restores a card whose column is archived into the first column', () => {
    const doc = planBoard();
    moveCard(doc, card(0), col(2), 0);
    archiveCard(doc, card(0));
    archiveColumn(doc, col(2));
    restoreCard(doc, card(0));
    expect(readCard(doc, card(0))?.columnId).toBe(col(0));
    expect(readBoard(doc).columns[0]!.cards.map((c) => c.id)).toContain(card(0));
  });

  it('keeps one card when two people move it concurrently', () => {
    const a = planBoard();
    const b = new Y.Doc();
    sync(a, b);
    moveCard(a, card(0), col(1), 0);
    moveCard(b, card(0), col(2), 0);
    sync(a, b);
    const ids = (doc: Y.Doc) => readBoard(doc).columns.flatMap((c) => c.cards.map((k) => k.id));
    expect(ids(a).filter((id) => id === card(0))).toHaveLength(1);
    expect(layout(a)).toEqual(layout(b));
  });

  it('keeps a concurrent title edit of a moved card', () => {
    const a = planBoard();
    const b = new Y.Doc();
    sync(a, b);
    moveCard(a, card(0), col(2), 0);
    updateCard(b, card(0), { title: 'Tarea 0 (revisada)' });
    sync(a, b);
    expect(layout(a)).toEqual([
      'Por hacer: Tarea 1, Tarea 2',
      'En curso: ',
      'Hecho: Tarea 0 (revisada)',
    ]);
    expect(layout(b)).toEqual(layout(a));
  });

  it('merges concurrent typing in a description', () => {
    const a = planBoard();
    setCardDescription(a, card(0), 'Medir consumo de agua.');
    const b = new Y.Doc();
    sync(a, b);
    setCardDescription(a, card(0), 'Medir consumo de agua en planta.');
    setCardDescription(b, card(0), 'Medir consumo de agua. Responsable: UNSA.');
    sync(a, b);
    expect(readCard(a, card(0))?.description).toBe(
      'Medir consumo de agua en planta. Responsable: UNSA.',
    );
    expect(readCard(b, card(0))?.description).toBe(readCard(a, card(0))?.description);
  });

  it('keeps both people when two assign at once, and both checklist items', () => {
    const a = planBoard();
    const b = new Y.Doc();
    sync(a, b);
    assignCard(a, card(0), 'ana');
    assignCard(b, card(0), 'beto');
    addChecklistItem(a, card(0), { id: 'i1' as ChecklistItemId, text: 'Muestreo' });
    addChecklistItem(b, card(0), { id: 'i2' as ChecklistItemId, text: 'Informe' });
    sync(a, b);
    expect(readCard(a, card(0))?.assignees).toEqual(['ana', 'beto']);
    expect(
      readCard(b, card(0))
        ?.checklist.map((i) => i.text)
        .sort(),
    ).toEqual(['Informe', 'Muestreo']);
    setChecklistItem(a, card(0), 'i1' as ChecklistItemId, { done: true });
    expect(readCard(a, card(0))?.checklist.find((i) => i.id === 'i1')?.done).toBe(true);
  });

  it('validates fields and links documents', () => {
    const doc = planBoard();
    expect(() => updateCard(doc, card(0), { dueDate: '26/11/2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => updateCard(doc, card(0), { title: '  ' })).toThrow();
    expect(() => setColumnWipLimit(doc, col(1), 0)).toThrow();
    updateCard(doc, card(0), {
      dueDate: '2026-12-01',
      priority: 'high',
      fields: { miningCompany: 'Cerro Verde' },
    });
    linkDocument(doc, card(0), 'doc-1' as DocId);
    expect(readCard(doc, card(0))).toMatchObject({
      dueDate: '2026-12-01',
      priority: 'high',
      fields: { miningCompany: 'Cerro Verde' },
      links: ['doc-1'],
    });
    expect(
      cardsLinkingTo(readBoard(doc), 'doc-1' as DocId).map(({ card: linked, columnTitle }) => [
        linked.id,
        columnTitle,
      ]),
    ).toEqual([[card(0), readBoard(doc).columns[0]!.title]]);
  });

  it('migrates idempotently', () => {
    const doc = planBoard();
    migrateBoard(doc);
    let writes = 0;
    doc.on('update', () => writes++);
    migrateBoard(doc);
    expect(writes).toBe(0);
    expect(readBoard(doc).schemaVersion).toBe(BOARD_SCHEMA_VERSION);
  });
});
