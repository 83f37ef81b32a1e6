import { Eye } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** Above a document the person may read but not edit: a "Solo lectura" badge and why. */
export function ReadOnlyNotice({ reason }: { reason: 'viewer' | 'commenter' }) {
  const { t } = useTranslation();
  return (
    <div className="read-only-notice" role="note" aria-label={t('account.readOnly.badge')}>
      <span className="read-only-badge">
        <Eye aria-hidden="true" size={14} />
        {t('account.readOnly.badge')}
      </span>
      <span>{t(`account.readOnly.${reason}`)}</span>
    </div>
  );
}
