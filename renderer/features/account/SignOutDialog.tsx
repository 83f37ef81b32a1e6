/**
 * The sign-out guard: with nothing pending it signs out at once; with changes only on this
 * computer it says how many and lets the person wait for them to sync (then signs out by
 * itself) or sign out keeping them here. Nothing here ever deletes a pending change.
 */
import { AlertDialog } from 'radix-ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceDexie } from '../../storage/workspaceDb';
import { useAppSyncStatus } from '../../sync/useAppSyncStatus';
import { countStoredPending, planSignOut, type SignOutPlan } from './signOut';

export interface SignOutDialogProps {
  db: WorkspaceDexie;
  userName: string;
  onCancel: () => void;
  /** `keepLocal`: the person chose to leave pending changes on this computer. */
  onSignOut: (keepLocal: boolean) => void;
}

export function SignOutDialog({ db, userName, onCancel, onSignOut }: SignOutDialogProps) {
  const { t } = useTranslation();
  const status = useAppSyncStatus();
  const [plan, setPlan] = useState<SignOutPlan | null>(null);
  const [waiting, setWaiting] = useState(false);
  const done = useRef(false);
  const onSignOutRef = useRef(onSignOut);
  useEffect(() => {
    onSignOutRef.current = onSignOut;
  }, [onSignOut]);

  useEffect(() => {
    let cancelled = false;
    void countStoredPending(db).then((stored) => {
      if (cancelled) return;
      const next = planSignOut(status.pending, stored);
      // Everything reached the server (at once, or while the dialog was open): nothing to ask.
      if (next.kind === 'signOut' && !done.current) {
        done.current = true;
        onSignOutRef.current(false);
      } else setPlan(next);
    });
    return () => {
      cancelled = true;
    };
  }, [db, status.pending]);

  if (plan === null || plan.kind === 'signOut') return null;
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">
            {t('account.signOut.title')}
          </AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            {waiting
              ? t('account.signOut.waiting', { count: plan.pending })
              : `${t('account.signOut.body', { count: plan.pending })} ${t('account.signOut.explain', { name: userName })}`}
          </AlertDialog.Description>
          {waiting && !status.connected && (
            <p className="auth-notice">{t('account.signOut.waitingOffline')}</p>
          )}
          <div className="dialog-actions dialog-actions-stacked">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button button-quiet">
                {t('account.signOut.cancel')}
              </button>
            </AlertDialog.Cancel>
            {!waiting && (
              <button type="button" className="button" onClick={() => setWaiting(true)}>
                {t('account.signOut.wait')}
              </button>
            )}
            <button type="button" className="button button-primary" onClick={() => onSignOut(true)}>
              {t('account.signOut.keep')}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
