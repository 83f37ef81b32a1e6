/**
 * Where the person is lives in the URL hash, so a reload or a shared link reopens it and the
 * browser's back button works without a router library:
 *
 *   #/                          home
 *   #/g/<groupId>/d/<docId>     a document
 *   #/g/<groupId>/miembros      a group's members (leads and admins)
 *   #/grupos                    the group directory
 *   #/organizaciones            the organization directory
 *   #/invitacion/<code>         accept an invitation (also reachable by pasting the code)
 *
 * Sign-in is not a route: it shows over whatever route was asked for, which then opens.
 */
import { useSyncExternalStore } from 'react';
import { canonicalUuid, type DocId, type GroupId } from '../../shared/model/ids';

export type Route =
  | { kind: 'home' }
  | { kind: 'doc'; groupId: GroupId; docId: DocId }
  | { kind: 'members'; groupId: GroupId }
  | { kind: 'groupDirectory' }
  | { kind: 'organizations' }
  | { kind: 'invitation'; code: string };

/** Invitation codes are opaque to the client; this only keeps the hash from carrying junk. */
const INVITATION_CODE = /^[A-Za-z0-9_-]{4,200}$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/grupos') return { kind: 'groupDirectory' };
  if (path === '/organizaciones') return { kind: 'organizations' };

  const invitation = /^\/invita(?:cion|tion)(?:\/([^/?]*))?$/.exec(path);
  if (invitation !== null) {
    let code = '';
    try {
      code = decodeURIComponent(invitation[1] ?? '');
    } catch {
      code = '';
    }
    return { kind: 'invitation', code: INVITATION_CODE.test(code) ? code : '' };
  }

  const doc = /^\/g\/([^/]+)\/d\/([^/?]+)$/.exec(path);
  if (doc !== null) {
    const groupId = canonicalUuid(doc[1]!);
    const docId = canonicalUuid(doc[2]!);
    if (groupId === null || docId === null) return { kind: 'home' };
    return { kind: 'doc', groupId: groupId as GroupId, docId: docId as DocId };
  }

  const members = /^\/g\/([^/]+)\/miembros$/.exec(path);
  if (members !== null) {
    const groupId = canonicalUuid(members[1]!);
    return groupId === null ? { kind: 'home' } : { kind: 'members', groupId: groupId as GroupId };
  }
  return { kind: 'home' };
}

/** The group a route is inside of, if any. */
export function routeGroupId(route: Route): GroupId | null {
  return route.kind === 'doc' || route.kind === 'members' ? route.groupId : null;
}

export function docHref(groupId: GroupId, docId: DocId): string {
  return `#/g/${groupId}/d/${docId}`;
}

export function membersHref(groupId: GroupId): string {
  return `#/g/${groupId}/miembros`;
}

export const HOME_HREF = '#/';
export const GROUP_DIRECTORY_HREF = '#/grupos';
export const ORGANIZATIONS_HREF = '#/organizaciones';

export function invitationHref(code: string): string {
  return `#/invitacion/${encodeURIComponent(code)}`;
}

export function navigate(href: string): void {
  window.location.hash = href;
}

function subscribe(notify: () => void): () => void {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return parseRoute(hash);
}
