import type { RoomConnection } from '../../sync/RoomConnection';
import { useRoomStatus } from '../../sync/useDoc';
import { SyncIndicator } from './SyncIndicator';

/**
 * The sync state of one room. It subscribes to the room's status itself, so a keystroke that
 * makes a change pending and the `saved` that clears it render this line and nothing around it.
 */
export function RoomSyncIndicator({ connection }: { connection: RoomConnection }) {
  const status = useRoomStatus(connection);
  if (status === null) return null;
  return (
    <SyncIndicator
      connected={status.connected}
      pending={status.pending}
      savedReceived={status.savedReceived}
      refused={status.refused}
    />
  );
}
