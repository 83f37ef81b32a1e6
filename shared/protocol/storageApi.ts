/**
 * GET /api/groups/:groupId/storage (signed in, members of the group): how many bytes the server
 * stores for each room of the group, so the app can say how much "Disponible sin conexión" will
 * download before it downloads anything. A group the caller is not a member of answers 404
 * `group_not_found`, like a group that does not exist.
 */
import { z } from 'zod';
import type { GroupId } from '../model/ids';

export const groupStoragePath = (groupId: GroupId) => `/api/groups/${groupId}/storage`;

export const groupStorageResponse = z.object({
  /** Rooms of the group with anything stored: canonical room name and stored bytes. */
  rooms: z.array(z.object({ room: z.string(), bytes: z.number().int().nonnegative() })),
  totalBytes: z.number().int().nonnegative(),
});

export type GroupStorageResponse = z.infer<typeof groupStorageResponse>;
export type RoomSize = GroupStorageResponse['rooms'][number];
