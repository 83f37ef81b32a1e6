// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { editorExtensions } from '../../../../../renderer/features/documents/editorExtensions';
import { isEmptyCellElement } from '../../../../../renderer/features/documents/tableCells';

const open: Editor[] = [];
afterEach(() => {
  for (const editor of open.splice(0)) editor.destroy();
});

/** Tiptap's own table cells, to hold Minka's faster ones to the same result. */
function stockEditorWithHtml(html: string): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [StarterKit, TableKit.configure({ table: { resizable: true, cellMinWidth: 120 } })],
  });
  open.push(editor);
  editor.commands.insertContent(html);
  return editor;
}

function cellAttrs(editor: Editor): unknown[] {
  const found: unknown[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'tableCell' || node.type.name === 'tableHeader')
      found.push([node.type.name, node.attrs, node.textContent]);
  });
  return found;
}

function editorWithHtml(html: string): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: editorExtensions({
      doc: new Y.Doc(),
      provider: null,
      user: { name: 'V', color: '#000000' },
      placeholder: '',
    }),
  });
  open.push(editor);
  editor.commands.insertContent(html);
  return editor;
}

describe('table cells parsed from pasted HTML', () => {
  it('read column widths and empty cells exactly as Tiptap’s own cells do', () => {
    const samples = [
      '<table><colgroup><col width="150"><col><col width="90"></colgroup><tbody>' +
        '<tr><th>Mina</th><th>Región</th><th>Agua</th></tr>' +
        '<tr><td>Cerro</td><td colwidth="200">Arequipa</td><td>12</td></tr>' +
        '</tbody></table>',
      '<table><tbody><tr><td> </td><td>\u00a0</td><td><p>Texto</p></td></tr>' +
        '<tr><td colspan="2">Ancha</td><td></td></tr></tbody></table>',
      '<p>Antes</p><table><colgroup><col width="80"></colgroup><tbody><tr><td>a</td><td>b</td></tr></tbody></table>' +
        '<table><tbody><tr><td>c</td></tr></tbody></table>',
    ];
    for (const html of samples) {
      const mine = cellAttrs(editorWithHtml(html));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine).toEqual(cellAttrs(stockEditorWithHtml(html)));
    }
    const widths = cellAttrs(editorWithHtml(samples[0]!)).map(
      (cell) => (cell as [string, { colwidth: unknown }])[1].colwidth,
    );
    expect(widths[0]).toEqual([150]);
    expect(widths[2]).toEqual([90]);
  });

  it('fill empty cells with a paragraph and keep a cell holding only a non-breaking space', () => {
    const editor = editorWithHtml(
      '<table><tbody><tr><td> </td><td>\u00a0</td><td><p>Texto</p></td></tr></tbody></table>',
    );
    const cells: string[] = [];
    editor.state.doc.descendants((node) => {
      if (node.type.name === 'tableCell') cells.push(JSON.stringify(node.textContent));
    });
    expect(cells).toEqual(['""', '"\u00a0"', '"Texto"']);
  });

  it('tell an empty cell element the way Tiptap does', () => {
    const cell = (html: string) => {
      const td = document.createElement('td');
      td.innerHTML = html;
      return td;
    };
    expect(isEmptyCellElement(cell(' \n\t'))).toBe(true);
    expect(isEmptyCellElement(cell('\u00a0'))).toBe(false);
    expect(isEmptyCellElement(cell('<br>'))).toBe(false);
    expect(isEmptyCellElement(cell('x'))).toBe(false);
  });
});
