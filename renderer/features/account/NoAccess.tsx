import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { GROUP_DIRECTORY_HREF } from '../../app/route';

/** What a link into a group the person cannot see shows: never the group's name or anything else of it. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <section className="empty-state" role="alert" aria-labelledby="no-access-title">
      <Lock aria-hidden="true" size={40} className="empty-icon" />
      <h1 id="no-access-title">{t('account.noAccess.title')}</h1>
      <p>{t('account.noAccess.body')}</p>
      <a className="button" href={GROUP_DIRECTORY_HREF}>
        {t('account.noAccess.directory')}
      </a>
    </section>
  );
}
