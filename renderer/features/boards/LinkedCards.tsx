/**
 * "Tarjetas vinculadas" under a document: the cards of the group's boards that link to it, read
 * from this person's search index (every card entry carries the documents it links to and its
 * column) instead of opening every board of the group, so a document opens only its own rooms.
 *
 * The index follows each board as this computer has it: a board open here (someone linking a
 * card from the board page) is re-indexed a moment after each change, and the group's other
 * boards as the background refresh of groups kept offline brings them in.
 */
import { KanbanSquare } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardId, DocId, GroupId } from '../../../shared/model/ids';
import type { CardId } from '../../../shared/ydoc/boardDoc';
import { boardHref } from '../../app/route';
import { useGroupIndex } from '../groups/useGroupIndex';
import { useSearchService, useSearchVersion } from '../search/SearchContext';
import './boards.css';

interface LinkedCard {
  cardId: string;
  boardId: string;
  title: string;
  board: string;
  column: string;
}

export function LinkedCards({ groupId, docId }: { groupId: GroupId; docId: DocId }) {
  const { t, i18n } = useTranslation();
  const { boards } = useGroupIndex(groupId);
  const service = useSearchService();
  const version = useSearchVersion(service);
  const items = useMemo<LinkedCard[]>(() => {
    void version;
    const collator = new Intl.Collator(i18n.language);
    return service
      .cardsLinkingTo(groupId, docId)
      .map((entry) => ({
        cardId: entry.cardId ?? '',
        boardId: entry.targetId,
        title: entry.title,
        board: service.title(groupId, entry.targetId) ?? '',
        column: entry.column ?? '',
      }))
      .sort(
        (a, b) =>
          collator.compare(a.board, b.board) ||
          collator.compare(a.column, b.column) ||
          collator.compare(a.title, b.title),
      );
  }, [service, version, groupId, docId, i18n.language]);

  if ((boards?.filter((entry) => !entry.archived) ?? []).length === 0) return null;

  return (
    <section className="linked-cards" aria-labelledby="linked-cards-title">
      <h2 id="linked-cards-title">{t('boards.linked.title')}</h2>
      {items.length === 0 ? (
        <p className="panel-hint">{t('boards.linked.none')}</p>
      ) : (
        <ul className="doc-list">
          {items.map((item) => (
            <li key={`${item.boardId}/${item.cardId}`}>
              <a
                className="doc-link"
                href={boardHref(groupId, item.boardId as BoardId, item.cardId as CardId)}
              >
                <KanbanSquare aria-hidden="true" size={15} />
                <span>
                  {item.title} —{' '}
                  {t('boards.linked.inBoard', { board: item.board, column: item.column })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
