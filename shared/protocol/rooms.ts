/**
 * Room names (ARCHITECTURE §3). This is the one place that decides what a room name means:
 * the server refuses any name this parser rejects, and authorizes and stores a room under the
 * canonical name it returns, so `g/ABC…/index` and `g/abc…/index` can never be two rooms.
 *
 *   g/<groupId>/index
 *   g/<groupId>/doc/<docId>
 *   g/<groupId>/doc/<docId>/threads
 *   g/<groupId>/board/<boardId>
 */
import { canonicalUuid, type BoardId, type DocId, type GroupId } from '../model/ids';

export type Room =
  | { kind: 'index'; groupId: GroupId }
  | { kind: 'doc'; groupId: GroupId; docId: DocId }
  | { kind: 'threads'; groupId: GroupId; docId: DocId }
  | { kind: 'board'; groupId: GroupId; boardId: BoardId };

export type RoomKind = Room['kind'];

/** Longest name the parser looks at; anything longer is refused before splitting it. */
const MAX_ROOM_NAME = 128;

export function parseRoom(name: string): Room | null {
  if (name.length > MAX_ROOM_NAME) return null;
  const parts = name.split('/');
  if (parts[0] !== 'g' || parts.length < 3) return null;
  const groupId = canonicalUuid(parts[1]!) as GroupId | null;
  if (groupId === null) return null;

  const [, , kind, id, extra, ...rest] = parts;
  if (rest.length > 0) return null;
  if (kind === 'index' && id === undefined) return { kind: 'index', groupId };
  if (id === undefined) return null;
  const entryId = canonicalUuid(id);
  if (entryId === null) return null;
  if (kind === 'doc' && extra === undefined)
    return { kind: 'doc', groupId, docId: entryId as DocId };
  if (kind === 'doc' && extra === 'threads') {
    return { kind: 'threads', groupId, docId: entryId as DocId };
  }
  if (kind === 'board' && extra === undefined) {
    return { kind: 'board', groupId, boardId: entryId as BoardId };
  }
  return null;
}

export function roomName(room: Room): string {
  switch (room.kind) {
    case 'index':
      return `g/${room.groupId}/index`;
    case 'doc':
      return `g/${room.groupId}/doc/${room.docId}`;
    case 'threads':
      return `g/${room.groupId}/doc/${room.docId}/threads`;
    case 'board':
      return `g/${room.groupId}/board/${room.boardId}`;
  }
}

/** The canonical spelling of a room name, or null when the name is not a room. */
export function canonicalRoomName(name: string): string | null {
  const room = parseRoom(name);
  return room === null ? null : roomName(room);
}

export const indexRoom = (groupId: GroupId): Room => ({ kind: 'index', groupId });
export const docRoom = (groupId: GroupId, docId: DocId): Room => ({ kind: 'doc', groupId, docId });
