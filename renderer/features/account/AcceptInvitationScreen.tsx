/**
 * Accepting an invitation: paste a code (or the whole link), see who invites you to which group
 * with which role, then create the account (name + password) or confirm an existing one
 * (password). The answer is a signed-in session, like a login.
 */
import { MailOpen } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MIN_PASSWORD_LENGTH,
  type InvitationPreview,
  type LoginResponse,
} from '../../../shared/protocol/api';
import { HOME_HREF, invitationHref, navigate } from '../../app/route';
import { formatDate } from '../../i18n';
import { LanguageSelect } from '../profile/LanguageSelect';
import { ApiClient, apiErrorText } from '../../api/client';
import { acceptInvitation, previewInvitation } from '../../api/invitations';

export interface AcceptInvitationScreenProps {
  serverUrl: string;
  code: string;
  /** Set when someone is signed in already (the screen then shows inside the app). */
  signedInEmail: string | null;
  onSignedIn: (login: LoginResponse) => Promise<void>;
  onLanguageChange?: (language: string) => void;
  embedded?: boolean;
}

/** The code from what was pasted: the code itself, or any link ending in `/invitacion/<code>`. */
export function extractInvitationCode(pasted: string): string {
  const trimmed = pasted.trim();
  const fromLink = /invita(?:cion|tion)\/([A-Za-z0-9_-]+)\s*$/.exec(trimmed);
  return fromLink !== null ? fromLink[1]! : trimmed;
}

type Preview =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: InvitationPreview }
  | { kind: 'failed'; message: string };

export function AcceptInvitationScreen(props: AcceptInvitationScreenProps) {
  const { serverUrl, code, signedInEmail, onSignedIn, onLanguageChange, embedded = false } = props;
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<{ code: string; result: Preview } | null>(null);
  const titleId = useId();
  const preview: Preview =
    code === ''
      ? { kind: 'none' }
      : loaded !== null && loaded.code === code
        ? loaded.result
        : { kind: 'loading' };

  useEffect(() => {
    if (code === '') return;
    let cancelled = false;
    previewInvitation(new ApiClient({ serverUrl }), code)
      .then((found) => !cancelled && setLoaded({ code, result: { kind: 'ready', preview: found } }))
      .catch(
        (error: unknown) =>
          !cancelled &&
          setLoaded({ code, result: { kind: 'failed', message: apiErrorText(error, t) } }),
      );
    return () => {
      cancelled = true;
    };
  }, [code, serverUrl, t]);

  const body = (
    <>
      <div className="auth-heading-row">
        <MailOpen aria-hidden="true" size={28} className="empty-icon" />
        {onLanguageChange !== undefined && <LanguageSelect onChange={onLanguageChange} />}
      </div>
      <h1 id={titleId} className="auth-title">
        {t('account.invitation.title')}
      </h1>
      {signedInEmail !== null && (
        <p className="auth-notice">
          {t('account.invitation.signedInAs', { email: signedInEmail })}
        </p>
      )}
      {(preview.kind === 'none' || preview.kind === 'failed') && (
        <CodeForm initial={code} error={preview.kind === 'failed' ? preview.message : null} />
      )}
      {preview.kind === 'loading' && (
        <p className="view-note">{t('account.invitation.checking')}</p>
      )}
      {preview.kind === 'ready' && (
        <>
          <p className="invitation-summary">
            {t('account.invitation.summary', {
              inviter: preview.preview.invitedBy.name,
              inviterOrganization: preview.preview.invitedBy.organization,
              group: preview.preview.group.name,
              role: t(`account.roles.${preview.preview.role}`),
              organization: preview.preview.organization.name,
            })}
          </p>
          <p className="auth-intro">
            {t('account.invitation.forEmail', { email: preview.preview.email })}.{' '}
            {t('account.invitation.expires', {
              date: formatDate(Date.parse(preview.preview.expiresAt), i18n.language),
            })}
          </p>
          <AcceptForm
            serverUrl={serverUrl}
            code={code}
            preview={preview.preview}
            onSignedIn={onSignedIn}
          />
          <p className="auth-footer">
            <a href={invitationHref('')}>{t('account.invitation.otherCode')}</a>
          </p>
        </>
      )}
      {signedInEmail === null && (
        <p className="auth-footer">
          <a href={HOME_HREF}>{t('account.invitation.backToSignIn')}</a>
        </p>
      )}
    </>
  );

  if (embedded) {
    return (
      <section className="page page-narrow" aria-labelledby={titleId}>
        {body}
      </section>
    );
  }
  return (
    <div className="auth-page">
      <main className="auth-card" aria-labelledby={titleId}>
        {body}
      </main>
    </div>
  );
}

function CodeForm({ initial, error }: { initial: string; error: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [missing, setMissing] = useState(false);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = extractInvitationCode(value);
    setMissing(code === '');
    if (code !== '') navigate(invitationHref(code));
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="auth-intro">{t('account.invitation.codeIntro')}</p>
      <div className="field">
        <label htmlFor={id}>{t('account.invitation.code')}</label>
        <input
          id={id}
          value={value}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={missing || error !== null}
          onChange={(event) => setValue(event.target.value)}
        />
        {missing && <p className="field-error">{t('account.invitation.codeRequired')}</p>}
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary button-wide">
        {t('account.invitation.check')}
      </button>
    </form>
  );
}

function AcceptForm({
  serverUrl,
  code,
  preview,
  onSignedIn,
}: {
  serverUrl: string;
  code: string;
  preview: InvitationPreview;
  onSignedIn: (login: LoginResponse) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<'name' | 'password' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), password: useId(), hint: useId() };
  const newAccount = !preview.accountExists;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (newAccount && name.trim() === '') return setFieldError('name');
    if (newAccount ? password.length < MIN_PASSWORD_LENGTH : password === '')
      return setFieldError('password');
    setFieldError(null);
    setBusy(true);
    try {
      const login = await acceptInvitation(new ApiClient({ serverUrl }), code, {
        ...(newAccount ? { name: name.trim() } : {}),
        password,
      });
      await onSignedIn(login);
      navigate(HOME_HREF);
    } catch (caught) {
      setError(apiErrorText(caught, t));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {!newAccount && <p className="auth-notice">{t('account.invitation.existingAccount')}</p>}
      {newAccount && (
        <div className="field">
          <label htmlFor={ids.name}>{t('account.invitation.name')}</label>
          <input
            id={ids.name}
            value={name}
            autoComplete="name"
            aria-invalid={fieldError === 'name'}
            onChange={(event) => setName(event.target.value)}
          />
          {fieldError === 'name' && (
            <p className="field-error">{t('account.invitation.nameRequired')}</p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.password}>
          {newAccount
            ? t('account.invitation.newPassword')
            : t('account.invitation.existingPassword')}
        </label>
        <input
          id={ids.password}
          type="password"
          autoComplete={newAccount ? 'new-password' : 'current-password'}
          value={password}
          aria-invalid={fieldError === 'password'}
          aria-describedby={newAccount ? ids.hint : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        {newAccount && (
          <p id={ids.hint} className="field-hint">
            {t('account.invitation.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          </p>
        )}
        {fieldError === 'password' && (
          <p className="field-error">
            {newAccount
              ? t('account.invitation.passwordTooShort', { min: MIN_PASSWORD_LENGTH })
              : t('account.signIn.passwordRequired')}
          </p>
        )}
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary button-wide" disabled={busy}>
        {busy ? t('account.invitation.accepting') : t('account.invitation.accept')}
      </button>
    </form>
  );
}
