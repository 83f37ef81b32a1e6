/**
 * The documents and boards this person opened last, on this computer only (localStorage, per
 * person), newest first. Titles are not kept here: the home view reads them from the search
 * index, so a rename shows and an entry the person can no longer read disappears.
 */
import { useEffect } from 'react';
import type { Route } from '../../app/route';

export interface Recent {
  groupId: string;
  kind: 'doc' | 'board';
  id: string;
  at: number;
}

const LIMIT = 12;
const key = (userId: string) => `minka:recents:${userId}`;

export function readRecents(userId: string): Recent[] {
  try {
    const value = JSON.parse(localStorage.getItem(key(userId)) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as Recent[]).filter((r) => typeof r?.id === 'string') : [];
  } catch {
    return [];
  }
}

export function recordRecent(userId: string, recent: Omit<Recent, 'at'>): void {
  const list = readRecents(userId).filter((r) => r.id !== recent.id);
  list.unshift({ ...recent, at: Date.now() });
  try {
    localStorage.setItem(key(userId), JSON.stringify(list.slice(0, LIMIT)));
  } catch {
    // Without storage there are no recents; nothing else depends on them.
  }
}

/** Records the document or board the route opens. */
export function useRecordRecent(userId: string, route: Route): void {
  const target =
    route.kind === 'doc'
      ? { groupId: route.groupId as string, kind: 'doc' as const, id: route.docId as string }
      : route.kind === 'board'
        ? { groupId: route.groupId as string, kind: 'board' as const, id: route.boardId as string }
        : null;
  const id = target?.id ?? null;
  useEffect(() => {
    if (target !== null) recordRecent(userId, target);
    // The target is fully described by its id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, id]);
}
