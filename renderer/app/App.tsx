/**
 * Start-up order: the local profile (asked once), then this person's database for the chosen
 * server, the doc registry (reopening rooms with unsaved changes), then the workspace.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../shared/model/profile';
import { FirstRunDialog } from '../features/profile/FirstRunDialog';
import { toWebSocketUrl } from '../platform/serverUrl';
import type { LocalProfile, SettingsStore } from '../storage/SettingsStore';
import { openWorkspaceDb, workspaceDbName, type WorkspaceDexie } from '../storage/workspaceDb';
import { DocRegistry } from '../sync/DocRegistry';
import { RegistryContext } from '../sync/RegistryContext';
import { AppContext, type AppContextValue } from './AppContext';
import { AppShell } from './AppShell';

interface Session {
  db: WorkspaceDexie;
  registry: DocRegistry;
}

function useSession(serverUrl: string, profileId: string | null): Session | null {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    if (profileId === null) return;
    let cancelled = false;
    const db = openWorkspaceDb(workspaceDbName(serverUrl, profileId));
    const registry = new DocRegistry({ db, wsBaseUrl: toWebSocketUrl(serverUrl) });
    void db.open().then(() => {
      if (cancelled) return;
      void registry.resumePending();
      setSession({ db, registry });
    });
    return () => {
      cancelled = true;
      setSession(null);
      void registry.destroy().then(() => db.close());
    };
  }, [serverUrl, profileId]);
  return session;
}

export function App({ serverUrl, settings }: { serverUrl: string; settings: SettingsStore }) {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<LocalProfile | null | undefined>(undefined);

  useEffect(() => {
    void settings.getProfile().then(setProfile);
  }, [settings]);

  const saveProfile = useCallback(
    async (next: LocalProfile) => {
      await settings.setProfile(next);
      setProfile(next);
    },
    [settings],
  );

  const createProfile = useCallback(
    (fields: Profile) => void saveProfile({ ...fields, id: crypto.randomUUID() }),
    [saveProfile],
  );

  const session = useSession(serverUrl, profile?.id ?? null);
  const context = useMemo<AppContextValue | null>(
    () => (profile ? { serverUrl, profile, settings, saveProfile } : null),
    [serverUrl, profile, settings, saveProfile],
  );

  if (profile === undefined) return <p className="view-note">{t('app.loading')}</p>;
  if (profile === null || context === null) return (
      <FirstRunDialog onSubmit={createProfile} onLanguageChange={(language) => void settings.setLanguage(language)} />
    );
  if (session === null) return <p className="view-note">{t('app.loading')}</p>;

  return (
    <AppContext.Provider value={context}>
      <RegistryContext.Provider value={session.registry}>
        <AppShell db={session.db} />
      </RegistryContext.Provider>
    </AppContext.Provider>
  );
}
