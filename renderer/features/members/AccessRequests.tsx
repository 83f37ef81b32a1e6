import { Check, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_ROLES, type GroupRole } from '../../../shared/model/accounts';
import type { AccessRequest } from '../../../shared/protocol/api';

export interface AccessRequestsProps {
  requests: AccessRequest[];
  onApprove: (request: AccessRequest, role: GroupRole) => void;
  onDecline: (request: AccessRequest) => void;
}

/** Pending "Solicitar acceso" requests: approve with a chosen role (reader by default) or decline. */
export function AccessRequests({ requests, onApprove, onDecline }: AccessRequestsProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="requests-title">
      <h2 id="requests-title" className="panel-title">
        {t('members.requests.title')}
      </h2>
      {requests.length === 0 ? (
        <p className="page-note">{t('members.requests.none')}</p>
      ) : (
        <ul className="request-list" aria-label={t('members.requests.listLabel')}>
          {requests.map((request) => (
            <RequestItem
              key={request.id}
              request={request}
              onApprove={onApprove}
              onDecline={onDecline}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestItem({
  request,
  onApprove,
  onDecline,
}: {
  request: AccessRequest;
  onApprove: AccessRequestsProps['onApprove'];
  onDecline: AccessRequestsProps['onDecline'];
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<GroupRole>('viewer');
  const name = request.user.name;
  return (
    <li className="request-item">
      <p className="request-who">
        {t('members.requests.from', { name, organization: request.user.organization.name })}
        <span className="muted"> · {t(`account.kinds.${request.user.organization.kind}`)}</span>
      </p>
      {request.message !== '' && (
        <p className="request-message">
          {t('members.requests.message', { message: request.message })}
        </p>
      )}
      <div className="request-actions">
        <select
          aria-label={t('members.requests.roleFor', { name })}
          value={role}
          onChange={(event) => setRole(event.target.value as GroupRole)}
        >
          {GROUP_ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`account.roles.${option}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-primary button-small"
          aria-label={t('members.requests.approveNamed', { name })}
          onClick={() => onApprove(request, role)}
        >
          <Check aria-hidden="true" size={14} />
          {t('members.requests.approve')}
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={t('members.requests.declineNamed', { name })}
          onClick={() => onDecline(request)}
        >
          <X aria-hidden="true" size={14} />
          {t('members.requests.decline')}
        </button>
      </div>
    </li>
  );
}
