/**
 * "A new version is available — Update": shown when the service worker has installed a newer
 * build of the web client and waits. Updating reloads the page; nothing is lost, since every
 * edit is already in IndexedDB before it is sent.
 */
import { RefreshCw } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import './update.css';

let waitingUpdate: (() => void) | null = null;
const listeners = new Set<() => void>();

/** Given to registerServiceWorker (renderer/platform/serviceWorker.ts) at start-up. */
export function offerUpdate(apply: () => void): void {
  waitingUpdate = apply;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function UpdateNotice() {
  const { t } = useTranslation();
  const apply = useSyncExternalStore(subscribe, () => waitingUpdate);
  if (apply === null) return null;
  return (
    <div className="update-notice" role="status" aria-live="polite">
      <RefreshCw aria-hidden="true" size={16} />
      <span>{t('update.available')}</span>
      <button type="button" className="button-primary" onClick={apply}>
        {t('update.apply')}
      </button>
    </div>
  );
}
