/**
 * The renderer's half of the desktop integration, in one place: it answers the quit guard with
 * the app-wide count of changes saved only on this computer, follows menu and minka:// commands
 * (open a document or board, accept an invitation, new document, switch group) and tells main
 * the UI language. In a browser the same calls fall back (renderer/platform/desktop): the count
 * guards `beforeunload`, and no command ever arrives.
 *
 * Commands another feature owns (`new-board`, `search`) are left to that feature, which
 * subscribes with `onAppCommand` from renderer/platform/desktop.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newDocId, type BoardId, type DocId, type GroupId } from '../../shared/model/ids';
import { docRoom, indexRoom, roomName } from '../../shared/protocol/rooms';
import { initDocument } from '../../shared/ydoc/documentDoc';
import { addEntry } from '../../shared/ydoc/groupIndexDoc';
import { boardHref } from '../features/boards/boardRoute';
import { onQuitCheck, setDesktopLanguage, type AppCommand } from '../platform/desktop';
import type { DocRegistry } from '../sync/DocRegistry';
import { useRegistry } from '../sync/RegistryContext';
import { canEditContent, useApp, type AppContextValue } from './AppContext';
import { docHref, invitationHref, navigate, routeGroupId, useRoute } from './route';
import { requestNewBoard } from '../features/boards/boardRoute';
import { onAppOrLocalCommand } from './localCommands';

/** Creates a document in `groupId` on this computer (works offline) and opens it. */
async function createDocumentIn(
  registry: DocRegistry,
  groupId: GroupId,
  title: string,
  createdBy: string,
): Promise<void> {
  const docId = newDocId();
  const indexName = roomName(indexRoom(groupId));
  const docName = roomName(docRoom(groupId, docId));
  const index = registry.acquire(indexName);
  const doc = registry.acquire(docName);
  try {
    await Promise.all([index.persistence.whenLoaded, doc.persistence.whenLoaded]);
    initDocument(doc.doc, Date.now());
    addEntry(index.doc, { id: docId, kind: 'doc', title, createdBy });
    await Promise.all([index.persistence.whenWritten(), doc.persistence.whenWritten()]);
  } finally {
    registry.release(docName);
    registry.release(indexName);
  }
  navigate(docHref(groupId, docId));
}

/** Moves keyboard focus to the n-th group of the sidebar (CmdOrCtrl+1 … 9). */
function focusGroup(position: number): void {
  const section = document.querySelectorAll<HTMLElement>('.sidebar section.group')[position - 1];
  const target = section?.querySelector<HTMLElement>('a[href], button:not([disabled])');
  if (section === undefined || target === null || target === undefined) return;
  section.scrollIntoView({ block: 'nearest' });
  target.focus();
}

/** Where "new document" and "new board" go: the open group if this person may write there, else their first such group. */
function groupForNewDocument(app: AppContextValue, current: GroupId | null): GroupId | null {
  if (current !== null && canEditContent(app.roleIn(current))) return current;
  const writable = app.me.memberships.find((membership) => canEditContent(membership.role));
  return writable === undefined ? null : (writable.group.id as GroupId);
}

export function useDesktopIntegration(): void {
  const { t, i18n } = useTranslation();
  const registry = useRegistry();
  const app = useApp();
  const route = useRoute();

  useEffect(() => onQuitCheck(() => registry.getStatus().pending), [registry]);

  useEffect(() => {
    setDesktopLanguage(i18n.language);
  }, [i18n.language]);

  // The listener stays registered once; it reads the latest values through a ref.
  const latest = useRef({ app, route, title: '' });
  useEffect(() => {
    latest.current = { app, route, title: '' };
  }, [app, route, t]);

  useEffect(
    () =>
      onAppOrLocalCommand((command: AppCommand) => {
        const { app: current, route: here, title } = latest.current;
        switch (command.kind) {
          case 'open-document':
            navigate(docHref(command.groupId as GroupId, command.docId as DocId));
            return;
          case 'open-board':
            navigate(boardHref(command.groupId as GroupId, command.boardId as BoardId));
            return;
          case 'accept-invitation':
            navigate(invitationHref(command.code));
            return;
          case 'switch-group':
            focusGroup(command.index);
            return;
          case 'new-document': {
            const groupId = groupForNewDocument(current, routeGroupId(here));
            if (groupId !== null) {
              void createDocumentIn(registry, groupId, title, current.profile.name);
            }
            return;
          }
          case 'new-board': {
            const groupId = groupForNewDocument(current, routeGroupId(here));
            if (groupId !== null) requestNewBoard(groupId);
            return;
          }
          default:
            return;
        }
      }),
    [registry],
  );
}
