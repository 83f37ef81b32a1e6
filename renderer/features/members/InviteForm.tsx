/**
 * Invite someone into a group: their email, their organization, the role they get. The answer
 * is a single-use code, shown once; the person copies the link (or the bare code) and sends it.
 */
import { Copy, UserPlus } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_ROLES, type GroupRole, type Organization } from '../../../shared/model/accounts';
import type { GroupId } from '../../../shared/model/ids';
import type { CreateInvitationResponse } from '../../../shared/protocol/api';
import { useApp } from '../../app/AppContext';
import { invitationHref } from '../../app/route';
import { formatDate } from '../../i18n';
import { listOrganizations } from '../../api/accounts';
import { apiErrorText } from '../../api/client';
import { createInvitation } from '../../api/invitations';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A link that opens this same app (browser or desktop) on the invitation screen. */
export function invitationLink(
  code: string,
  location: Pick<Location, 'origin' | 'pathname' | 'search'>,
): string {
  return `${location.origin}${location.pathname}${location.search}${invitationHref(code)}`;
}

export function InviteForm({ groupId, onInvited }: { groupId: GroupId; onInvited: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [email, setEmail] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<GroupRole>('editor');
  const [fieldError, setFieldError] = useState<'emailInvalid' | 'organizationRequired' | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreateInvitationResponse | null>(null);
  const [copied, setCopied] = useState(false);
  const ids = {
    email: useId(),
    organization: useId(),
    role: useId(),
    link: useId(),
    code: useId(),
  };

  useEffect(() => {
    listOrganizations(api)
      .then(({ organizations: list }) =>
        setOrganizations([...list].sort((a, b) => a.name.localeCompare(b.name, 'es'))),
      )
      .catch((caught: unknown) => setError(apiErrorText(caught, t)));
  }, [api, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    if (!EMAIL.test(trimmed)) return setFieldError('emailInvalid');
    if (organizationId === '') return setFieldError('organizationRequired');
    setFieldError(null);
    setError(null);
    setBusy(true);
    try {
      setCreated(await createInvitation(api, { email: trimmed, organizationId, groupId, role }));
      setCopied(false);
      onInvited();
    } catch (caught) {
      setError(apiErrorText(caught, t));
    }
    setBusy(false);
  };

  if (created !== null) {
    const link = invitationLink(created.code, window.location);
    return (
      <section className="panel" aria-labelledby="invite-title">
        <h2 id="invite-title" className="panel-title">
          {t('members.invite.title')}
        </h2>
        <p role="status">
          {t('members.invite.created', {
            email: created.invitation.email,
            date: formatDate(Date.parse(created.invitation.expiresAt), i18n.language),
          })}
        </p>
        <div className="field">
          <label htmlFor={ids.link}>{t('members.invite.link')}</label>
          <input
            id={ids.link}
            type="text"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.code}>{t('members.invite.code')}</label>
          <input
            id={ids.code}
            type="text"
            readOnly
            value={created.code}
            className="mono"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <div className="dialog-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setCreated(null);
              setEmail('');
            }}
          >
            {t('members.invite.another')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              void navigator.clipboard?.writeText(link).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            <Copy aria-hidden="true" size={15} />
            {copied ? t('members.invite.copied') : t('members.invite.copy')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title" className="panel-title">
        {t('members.invite.title')}
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={ids.email}>{t('members.invite.email')}</label>
          <input
            id={ids.email}
            type="email"
            autoComplete="off"
            value={email}
            aria-invalid={fieldError === 'emailInvalid'}
            onChange={(event) => setEmail(event.target.value)}
          />
          {fieldError === 'emailInvalid' && (
            <p className="field-error">{t('members.invite.emailInvalid')}</p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.organization}>{t('members.invite.organization')}</label>
          <select
            id={ids.organization}
            value={organizationId}
            aria-invalid={fieldError === 'organizationRequired'}
            onChange={(event) => setOrganizationId(event.target.value)}
          >
            <option value="">{t('members.invite.chooseOrganization')}</option>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name} ({t(`account.kinds.${organization.kind}`)})
              </option>
            ))}
          </select>
          {fieldError === 'organizationRequired' && (
            <p className="field-error">{t('members.invite.organizationRequired')}</p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('members.invite.role')}</label>
          <select
            id={ids.role}
            value={role}
            onChange={(event) => setRole(event.target.value as GroupRole)}
          >
            {GROUP_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`account.roles.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {error !== null && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          <UserPlus aria-hidden="true" size={15} />
          {busy ? t('members.invite.submitting') : t('members.invite.submit')}
        </button>
      </form>
    </section>
  );
}
