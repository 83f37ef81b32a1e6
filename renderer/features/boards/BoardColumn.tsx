import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  AlertTriangle,
  ArrowLeft,
  ArrowRight,
  Archive,
  GripVertical,
  MoreHorizontal,
  Pencil,
  Gauge,
  Plus,
} from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardColumnView, Card } from '../../../shared/ydoc/boardDoc';
import { cardDndId } from './BoardCard';
import { AddFormActions } from './AddFormActions';

export const columnDndId = (id: string) => `column:${id}`;
export const columnBodyDndId = (id: string) => `colbody:${id}`;

export interface BoardColumnProps {
  column: BoardColumnView;
  visibleCards: Card[];
  position: number;
  total: number;
  readOnly: boolean;
  children: ReactNode;
  onRename: (title: string) => void;
  onEditWipLimit: () => void;
  onMove: (toIndex: number) => void;
  onArchive: () => void;
  onAddCard: (title: string) => void;
}

export function BoardColumn(props: BoardColumnProps) {
  const { column, visibleCards, position, total, readOnly, children } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const [renaming, setRenaming] = useState(false);
  // A menu choice that moves focus elsewhere (rename field, WIP dialog) keeps the menu from taking it back.
  const keepFocus = useRef(false);
  const [adding, setAdding] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const {
    setNodeRef,
    setActivatorNodeRef,
    attributes,
    listeners,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: columnDndId(column.id),
    data: { type: 'column' },
    disabled: readOnly,
  });
  const { setNodeRef: setBodyRef, isOver: bodyIsOver } = useDroppable({
    id: columnBodyDndId(column.id),
    data: { type: 'columnBody', columnId: column.id },
  });
  const count = column.cards.length;
  const over = column.wipLimit !== null && count > column.wipLimit;
  const hidden = count - visibleCards.length;

  const submitCard = () => {
    const title = newTitle.trim();
    if (title === '') return;
    props.onAddCard(title);
    setNewTitle('');
  };

  return (
    <section
      ref={setNodeRef}
      className={[
        'board-column',
        over ? 'board-column-over' : '',
        isDragging ? 'board-column-dragging' : '',
      ].join(' ')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-labelledby={titleId}
      data-column-id={column.id}
    >
      <header className="column-header">
        {!readOnly && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="icon-button column-grip"
            {...attributes}
            {...listeners}
            aria-roledescription={t('boards.card.columnRoleDescription')}
            aria-label={t('boards.column.dragHandle', { title: column.title })}
          >
            <GripVertical aria-hidden="true" size={16} />
          </button>
        )}
        {renaming ? (
          <input
            className="column-title-input"
            aria-label={t('boards.column.titleLabel')}
            defaultValue={column.title}
            autoFocus
            maxLength={80}
            onBlur={(event) => {
              const value = event.currentTarget.value.trim();
              if (value !== '' && value !== column.title) props.onRename(value);
              setRenaming(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.currentTarget.blur();
              if (event.key === 'Escape') setRenaming(false);
            }}
          />
        ) : (
          <h2
            id={titleId}
            className="column-title"
            onDoubleClick={() => !readOnly && setRenaming(true)}
          >
            {column.title}
          </h2>
        )}
        <span
          className={over ? 'column-count column-count-over' : 'column-count'}
          aria-label={
            column.wipLimit === null
              ? t('boards.column.count', { count })
              : t('boards.column.countLabel', { count, limit: column.wipLimit })
          }
        >
          {over && <AlertTriangle aria-hidden="true" size={13} />}
          {column.wipLimit === null
            ? count
            : t('boards.column.countWithLimit', { count, limit: column.wipLimit })}
        </span>
        {!readOnly && (
          <DropdownMenu.Root modal={false}>
            <DropdownMenu.Trigger asChild>
              <button
                type="button"
                className="icon-button"
                aria-label={t('boards.column.menu', { title: column.title })}
              >
                <MoreHorizontal aria-hidden="true" size={16} />
              </button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content
                className="menu"
                align="end"
                sideOffset={4}
                onCloseAutoFocus={(event) => {
                  if (keepFocus.current) event.preventDefault();
                  keepFocus.current = false;
                }}
              >
                <DropdownMenu.Item
                  className="menu-item"
                  onSelect={() => {
                    keepFocus.current = true;
                    setRenaming(true);
                  }}
                >
                  <Pencil aria-hidden="true" size={14} />
                  {t('boards.column.rename')}
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  className="menu-item"
                  onSelect={() => {
                    keepFocus.current = true;
                    props.onEditWipLimit();
                  }}
                >
                  <Gauge aria-hidden="true" size={14} />
                  {t('boards.column.wipLimit')}
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  className="menu-item"
                  disabled={position === 0}
                  onSelect={() => props.onMove(position - 1)}
                >
                  <ArrowLeft aria-hidden="true" size={14} />
                  {t('boards.column.moveLeft')}
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  className="menu-item"
                  disabled={position === total - 1}
                  onSelect={() => props.onMove(position + 1)}
                >
                  <ArrowRight aria-hidden="true" size={14} />
                  {t('boards.column.moveRight')}
                </DropdownMenu.Item>
                <DropdownMenu.Item className="menu-item" onSelect={props.onArchive}>
                  <Archive aria-hidden="true" size={14} />
                  {t('boards.column.archive')}
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        )}
      </header>
      {over && (
        <p className="column-warning" role="note">
          {t('boards.column.overLimit', { limit: column.wipLimit })}
        </p>
      )}
      <div ref={setBodyRef} className={bodyIsOver ? 'column-body column-body-over' : 'column-body'}>
        <SortableContext
          items={visibleCards.map((card) => cardDndId(card.id))}
          strategy={verticalListSortingStrategy}
        >
          <ul
            className="card-list"
            aria-label={t('boards.column.cardsOf', { title: column.title })}
          >
            {children}
          </ul>
        </SortableContext>
        {count === 0 && <p className="column-empty">{t('boards.column.empty')}</p>}
        {hidden > 0 && (
          <p className="column-hidden">{t('boards.column.hiddenByFilter', { count: hidden })}</p>
        )}
      </div>
      {!readOnly &&
        (adding ? (
          <form
            className="add-card-form"
            onSubmit={(event) => {
              event.preventDefault();
              submitCard();
            }}
          >
            <textarea
              className="add-card-input"
              aria-label={t('boards.column.newCardTitle')}
              placeholder={t('boards.column.newCardTitle')}
              value={newTitle}
              autoFocus
              rows={2}
              maxLength={200}
              onChange={(event) => setNewTitle(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  submitCard();
                } else if (event.key === 'Escape') {
                  setAdding(false);
                  setNewTitle('');
                }
              }}
            />
            <AddFormActions onCancel={() => setAdding(false)} />
          </form>
        ) : (
          <button
            type="button"
            className="text-button add-card-button"
            aria-label={t('boards.column.addCardTo', { title: column.title })}
            onClick={() => setAdding(true)}
          >
            <Plus aria-hidden="true" size={14} />
            {t('boards.column.addCard')}
          </button>
        ))}
    </section>
  );
}
