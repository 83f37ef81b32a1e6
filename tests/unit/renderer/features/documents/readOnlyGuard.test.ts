// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks } from '../../../../../shared/ydoc/documentDoc';
import { editorExtensions } from '../../../../../renderer/features/documents/editorExtensions';

/** A document ending in a list: Tiptap's TrailingNode wants to append a paragraph to it. */
function endsInList(): Y.Doc {
  const doc = new Y.Doc();
  appendBlocks(doc, [
    { type: 'paragraph', runs: [{ text: 'Acuerdos' }] },
    { type: 'bulletList', items: ['Monitoreo', 'Reúso'] },
  ]);
  return doc;
}

/** Opens an editor on `doc` and counts the updates it writes into the Y.Doc. */
function updatesWrittenBy(doc: Y.Doc, editable: boolean): number {
  let updates = 0;
  doc.on('update', () => updates++);
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: editorExtensions({
      doc,
      provider: null,
      user: { name: 'Vera', color: '#000' },
      placeholder: '',
    }),
    editable,
  });
  onTestFinished(() => editor.destroy());
  // Any transaction (here, one that changes nothing) lets TrailingNode append its paragraph.
  editor.view.dispatch(editor.state.tr.setMeta('probe', true));
  return updates;
}

describe('read-only editor', () => {
  it('writes nothing into the document, not even the trailing paragraph', () => {
    expect(updatesWrittenBy(endsInList(), false)).toBe(0);
  });

  it('an editable editor does normalise it (so the check above can fail)', () => {
    expect(updatesWrittenBy(endsInList(), true)).toBeGreaterThan(0);
  });

  it('a read-only editor still shows what others write', () => {
    const doc = endsInList();
    const editor = new Editor({
      element: document.createElement('div'),
      extensions: editorExtensions({
        doc,
        provider: null,
        user: { name: 'Vera', color: '#000' },
        placeholder: '',
      }),
      editable: false,
    });
    onTestFinished(() => editor.destroy());
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'Nueva línea de Ana' }] }]);
    expect(editor.getText()).toContain('Nueva línea de Ana');
  });
});
