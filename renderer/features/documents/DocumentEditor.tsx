import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { editorExtensions, type CaretUser } from './editorExtensions';
import { EditorToolbar } from './EditorToolbar';
import { useRevealInEditor } from '../search/revealInEditor';

export interface DocumentEditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  user: CaretUser;
  editable: boolean;
  /** The document's id, so a search result opening it can scroll to the hit. */
  revealId?: string;
}

export function DocumentEditor({ doc, provider, user, editable, revealId }: DocumentEditorProps) {
  const { t } = useTranslation();
  const [initialUser] = useState(user);
  const editor = useEditor(
    {
      extensions: editorExtensions({
        doc,
        provider,
        user: initialUser,
        placeholder: t('document.placeholder'),
      }),
      editable,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('document.contentLabel'),
          class: 'prose',
          spellcheck: 'true',
        },
      },
    },
    [doc, provider, t],
  );

  useRevealInEditor(editor, revealId);

  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (provider !== null && editor.commands.updateUser !== undefined)
      editor.commands.updateUser(user);
  }, [editor, provider, user]);

  return (
    <div className="editor">
      {editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className="editor-content" />
    </div>
  );
}
