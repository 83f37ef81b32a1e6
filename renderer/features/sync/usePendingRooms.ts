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
      setRooms(
        read.map((room) => ({
          ...room,
          refused: (registry.peek(room.name)?.getStatus().refused ?? 0) > 0,
        })),
      );
    });
    return () => {
      cancelled = true;
    };
  }, [registry, status]);
  return rooms;
}
