// @vitest-environment happy-dom
/**
 * Comment highlights stay on their text through local typing (mapped, then placed again from
 * their anchors once typing pauses) and through someone else's edit, and are not placed again
 * on a transaction that changes neither the document nor the review state.
 */
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks, getDocumentBody } from '../../../../../shared/ydoc/documentDoc';
import type { Thread, ThreadId } from '../../../../../shared/ydoc/threadsDoc';
import { editorExtensions } from '../../../../../renderer/features/documents/editorExtensions';
import { anchorForRange } from '../../../../../renderer/features/review/anchors';
import {
  reviewDecorationsKey,
  setReviewState,
  type ReviewState,
} from '../../../../../renderer/features/review/reviewExtension';

const open: Editor[] = [];
afterEach(() => {
  for (const editor of open.splice(0)) editor.destroy();
});

function highlighted(editor: Editor): string[] {
  return [...editor.view.dom.querySelectorAll('.review-highlight')].map(
    (el) => el.textContent ?? '',
  );
}

describe('review decorations', () => {
  it('keep a comment on its words through local and remote edits', async () => {
    const doc = new Y.Doc();
    appendBlocks(doc, [
      { type: 'paragraph', runs: [{ text: 'El agua de la planta concentradora.' }] },
    ]);
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
    const from = 1 + 'El agua de la '.length;
    const anchor = anchorForRange(editor.state, doc, from, from + 'planta'.length)!;
    const thread = {
      id: 't1' as ThreadId,
      kind: 'comment',
      anchor,
      quote: 'planta',
      proposal: '',
      createdBy: { id: 'u1', name: 'Ana', organization: '' },
      createdAt: 0,
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      status: 'open',
      comments: [],
    } as unknown as Thread;
    const review: ReviewState = {
      body: doc,
      threads: [thread],
      outdated: new Set(),
      activeId: null,
      suggesting: false,
      readOnlyBody: false,
      onSelect: () => undefined,
      onSuggest: () => undefined,
      onComment: () => undefined,
      candidates: [],
    };
    setReviewState(editor.view, review);
    expect(highlighted(editor)).toEqual(['planta']);

    const placed = reviewDecorationsKey.getState(editor.state);
    editor.view.dispatch(editor.state.tr.setMeta('nothing', true));
    expect(reviewDecorationsKey.getState(editor.state)).toBe(placed);

    editor.commands.insertContentAt(1, 'Hoy: ');
    expect(highlighted(editor)).toEqual(['planta']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(highlighted(editor)).toEqual(['planta']);

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Primero.')]);
    getDocumentBody(other).insert(0, [paragraph]);
    expect(editor.state.doc.childCount).toBe(2);
    expect(highlighted(editor)).toEqual(['planta']);
  });
});
