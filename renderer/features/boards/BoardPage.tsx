/** The board route's view: the person's role in the group decides read-only (issue 5 roles). */
import { canEditContent, useApp } from '../../app/AppContext';
import { NoAccess } from '../account/NoAccess';
import type { Route } from '../../app/route';
import { BoardView } from './BoardView';

export function BoardPage({ route }: { route: Extract<Route, { kind: 'board' }> }) {
  const { roleIn } = useApp();
  const role = roleIn(route.groupId);
  if (role === null) return <NoAccess />;
  return (
    <BoardView
      key={`${route.groupId}/${route.boardId}`}
      groupId={route.groupId}
      boardId={route.boardId}
      openCardId={route.cardId}
      readOnly={!canEditContent(role)}
    />
  );
}
