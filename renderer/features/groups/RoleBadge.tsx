import type { GroupRole } from '../../../shared/model/accounts';
import { useTranslation } from 'react-i18next';

/** The person's role in a group, as a small label; screen readers hear "Su rol: Líder". */
export function RoleBadge({ role }: { role: GroupRole }) {
  const { t } = useTranslation();
  const label = t(`account.roles.${role}`);
  return (
    <span className={`role-badge role-${role}`} title={t('account.yourRole', { role: label })}>
      <span className="visually-hidden">{t('account.yourRole', { role: '' })}</span>
      {label}
    </span>
  );
}
