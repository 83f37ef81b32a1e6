/**
 * minka:// links, the way people share a place in Minka outside the app (mail, chat). A link is
 * `minka:/` + a route path of shared/protocol/route.ts, the same path as the app's URL hash, so
 * every screen can be linked:
 *
 *   minka://g/<groupId>/d/<docId>                  a document
 *   minka://g/<groupId>/b/<boardId>/c/<cardId>     a board with a card's panel open
 *   minka://invitacion/<code>                      accept an invitation to the workspace
 *
 * Links made before routes were unified still open: `minka://doc/<g>/<d>`,
 * `minka://board/<g>/<b>`, `minka://invitation/<code>`.
 *
 * A link arrives from outside, so it is parsed strictly into an `open` command or refused: the
 * raw text may hold only letters, digits, `_`, `-` and `/` (no credentials, port, query,
 * fragment, dot segment or encoded character), the route must be a real screen, and the whole
 * link short. The command carries the route's canonical path.
 */
import type { AppCommand } from '../../shared/ipc/events';
import { parseRoutePath, routePath } from '../../shared/protocol/route';

export const DEEP_LINK_SCHEME = 'minka';
const MAX_LINK_LENGTH = 512;

export function parseDeepLink(value: string): AppCommand | null {
  if (value.length > MAX_LINK_LENGTH) return null;
  // Read the raw text, not a URL parser's normalization, so `..`, `%2e` and friends never pass.
  const match = /^minka:\/\/([A-Za-z0-9_-][A-Za-z0-9/_-]*)?$/i.exec(value);
  if (match === null) return null;
  const route = parseRoutePath(legacyPath(`/${match[1] ?? ''}`));
  if (route.kind === 'notFound') return null;
  if (route.kind === 'invitation' && route.code === '') return null;
  return { kind: 'open', path: routePath(route) };
}

/** `/doc/<g>/<d>`, `/document/<g>/<d>`, `/board/<g>/<b>` as route paths. */
function legacyPath(path: string): string {
  const legacy = /^\/(doc|document|board)\/([^/]+)\/([^/]+)\/?$/i.exec(path);
  if (legacy === null) return path;
  const [, kind, groupId, id] = legacy as unknown as [string, string, string, string];
  return `/g/${groupId}/${kind.toLowerCase() === 'board' ? 'b' : 'd'}/${id}`;
}

/** The deep links among a process's arguments (Windows and Linux pass them on the command line). */
export function deepLinksInArgv(argv: readonly string[]): AppCommand[] {
  return argv
    .filter((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`))
    .map(parseDeepLink)
    .filter((command): command is AppCommand => command !== null);
}
