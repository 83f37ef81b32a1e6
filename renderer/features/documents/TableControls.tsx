/**
 * The table's own row of buttons, shown in the toolbar while the caret is in a table: rows and
 * columns before/after, remove them, header row on/off, delete the table.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import {
  BetweenHorizontalEnd,
  BetweenHorizontalStart,
  BetweenVerticalEnd,
  BetweenVerticalStart,
  Heading,
  Trash2,
  X,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';

export function TableControls({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const inTable = useEditorState({ editor, selector: ({ editor: e }) => e.isActive('table') });
  if (!inTable) return null;
  const chain = () => editor.chain().focus();
  const items: Array<[string, typeof Trash2, () => void]> = [
    [t('editor.table.rowBefore'), BetweenHorizontalStart, () => chain().addRowBefore().run()],
    [t('editor.table.rowAfter'), BetweenHorizontalEnd, () => chain().addRowAfter().run()],
    [t('editor.table.deleteRow'), X, () => chain().deleteRow().run()],
    [t('editor.table.columnBefore'), BetweenVerticalStart, () => chain().addColumnBefore().run()],
    [t('editor.table.columnAfter'), BetweenVerticalEnd, () => chain().addColumnAfter().run()],
    [t('editor.table.deleteColumn'), X, () => chain().deleteColumn().run()],
    [t('editor.table.headerRow'), Heading, () => chain().toggleHeaderRow().run()],
    [t('editor.table.delete'), Trash2, () => chain().deleteTable().run()],
  ];
  return (
    <div className="toolbar-group table-controls" role="group" aria-label={t('editor.table.label')}>
      {items.map(([label, Icon, run]) => (
        <button
          key={label}
          type="button"
          className="tool-button"
          aria-label={label}
          title={label}
          onMouseDown={(event) => event.preventDefault()}
          onClick={run}
        >
          <Icon aria-hidden="true" size={16} />
        </button>
      ))}
    </div>
  );
}
