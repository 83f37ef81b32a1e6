/**
 * The board route, `#/g/<groupId>/b/<boardId>`, kept beside the feature so the app's router
 * only has to ask "is this a board?" before its own routes.
 */
import { useSyncExternalStore } from 'react';
import { canonicalUuid, type BoardId, type GroupId } from '../../../shared/model/ids';

export interface BoardRoute {
  groupId: GroupId;
  boardId: BoardId;
}

export function parseBoardRoute(hash: string): BoardRoute | null {
  const match = /^#\/g\/([^/]+)\/b\/([^/?]+)$/.exec(hash);
  if (match === null) return null;
  const groupId = canonicalUuid(match[1]!);
  const boardId = canonicalUuid(match[2]!);
  if (groupId === null || boardId === null) return null;
  return { groupId: groupId as GroupId, boardId: boardId as BoardId };
}

export function boardHref(groupId: GroupId, boardId: BoardId): string {
  return `#/g/${groupId}/b/${boardId}`;
}

function subscribe(notify: () => void): () => void {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
}

const getHash = () => window.location.hash;

/** The open board, or null when the hash is not a board's. */
export function useBoardRoute(): BoardRoute | null {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return parseBoardRoute(hash);
}

/** Window event (detail: group id) that opens that group's "Nuevo tablero" dialog. */
export const NEW_BOARD_EVENT = 'minka:new-board';

export function requestNewBoard(groupId: string): void {
  window.dispatchEvent(new CustomEvent(NEW_BOARD_EVENT, { detail: groupId }));
}
