import './editor.css';
import './images/images.css';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { editorExtensions, type CaretUser } from './editorExtensions';
import { DocumentOutline } from './DocumentOutline';
import { EditorToolbar } from './EditorToolbar';
import { LinkBubbleMenu } from './LinkBubbleMenu';
import { LinkDialog } from './LinkDialog';
import { SelectionBubbleMenu } from './SelectionBubbleMenu';
import { SlashMenu } from './SlashMenu';
import { useRevealInEditor } from '../search/revealInEditor';
import { setReviewState, type ReviewState } from '../review/reviewExtension';
import { apiErrorText } from '../../api/client';

export interface DocumentEditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  user: CaretUser;
  editable: boolean;
  /** The document's id, so a search result opening it can scroll to the hit. */
  revealId?: string;
  /** Starts a comment on the selection (shown in the selection bubble when given). */
  onComment?: () => void;
  /** Comments and suggestions over the body (absent: the editor shows none). */
  review?: { state: ReviewState; attach: (editor: Editor | null) => void };
}

export function DocumentEditor({
  doc,
  provider,
  user,
  editable,
  revealId,
  onComment,
  review,
}: DocumentEditorProps) {
  const { t } = useTranslation();
  const [initialUser] = useState(user);
  const [linkOpen, setLinkOpen] = useState(false);
  const [imageError, setImageError] = useState<unknown>(null);
  const editor = useEditor(
    {
      extensions: editorExtensions({
        doc,
        provider,
        user: initialUser,
        placeholder: t('document.placeholder'),
        taskLabel: (text, checked) =>
          t(checked ? 'editor.taskDone' : 'editor.task', { text: text || t('editor.emptyTask') }),
        mentionListLabel: t('review.mentionList'),
        onImageError: setImageError,
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

  // A commenter's editor stays focusable (to select and suggest); the review layer turns their
  // typing into suggestions. A viewer, who may not suggest, gets a plain read-only editor.
  const readOnlyBody = review?.state.readOnlyBody === true;
  const suggestsOnly = readOnlyBody && review?.state.suggesting === true;
  useEffect(() => {
    editor.setEditable(editable || suggestsOnly);
  }, [editor, editable, suggestsOnly]);

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
      {imageError !== null && (
        <div className="notice notice-error editor-image-error" role="alert">
          <strong>{t('images.error')}</strong> {apiErrorText(imageError, t)}
          <button type="button" className="button button-quiet" onClick={() => setImageError(null)}>
            {t('images.dismiss')}
          </button>
        </div>
      )}
      <div className="editor-layout">
        <DocumentOutline editor={editor} />
        <EditorContent editor={editor} className="editor-content" />
      </div>
      {editable && !readOnlyBody && <SlashMenu editor={editor} />}
      <SelectionBubbleMenu
        editor={editor}
        onLink={() => setLinkOpen(true)}
        canFormat={editable && !readOnlyBody}
        onComment={onComment}
      />
      <LinkBubbleMenu editor={editor} onEdit={() => setLinkOpen(true)} />
      <LinkDialog
        open={linkOpen}
        initialUrl={(editor.getAttributes('link').href as string | undefined) ?? ''}
        hasLink={editor.isActive('link')}
        onOpenChange={setLinkOpen}
        onApply={(href) => editor.chain().focus().extendMarkRange('link').setLink({ href }).run()}
        onRemove={() => editor.chain().focus().extendMarkRange('link').unsetLink().run()}
      />
    </div>
  );
}
