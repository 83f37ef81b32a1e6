/**
 * The application menu as data: {@link buildMenuTemplate} is pure (labels from ./strings, the
 * platform, and a `send` that forwards an AppCommand to the focused window), so the template
 * is tested without Electron and rebuilt whenever the renderer changes language. Editing,
 * zoom, full screen and quit use Electron's roles, which bring the platform's own shortcuts.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, UiLanguage } from '../../shared/ipc/events';
import { menuLabels } from './strings';

export const GROUP_SHORTCUTS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function buildMenuTemplate(
  language: UiLanguage,
  platform: string,
  send: (command: AppCommand) => void,
): MenuItemConstructorOptions[] {
  const t = menuLabels(language);
  const isMac = platform === 'darwin';
  const command = (label: string, accelerator: string | undefined, value: AppCommand) => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => send(value),
  });

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Minka',
          submenu: [
            { role: 'about', label: t.about },
            { type: 'separator' },
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.unhide },
            { type: 'separator' },
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    {
      label: t.file,
      submenu: [
        command(t.newDocument, 'CmdOrCtrl+N', { kind: 'new-document' }),
        command(t.newBoard, 'CmdOrCtrl+Shift+N', { kind: 'new-board' }),
        { type: 'separator' },
        {
          label: t.export,
          submenu: [
            command(t.exportPdf, 'CmdOrCtrl+P', { kind: 'export-document', format: 'pdf' }),
            command(t.exportHtml, undefined, { kind: 'export-document', format: 'html' }),
            command(t.exportMarkdown, undefined, { kind: 'export-document', format: 'markdown' }),
          ],
        },
        ...(isMac
          ? []
          : [{ type: 'separator' } as const, { role: 'quit', label: t.quit } as const]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
        { type: 'separator' },
        command(t.search, 'CmdOrCtrl+K', { kind: 'search' }),
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.go,
      submenu: GROUP_SHORTCUTS.map((index) =>
        command(`${t.group} ${index}`, `CmdOrCtrl+${index}`, { kind: 'switch-group', index }),
      ),
    },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
  ];
}
