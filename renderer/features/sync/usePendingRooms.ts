/**
 * The rooms with changes not yet on the server, re-read whenever the app's sync state changes
 * (a change stored, a `saved` vector received, a refusal), with whether the server refused
 * each one on its current connection.
 */
import { useEffect, useState } from 'react';
import { readPendingRooms, type PendingRoom } from '../../sync/pendingChanges';
import { useRegistry } from '../../sync/RegistryContext';
import { useAppSyncStatus } from '../../sync/useAppSyncStatus';

export interface PendingRoomState extends PendingRoom {
  refused: boolean;
}

export function usePendingRooms(): PendingRoomState[] | null {
  const registry = useRegistry();
  const status = useAppSyncStatus();
  const [rooms, setRooms] = useState<PendingRoomState[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    void readPendingRooms(registry.database()).then((read) => {
      if (cancelled) return;
      const states: PendingRoomState[] = [];
      for (const room of read) {
        // An open room knows its pending changes at once; its stored change rows are removed
        // in the persistence's next batch, a moment later. Trust the live count when there is one.
        const live = registry.peek(room.name)?.getStatus();
        if (live !== undefined && live.pending === 0) continue;
        states.push({ ...room, refused: (live?.refused ?? 0) > 0 });
      }
      setRooms(states);
    });
    return () => {
      cancelled = true;
    };
  }, [registry, status]);
  return rooms;
}
