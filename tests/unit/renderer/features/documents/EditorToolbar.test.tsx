// @vitest-environment happy-dom
/**
 * The toolbar's undo and redo buttons follow this person's Yjs history (Collaboration's undo
 * manager), read on every transaction.
 */
import { Editor } from '@tiptap/react';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks } from '../../../../../shared/ydoc/documentDoc';
import { EditorToolbar } from '../../../../../renderer/features/documents/EditorToolbar';
import { editorExtensions } from '../../../../../renderer/features/documents/editorExtensions';
import { resources } from '../../../../../renderer/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let editor: Editor | null = null;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources, lng: 'es-419', fallbackLng: 'es-419' });
});

afterEach(() => {
  act(() => root?.unmount());
  editor?.destroy();
  root = null;
  editor = null;
});

describe('EditorToolbar', () => {
  it('enables undo after an edit and redo after undoing it', async () => {
    const doc = new Y.Doc();
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'Acta' }] }]);
    const element = document.createElement('div');
    document.body.append(element);
    editor = new Editor({
      element,
      extensions: editorExtensions({
        doc,
        provider: null,
        user: { name: 'Vera', color: '#112233' },
        placeholder: '',
      }),
    });
    const container = document.createElement('div');
    root = createRoot(container);
    act(() => root!.render(<EditorToolbar editor={editor!} />));
    const button = (name: string) =>
      container.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
    expect(button('Deshacer').disabled).toBe(true);
    expect(button('Rehacer').disabled).toBe(true);

    await act(async () => {
      editor!.chain().setTextSelection(5).insertContent(' final').run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(button('Deshacer').disabled).toBe(false);
    expect(button('Rehacer').disabled).toBe(true);

    await act(async () => {
      editor!.commands.undo();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(editor.state.doc.textContent).toBe('Acta');
    expect(button('Deshacer').disabled).toBe(true);
    expect(button('Rehacer').disabled).toBe(false);
  });
});
