/**
 * "Tarjetas vinculadas" under a document: the cards of the group's boards that link to it.
 * Each board is opened (from IndexedDB first, like any room) by its own component, which
 * reports its cards up; the list is computed, never stored.
 */
import { KanbanSquare } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardId, DocId, GroupId } from '../../../shared/model/ids';
import { cardsLinkingTo, type BoardView } from '../../../shared/ydoc/boardDoc';
import type { IndexEntry } from '../../../shared/ydoc/groupIndexDoc';
import { boardHref } from '../../app/route';
import { useBoard } from './useBoard';
import { useGroupIndex } from '../groups/useGroupIndex';
import './boards.css';

interface LinkedCard {
  id: string;
  title: string;
  column: string;
}

function BoardLinks({
  groupId,
  entry,
  docId,
  onCards,
}: {
  groupId: GroupId;
  entry: IndexEntry;
  docId: DocId;
  onCards: (boardId: string, cards: LinkedCard[]) => void;
}) {
  const { board } = useBoard(groupId, entry.id as BoardId);
  const key = board === null ? '' : JSON.stringify(linkedCards(board, docId));
  useEffect(() => {
    onCards(entry.id, key === '' ? [] : (JSON.parse(key) as LinkedCard[]));
  }, [entry.id, key, onCards]);
  useEffect(() => () => onCards(entry.id, []), [entry.id, onCards]);
  return null;
}

function linkedCards(board: BoardView, docId: DocId): LinkedCard[] {
  return cardsLinkingTo(board, docId).map(({ card, columnTitle }) => ({
    id: card.id,
    title: card.title,
    column: columnTitle,
  }));
}

export function LinkedCards({ groupId, docId }: { groupId: GroupId; docId: DocId }) {
  const { t } = useTranslation();
  const { boards } = useGroupIndex(groupId);
  const [found, setFound] = useState<Record<string, LinkedCard[]>>({});
  const onCards = useCallback(
    (boardId: string, cards: LinkedCard[]) =>
      setFound((current) =>
        (current[boardId]?.length ?? 0) === 0 && cards.length === 0
          ? current
          : { ...current, [boardId]: cards },
      ),
    [],
  );
  const live = boards?.filter((entry) => !entry.archived) ?? [];
  if (live.length === 0) return null;
  const items = live.flatMap((entry) =>
    (found[entry.id] ?? []).map((card) => ({ ...card, board: entry })),
  );

  return (
    <section className="linked-cards" aria-labelledby="linked-cards-title">
      {live.map((entry) => (
        <BoardLinks
          key={entry.id}
          groupId={groupId}
          entry={entry}
          docId={docId}
          onCards={onCards}
        />
      ))}
      <h2 id="linked-cards-title">{t('boards.linked.title')}</h2>
      {items.length === 0 ? (
        <p className="panel-hint">{t('boards.linked.none')}</p>
      ) : (
        <ul className="doc-list">
          {items.map((item) => (
            <li key={`${item.board.id}/${item.id}`}>
              <a className="doc-link" href={boardHref(groupId, item.board.id as BoardId)}>
                <KanbanSquare aria-hidden="true" size={15} />
                <span>
                  {item.title} —{' '}
                  {t('boards.linked.inBoard', { board: item.board.title, column: item.column })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
