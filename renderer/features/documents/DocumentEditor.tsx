import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { editorExtensions, type CaretUser } from './editorExtensions';
import { EditorToolbar } from './EditorToolbar';
import { setReviewState, type ReviewState } from '../review/reviewExtension';

export interface DocumentEditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  user: CaretUser;
  editable: boolean;
  /** Comments and suggestions over the body (absent: the editor shows none). */
  review?: { state: ReviewState; attach: (editor: Editor | null) => void };
}

export function DocumentEditor({ doc, provider, user, editable, review }: DocumentEditorProps) {
  const { t } = useTranslation();
  const [initialUser] = useState(user);
  const editor = useEditor(
    {
      extensions: editorExtensions({
        doc,
        provider,
        user: initialUser,
        placeholder: t('document.placeholder'),
        mentionListLabel: t('review.mentionList'),
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

  // A commenter's editor stays focusable (to select and suggest); the review layer refuses edits.
  const readOnlyBody = review?.state.readOnlyBody === true;
  useEffect(() => {
    editor.setEditable(editable || readOnlyBody);
  }, [editor, editable, readOnlyBody]);

  const reviewState = review?.state;
  const attach = review?.attach;
  useEffect(() => {
    attach?.(editor);
    return () => attach?.(null);
  }, [editor, attach]);
  useEffect(() => {
    if (reviewState !== undefined && !editor.isDestroyed) setReviewState(editor.view, reviewState);
  }, [editor, reviewState]);

  useEffect(() => {
    if (provider !== null && editor.commands.updateUser !== undefined)
      editor.commands.updateUser(user);
  }, [editor, provider, user]);

  return (
    <div className="editor">
      {editable && !readOnlyBody && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className="editor-content" />
    </div>
  );
}
