/**
 * The file "Exportar cambios" saves: every pending room's changes as one base64 Yjs update,
 * with what a person or an administrator needs to recognise them (group, title, when, whether
 * the server refused them). An administrator applies `update` to the room's document with
 * Y.applyUpdate; applying it twice changes nothing (CRDT).
 */
import { toBase64 } from 'lib0/buffer';
import type { RoomKind } from '../../../shared/protocol/rooms';

export const PENDING_EXPORT_FORMAT = 'minka-pending-changes';
export const PENDING_EXPORT_VERSION = 1;

export interface PendingExportRoom {
  room: string;
  kind: RoomKind;
  groupId: string;
  group: string | null;
  title: string | null;
  changes: number;
  lastChangeAt: number;
  /** The server refused these changes (the person's access is read-only or was removed). */
  refused: boolean;
  update: Uint8Array;
}

export interface PendingExportMeta {
  server: string;
  user: { id: string; name: string; email: string };
  exportedAt: Date;
}

export function pendingExportJson(meta: PendingExportMeta, rooms: PendingExportRoom[]): string {
  return JSON.stringify(
    {
      format: PENDING_EXPORT_FORMAT,
      version: PENDING_EXPORT_VERSION,
      server: meta.server,
      user: meta.user,
      exportedAt: meta.exportedAt.toISOString(),
      rooms: rooms.map((room) => ({
        room: room.room,
        kind: room.kind,
        groupId: room.groupId,
        group: room.group,
        title: room.title,
        changes: room.changes,
        lastChangeAt: new Date(room.lastChangeAt).toISOString(),
        refused: room.refused,
        update: toBase64(room.update),
      })),
    },
    null,
    2,
  );
}
