/**
 * The open document lives in the URL hash (`#/g/<groupId>/d/<docId>`), so a reload or a
 * shared link reopens it and the browser's back button works without a router library.
 */
import { useSyncExternalStore } from 'react';
import { canonicalUuid, type DocId, type GroupId } from '../../shared/model/ids';

export type Route = { kind: 'home' } | { kind: 'doc'; groupId: GroupId; docId: DocId };

export function parseRoute(hash: string): Route {
  const match = /^#\/g\/([^/]+)\/d\/([^/?]+)$/.exec(hash);
  if (match === null) return { kind: 'home' };
  const groupId = canonicalUuid(match[1]!);
  const docId = canonicalUuid(match[2]!);
  if (groupId === null || docId === null) return { kind: 'home' };
  return { kind: 'doc', groupId: groupId as GroupId, docId: docId as DocId };
}

export function docHref(groupId: GroupId, docId: DocId): string {
  return `#/g/${groupId}/d/${docId}`;
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
