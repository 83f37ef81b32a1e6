/**
 * Typing "/" at the start of a block or after a space opens a list of blocks to insert (headings,
 * lists, tasks, table, quote, code, divider, callout, mention, date), filtered by what follows the
 * slash. Arrows choose, Enter inserts, Escape closes and leaves the text as typed. The list is an
 * ARIA listbox the editor points at with aria-activedescendant, so screen readers follow it.
 */
import type { Editor } from '@tiptap/core';
import {
  AtSign,
  CalendarDays,
  Code,
  Heading1,
  Heading2,
  Heading3,
  ImageIcon,
  Info,
  List,
  ListOrdered,
  ListTodo,
  Minus,
  Quote,
  Table,
} from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { fold } from '../search/spanish';
import { chooseImageFiles } from './images/documentImage';

interface SlashState {
  /** Position of the "/". */
  from: number;
  to: number;
  query: string;
  left: number;
  top: number;
}

interface SlashItem {
  id: string;
  label: string;
  icon: typeof Table;
  run: (editor: Editor) => void;
}

const TRIGGER = /(?:^|\s)\/([\p{L}\p{N}]*)$/u;

function readSlash(editor: Editor): SlashState | null {
  const { selection } = editor.state;
  if (!selection.empty || !editor.isEditable) return null;
  const { $from } = selection;
  if (!$from.parent.isTextblock || $from.parent.type.name === 'codeBlock') return null;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
  const match = TRIGGER.exec(before);
  if (match === null) return null;
  const query = match[1] ?? '';
  const from = selection.from - query.length - 1;
  const coords = editor.view.coordsAtPos(from);
  return { from, to: selection.from, query, left: coords.left, top: coords.bottom + 4 };
}

export function SlashMenu({ editor }: { editor: Editor }) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const [slash, setSlash] = useState<SlashState | null>(null);
  const [active, setActive] = useState(0);
  const dismissedAt = useRef<number | null>(null);

  const items = useMemo<SlashItem[]>(() => {
    const all: SlashItem[] = [
      {
        id: 'h1',
        label: t('toolbar.heading1'),
        icon: Heading1,
        run: (e) => e.chain().focus().setHeading({ level: 1 }).run(),
      },
      {
        id: 'h2',
        label: t('toolbar.heading2'),
        icon: Heading2,
        run: (e) => e.chain().focus().setHeading({ level: 2 }).run(),
      },
      {
        id: 'h3',
        label: t('toolbar.heading3'),
        icon: Heading3,
        run: (e) => e.chain().focus().setHeading({ level: 3 }).run(),
      },
      {
        id: 'bullet',
        label: t('toolbar.bulletList'),
        icon: List,
        run: (e) => e.chain().focus().toggleBulletList().run(),
      },
      {
        id: 'ordered',
        label: t('toolbar.orderedList'),
        icon: ListOrdered,
        run: (e) => e.chain().focus().toggleOrderedList().run(),
      },
      {
        id: 'tasks',
        label: t('toolbar.taskList'),
        icon: ListTodo,
        run: (e) => e.chain().focus().toggleTaskList().run(),
      },
      {
        id: 'table',
        label: t('editor.slash.table'),
        icon: Table,
        run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      },
      {
        id: 'image',
        label: t('images.insert'),
        icon: ImageIcon,
        run: (e) => {
          e.chain().focus().run();
          chooseImageFiles(e);
        },
      },
      {
        id: 'quote',
        label: t('toolbar.blockquote'),
        icon: Quote,
        run: (e) => e.chain().focus().toggleBlockquote().run(),
      },
      {
        id: 'code',
        label: t('editor.slash.codeBlock'),
        icon: Code,
        run: (e) => e.chain().focus().toggleCodeBlock().run(),
      },
      {
        id: 'divider',
        label: t('editor.slash.divider'),
        icon: Minus,
        run: (e) => e.chain().focus().setHorizontalRule().run(),
      },
      {
        id: 'callout',
        label: t('editor.slash.callout'),
        icon: Info,
        run: (e) => e.chain().focus().setCallout().run(),
      },
      {
        id: 'mention',
        label: t('editor.slash.mention'),
        icon: AtSign,
        run: (e) => e.chain().focus().insertContent('@').run(),
      },
      {
        id: 'date',
        label: t('editor.slash.date'),
        icon: CalendarDays,
        run: (e) =>
          e
            .chain()
            .focus()
            .insertContent(
              new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date()),
            )
            .run(),
      },
    ];
    const q = fold(slash?.query ?? '');
    return q === ''
      ? all
      : all.filter((item) => fold(item.label).includes(q) || item.id.startsWith(q));
  }, [t, i18n.language, slash?.query]);

  useEffect(() => {
    const update = () => {
      const next = readSlash(editor);
      if (next === null || next.from !== dismissedAt.current) dismissedAt.current = null;
      setSlash(next !== null && dismissedAt.current === null ? next : null);
    };
    const close = () => setSlash(null);
    editor.on('transaction', update);
    editor.on('blur', close);
    return () => {
      editor.off('transaction', update);
      editor.off('blur', close);
    };
  }, [editor]);

  const open = slash !== null && items.length > 0;
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  const choose = (item: SlashItem | undefined) => {
    if (item === undefined || slash === null) return;
    editor.chain().focus().deleteRange({ from: slash.from, to: slash.to }).run();
    item.run(editor);
    setActive(0);
  };

  // Keys go to the menu before the editor sees them, while it is open.
  const latest = useRef({ open, items, activeIndex, choose });
  useEffect(() => {
    latest.current = { open, items, activeIndex, choose };
  });
  useEffect(() => {
    const dom = editor.view.dom;
    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current;
      if (!current.open) return;
      const count = current.items.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        setActive((current.activeIndex + (event.key === 'ArrowDown' ? 1 : -1) + count) % count);
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        current.choose(current.items[current.activeIndex]);
      } else if (event.key === 'Escape') {
        dismissedAt.current = readSlash(editor)?.from ?? null;
        setSlash(null);
      } else {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    dom.addEventListener('keydown', onKeyDown, true);
    return () => dom.removeEventListener('keydown', onKeyDown, true);
  }, [editor]);

  const activeId = open ? `${listId}-${items[activeIndex]!.id}` : null;
  useEffect(() => {
    const dom = editor.view.dom;
    if (activeId === null) {
      dom.removeAttribute('aria-activedescendant');
      dom.removeAttribute('aria-controls');
      return;
    }
    dom.setAttribute('aria-controls', listId);
    dom.setAttribute('aria-activedescendant', activeId);
  }, [editor, activeId, listId]);

  if (!open || slash === null) return null;
  return createPortal(
    <div
      id={listId}
      className="slash-menu"
      role="listbox"
      aria-label={t('editor.slash.label')}
      style={{ left: slash.left, top: slash.top }}
    >
      {items.map((item, index) => (
        <div
          key={item.id}
          id={`${listId}-${item.id}`}
          role="option"
          aria-selected={index === activeIndex}
          className={index === activeIndex ? 'slash-item active' : 'slash-item'}
          onMouseDown={(event) => {
            event.preventDefault();
            choose(item);
          }}
          onMouseMove={() => index !== activeIndex && setActive(index)}
        >
          <item.icon aria-hidden="true" size={16} />
          {item.label}
        </div>
      ))}
    </div>,
    document.body,
  );
}
