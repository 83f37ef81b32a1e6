/**
 * A group's boards in the sidebar, beside its documents: the list (board icon) and "Nuevo
 * tablero" (archived boards are listed with the group's archived documents). Kept in the boards feature so the sidebar only
 * mounts it.
 */
import { Plus } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingGroup } from '../../../shared/model/workspace';
import { useRoute } from '../../app/route';
import { EntryLink } from '../groups/EntryLink';
import { NEW_BOARD_EVENT } from './newBoardRequest';
import { NewBoardDialog } from './NewBoardDialog';
import { useCreateBoard } from './useCreateBoard';
import { useGroupIndex } from '../groups/useGroupIndex';

export function GroupBoards({
  group,
  canCreate = true,
}: {
  group: WorkingGroup;
  canCreate?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const { boards, actions } = useGroupIndex(group.id);
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

  return (
    <div className="group-boards">
      {visible.length > 0 && (
        <ul className="doc-list" aria-label={t('boards.boardsOf', { group: group.name })}>
          {visible.map((entry) => (
            <li key={entry.id}>
              <EntryLink
                groupId={group.id}
                entry={entry}
                current={route.kind === 'board' && route.boardId === entry.id}
              />
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
