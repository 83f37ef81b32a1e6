/**
 * The small toolbar over selected text: bold, italic, highlight, link, and "Comentar" when the
 * document takes comments (the review feature passes `onComment`). Commenters see only "Comentar".
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { BubbleMenu, type BubbleMenuProps } from '@tiptap/react/menus';
import { Bold, Highlighter, Italic, Link, MessageSquarePlus } from 'lucide-react';
import { useTranslation } from 'react-i18next';

// Stable references: the menu re-registers its plugin whenever these props change.
const OPTIONS = { placement: 'top' } as const;
const showOverSelection: NonNullable<BubbleMenuProps['shouldShow']> = ({ editor, from, to }) =>
  editor.isEditable &&
  from !== to &&
  !editor.state.selection.empty &&
  !editor.isActive('codeBlock') &&
  // A selected image has its own toolbar; text formatting means nothing to it.
  !editor.isActive('image');

export interface SelectionBubbleMenuProps {
  editor: Editor;
  onLink: () => void;
  /** False for commenters: their editor only takes suggestions, never formatting. */
  canFormat: boolean;
  onComment?: () => void;
}

export function SelectionBubbleMenu({
  editor,
  onLink,
  canFormat,
  onComment,
}: SelectionBubbleMenuProps) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      highlight: e.isActive('highlight'),
      link: e.isActive('link'),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (
    label: string,
    Icon: typeof Bold,
    pressed: boolean | undefined,
    onClick: () => void,
  ) => (
    <button
      type="button"
      className="bubble-button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <Icon aria-hidden="true" size={16} />
    </button>
  );
  if (!canFormat && onComment === undefined) return null;
  return (
    <BubbleMenu
      editor={editor}
      pluginKey="selectionBubble"
      shouldShow={showOverSelection}
      options={OPTIONS}
    >
      <div className="bubble-menu" role="toolbar" aria-label={t('editor.bubble.label')}>
        {canFormat && (
          <>
            {button(t('toolbar.bold'), Bold, state.bold, () => chain().toggleBold().run())}
            {button(t('toolbar.italic'), Italic, state.italic, () => chain().toggleItalic().run())}
            {button(t('editor.bubble.highlight'), Highlighter, state.highlight, () =>
              chain().toggleHighlight().run(),
            )}
            {button(t('toolbar.link'), Link, state.link, onLink)}
          </>
        )}
        {onComment !== undefined &&
          button(t('editor.bubble.comment'), MessageSquarePlus, undefined, onComment)}
      </div>
    </BubbleMenu>
  );
}
