import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import {
  Bold,
  Code,
  Heading1,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListOrdered,
  ListTodo,
  Quote,
  Redo2,
  Strikethrough,
  Table,
  Underline,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkDialog } from './LinkDialog';
import { TableControls } from './TableControls';

interface ToolButtonProps {
  label: string;
  icon: LucideIcon;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  shortcut?: string;
}

function ToolButton({ label, icon: Icon, onClick, pressed, disabled, shortcut }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      title={shortcut === undefined ? label : `${label} (${shortcut})`}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <Icon aria-hidden="true" size={17} />
    </button>
  );
}

/** Arrow keys, Home and End move between buttons, as in the WAI-ARIA toolbar pattern. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (
    event.key !== 'ArrowRight' &&
    event.key !== 'ArrowLeft' &&
    event.key !== 'Home' &&
    event.key !== 'End'
  )
    return;
  const buttons = [
    ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'),
  ];
  const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const last = buttons.length - 1;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? last
        : event.key === 'ArrowRight'
          ? (current + 1) % buttons.length
          : (current - 1 + buttons.length) % buttons.length;
  buttons[next]?.focus();
  event.preventDefault();
}

export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      code: e.isActive('code'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      taskList: e.isActive('taskList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      linkHref: (e.getAttributes('link').href as string | undefined) ?? '',
      // What Collaboration's undo and redo check, read directly: `can()` builds every command
      // of the editor for each call, on every transaction.
      canUndo: (yUndoPluginKey.getState(e.state)?.undoManager.undoStack.length ?? 0) > 0,
      canRedo: (yUndoPluginKey.getState(e.state)?.undoManager.redoStack.length ?? 0) > 0,
    }),
  });
  const chain = () => editor.chain().focus();

  return (
    <div
      role="toolbar"
      aria-label={t('toolbar.label')}
      aria-orientation="horizontal"
      className="toolbar"
      onKeyDown={moveFocus}
    >
      <div className="toolbar-group">
        <ToolButton
          label={t('toolbar.undo')}
          icon={Undo2}
          shortcut="Control+Z"
          disabled={!state.canUndo}
          onClick={() => chain().undo().run()}
        />
        <ToolButton
          label={t('toolbar.redo')}
          icon={Redo2}
          shortcut="Control+Shift+Z"
          disabled={!state.canRedo}
          onClick={() => chain().redo().run()}
        />
      </div>
      <div className="toolbar-group">
        <ToolButton
          label={t('toolbar.bold')}
          icon={Bold}
          shortcut="Control+B"
          pressed={state.bold}
          onClick={() => chain().toggleBold().run()}
        />
        <ToolButton
          label={t('toolbar.italic')}
          icon={Italic}
          shortcut="Control+I"
          pressed={state.italic}
          onClick={() => chain().toggleItalic().run()}
        />
        <ToolButton
          label={t('toolbar.underline')}
          icon={Underline}
          shortcut="Control+U"
          pressed={state.underline}
          onClick={() => chain().toggleUnderline().run()}
        />
        <ToolButton
          label={t('toolbar.strike')}
          icon={Strikethrough}
          shortcut="Control+Shift+S"
          pressed={state.strike}
          onClick={() => chain().toggleStrike().run()}
        />
        <ToolButton
          label={t('toolbar.code')}
          icon={Code}
          shortcut="Control+E"
          pressed={state.code}
          onClick={() => chain().toggleCode().run()}
        />
      </div>
      <div className="toolbar-group">
        <ToolButton
          label={t('toolbar.heading1')}
          icon={Heading1}
          shortcut="Control+Alt+1"
          pressed={state.h1}
          onClick={() => chain().toggleHeading({ level: 1 }).run()}
        />
        <ToolButton
          label={t('toolbar.heading2')}
          icon={Heading2}
          shortcut="Control+Alt+2"
          pressed={state.h2}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        />
        <ToolButton
          label={t('toolbar.heading3')}
          icon={Heading3}
          shortcut="Control+Alt+3"
          pressed={state.h3}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        />
      </div>
      <div className="toolbar-group">
        <ToolButton
          label={t('toolbar.bulletList')}
          icon={List}
          shortcut="Control+Shift+8"
          pressed={state.bulletList}
          onClick={() => chain().toggleBulletList().run()}
        />
        <ToolButton
          label={t('toolbar.orderedList')}
          icon={ListOrdered}
          shortcut="Control+Shift+7"
          pressed={state.orderedList}
          onClick={() => chain().toggleOrderedList().run()}
        />
        <ToolButton
          label={t('toolbar.taskList')}
          icon={ListTodo}
          shortcut="Control+Shift+9"
          pressed={state.taskList}
          onClick={() => chain().toggleTaskList().run()}
        />
        <ToolButton
          label={t('toolbar.blockquote')}
          icon={Quote}
          shortcut="Control+Shift+B"
          pressed={state.blockquote}
          onClick={() => chain().toggleBlockquote().run()}
        />
      </div>
      <div className="toolbar-group">
        <ToolButton
          label={t('toolbar.table')}
          icon={Table}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        />
        <ToolButton
          label={t('toolbar.link')}
          icon={Link}
          pressed={state.link}
          onClick={() => setLinkOpen(true)}
        />
      </div>
      <TableControls editor={editor} />
      <LinkDialog
        open={linkOpen}
        initialUrl={state.linkHref}
        hasLink={state.link}
        onOpenChange={setLinkOpen}
        onApply={(href) => chain().extendMarkRange('link').setLink({ href }).run()}
        onRemove={() => chain().extendMarkRange('link').unsetLink().run()}
      />
    </div>
  );
}
