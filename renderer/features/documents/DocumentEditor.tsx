import './editor.css';
import { EditorContent, useEditor } from '@tiptap/react';
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

export interface DocumentEditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  user: CaretUser;
  editable: boolean;
  /** The document's id, so a search result opening it can scroll to the hit. */
  revealId?: string;
  /** Starts a comment on the selection (shown in the selection bubble when given). */
  onComment?: () => void;
}

export function DocumentEditor({
  doc,
  provider,
  user,
  editable,
  revealId,
  onComment,
}: DocumentEditorProps) {
  const { t } = useTranslation();
  const [initialUser] = useState(user);
  const [linkOpen, setLinkOpen] = useState(false);
  const editor = useEditor(
    {
      extensions: editorExtensions({
        doc,
        provider,
        user: initialUser,
        placeholder: t('document.placeholder'),
        taskLabel: (text, checked) =>
          t(checked ? 'editor.taskDone' : 'editor.task', { text: text || t('editor.emptyTask') }),
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
      <div className="editor-layout">
        <DocumentOutline editor={editor} />
        <EditorContent editor={editor} className="editor-content" />
      </div>
      {editable && <SlashMenu editor={editor} />}
      <SelectionBubbleMenu editor={editor} onLink={() => setLinkOpen(true)} onComment={onComment} />
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
