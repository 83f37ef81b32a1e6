/**
 * The renderer's half of the desktop integration, in one place: it answers the quit guard with
 * the app-wide count of changes saved only on this computer, follows menu and minka:// commands
 * (new document, new board, switch group; App opens the screens links name) and tells main
 * the UI language. In a browser the same calls fall back (renderer/platform/desktop): the count
 * guards `beforeunload`, and no command ever arrives.
 *
 * Commands another feature owns (`new-board`, `search`) are left to that feature, which
 * subscribes with `onAppCommand` from renderer/platform/desktop.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../shared/model/ids';
import { createDocument } from '../features/documents/useCreateDocument';
import { onQuitCheck, setDesktopLanguage, type AppCommand } from '../platform/desktop';
import { useRegistry } from '../sync/RegistryContext';
import { canEditContent, useApp, type AppContextValue } from './AppContext';
import { routeGroupId, useRoute } from './route';
import { requestNewBoard } from '../features/boards/newBoardRequest';
import { onAppOrLocalCommand } from './localCommands';

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
  const { i18n } = useTranslation();
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
    // A new document's title is stored empty; lists show "Sin título".
    latest.current = { app, route, title: '' };
  }, [app, route]);

  useEffect(
    () =>
      onAppOrLocalCommand((command: AppCommand) => {
        const { app: current, route: here, title } = latest.current;
        switch (command.kind) {
          case 'switch-group':
            focusGroup(command.index);
            return;
          case 'new-document': {
            const groupId = groupForNewDocument(current, routeGroupId(here));
            if (groupId !== null) {
              void createDocument(registry, groupId, title, current.profile.name);
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
