/**
 * minka:// links, the way people share a place in Minka outside the app (mail, chat):
 *
 *   minka://doc/<groupId>/<docId>      open a document
 *   minka://board/<groupId>/<boardId>  open a board
 *   minka://invitation/<code>          accept an invitation to the workspace
 *
 * A link arrives from outside, so it is parsed strictly into an AppCommand or refused: ids must
 * be UUIDs, the code URL-safe, nothing else present (no credentials, port, query, fragment,
 * extra segment or encoded character) and the whole link short.
 */
import { canonicalUuid } from '../../shared/model/ids';
import { INVITATION_CODE, type AppCommand } from '../../shared/ipc/events';

export const DEEP_LINK_SCHEME = 'minka';
const MAX_LINK_LENGTH = 512;

export function parseDeepLink(value: string): AppCommand | null {
  if (value.length > MAX_LINK_LENGTH) return null;
  // Read the raw text, not a URL parser's normalization, so `..`, `%2e` and friends never pass.
  const match = /^minka:\/\/([a-z]+)\/([A-Za-z0-9_-]+)(?:\/([A-Za-z0-9-]+))?\/?$/i.exec(value);
  if (match === null) return null;
  const [, kind, first, second] = match as unknown as [string, string, string, string | undefined];
  switch (kind.toLowerCase()) {
    case 'doc':
    case 'document': {
      const groupId = canonicalUuid(first);
      const docId = second === undefined ? null : canonicalUuid(second);
      return groupId && docId ? { kind: 'open-document', groupId, docId } : null;
    }
    case 'board': {
      const groupId = canonicalUuid(first);
      const boardId = second === undefined ? null : canonicalUuid(second);
      return groupId && boardId ? { kind: 'open-board', groupId, boardId } : null;
    }
    case 'invitation':
      return second === undefined && INVITATION_CODE.test(first)
        ? { kind: 'accept-invitation', code: first }
        : null;
    default:
      return null;
  }
}

/** The deep links among a process's arguments (Windows and Linux pass them on the command line). */
export function deepLinksInArgv(argv: readonly string[]): AppCommand[] {
  return argv
    .filter((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`))
    .map(parseDeepLink)
    .filter((command): command is AppCommand => command !== null);
}
