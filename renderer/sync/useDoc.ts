/**
 * Opens a room for as long as the calling component is mounted. Returns the Y.Doc only once
 * its local state is loaded from IndexedDB, so nothing renders or writes an empty document.
 *
 * `useDoc` re-renders its caller only when the room opens or finishes loading, never when its
 * sync status moves (a keystroke makes it pending, the server's `saved` clears it): that status
 * is followed by RoomSyncIndicator, the one small component that shows it.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { useRegistry } from './RegistryContext';
import type { RoomConnection, RoomSchema, RoomStatus } from './RoomConnection';

export interface OpenDoc {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  /** The open room, for RoomSyncIndicator where its sync state is shown. */
  connection: RoomConnection | null;
  /** Whether this build may write the room (see RoomConnection); null until it is open. */
  schema: RoomSchema | null;
}

const noSubscribe = () => () => undefined;

/** Holds the room open while mounted; the connection shows up once the registry has it. */
export function useRoomConnection(room: string | null): RoomConnection | null {
  const registry = useRegistry();
  useEffect(() => {
    if (room === null) return;
    registry.acquire(room);
    return () => registry.release(room);
  }, [registry, room]);
  const subscribe = useCallback((notify: () => void) => registry.subscribe(notify), [registry]);
  const getSnapshot = useCallback(
    () => (room === null ? null : registry.peek(room)),
    [registry, room],
  );
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** One field of the room's status; its caller re-renders only when that field changes. */
function useRoomField<T>(
  connection: RoomConnection | null,
  pick: (status: RoomStatus) => T,
  fallback: T,
): T {
  const subscribe = useMemo(
    () =>
      connection === null ? noSubscribe : (notify: () => void) => connection.subscribe(notify),
    [connection],
  );
  const getSnapshot = useMemo(
    () => (connection === null ? () => fallback : () => pick(connection.getStatus())),
    [connection, pick, fallback],
  );
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

const pickLoaded = (status: RoomStatus) => status.loaded;
const pickSchema = (status: RoomStatus): RoomSchema | null => status.schema;

export function useDoc(room: string | null): OpenDoc {
  const connection = useRoomConnection(room);
  const loaded = useRoomField(connection, pickLoaded, false);
  const schema = useRoomField(connection, pickSchema, null);
  return {
    doc: loaded && connection !== null ? connection.doc : null,
    provider: loaded && connection !== null ? connection.provider : null,
    connection,
    schema,
  };
}
