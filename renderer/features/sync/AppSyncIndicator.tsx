import { ListChecks } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSyncStatus } from '../../sync/useAppSyncStatus';
import { PendingChangesPanel } from './PendingChangesPanel';
import { SyncIndicator } from './SyncIndicator';

/**
 * The whole app's state: the sum of every open room's pending changes, and beside it the
 * button that opens the sync panel (which documents and boards those changes belong to).
 */
export function AppSyncIndicator() {
  const { t } = useTranslation();
  const status = useAppSyncStatus();
  const [panelOpen, setPanelOpen] = useState(false);
  if (status.rooms === 0) return null;
  return (
    <div className="sync-app-group">
      <SyncIndicator
        className="sync-app"
        connected={status.connected}
        pending={status.pending}
        savedReceived={status.allSaved}
        refused={status.refused}
      />
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
