/**
 * Messages main pushes to the renderer (the only direction `ipcRenderer.on` is used): commands
 * from the application menu and from minka:// deep links, and the quit guard's question
 * "how many changes are saved only on this computer?".
 *
 * Like ./channels this module is bundled into the sandboxed preload, so it is zod-free: the
 * preload checks every pushed payload with {@link isAppCommand} before a page listener sees it.
 */

export const MainEvent = {
  /** main → renderer: an {@link AppCommand}. */
  command: 'app:command',
  /** main → renderer: a request id; the renderer answers on IpcChannel.answerQuitCheck. */
  quitCheck: 'app:quitCheck',
} as const;

export type MainEventName = (typeof MainEvent)[keyof typeof MainEvent];

/** What the menu or a deep link asks the renderer to do. Ids are canonical lowercase UUIDs. */
export type AppCommand =
  | { readonly kind: 'new-document' }
  | { readonly kind: 'new-board' }
  | { readonly kind: 'search' }
  | { readonly kind: 'export-document'; readonly format: ExportFormat }
  /** 1-based position of the group in the sidebar (CmdOrCtrl+1 … 9). */
  | { readonly kind: 'switch-group'; readonly index: number }
  | { readonly kind: 'open-document'; readonly groupId: string; readonly docId: string }
  | { readonly kind: 'open-board'; readonly groupId: string; readonly boardId: string }
  | { readonly kind: 'accept-invitation'; readonly code: string };

export type AppCommandKind = AppCommand['kind'];

export const EXPORT_FORMATS = ['pdf', 'html', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The UI languages main knows (menu labels, quit dialog); the renderer's own codes. */
export const UI_LANGUAGES = ['es-419', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Invitation codes: URL-safe, long enough to be unguessable, short enough to type. */
export const INVITATION_CODE = /^[A-Za-z0-9_-]{8,128}$/;

const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export function isAppCommand(value: unknown): value is AppCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as Record<string, unknown>;
  const keys = Object.keys(command).sort().join(',');
  switch (command.kind) {
    case 'new-document':
    case 'new-board':
    case 'search':
      return keys === 'kind';
    case 'export-document':
      return (
        keys === 'format,kind' && (EXPORT_FORMATS as readonly unknown[]).includes(command.format)
      );
    case 'switch-group':
      return (
        keys === 'index,kind' &&
        Number.isInteger(command.index) &&
        (command.index as number) >= 1 &&
        (command.index as number) <= 9
      );
    case 'open-document':
      return keys === 'docId,groupId,kind' && isUuid(command.groupId) && isUuid(command.docId);
    case 'open-board':
      return keys === 'boardId,groupId,kind' && isUuid(command.groupId) && isUuid(command.boardId);
    case 'accept-invitation':
      return (
        keys === 'code,kind' &&
        typeof command.code === 'string' &&
        INVITATION_CODE.test(command.code)
      );
    default:
      return false;
  }
}
