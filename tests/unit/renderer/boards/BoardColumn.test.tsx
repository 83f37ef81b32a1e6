// @vitest-environment happy-dom
import { DndContext } from '@dnd-kit/core';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resources } from '../../../../renderer/i18n';
import { BoardColumn } from '../../../../renderer/features/boards/BoardColumn';
import {
  addCard,
  addColumn,
  readBoard,
  type CardId,
  type ColumnId,
} from '../../../../shared/ydoc/boardDoc';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    resources,
    lng: 'es-419',
    interpolation: { escapeValue: false },
  });
});

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function pilot(cards: number, wipLimit: number) {
  const doc = new Y.Doc();
  addColumn(doc, { id: 'p' as ColumnId, title: 'Piloto', wipLimit });
  for (let i = 0; i < cards; i++) {
    addCard(doc, {
      id: `c${i}` as CardId,
      columnId: 'p' as ColumnId,
      title: `Piloto ${i}`,
      createdBy: 'x',
    });
  }
  return readBoard(doc).columns[0]!;
}

function render(cards: number, wipLimit: number, readOnly: boolean) {
  const column = pilot(cards, wipLimit);
  if (root !== null) act(() => root!.unmount());
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const noop = () => undefined;
  act(() =>
    root!.render(
      <DndContext>
        <BoardColumn
          column={column}
          visibleCards={column.cards}
          position={0}
          total={1}
          readOnly={readOnly}
          onRename={noop}
          onEditWipLimit={noop}
          onMove={noop}
          onArchive={noop}
          onAddCard={noop}
        >
          {null}
        </BoardColumn>
      </DndContext>,
    ),
  );
  return host;
}

describe('a board column', () => {
  it('warns, visibly and in words, when its cards exceed the WIP limit', () => {
    const host = render(3, 2, false);
    expect(host.querySelector('[role="note"]')?.textContent).toBe(
      'Supera el límite de trabajo en curso (2)',
    );
    expect(host.querySelector('[aria-label="3 tarjetas, límite 2"]')?.textContent).toContain(
      '3 / 2',
    );
  });

  it('at the limit there is no warning', () => {
    const host = render(2, 2, false);
    expect(host.querySelector('[role="note"]')).toBeNull();
  });

  it('read-only: no drag handle, no menu, no "Añadir tarjeta"', () => {
    const host = render(1, 2, true);
    const names = Array.from(host.querySelectorAll('button'), (b) => b.getAttribute('aria-label'));
    expect(names).toEqual([]);
    const editable = render(1, 2, false);
    const editableNames = Array.from(editable.querySelectorAll('button'), (b) =>
      b.getAttribute('aria-label'),
    );
    expect(editableNames).toEqual([
      'Mover la columna Piloto',
      'Opciones de la columna Piloto',
      'Añadir tarjeta en Piloto',
    ]);
  });
});
