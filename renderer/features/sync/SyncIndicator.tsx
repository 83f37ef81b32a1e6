import { CloudAlert, CloudCheck, CloudOff, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export interface SyncIndicatorProps {
  connected: boolean;
  pending: number;
  /** The server's `saved` vector arrived on the current connection. */
  savedReceived: boolean;
  /** Pending changes the server refused because the person's role is read-only. */
  refused?: number;
  className?: string;
}

/** What the sync state means to a person; `saved` vectors and stored changes decide it. */
export function syncPhase({ connected, pending, savedReceived, refused }: SyncIndicatorProps) {
  if (!connected) return 'offline' as const;
  // Refused changes will not reach the server until access returns: not "syncing" forever.
  if ((refused ?? 0) > 0) return 'refused' as const;
  if (pending > 0 || !savedReceived) return 'syncing' as const;
  return 'saved' as const;
}

export function SyncIndicator(props: SyncIndicatorProps) {
  const { t } = useTranslation();
  const phase = syncPhase(props);
  const Icon =
    phase === 'offline'
      ? CloudOff
      : phase === 'refused'
        ? CloudAlert
        : phase === 'syncing'
          ? RefreshCw
          : CloudCheck;
  const text =
    phase === 'offline'
      ? t('sync.offline', { count: props.pending })
      : phase === 'refused'
        ? t('sync.refused', { count: props.refused })
        : phase === 'syncing'
          ? t('sync.syncing')
          : t('sync.saved');
  return (
    <div
      role="status"
      aria-live="polite"
      className={`sync-indicator sync-${phase} ${props.className ?? ''}`}
    >
      <Icon aria-hidden="true" size={16} />
      <span>{text}</span>
    </div>
  );
}
