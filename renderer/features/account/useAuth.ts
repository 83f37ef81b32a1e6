/**
 * Who is signed in to which server. At start it reads the stored token and asks `/api/me`;
 * with no network it trusts the last `me` this computer saw, so a person at a mine site opens
 * their own local database and keeps working. A refused token ends the session but never the
 * local data: the person signs in again and the same database resumes syncing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LoginResponse, MeResponse } from '../../../shared/protocol/api';
import type { TokenStore } from '../../platform/tokenStore';
import { fetchMe } from '../../api/accounts';
import { ApiClient, ApiRequestError } from '../../api/client';
import type { SessionCache } from './sessionCache';

export type AuthState =
  | { kind: 'starting' }
  | { kind: 'signedOut'; notice: 'expired' | 'signedOut' | null; email: string }
  | {
      kind: 'signedIn';
      token: string;
      me: MeResponse;
      /** The server refused the token after sign-in; local work goes on until the person signs in again. */
      expired: boolean;
    };

export interface Auth {
  state: AuthState;
  serverUrl: string;
  /** The API of the current server with the current token. */
  api: ApiClient;
  /** Stores the session a login or an accepted invitation returned, on `server`. */
  completeSignIn: (server: string, login: LoginResponse) => Promise<void>;
  /** The token was refused (401 on the API or on a socket). */
  markExpired: () => void;
  /** Re-reads `/api/me` (memberships change when a lead approves or removes). */
  refreshMe: () => Promise<void>;
  /** Forgets the token; the caller has already dealt with local data. */
  finishSignOut: () => Promise<void>;
}

/** The token the API client sends, changed by sign-in and sign-out outside React's render. */
class TokenHolder {
  private token: string | null = null;
  get(): string | null {
    return this.token;
  }
  set(token: string | null): void {
    this.token = token;
  }
}

export interface AuthOptions {
  /** Start on the server last signed in to from this computer, when one was typed on the sign-in screen. */
  preferRememberedServer?: boolean;
}

export function useAuth(
  initialServer: string,
  tokens: TokenStore,
  cache: SessionCache,
  { preferRememberedServer = false }: AuthOptions = {},
): Auth {
  const [serverUrl, setServerUrl] = useState(initialServer);
  const [serverChosen, setServerChosen] = useState(!preferRememberedServer);
  const [state, setState] = useState<AuthState>({ kind: 'starting' });
  const [tokenBox] = useState(() => new TokenHolder());
  const stateBox = useRef(state);
  useEffect(() => {
    stateBox.current = state;
  }, [state]);

  const markExpired = useCallback(() => {
    setState((current) =>
      current.kind === 'signedIn' && !current.expired ? { ...current, expired: true } : current,
    );
  }, []);

  const api = useMemo(
    () =>
      new ApiClient({
        serverUrl,
        getToken: () => tokenBox.get(),
        onSessionGone: markExpired,
      }),
    [serverUrl, markExpired, tokenBox],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (!serverChosen) {
        const remembered = await cache.getLastServer().catch(() => null);
        if (cancelled) return;
        setServerChosen(true);
        if (remembered !== null && remembered !== serverUrl) {
          setServerUrl(remembered);
          return;
        }
      }
      const [token, cached] = await Promise.all([
        tokens.load(serverUrl).catch(() => null),
        cache.getMe(serverUrl).catch(() => null),
      ]);
      if (cancelled) return;
      const email = cached?.user.email ?? '';
      if (token === null) {
        setState({ kind: 'signedOut', notice: null, email });
        return;
      }
      tokenBox.set(token);
      try {
        const me = await fetchMe(new ApiClient({ serverUrl, getToken: () => token }));
        if (cancelled) return;
        await cache.setMe(serverUrl, me);
        setState({ kind: 'signedIn', token, me, expired: false });
      } catch (error) {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.sessionGone) {
          tokenBox.set(null);
          await tokens.clear(serverUrl).catch(() => undefined);
          setState({ kind: 'signedOut', notice: 'expired', email });
        } else if (cached !== null) {
          setState({ kind: 'signedIn', token, me: cached, expired: false });
        } else {
          setState({ kind: 'signedOut', notice: null, email });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [serverUrl, serverChosen, tokens, cache, tokenBox]);

  const completeSignIn = useCallback(
    async (server: string, login: LoginResponse) => {
      const origin = new URL(server).origin;
      await tokens.save(origin, login.token);
      await cache.setLastServer(origin);
      const me = await fetchMe(new ApiClient({ serverUrl: origin, getToken: () => login.token }));
      await cache.setMe(origin, me);
      tokenBox.set(login.token);
      if (origin !== serverUrl) setServerUrl(origin);
      setState({ kind: 'signedIn', token: login.token, me, expired: false });
    },
    [tokens, cache, serverUrl, tokenBox],
  );

  const refreshMe = useCallback(async () => {
    const current = stateBox.current;
    if (current.kind !== 'signedIn' || current.expired) return;
    try {
      const me = await fetchMe(api);
      await cache.setMe(serverUrl, me);
      setState((latest) =>
        latest.kind === 'signedIn' && latest.token === current.token ? { ...latest, me } : latest,
      );
    } catch {
      // Offline or refused: the session keeps its last `me`; a refusal already marked it expired.
    }
  }, [api, cache, serverUrl]);

  const finishSignOut = useCallback(async () => {
    const current = stateBox.current;
    tokenBox.set(null);
    await tokens.clear(serverUrl).catch(() => undefined);
    await cache.clearMe(serverUrl).catch(() => undefined);
    setState({
      kind: 'signedOut',
      notice: 'signedOut',
      email: current.kind === 'signedIn' ? current.me.user.email : '',
    });
  }, [tokens, cache, serverUrl, tokenBox]);

  return { state, serverUrl, api, completeSignIn, markExpired, refreshMe, finishSignOut };
}
