/**
 * A working-group board: columns of cards that several people move and edit at once, online
 * or not. Dragging (pointer or keyboard) goes through @dnd-kit; every drop becomes ONE named
 * mutation (moveCard / moveColumn) computed on the full board, so filters never move cards and
 * concurrent moves never duplicate one.
 */
import {
  closestCenter,
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import {
  horizontalListSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from '@dnd-kit/sortable';
import { Archive, ArchiveRestore, ChevronRight, Plus } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardId, GroupId } from '../../../shared/model/ids';
import type { CardId, ColumnId, Label } from '../../../shared/ydoc/boardDoc';
import { useApp } from '../../app/AppContext';
import { SchemaNotice } from '../sync/SchemaNotice';
import { boardHref, navigate } from '../../app/route';
import { formatDate } from '../../i18n';
import { RoomSyncIndicator } from '../sync/RoomSyncIndicator';
import { boardAnnouncements, parseDndId } from './announcements';
import { BoardCard, CardFace, cardDndId, initials } from './BoardCard';
import { BoardColumn, columnDndId } from './BoardColumn';
import { BoardFilters } from './BoardFilters';
import { CardPanel, type KnownPerson } from './CardPanel';
import { resolveDrop } from './dropTarget';
import { isoDay, matchesFilter, NO_FILTER, type CardFilter } from './filterCards';
import { useBoard } from './useBoard';
import { useGroupIndex } from '../groups/useGroupIndex';
import { useGroupMembers } from './useGroupMembers';
import { usePresence } from './usePresence';
import './boards.css';
import { ConfirmButton } from '../common/ConfirmButton';
import { AddFormActions } from './AddFormActions';

export interface BoardViewProps {
  groupId: GroupId;
  boardId: BoardId;
  /** Viewers and commenters: nothing can be moved or edited. */
  readOnly?: boolean;
  /** The card whose panel is open: part of the route, so a card can be linked and Back closes it. */
  openCardId?: CardId | null;
}

/**
 * Columns collide only with columns. Cards collide with cards and column bodies (so an empty
 * column takes a card); when a column body is closest, the closest card inside it wins.
 */
const collisionDetection: CollisionDetection = (args) => {
  const activeType = parseDndId(args.active.id)?.type;
  const of = (type: string) =>
    args.droppableContainers.filter((container) => parseDndId(container.id)?.type === type);
  if (activeType === 'column') return closestCenter({ ...args, droppableContainers: of('column') });
  const hits = closestCorners({ ...args, droppableContainers: [...of('card'), ...of('colbody')] });
  const first = hits[0];
  const body = first === undefined ? null : parseDndId(first.id);
  if (body?.type !== 'colbody') return hits;
  const inside = of('card').filter((container) => container.data.current?.columnId === body.id);
  if (inside.length === 0) return hits;
  return closestCorners({ ...args, droppableContainers: inside });
};

export function BoardView({
  groupId,
  boardId,
  readOnly = false,
  openCardId = null,
}: BoardViewProps) {
  const { t, i18n } = useTranslation();
  const { profile } = useApp();
  const { index, boards, actions: indexActions } = useGroupIndex(groupId);
  const { board, actions, connection, schema, awareness } = useBoard(groupId, boardId);
  const [filter, setFilter] = useState<CardFilter>(NO_FILTER);
  const setOpenCardId = useCallback(
    (cardId: CardId | null) => navigate(boardHref(groupId, boardId, cardId)),
    [groupId, boardId],
  );
  const [activeId, setActiveId] = useState<string | null>(null);
  const [wipColumn, setWipColumn] = useState<ColumnId | null>(null);
  const [addingColumn, setAddingColumn] = useState(false);
  const [message, setMessage] = useState('');
  const me = useMemo(
    () => ({ name: profile.name, colour: profile.colour, organization: profile.organization }),
    [profile.name, profile.colour, profile.organization],
  );
  const peers = usePresence(awareness, me, openCardId);
  const members = useGroupMembers(groupId);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );
  const announcements = useMemo(
    () =>
      boardAnnouncements(
        t,
        () => board,
        (active, over) =>
          board === null
            ? null
            : resolveDrop(board, String(active.id), over === null ? null : String(over.id)),
      ),
    [t, board],
  );

  const entry = boards?.find((candidate) => candidate.id === boardId) ?? null;
  if (
    index === null ||
    board === null ||
    actions === null ||
    connection === null ||
    schema === null
  ) {
    return <p className="view-note">{t('boards.loading')}</p>;
  }
  if (entry === null) {
    return (
      <section className="empty-state" aria-labelledby="board-not-found">
        <h1 id="board-not-found">{t('boards.notFoundTitle')}</h1>
        <p>{t('boards.notFoundBody')}</p>
      </section>
    );
  }

  const locked = readOnly || entry.archived || schema === 'tooNew';
  const now = new Date();
  const today = isoDay(now);
  const labels = new Map<string, Label>(board.labels.map((label) => [label.id, label]));
  const allCards = board.columns.flatMap((column) => column.cards);
  const knownPeople: KnownPerson[] = dedupePeople([
    me,
    ...members,
    ...peers.map((peer) => peer.user),
    ...Object.entries(board.people).map(([name, organization]) => ({ name, organization })),
  ]);
  const organizationOf = (name: string) =>
    board.people[name] ?? knownPeople.find((person) => person.name === name)?.organization ?? '';
  const visible = (cards: typeof allCards) =>
    cards.filter((card) => matchesFilter(card, filter, now, organizationOf));
  const shownCount = visible(allCards).length;
  const assignees = Array.from(new Set(allCards.flatMap((card) => card.assignees))).sort();
  const organizations = Array.from(
    new Set(
      allCards
        .flatMap((card) => [
          card.responsibleOrg,
          card.fields.miningCompany ?? '',
          ...card.assignees.map(organizationOf),
        ])
        .filter((org) => org !== ''),
    ),
  ).sort();
  const editorsOf = (cardId: string) => peers.filter((peer) => peer.cardId === cardId);
  const openCard =
    openCardId === null
      ? null
      : ([...allCards, ...board.archivedCards].find((card) => card.id === openCardId) ?? null);
  const documents = index.entries.filter((candidate) => candidate.kind === 'doc');
  const activeCard =
    activeId === null ? null : allCards.find((card) => cardDndId(card.id) === activeId);
  const archivedCount = board.archivedCards.length + board.archivedColumns.length;

  const onDragStart = (event: DragStartEvent) => setActiveId(String(event.active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    const target = resolveDrop(board, String(active.id), over === null ? null : String(over.id));
    const subject = parseDndId(active.id);
    if (target === null || subject === null || locked) return;
    if (subject.type === 'column') {
      const from = board.columns.findIndex((column) => column.id === subject.id);
      if (from !== target.columnIndex)
        actions.moveColumn(subject.id as ColumnId, target.columnIndex);
      return;
    }
    const column = board.columns[target.columnIndex]!;
    const from = column.cards.findIndex((card) => card.id === subject.id);
    if (from === target.cardIndex) return;
    actions.moveCard(subject.id as CardId, column.id, target.cardIndex);
  };

  return (
    <article className="board" aria-labelledby="board-title">
      <header className="board-header">
        <div className="board-header-row">
          <BoardTitle
            title={entry.title || t('boards.untitled')}
            editable={!locked}
            onRename={(title) => indexActions?.rename(boardId, title)}
          />
          <div className="header-spacer" />
          {peers.length > 0 && (
            <ul className="presence" aria-label={t('boards.presence.label')}>
              {peers.map((peer) => (
                <li
                  key={peer.clientId}
                  className="avatar"
                  style={{ background: peer.user.colour }}
                  title={t('boards.presence.person', {
                    name: peer.user.name,
                    organization: peer.user.organization,
                  })}
                >
                  <span aria-hidden="true">{initials(peer.user.name)}</span>
                  <span className="visually-hidden">
                    {peer.user.organization
                      ? t('boards.presence.person', {
                          name: peer.user.name,
                          organization: peer.user.organization,
                        })
                      : peer.user.name}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <RoomSyncIndicator connection={connection} />
          {!readOnly && !entry.archived && indexActions !== null && (
            <ArchiveBoardButton
              title={entry.title}
              onConfirm={() => indexActions.archive(boardId)}
            />
          )}
        </div>
        {entry.createdAt > 0 && entry.createdBy !== '' && (
          <p className="document-meta">
            {t('boards.createdOn', {
              date: formatDate(entry.createdAt, i18n.language),
              author: entry.createdBy,
            })}
          </p>
        )}
        {entry.archived && (
          <div className="notice" role="note">
            <Archive aria-hidden="true" size={16} />
            <span>{t('boards.archivedNotice')}</span>
            {!readOnly && (
              <button
                type="button"
                className="text-button"
                onClick={() => indexActions?.restore(boardId)}
              >
                <ArchiveRestore aria-hidden="true" size={14} />
                {t('boards.restore')}
              </button>
            )}
          </div>
        )}
        <SchemaNotice schema={schema} />
        {readOnly && (
          <p className="notice" role="note">
            {t('boards.readOnlyNotice')}
          </p>
        )}
        <BoardFilters
          filter={filter}
          onChange={setFilter}
          assignees={assignees}
          labels={board.labels}
          organizations={organizations}
          shown={shownCount}
          total={allCards.length}
        />
      </header>

      <div className="visually-hidden" role="status" aria-live="polite">
        {message}
      </div>

      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('boards.dnd.instructions') },
        }}
      >
        <div className="board-columns">
          <SortableContext
            items={board.columns.map((column) => columnDndId(column.id))}
            strategy={horizontalListSortingStrategy}
          >
            {board.columns.map((column, position) => {
              const cards = visible(column.cards);
              return (
                <BoardColumn
                  key={column.id}
                  column={column}
                  visibleCards={cards}
                  position={position}
                  total={board.columns.length}
                  readOnly={locked}
                  onRename={(title) => actions.renameColumn(column.id, title)}
                  onEditWipLimit={() => setWipColumn(column.id)}
                  onMove={(toIndex) => {
                    actions.moveColumn(column.id, toIndex);
                    setMessage(
                      t('boards.dnd.movedColumn', {
                        title: column.title,
                        position: toIndex + 1,
                        total: board.columns.length,
                      }),
                    );
                  }}
                  onArchive={() => actions.archiveColumn(column.id)}
                  onAddCard={(title) => actions.addCard(column.id, title, profile.name)}
                >
                  {cards.map((card) => (
                    <BoardCard
                      key={card.id}
                      card={card}
                      labels={labels}
                      today={today}
                      editors={editorsOf(card.id)}
                      readOnly={locked}
                      onOpen={() => setOpenCardId(card.id)}
                    />
                  ))}
                </BoardColumn>
              );
            })}
          </SortableContext>
          {board.columns.length === 0 && <p className="view-note">{t('boards.noColumns')}</p>}
          {!locked && (
            <div className="add-column">
              {addingColumn ? (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    const input = event.currentTarget.elements.namedItem(
                      'title',
                    ) as HTMLInputElement;
                    if (input.value.trim() === '') return;
                    actions.addColumn(input.value.trim());
                    input.value = '';
                  }}
                >
                  <input
                    name="title"
                    className="panel-input"
                    aria-label={t('boards.newColumnTitle')}
                    placeholder={t('boards.newColumnTitle')}
                    autoFocus
                    maxLength={80}
                    onKeyDown={(event) => event.key === 'Escape' && setAddingColumn(false)}
                  />
                  <AddFormActions onCancel={() => setAddingColumn(false)} />
                </form>
              ) : (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setAddingColumn(true)}
                >
                  <Plus aria-hidden="true" size={15} />
                  {t('boards.addColumn')}
                </button>
              )}
            </div>
          )}
        </div>
        <DragOverlay dropAnimation={null}>
          {activeCard ? (
            <div className="board-card board-card-overlay">
              <CardFace card={activeCard} labels={labels} today={today} editors={[]} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>

      {archivedCount > 0 && (
        <details className="archived board-archived">
          <summary>
            <ChevronRight aria-hidden="true" size={14} className="archived-chevron" />
            {t('boards.archivedItems', { count: archivedCount })}
          </summary>
          <ul className="doc-list">
            {board.archivedColumns.map((column) => (
              <li key={column.id} className="archived-item">
                <span>{t('boards.archivedColumn', { title: column.title })}</span>
                {!locked && (
                  <button
                    type="button"
                    className="text-button"
                    aria-label={t('boards.restoreNamed', { title: column.title })}
                    onClick={() => actions.restoreColumn(column.id)}
                  >
                    <ArchiveRestore aria-hidden="true" size={14} />
                    {t('boards.restore')}
                  </button>
                )}
              </li>
            ))}
            {board.archivedCards.map((card) => (
              <li key={card.id} className="archived-item">
                <button
                  type="button"
                  className="text-button"
                  onClick={() => setOpenCardId(card.id)}
                >
                  {t('boards.archivedCard', { title: card.title })}
                </button>
                {!locked && board.columns.length > 0 && (
                  <button
                    type="button"
                    className="text-button"
                    aria-label={t('boards.restoreNamed', { title: card.title })}
                    onClick={() => actions.restoreCard(card.id)}
                  >
                    <ArchiveRestore aria-hidden="true" size={14} />
                    {t('boards.restore')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}

      {openCard !== null && (
        <CardPanel
          groupId={groupId}
          card={openCard}
          board={board}
          actions={actions}
          readOnly={locked}
          documents={documents}
          people={knownPeople}
          editors={editorsOf(openCard.id)}
          onClose={() => setOpenCardId(null)}
        />
      )}
      {wipColumn !== null && (
        <WipLimitDialog
          title={board.columns.find((column) => column.id === wipColumn)?.title ?? ''}
          limit={board.columns.find((column) => column.id === wipColumn)?.wipLimit ?? null}
          onClose={() => setWipColumn(null)}
          onSave={(limit) => actions.setWipLimit(wipColumn, limit)}
        />
      )}
    </article>
  );
}

function dedupePeople(people: KnownPerson[]): KnownPerson[] {
  const byName = new Map<string, KnownPerson>();
  for (const person of people) {
    const name = person.name.trim();
    if (name === '') continue;
    const known = byName.get(name);
    if (known === undefined || (known.organization === '' && person.organization !== '')) {
      byName.set(name, { name, organization: person.organization });
    }
  }
  return Array.from(byName.values()).sort((a, b) => a.name.localeCompare(b.name));
}

function BoardTitle({
  title,
  editable,
  onRename,
}: {
  title: string;
  editable: boolean;
  onRename: (title: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const trimmed = draft.trim();
    setDraft(null);
    if (trimmed !== '' && trimmed !== title) onRename(trimmed);
  };
  return (
    <h1 className="board-title" id="board-title">
      <input
        className="doc-title-input"
        aria-label={t('boards.titleLabel')}
        value={draft ?? title}
        readOnly={!editable}
        maxLength={200}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
          if (event.key === 'Escape') setDraft(null);
        }}
      />
    </h1>
  );
}

function ArchiveBoardButton({ title, onConfirm }: { title: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      title={t('boards.archiveTitle', { title })}
      description={t('boards.archiveBody')}
      cancelLabel={t('boards.cancel')}
      confirmLabel={t('boards.archive')}
      onConfirm={onConfirm}
    >
      <Archive aria-hidden="true" size={15} />
      {t('boards.archive')}
    </ConfirmButton>
  );
}

function WipLimitDialog(props: {
  title: string;
  limit: number | null;
  onClose: () => void;
  onSave: (limit: number | null) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(props.limit === null ? '' : String(props.limit));
  const [invalid, setInvalid] = useState(false);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-small" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{t('boards.column.wipLimit')}</Dialog.Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const trimmed = value.trim();
              const limit = trimmed === '' ? null : Number(trimmed);
              if (limit !== null && !(Number.isInteger(limit) && limit > 0)) {
                setInvalid(true);
                return;
              }
              props.onSave(limit);
              props.onClose();
            }}
          >
            <div className="field">
              <label htmlFor="wip-limit">
                {t('boards.column.wipLimitPrompt', { title: props.title })}
              </label>
              <input
                id="wip-limit"
                inputMode="numeric"
                value={value}
                aria-invalid={invalid}
                aria-describedby={invalid ? 'wip-limit-error' : undefined}
                onChange={(event) => {
                  setValue(event.target.value);
                  setInvalid(false);
                }}
              />
              {invalid && (
                <p id="wip-limit-error" className="field-error" role="alert">
                  {t('boards.column.wipLimitInvalid')}
                </p>
              )}
            </div>
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="button button-quiet">
                  {t('boards.cancel')}
                </button>
              </Dialog.Close>
              <button type="submit" className="button button-primary">
                {t('boards.column.save')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
