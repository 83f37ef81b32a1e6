/**
 * Where the person is lives in the URL hash, so a reload or a shared link reopens it and the
 * browser's back button works without a router library. The hash is `#` + the route's path
 * (shared/protocol/route.ts, the one parser of every screen, also behind minka:// links).
 *
 * Sign-in is not a route: it shows over whatever route was asked for, which then opens.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { BoardId, DocId, GroupId } from '../../shared/model/ids';
import {
  parseRoutePath,
  routePath,
  type InnovationSection,
  type Route,
} from '../../shared/protocol/route';
import type { CardId } from '../../shared/ydoc/boardDoc';

export type { Route } from '../../shared/protocol/route';
export { routeGroupId } from '../../shared/protocol/route';

export function parseRoute(hash: string): Route {
  return parseRoutePath(hash.replace(/^#/, ''));
}

export function routeHref(route: Route): string {
  return `#${routePath(route)}`;
}

export const docHref = (groupId: GroupId, docId: DocId) =>
  routeHref({ kind: 'doc', groupId, docId });

export const boardHref = (groupId: GroupId, boardId: BoardId, cardId: CardId | null = null) =>
  routeHref({ kind: 'board', groupId, boardId, cardId });

export const membersHref = (groupId: GroupId) => routeHref({ kind: 'members', groupId });

export const invitationHref = (code: string) => routeHref({ kind: 'invitation', code });

export const HOME_HREF = routeHref({ kind: 'home' });
export const GROUP_DIRECTORY_HREF = routeHref({ kind: 'groupDirectory' });
export const ORGANIZATIONS_HREF = routeHref({ kind: 'organizations' });
export const innovationHref = (section: InnovationSection = 'desafios') =>
  routeHref({ kind: 'innovation', section });

export function navigate(href: string): void {
  window.location.hash = href;
}

function subscribe(notify: () => void): () => void {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
}

const getHash = () => window.location.hash;

/** The route of the current hash; the same value while the hash does not change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return useMemo(() => parseRoute(hash), [hash]);
}
