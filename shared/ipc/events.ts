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
  /**
   * Open a screen: `path` is a route path of shared/protocol/route.ts (`/g/<g>/d/<d>`,
   * `/invitacion/<code>`…), already parsed and printed canonically by main.
   */
  | { readonly kind: 'open'; readonly path: string };

export type AppCommandKind = AppCommand['kind'];

export const EXPORT_FORMATS = ['pdf', 'html', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What the save dialog writes: a document export, or the sync panel's pending changes (JSON). */
export const SAVE_FORMATS = [...EXPORT_FORMATS, 'changes'] as const;
export type SaveFormat = (typeof SAVE_FORMATS)[number];

/** The UI languages main knows (menu labels, quit dialog); the renderer's own codes. */
export const UI_LANGUAGES = ['es-419', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The characters a canonical route path is made of (the renderer parses it again). */
const ROUTE_PATH = /^\/[A-Za-z0-9/_-]{0,399}$/;

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
    case 'open':
      return (
        keys === 'kind,path' && typeof command.path === 'string' && ROUTE_PATH.test(command.path)
      );
    default:
      return false;
  }
}
