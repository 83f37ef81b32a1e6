import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../shared/protocol/governanceApi';

/** The follow-up status of an adopted agreement, or its vote's outcome while not adopted. */
export function StatusBadge({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  if (agreement.correctedBy !== null) {
    return <span className="gov-badge gov-corrected">{t('governance.status.corrected')}</span>;
  }
  if (agreement.status !== null) {
    return (
      <span className={`gov-badge gov-${agreement.status}`}>
        {t(`governance.status.${agreement.status}`)}
      </span>
    );
  }
  return (
    <span className={`gov-badge gov-decision-${agreement.decision}`}>
      {t(`governance.decision.${agreement.decision}`)}
    </span>
  );
}

export function formatDay(day: string | null, language: string): string {
  if (day === null) return '—';
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day.slice(0, 10)}T12:00:00Z`));
}

export function formatMoment(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function tallyText(
  agreement: Agreement,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (agreement.tally === null) return t('governance.tally.none');
  const { for: inFavour, against, abstain, absent } = agreement.tally;
  return t('governance.tally.text', { for: inFavour, against, abstain, absent });
}
