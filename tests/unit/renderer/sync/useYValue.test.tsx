// @vitest-environment happy-dom
import { act, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, readGroupIndex, renameEntry } from '../../../../shared/ydoc/groupIndexDoc';
import type { DocId } from '../../../../shared/model/ids';
import { useYValue } from '../../../../renderer/sync/useYValue';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DOC_ID = '00000000-0000-4000-8000-0000000000d1' as DocId;
let root: Root | null = null;

const titles = (doc: Y.Doc) =>
  readGroupIndex(doc)
    .entries.map((entry) => entry.title)
    .join('|');

function Titles({ doc, onRender }: { doc: Y.Doc | null; onRender: () => void }) {
  onRender();
  return <p>{useYValue(doc, titles, 'sin documento')}</p>;
}

function render(node: ReactNode): HTMLElement {
  const container = document.createElement('div');
  root = createRoot(container);
  act(() => root!.render(node));
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

describe('useYValue', () => {
  it('renders the read value and re-renders after each transaction', () => {
    const doc = new Y.Doc();
    addEntry(doc, { id: DOC_ID, kind: 'doc', title: 'Acta', createdBy: 'Ana' });
    const container = render(<Titles doc={doc} onRender={() => undefined} />);
    expect(container.textContent).toBe('Acta');

    act(() => renameEntry(doc, DOC_ID, 'Acta aprobada'));
    expect(container.textContent).toBe('Acta aprobada');
  });

  it('does not re-render when nothing changed', () => {
    const doc = new Y.Doc();
    addEntry(doc, { id: DOC_ID, kind: 'doc', title: 'Acta', createdBy: 'Ana' });
    let renders = 0;
    let rerender: () => void = () => undefined;
    function Host() {
      const [, setTick] = useState(0);
      rerender = () => setTick((n) => n + 1);
      return <Titles doc={doc} onRender={() => (renders += 1)} />;
    }
    render(<Host />);
    const before = renders;
    act(() => rerender());
    expect(renders).toBe(before + 1);
    act(() => renameEntry(doc, DOC_ID, 'Otro'));
    expect(renders).toBe(before + 2);
  });

  it('shows the fallback without a doc, then the doc once it is there', () => {
    const container = render(<Titles doc={null} onRender={() => undefined} />);
    expect(container.textContent).toBe('sin documento');

    const doc = new Y.Doc();
    addEntry(doc, { id: DOC_ID, kind: 'doc', title: 'Agenda', createdBy: 'Ana' });
    act(() => root!.render(<Titles doc={doc} onRender={() => undefined} />));
    expect(container.textContent).toBe('Agenda');
  });
});

describe('useYValue snapshots', () => {
  const meta = (doc: Y.Doc) => ({ entries: readGroupIndex(doc).entries.length, kind: 'index' });

  it('keeps the same value when a transaction leaves what it reads equal', () => {
    const doc = new Y.Doc();
    addEntry(doc, { id: DOC_ID, kind: 'doc', title: 'Acta', createdBy: 'Ana' });
    const seen: unknown[] = [];
    function Meta() {
      const value = useYValue(doc, meta, null);
      seen.push(value);
      return <p>{value?.entries}</p>;
    }
    render(<Meta />);
    // A rename makes a new object in the reader, but the count it shows is the same.
    act(() => renameEntry(doc, DOC_ID, 'Acta firmada'));
    act(() => renameEntry(doc, DOC_ID, 'Acta final'));
    expect(seen).toHaveLength(1);
  });
});
