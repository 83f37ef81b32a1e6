/**
 * Under a link the caret is in: the address, and buttons to open it (outside the app, through
 * the platform layer), edit it or remove it. Readers get "Abrir" too.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { BubbleMenu, type BubbleMenuProps } from '@tiptap/react/menus';
import { ExternalLink, Pencil, Unlink } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { openExternalLink } from '../../platform/links';
import { isAllowedLink } from './editorExtensions';

// Stable references: the menu re-registers its plugin whenever these props change.
const OPTIONS = { placement: 'bottom-start' } as const;
const showInLink: NonNullable<BubbleMenuProps['shouldShow']> = ({ editor }) =>
  editor.state.selection.empty && editor.isActive('link');

export interface LinkBubbleMenuProps {
  editor: Editor;
  onEdit: () => void;
}

export function LinkBubbleMenu({ editor, onEdit }: LinkBubbleMenuProps) {
  const { t } = useTranslation();
  const { href, editable } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      href: (e.getAttributes('link').href as string | undefined) ?? '',
      editable: e.isEditable,
    }),
  });
  return (
    <BubbleMenu editor={editor} pluginKey="linkBubble" shouldShow={showInLink} options={OPTIONS}>
      <div className="bubble-menu link-bubble" role="toolbar" aria-label={t('editor.link.label')}>
        <span className="link-bubble-url" title={href}>
          {href}
        </span>
        <button
          type="button"
          className="bubble-button with-text"
          disabled={!isAllowedLink(href)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => openExternalLink(href)}
        >
          <ExternalLink aria-hidden="true" size={15} />
          {t('editor.link.open')}
        </button>
        {editable && (
          <>
            <button
              type="button"
              className="bubble-button"
              aria-label={t('editor.link.edit')}
              title={t('editor.link.edit')}
              onMouseDown={(event) => event.preventDefault()}
              onClick={onEdit}
            >
              <Pencil aria-hidden="true" size={15} />
            </button>
            <button
              type="button"
              className="bubble-button"
              aria-label={t('editor.link.remove')}
              title={t('editor.link.remove')}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => editor.chain().focus().extendMarkRange('link').unsetLink().run()}
            >
              <Unlink aria-hidden="true" size={15} />
            </button>
          </>
        )}
      </div>
    </BubbleMenu>
  );
}
