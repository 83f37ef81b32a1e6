/**
 * The first screen: which server, and who. Errors come back as a code and are shown as the
 * code's sentence in the chosen language, next to the form, announced to screen readers.
 */
import { LogIn } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '../../../shared/protocol/api';
import { invitationHref } from '../../app/route';
import { LanguageSelect } from '../profile/LanguageSelect';
import { signIn } from '../../api/accounts';
import { ApiClient, apiErrorText } from '../../api/client';

export interface SignInScreenProps {
  serverUrl: string;
  initialEmail: string;
  notice: 'expired' | 'signedOut' | null;
  onSignedIn: (server: string, login: LoginResponse) => Promise<void>;
  onLanguageChange: (language: string) => void;
}

type FieldError = 'serverInvalid' | 'emailRequired' | 'passwordRequired';

export function normalizeServer(value: string): string | null {
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function SignInScreen({
  serverUrl,
  initialEmail,
  notice,
  onSignedIn,
  onLanguageChange,
}: SignInScreenProps) {
  const { t } = useTranslation();
  const [server, setServer] = useState(serverUrl);
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<
    Partial<Record<'server' | 'email' | 'password', FieldError>>
  >({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = {
    server: useId(),
    email: useId(),
    password: useId(),
    error: useId(),
    title: useId(),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const origin = normalizeServer(server);
    const found: typeof fieldErrors = {};
    if (origin === null) found.server = 'serverInvalid';
    if (email.trim() === '') found.email = 'emailRequired';
    if (password === '') found.password = 'passwordRequired';
    setFieldErrors(found);
    setError(null);
    if (origin === null || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const login = await signIn(new ApiClient({ serverUrl: origin }), {
        email: email.trim(),
        password,
      });
      await onSignedIn(origin, login);
    } catch (caught) {
      setError(apiErrorText(caught, t));
      setBusy(false);
    }
  };

  const fieldError = (field: 'server' | 'email' | 'password') =>
    fieldErrors[field] === undefined ? null : (
      <p id={`${ids[field]}-error`} className="field-error">
        {t(`account.signIn.${fieldErrors[field]}`)}
      </p>
    );

  return (
    <div className="auth-page">
      <main className="auth-card" aria-labelledby={ids.title}>
        <div className="auth-heading-row">
          <p className="brand">{t('app.name')}</p>
          <LanguageSelect onChange={onLanguageChange} />
        </div>
        <h1 id={ids.title} className="auth-title">
          {t('account.signIn.title')}
        </h1>
        <p className="auth-intro">{t('account.signIn.intro')}</p>
        {notice !== null && (
          <p className={`auth-notice auth-notice-${notice}`} role="status">
            {notice === 'expired'
              ? t('account.signIn.expiredNotice')
              : t('account.signIn.signedOutNotice')}
          </p>
        )}
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-describedby={error ? ids.error : undefined}
        >
          <div className="field">
            <label htmlFor={ids.server}>{t('account.signIn.server')}</label>
            <input
              id={ids.server}
              type="url"
              inputMode="url"
              autoComplete="url"
              value={server}
              placeholder={t('account.signIn.serverHint')}
              aria-invalid={fieldErrors.server !== undefined}
              aria-describedby={fieldErrors.server ? `${ids.server}-error` : undefined}
              onChange={(event) => setServer(event.target.value)}
            />
            {fieldError('server')}
          </div>
          <div className="field">
            <label htmlFor={ids.email}>{t('account.signIn.email')}</label>
            <input
              id={ids.email}
              type="email"
              autoComplete="username"
              value={email}
              autoFocus={initialEmail === ''}
              aria-invalid={fieldErrors.email !== undefined}
              aria-describedby={fieldErrors.email ? `${ids.email}-error` : undefined}
              onChange={(event) => setEmail(event.target.value)}
            />
            {fieldError('email')}
          </div>
          <div className="field">
            <label htmlFor={ids.password}>{t('account.signIn.password')}</label>
            <input
              id={ids.password}
              type="password"
              autoComplete="current-password"
              value={password}
              autoFocus={initialEmail !== ''}
              aria-invalid={fieldErrors.password !== undefined}
              aria-describedby={fieldErrors.password ? `${ids.password}-error` : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
            {fieldError('password')}
          </div>
          {error !== null && (
            <p id={ids.error} className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary button-wide" disabled={busy}>
            <LogIn aria-hidden="true" size={16} />
            {busy ? t('account.signIn.submitting') : t('account.signIn.submit')}
          </button>
        </form>
        <p className="auth-footer">
          {t('account.signIn.invitationQuestion')}{' '}
          <a href={invitationHref('')}>{t('account.signIn.invitationLink')}</a>
        </p>
      </main>
    </div>
  );
}
