import { useAppSyncStatus } from '../../sync/useAppSyncStatus';
import { SyncIndicator } from './SyncIndicator';

/** The whole app's state: the sum of every open room's pending changes. */
export function AppSyncIndicator() {
  const status = useAppSyncStatus();
  if (status.rooms === 0) return null;
  return (
    <SyncIndicator
      className="sync-app"
      connected={status.connected}
      pending={status.pending}
      savedReceived={status.allSaved}
      refused={status.refused}
    />
  );
}
