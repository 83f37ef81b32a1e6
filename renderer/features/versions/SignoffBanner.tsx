/**
 * The outcome of the newest institutional sign-off of a document, shown on the document
 * ("Aprobado por 5 de 6 organizaciones el 14 mar 2026"), and "El texto cambió después de la
 * aprobación" while the live text differs from the frozen version that was approved.
 */
import { BadgeCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { outcomeText } from './expediente';
import type { Signoff } from './useSignoff';

export function SignoffBanner({ latest, changed }: Signoff) {
  const { t, i18n } = useTranslation();
  if (latest === null || latest.signoff === null) return null;
  return (
    <div className={`signoff-banner signoff-outcome-${latest.signoff.outcome}`} role="status">
      <BadgeCheck aria-hidden="true" size={16} className="signoff-banner-icon" />
      <div>
        <p>
          <strong>{t('versions.signoff.bannerTitle', { name: latest.name })}</strong>{' '}
          {outcomeText(latest.signoff, t, i18n.language)}
        </p>
        {changed && (
          <p className="signoff-changed">
            {latest.signoff.outcome === 'approved'
              ? t('versions.signoff.changedAfter')
              : t('versions.signoff.changedSinceFrozen')}
          </p>
        )}
      </div>
    </div>
  );
}
