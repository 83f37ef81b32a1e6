// @vitest-environment happy-dom
/**
 * Other people's carets are drawn from awareness with work proportional to what changed: one
 * editor transaction per animation frame for real caret changes only, none for this person's
 * own awareness, and this person's caret published once per frame when it moved.
 */
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { appendBlocks, getDocumentBody } from '../../../../../shared/ydoc/documentDoc';
import { editorExtensions } from '../../../../../renderer/features/documents/editorExtensions';
import {
  CollaborationCarets,
  caretSignature,
} from '../../../../../renderer/features/documents/collaborationCarets';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** Long enough for waiting caret changes to be drawn (150 ms) and a frame to pass. */
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  await nextFrame();
};

const open: Editor[] = [];
afterEach(() => {
  for (const editor of open.splice(0)) editor.destroy();
});

/** An editor on a document of three paragraphs, and a second person's doc and awareness. */
function setUp() {
  const doc = new Y.Doc();
  appendBlocks(doc, [
    { type: 'paragraph', runs: [{ text: 'Primera línea' }] },
    { type: 'paragraph', runs: [{ text: 'Segunda línea' }] },
    { type: 'paragraph', runs: [{ text: 'Tercera línea' }] },
  ]);
  const awareness = new Awareness(doc);
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [
      ...editorExtensions({
        doc,
        provider: null,
        user: { name: 'Vera', color: '#112233' },
        placeholder: '',
      }),
      CollaborationCarets.configure({ awareness, user: { name: 'Vera', color: '#112233' } }),
    ],
  });
  open.push(editor);

  const otherDoc = new Y.Doc();
  Y.applyUpdate(otherDoc, Y.encodeStateAsUpdate(doc));
  doc.on('update', (update: Uint8Array) => Y.applyUpdate(otherDoc, update));
  otherDoc.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update));
  const other = new Awareness(otherDoc);
  other.setLocalStateField('user', { name: 'Ana Quispe', color: '#aa3300' });
  /** What the other person's awareness says reaches this editor (as the provider relays it). */
  const relay = () =>
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
  /** Puts the other person's caret at `index` in paragraph `block`. */
  const moveOther = (block: number, index: number) => {
    const paragraph = getDocumentBody(otherDoc).get(block) as Y.XmlElement;
    const position = Y.createRelativePositionFromTypeIndex(paragraph.get(0) as Y.XmlText, index);
    other.setLocalStateField('cursor', { anchor: position, head: position });
    relay();
  };
  let transactions = 0;
  editor.on('transaction', () => transactions++);
  return {
    doc,
    otherDoc,
    editor,
    awareness,
    other,
    relay,
    moveOther,
    transactions: () => transactions,
  };
}

function carets(editor: Editor): Array<{ name: string; before: string }> {
  return [...editor.view.dom.querySelectorAll('.collaboration-carets__caret')].map((caret) => {
    const paragraph = caret.closest('p');
    let before = '';
    for (const node of paragraph?.childNodes ?? []) {
      if (node === caret) break;
      before += node.textContent ?? '';
    }
    return { name: caret.textContent ?? '', before };
  });
}

