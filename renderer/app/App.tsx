/**
 * Start-up order: the session (stored token, then `/api/me`, or the last `me` when offline),
 * then this person's database on this server, the doc registry (reopening rooms with unsaved
 * changes, each socket opened with a fresh single-use sync ticket, never the token), then the shell. Signed out, the sign-in screen (or the
 * invitation screen) shows over whatever route was asked for, which opens after sign-in.
 */
import './account.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../shared/model/ids';
import { AccessCloseCode, type MeResponse } from '../../shared/protocol/api';
import { AcceptInvitationScreen } from '../features/account/AcceptInvitationScreen';
import { SignInScreen } from '../features/account/SignInScreen';
import { SignOutDialog } from '../features/account/SignOutDialog';
import { revokeSession } from '../api/accounts';
import { syncTicketCredential } from '../api/syncTickets';
import { releaseLocalData } from '../features/account/signOut';
import { SessionCache } from '../features/account/sessionCache';
import { useAuth, type Auth } from '../features/account/useAuth';
import { SearchContext } from '../features/search/SearchContext';
import { SearchService } from '../features/search/SearchService';
import { onAppCommand } from '../platform/desktop';
import { toWebSocketUrl } from '../platform/serverUrl';
import { createTokenStore } from '../platform/tokenStore';
import type { SettingsStore } from '../storage/SettingsStore';
import { openWorkspaceDb, workspaceDbName, type WorkspaceDexie } from '../storage/workspaceDb';
import { DocRegistry } from '../sync/DocRegistry';
import { RegistryContext } from '../sync/RegistryContext';
import type { SocketCredential } from '../sync/ticketSocket';
import { AppContext, type AppContextValue } from './AppContext';
import { AppShell } from './AppShell';
import { navigate, useRoute } from './route';

interface LocalSession {
  db: WorkspaceDexie;
  registry: DocRegistry;
  search: SearchService;
}

/** How often a failing socket may make the app re-check the session with `/api/me`. */
const PROBE_INTERVAL_MS = 5_000;
/** Memberships change on the server (approvals, removals); re-read them this often. */
const REFRESH_ME_MS = 15_000;

function useLocalSession(
  serverUrl: string,
  userId: string,
  groups: readonly string[],
  credential: SocketCredential,
  onClose: (room: string, code: number) => void,
): LocalSession | null {
  const [session, setSession] = useState<LocalSession | null>(null);
  const credentialRef = useRef(credential);
  const onCloseRef = useRef(onClose);
  const groupsRef = useRef(groups);
  useEffect(() => {
    credentialRef.current = credential;
    onCloseRef.current = onClose;
  }, [credential, onClose]);

  useEffect(() => {
    let cancelled = false;
    const db = openWorkspaceDb(workspaceDbName(serverUrl, userId));
    const registry = new DocRegistry({
      db,
      wsBaseUrl: toWebSocketUrl(serverUrl),
      credential: () => credentialRef.current(),
      onClose: (room, code) => onCloseRef.current(room, code),
    });
    const search = new SearchService({ registry, db });
    void db.open().then(() => {
      if (cancelled) return;
      void registry.resumePending();
      void search.start(groupsRef.current);
      setSession({ db, registry, search });
    });
    return () => {
      cancelled = true;
      setSession(null);
      void search
        .destroy()
        .then(() => registry.destroy())
        .then(() => db.close());
    };
  }, [serverUrl, userId]);

  // Memberships change on the server: a lost group leaves search at once.
  useEffect(() => {
    groupsRef.current = groups;
    session?.search.setGroups(groups);
  }, [session, groups]);
  return session;
}

