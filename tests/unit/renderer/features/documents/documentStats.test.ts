// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks } from '../../../../../shared/ydoc/documentDoc';
import {
  blockPosition,
  documentStats,
} from '../../../../../renderer/features/documents/documentStats';
import { editorExtensions } from '../../../../../renderer/features/documents/editorExtensions';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** How the whole document's text counts, read in one pass (what the outline used to do). */
function wholeText(editor: Editor) {
  const text = editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n', ' ');
  return { words: text.match(WORD)?.length ?? 0, characters: text.replace(/\n/g, '').length };
}

const open: Editor[] = [];
afterEach(() => {
  for (const editor of open.splice(0)) editor.destroy();
});

function editorWith(doc: Y.Doc): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: editorExtensions({
      doc,
      provider: null,
      user: { name: 'V', color: '#000000' },
      placeholder: '',
    }),
  });
  open.push(editor);
  return editor;
}

describe('documentStats', () => {
  it('counts words and characters as the whole text does, across headings, lists and tables', () => {
    const doc = new Y.Doc();
    appendBlocks(doc, [
      { type: 'heading', level: 1, text: 'Desafíos operacionales 2027' },
      {
        type: 'paragraph',
        runs: [{ text: 'El agua es el recurso más escaso: reúso y monitoreo.' }],
      },
      { type: 'bulletList', items: ['Monitoreo en línea', 'Reúso de relaves'] },
      { type: 'heading', level: 2, text: 'Energía' },
      { type: 'paragraph', runs: [{ text: '' }] },
      {
        type: 'table',
        rows: [
          ['Mina', 'Agua m³'],
          ['Cerro Verde', '12,5'],
        ],
      },
    ]);
    const editor = editorWith(doc);
    const stats = documentStats(editor.state.doc);
    expect({ words: stats.words, characters: stats.characters }).toEqual(wholeText(editor));
    expect(stats.words).toBeGreaterThan(20);
    expect(stats.headings.map((h) => [h.level, h.text])).toEqual([
      [1, 'Desafíos operacionales 2027'],
      [2, 'Energía'],
    ]);
    expect(
      editor.state.doc.nodeAt(blockPosition(editor.state.doc, stats.headings[1]!.index)!)
        ?.textContent,
    ).toBe('Energía');
  });

  it('follows edits: only the edited block is read again, and the totals stay exact', () => {
    const doc = new Y.Doc();
    appendBlocks(
      doc,
      Array.from({ length: 50 }, (_, i) => ({
        type: 'paragraph' as const,
        runs: [{ text: `Línea ${i} con tres` }],
      })),
    );
    const editor = editorWith(doc);
    const before = documentStats(editor.state.doc);
    editor.commands.insertContentAt(3, ' palabra-nueva más');
    const after = documentStats(editor.state.doc);
    expect(after.words).toBe(before.words + 2);
    expect({ words: after.words, characters: after.characters }).toEqual(wholeText(editor));
  });
});