describe('collaboration carets', () => {
  it('draws another person’s caret where their awareness puts it, with their name', async () => {
    const { editor, moveOther } = setUp();
    moveOther(1, 7);
    await settle();
    expect(carets(editor)).toEqual([{ name: 'Ana Quispe', before: 'Segunda' }]);
    moveOther(2, 3);
    await settle();
    expect(carets(editor)).toEqual([{ name: 'Ana Quispe', before: 'Ter' }]);
  });

  it('gathers several caret changes into one transaction', async () => {
    const { editor, moveOther, transactions } = setUp();
    await settle();
    const before = transactions();
    moveOther(0, 1);
    moveOther(0, 2);
    moveOther(0, 3);
    expect(transactions()).toBe(before);
    await settle();
    expect(transactions()).toBe(before + 1);
    expect(carets(editor)).toEqual([{ name: 'Ana Quispe', before: 'Pri' }]);
  });

  it('draws waiting caret changes with this editor’s next transaction, at no extra one', async () => {
    const { editor, moveOther, transactions } = setUp();
    await settle();
    moveOther(2, 5);
    const before = transactions();
    editor.commands.insertContentAt(1, 'Ya ');
    expect(carets(editor)).toEqual([{ name: 'Ana Quispe', before: 'Terce' }]);
    await settle();
    expect(transactions()).toBe(before + 1);
  });

  it('dispatches nothing for this person’s own awareness or for fields no caret shows', async () => {
    const { doc, awareness, other, relay, moveOther, transactions } = setUp();
    moveOther(0, 2);
    await settle();
    const before = transactions();
    const paragraph = getDocumentBody(doc).get(2) as Y.XmlElement;
    const mine = Y.createRelativePositionFromTypeIndex(paragraph.get(0) as Y.XmlText, 4);
    awareness.setLocalStateField('cursor', { anchor: mine, head: mine });
    awareness.setLocalStateField('mood', 'ocupada');
    other.setLocalStateField('typing', true);
    relay();
    await settle();
    expect(transactions()).toBe(before);
  });

  it('removes a caret when the person leaves or clears it', async () => {
    const { editor, other, relay, moveOther } = setUp();
    moveOther(0, 2);
    await settle();
    expect(carets(editor)).toHaveLength(1);
    other.setLocalStateField('cursor', null);
    relay();
    await settle();
    expect(carets(editor)).toHaveLength(0);
  });

  it('keeps a caret on its text through local and remote edits', async () => {
    const { editor, otherDoc, moveOther } = setUp();
    moveOther(1, 7);
    await settle();
    // Local: typing before the caret in the same paragraph moves it along.
    editor.commands.insertContentAt(1 + 'Primera línea'.length + 2, 'La ');
    expect(carets(editor)).toEqual([{ name: 'Ana Quispe', before: 'La Segunda' }]);
    // Remote: a paragraph inserted above by someone else.
    const body = getDocumentBody(otherDoc);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Nueva')]);
    body.insert(0, [paragraph]);
    expect(editor.state.doc.childCount).toBe(4);
    expect(carets(editor)).toEqual([{ name: 'Ana Quispe', before: 'La Segunda' }]);
  });

  it('publishes this person’s caret once per frame, and not again while it stays', async () => {
    const { editor, awareness } = setUp();
    editor.commands.focus();
    editor.commands.setTextSelection(4);
    await nextFrame();
    let published = 0;
    awareness.on('change', () => published++);
    editor.commands.setTextSelection(5);
    editor.commands.setTextSelection(6);
    editor.commands.setTextSelection(7);
    expect(published).toBe(0);
    await nextFrame();
    expect(published).toBe(1);
    const cursor = awareness.getLocalState()?.['cursor'] as { head: unknown };
    const head = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(cursor.head),
      awareness.doc,
    );
    expect(head?.index).toBe(6);
    editor.view.dispatch(editor.state.tr.setMeta('nothing', true));
    await nextFrame();
    expect(published).toBe(1);
  });

  it('publishes the caret of someone typing a few times a second, not per keystroke', async () => {
    const { editor, awareness } = setUp();
    editor.commands.focus();
    editor.commands.setTextSelection(4);
    // Tiptap focuses on the next frame, and the focus publishes the caret on the one after.
    await nextFrame();
    await nextFrame();
    let published = 0;
    awareness.on('change', () => published++);
    for (const key of 'abc') {
      editor.commands.insertContent(key);
      await nextFrame();
    }
    expect(published).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await nextFrame();
    expect(published).toBe(1);
    const cursor = awareness.getLocalState()?.['cursor'] as { head: unknown };
    const head = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(cursor.head),
      awareness.doc,
    );
    expect(head?.index).toBe(6);
  });

  it('tells caret changes from other awareness changes', () => {
    const position = { type: null, tname: 'body', item: null, assoc: 0 };
    const base = {
      user: { name: 'Ana', color: '#aa3300' },
      cursor: { anchor: position, head: position },
    };
    expect(caretSignature(base)).toBe(caretSignature({ ...base, typing: true }));
    expect(caretSignature(base)).not.toBe(
      caretSignature({ ...base, user: { name: 'Ana', color: '#003300' } }),
    );
    expect(caretSignature({ user: base.user })).toBe('');
  });
});