export function App({ serverUrl, settings }: { serverUrl: string; settings: SettingsStore }) {
  const { t } = useTranslation();
  const [tokens] = useState(createTokenStore);
  const [cache] = useState(() => new SessionCache());
  // An explicit `?server=` (tests, links) wins over the server typed at the last sign-in.
  const [preferRememberedServer] = useState(
    () => !new URLSearchParams(window.location.search).has('server'),
  );
  const auth = useAuth(serverUrl, tokens, cache, { preferRememberedServer });
  const route = useRoute();
  const onLanguageChange = useCallback(
    (language: string) => void settings.setLanguage(language),
    [settings],
  );

  // A minka:// link opens its screen whether or not anyone is signed in: this listener is the
  // first (the preload replays a link that launched the app to it), and sign-in shows over the
  // route, which opens once the person is in. The shell follows the other desktop commands
  // (useDesktopIntegration).
  useEffect(
    () =>
      onAppCommand((command) => {
        if (command.kind === 'open') navigate(`#${command.path}`);
      }),
    [],
  );

  if (auth.state.kind === 'starting') return <p className="view-note">{t('app.loading')}</p>;
  if (auth.state.kind === 'signedOut') {
    return route.kind === 'invitation' ? (
      <AcceptInvitationScreen
        serverUrl={auth.serverUrl}
        code={route.code}
        signedInEmail={null}
        onSignedIn={(login) => auth.completeSignIn(auth.serverUrl, login)}
        onLanguageChange={onLanguageChange}
      />
    ) : (
      <SignInScreen
        serverUrl={auth.serverUrl}
        initialEmail={auth.state.email}
        notice={auth.state.notice}
        onSignedIn={(server, login) => auth.completeSignIn(server, login)}
        onLanguageChange={onLanguageChange}
      />
    );
  }
  return (
    <SignedInApp
      key={`${auth.serverUrl}|${auth.state.me.user.id}`}
      auth={auth}
      me={auth.state.me}
      token={auth.state.token}
      settings={settings}
    />
  );
}

interface SignedInAppProps {
  auth: Auth;
  me: MeResponse;
  token: string;
  settings: SettingsStore;
}

function SignedInApp({ auth, me, token, settings }: SignedInAppProps) {
  const { t } = useTranslation();
  const { serverUrl, api, markExpired, refreshMe } = auth;
  const lastProbe = useRef(0);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutAsked, setSignOutAsked] = useState(false);

  const tokenRef = useRef(token);
  const credential = useMemo(() => syncTicketCredential(api), [api]);
  const onClose = useCallback(
    (_room: string, code: number) => {
      if (code === AccessCloseCode.sessionRevoked) {
        markExpired();
        return;
      }
      if (code === AccessCloseCode.membershipRevoked) {
        void refreshMe();
        return;
      }
      // A refused upgrade (401/403) reaches a browser as a bare 1006: ask the API what it meant.
      const now = Date.now();
      if (typeof navigator !== 'undefined' && !navigator.onLine) return;
      if (now - lastProbe.current < PROBE_INTERVAL_MS) return;
      lastProbe.current = now;
      void refreshMe();
    },
    [markExpired, refreshMe],
  );
  const groups = useMemo(
    () => me.memberships.map((membership) => membership.group.id as string),
    [me.memberships],
  );
  const session = useLocalSession(serverUrl, me.user.id, groups, credential, onClose);

  useEffect(() => {
    if (tokenRef.current === token) return;
    tokenRef.current = token;
    session?.registry.reconnect();
  }, [token, session]);

  useEffect(() => {
    const refresh = () => void refreshMe();
    const timer = setInterval(refresh, REFRESH_ME_MS);
    window.addEventListener('online', refresh);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', refresh);
      window.removeEventListener('focus', refresh);
    };
  }, [refreshMe]);

  const signOut = useCallback(
    async (keepLocal: boolean) => {
      if (session === null) return;
      setSigningOut(true);
      await revokeSession(api).catch(() => undefined);
      await session.search.destroy();
      await session.registry.destroy();
      await releaseLocalData(session.db, !keepLocal);
      await auth.finishSignOut();
    },
    [api, auth, session],
  );

  const context = useMemo<AppContextValue>(() => {
    const roles = new Map(
      me.memberships.map((membership) => [membership.group.id, membership.role]),
    );
    return {
      serverUrl,
      profile: {
        id: me.user.id,
        name: me.user.name,
        organization: me.organization.name,
        colour: me.user.colour,
      },
      settings,
      me,
      api,
      isAdmin: me.user.workspaceRole === 'admin',
      roleIn: (groupId: GroupId) => roles.get(groupId) ?? null,
      refreshMe,
      requestSignOut: () => setSignOutAsked(true),
    };
  }, [serverUrl, me, settings, api, refreshMe]);

  if (signingOut || session === null) {
    return (
      <p className="view-note">{signingOut ? t('account.signOut.signingOut') : t('app.loading')}</p>
    );
  }
  return (
    <AppContext.Provider value={context}>
      <RegistryContext.Provider value={session.registry}>
        <SearchContext.Provider value={session.search}>
          <AppShell auth={auth} />
        </SearchContext.Provider>
        {signOutAsked && (
          <SignOutDialog
            db={session.db}
            userName={me.user.name}
            onCancel={() => setSignOutAsked(false)}
            onSignOut={(keepLocal) => void signOut(keepLocal)}
          />
        )}
      </RegistryContext.Provider>
    </AppContext.Provider>
  );
}
