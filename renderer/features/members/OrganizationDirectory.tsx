import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/model/accounts';
import { useApp } from '../../app/AppContext';
import { listOrganizations } from '../../api/accounts';
import { apiErrorText } from '../../api/client';

/** The workspace's organizations with a human label for their kind. */
export function OrganizationDirectory() {
  const { t } = useTranslation();
  const { api } = useApp();
  const [organizations, setOrganizations] = useState<Organization[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listOrganizations(api)
      .then(({ organizations: list }) =>
        setOrganizations([...list].sort((a, b) => a.name.localeCompare(b.name, 'es'))),
      )
      .catch((caught: unknown) => setError(apiErrorText(caught, t)));
  }, [api, t]);

  return (
    <section className="page" aria-labelledby="organizations-title">
      <h1 id="organizations-title" className="page-title">
        {t('directory.orgTitle')}
      </h1>
      <p className="page-intro">{t('directory.orgIntro')}</p>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {organizations === null ? (
        error === null && <p className="view-note">{t('directory.loading')}</p>
      ) : (
        <table className="data-table" aria-label={t('directory.orgTableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('directory.orgName')}</th>
              <th scope="col">{t('directory.orgKind')}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id}>
                <th scope="row">{organization.name}</th>
                <td>
                  <span className={`kind-tag kind-${organization.kind}`}>
                    {t(`account.kinds.${organization.kind}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
