/**
 * The outcome of a document's newest sign-off beside its name in the group's list: short
 * ("Aprobado 5/6"), with the full sentence as its accessible name and tooltip.
 */
import { useTranslation } from 'react-i18next';
import type { GroupSignoff } from '../../../shared/protocol/versionsApi';
import './signoffBadge.css';

export function SignoffBadge({ signoff }: { signoff: GroupSignoff }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) =>
    iso === null
      ? ''
      : new Intl.DateTimeFormat(i18n.language, {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
        }).format(new Date(iso));
  const values = {
    approvals: signoff.approvals,
    total: signoff.total,
    name: signoff.versionName,
    date: date(signoff.decidedAt),
    deadline: date(signoff.deadline),
  };
  const label = t(`signoffs.full.${signoff.status}`, values);
  return (
    <span
      className={`signoff-badge signoff-badge-${signoff.status}`}
      role="img"
      aria-label={label}
      title={label}
    >
      {t(`signoffs.short.${signoff.status}`, values)}
    </span>
  );
}
