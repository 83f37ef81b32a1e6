import { ListChecks } from 'lucide-react';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../sync/RegistryContext';
import { PendingChangesPanel } from './PendingChangesPanel';
import { LiveSyncIndicator } from './SyncIndicator';

/**
 * The whole app's state: the sum of every open room's pending changes, and beside it the
 * button that opens the sync panel (which documents and boards those changes belong to). It
 * renders only when rooms open or close; the state itself changes with every keystroke and is
 * followed by LiveSyncIndicator.
 */
export function AppSyncIndicator() {
  const { t } = useTranslation();
  const registry = useRegistry();
  const subscribe = useCallback((listener: () => void) => registry.subscribe(listener), [registry]);
  const read = useCallback(() => {
    const status = registry.getStatus();
    return {
      connected: status.connected,
      pending: status.pending,
      savedReceived: status.allSaved,
      refused: status.refused,
    };
  }, [registry]);
  const anyRoom = useSyncExternalStore(subscribe, () => registry.getStatus().rooms > 0);
  const [panelOpen, setPanelOpen] = useState(false);
  if (!anyRoom) return null;
  return (
    <div className="sync-app-group">
      <LiveSyncIndicator className="sync-app" subscribe={subscribe} read={read} />
      <button
        type="button"
        className="icon-button"
        aria-haspopup="dialog"
        aria-label={t('pending.open')}
        title={t('pending.open')}
        onClick={() => setPanelOpen(true)}
      >
        <ListChecks aria-hidden="true" size={16} />
      </button>
      {panelOpen && <PendingChangesPanel onClose={() => setPanelOpen(false)} />}
    </div>
  );
}
