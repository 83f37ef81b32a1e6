/**
 * A group's boards in the sidebar, beside its documents: the list (board icon), "Nuevo
 * tablero" and the archived ones with restore. Kept in the boards feature so the sidebar only
 * mounts it.
 */
import { ArchiveRestore, ChevronRight, KanbanSquare, Plus } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardId } from '../../../shared/model/ids';
import type { WorkingGroup } from '../../../shared/model/workspace';
import { boardHref, useRoute } from '../../app/route';
import { NEW_BOARD_EVENT } from './newBoardRequest';
import { NewBoardDialog } from './NewBoardDialog';
import { useCreateBoard } from './useCreateBoard';
import { useGroupBoards } from './useGroupBoards';

export function GroupBoards({
  group,
  canCreate = true,
}: {
  group: WorkingGroup;
  canCreate?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const { boards, actions } = useGroupBoards(group.id);
  const create = useCreateBoard(group.id, actions?.addBoard ?? null);
  const [creating, setCreating] = useState(false);
  // The desktop menu's "Nuevo tablero" (Ctrl+Shift+N) asks the group it chose to open its dialog.
  useEffect(() => {
    if (!canCreate) return;
    const open = (event: Event) => {
      if ((event as CustomEvent<string>).detail === group.id) setCreating(true);
    };
    window.addEventListener(NEW_BOARD_EVENT, open);
    return () => window.removeEventListener(NEW_BOARD_EVENT, open);
  }, [canCreate, group.id]);
  const visible = boards?.filter((entry) => !entry.archived) ?? [];
  const archived = boards?.filter((entry) => entry.archived) ?? [];

  return (
    <div className="group-boards">
      {visible.length > 0 && (
        <ul className="doc-list" aria-label={t('boards.boardsOf', { group: group.name })}>
          {visible.map((entry) => (
            <li key={entry.id}>
              <a
                className="doc-link"
                href={boardHref(group.id, entry.id as BoardId)}
                aria-current={
                  route.kind === 'board' && route.boardId === entry.id ? 'page' : undefined
                }
                title={entry.title}
              >
                <KanbanSquare aria-hidden="true" size={15} />
                <span>{entry.title || t('boards.untitled')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {canCreate && (
        <button
          type="button"
          className="text-button"
          aria-label={t('boards.newBoardIn', { group: group.name })}
          disabled={actions === null}
          onClick={() => setCreating(true)}
        >
          <Plus aria-hidden="true" size={14} />
          {t('boards.newBoard')}
        </button>
      )}
      {archived.length > 0 && (
        <details className="archived">
          <summary>
            <ChevronRight aria-hidden="true" size={14} className="archived-chevron" />
            {t('boards.archivedItems', { count: archived.length })}
          </summary>
          <ul className="doc-list">
            {archived.map((entry) => (
              <li key={entry.id} className="archived-item">
                <a className="doc-link" href={boardHref(group.id, entry.id as BoardId)}>
                  <KanbanSquare aria-hidden="true" size={15} />
                  <span>{entry.title || t('boards.untitled')}</span>
                </a>
                {canCreate && (
                  <button
                    type="button"
                    className="text-button"
                    aria-label={t('boards.restoreNamed', { title: entry.title })}
                    onClick={() => actions?.restore(entry.id as BoardId)}
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
      <NewBoardDialog
        open={creating}
        groupName={group.name}
        onOpenChange={setCreating}
        onCreate={(title, templateId) => {
          setCreating(false);
          void create({ title, templateId, language: i18n.language === 'en' ? 'en' : 'es-419' });
        }}
      />
    </div>
  );
}
