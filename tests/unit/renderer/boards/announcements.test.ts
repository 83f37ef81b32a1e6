import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resources } from '../../../../renderer/i18n';
import { boardAnnouncements } from '../../../../renderer/features/boards/announcements';
import { resolveDrop } from '../../../../renderer/features/boards/dropTarget';
import {
  addCard,
  addColumn,
  readBoard,
  type CardId,
  type ColumnId,
} from '../../../../shared/ydoc/boardDoc';

beforeAll(async () => {
  await i18next.init({ resources, lng: 'es-419', interpolation: { escapeValue: false } });
});

function board() {
  const doc = new Y.Doc();
  addColumn(doc, { id: 'c1' as ColumnId, title: 'Desafíos recibidos' });
  addColumn(doc, { id: 'c2' as ColumnId, title: 'Piloto' });
  addCard(doc, { id: 'a' as CardId, columnId: 'c1' as ColumnId, title: 'Relaves', createdBy: 'x' });
  addCard(doc, { id: 'b' as CardId, columnId: 'c2' as ColumnId, title: 'Agua', createdBy: 'x' });
  return readBoard(doc);
}

const node = (id: string) => ({ id, data: { current: {} }, rect: { current: null } }) as never;

describe('what a screen reader hears while dragging', () => {
  const view = board();
  const say = () =>
    boardAnnouncements(
      i18next.t,
      () => view,
      (active, over) =>
        resolveDrop(view, String(active.id), over === null ? null : String(over.id)),
    );

  it('names the card and where it came from, then where it landed with position of total', () => {
    expect(say().onDragStart({ active: node('card:a') })).toBe(
      'Tomó la tarjeta «Relaves» de la columna Desafíos recibidos.',
    );
    expect(say().onDragOver({ active: node('card:a'), over: node('card:b') })).toBe(
      'La tarjeta «Relaves» irá en la columna Piloto, antes de «Agua».',
    );
    expect(say().onDragEnd({ active: node('card:a'), over: node('colbody:c2') })).toBe(
      'Soltó la tarjeta «Relaves» en la columna Piloto, posición 2 de 2.',
    );
  });

  it('keeps the pick-up sentence while the card is still over itself, and says when it is cancelled', () => {
    expect(say().onDragOver({ active: node('card:a'), over: node('card:a') })).toBeUndefined();
    expect(say().onDragCancel({ active: node('card:a'), over: null })).toBe(
      'Se canceló el movimiento. «Relaves» volvió a su lugar.',
    );
  });

  it('columns: position of total', () => {
    expect(say().onDragStart({ active: node('column:c2') })).toBe(
      'Tomó la columna Piloto, posición 2 de 2.',
    );
    expect(say().onDragEnd({ active: node('column:c2'), over: node('column:c1') })).toBe(
      'Soltó la columna Piloto en la posición 1 de 2.',
    );
  });
});
