/**
 * The baseline of the keystroke benchmark: plain Tiptap with StarterKit and Collaboration on a
 * Y.Doc, no persistence, no network, nothing else — the editor anyone would start from.
 */
import { Editor, type JSONContent } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import StarterKit from '@tiptap/starter-kit';
import * as Y from 'yjs';

const doc = new Y.Doc();
const editor = new Editor({
  element: document.getElementById('editor')!,
  extensions: [
    StarterKit.configure({ undoRedo: false }),
    Collaboration.configure({ document: doc }),
  ],
  editorProps: { attributes: { role: 'textbox', 'aria-label': 'Contenido del documento' } },
});

declare global {
  interface Window {
    benchSetContent: (content: JSONContent) => void;
  }
}

window.benchSetContent = (content) => {
  editor.commands.setContent(content);
};
