import { FileText, KanbanSquare } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { BoardId, DocId, GroupId } from '../../../shared/model/ids';
import type { IndexEntry } from '../../../shared/ydoc/groupIndexDoc';
import { boardHref, docHref } from '../../app/route';

/** A sidebar link to a group's document or board: its icon, title (or "Sin título") and href. */
export function EntryLink({
  groupId,
  entry,
  current = false,
}: {
  groupId: GroupId;
  entry: IndexEntry;
  /** The entry is the open screen (aria-current="page"). */
  current?: boolean;
}) {
  const { t } = useTranslation();
  const isBoard = entry.kind === 'board';
  const Icon = isBoard ? KanbanSquare : FileText;
  return (
    <a
      className="doc-link"
      href={isBoard ? boardHref(groupId, entry.id as BoardId) : docHref(groupId, entry.id as DocId)}
      aria-current={current ? 'page' : undefined}
      title={entry.title}
    >
      <Icon aria-hidden="true" size={15} />
      <span>{entry.title || t(isBoard ? 'boards.untitled' : 'document.untitled')}</span>
    </a>
  );
}
