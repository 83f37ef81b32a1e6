/**
 * A refused token while the app is open: every local edit stays (the database and the rooms
 * are untouched, typing goes on), a banner says so, and once the computer is online a dialog
 * asks for the password again. Signing in as the same person resumes syncing the pending
 * changes; another account goes through sign-out, which keeps them for their owner.
 */
import { KeyRound } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { signIn } from '../../api/accounts';
import { ApiClient, apiErrorText } from '../../api/client';
import type { Auth } from './useAuth';

function subscribeOnline(notify: () => void): () => void {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

export function SessionExpiredBanner({ auth }: { auth: Auth }) {
  const { t } = useTranslation();
  const online = useOnline();
  const [dismissed, setDismissed] = useState(false);
  const open = online && !dismissed;

  return (
    <>
      <div className="session-banner" role="alert">
        <KeyRound aria-hidden="true" size={16} />
        <span>{online ? t('account.expired.banner') : t('account.expired.bannerOffline')}</span>
        {online && (
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => setDismissed(false)}
          >
            {t('account.expired.signInAgain')}
          </button>
        )}
      </div>
      {open && <SignInAgainDialog auth={auth} onClose={() => setDismissed(true)} />}
    </>
  );
}

function SignInAgainDialog({ auth, onClose }: { auth: Auth; onClose: () => void }) {
  const { t } = useTranslation();
  const { me, requestSignOut } = useApp();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setError(t('account.signIn.passwordRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const login = await signIn(new ApiClient({ serverUrl: auth.serverUrl }), {
        email: me.user.email,
        password,
      });
      if (login.user.id !== me.user.id) {
        setError(t('account.expired.wrongUser'));
        setBusy(false);
        return;
      }
      await auth.completeSignIn(auth.serverUrl, login);
    } catch (caught) {
      setError(apiErrorText(caught, t));
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-small">
          <Dialog.Title className="dialog-title">{t('account.expired.banner')}</Dialog.Title>
          <Dialog.Description className="dialog-description">
            {t('account.expired.dialogBody')}
          </Dialog.Description>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <div className="field">
              <label htmlFor={ids.email}>{t('account.signIn.email')}</label>
              <input
                id={ids.email}
                type="email"
                value={me.user.email}
                readOnly
                autoComplete="username"
              />
            </div>
            <div className="field">
              <label htmlFor={ids.password}>{t('account.signIn.password')}</label>
              <input
                id={ids.password}
                type="password"
                autoComplete="current-password"
                autoFocus
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            {error !== null && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  onClose();
                  requestSignOut();
                }}
              >
                {t('account.expired.otherAccount')}
              </button>
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('account.signIn.submit')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
