import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../shared/protocol/api';
import { formatDate } from '../../i18n';

/** Invitations of the group not accepted yet; withdrawing one makes its link useless at once. */
export function PendingInvitations({
  invitations,
  onRevoke,
}: {
  invitations: Invitation[];
  onRevoke: (invitation: Invitation) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="panel-title">
        {t('members.invitations.title')}
      </h2>
      {invitations.length === 0 ? (
        <p className="page-note">{t('members.invitations.none')}</p>
      ) : (
        <ul className="request-list" aria-label={t('members.invitations.listLabel')}>
          {invitations.map((invitation) => (
            <li key={invitation.id} className="request-item request-row">
              <div>
                <p className="request-who">
                  {t('members.invitations.item', {
                    email: invitation.email,
                    organization: invitation.organization.name,
                    role: t(`account.roles.${invitation.role}`),
                  })}
                </p>
                <p className="request-message">
                  {t('members.invitations.expires', {
                    date: formatDate(Date.parse(invitation.expiresAt), i18n.language),
                  })}
                </p>
              </div>
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={t('members.invitations.revokeNamed', { email: invitation.email })}
                onClick={() => onRevoke(invitation)}
              >
                <X aria-hidden="true" size={14} />
                {t('members.invitations.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
