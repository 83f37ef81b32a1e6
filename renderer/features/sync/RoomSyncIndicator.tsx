import { useCallback } from 'react';
import type { RoomConnection } from '../../sync/RoomConnection';
import { LiveSyncIndicator } from './SyncIndicator';

/**
 * The sync state of one room. It follows the room's status itself, so a keystroke that makes a
 * change pending and the `saved` that clears it change this line and render nothing.
 */
export function RoomSyncIndicator({ connection }: { connection: RoomConnection }) {
  const subscribe = useCallback(
    (listener: () => void) => connection.subscribe(listener),
    [connection],
  );
  const read = useCallback(() => connection.getStatus(), [connection]);
  return <LiveSyncIndicator subscribe={subscribe} read={read} />;
}
