import { RefreshCw, ServerCrash } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export function ServerUnreachable({ url, code, onRetry }: { url: string; code: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="empty-state" role="alert" aria-labelledby="unreachable-title">
      <ServerCrash aria-hidden="true" size={40} className="empty-icon" />
      <h1 id="unreachable-title">{t('server.unreachableTitle', { url })}</h1>
      <p>{t('server.unreachableBody')}</p>
      <p className="error-code">{t('server.errorCode', { code })}</p>
      <button type="button" className="button button-primary" onClick={onRetry}>
        <RefreshCw aria-hidden="true" size={15} />
        {t('server.retry')}
      </button>
    </section>
  );
}
