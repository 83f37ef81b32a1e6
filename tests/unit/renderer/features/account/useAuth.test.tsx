// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse } from '../../../../../shared/protocol/api';
import { SessionCache } from '../../../../../renderer/features/account/sessionCache';
import { useAuth, type Auth } from '../../../../../renderer/features/account/useAuth';
import type { TokenStore } from '../../../../../renderer/platform/tokenStore';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SERVER = 'http://127.0.0.1:4455';
const ME = {
  user: {
    id: 'u-1',
    name: 'Ana Quispe',
    email: 'ana@demo',
    colour: '#1f6f8b',
    workspaceRole: 'member',
  },
  organization: { id: 'o-1', name: 'Minera', kind: 'mining_company' },
  workspace: { id: 'w', name: 'Clúster' },
  memberships: [],
  pendingAccessRequests: 0,
} as unknown as MeResponse;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.unstubAllGlobals();
});

function memoryTokens(initial: string | null): TokenStore & { token: string | null } {
  const store = {
    token: initial,
    load: async () => store.token,
    save: async (_server: string, token: string) => {
      store.token = token;
    },
    clear: async () => {
      store.token = null;
    },
  };
  return store;
}

async function start(tokens: TokenStore, cache: SessionCache): Promise<{ current: Auth }> {
  const latest = { current: null as unknown as Auth };
  function Probe() {
    latest.current = useAuth(SERVER, tokens, cache);
    return null;
  }
  root = createRoot(document.createElement('div'));
  await act(async () => root!.render(<Probe />));
  // Start-up reads IndexedDB and the network: on a loaded machine that can take over the
  // default second, and the state is then still 'starting'.
  await vi.waitFor(() => expect(latest.current.state.kind).not.toBe('starting'), {
    timeout: 10_000,
  });
  return latest;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('useAuth at start', () => {
  it('with no network opens the last person seen on this server, token kept', async () => {
    const cache = new SessionCache(`cache-${Math.random()}`);
    await cache.setMe(SERVER, ME);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const tokens = memoryTokens('vigente');
    const auth = await start(tokens, cache);
    expect(auth.current.state).toMatchObject({
      kind: 'signedIn',
      token: 'vigente',
      expired: false,
    });
    expect(auth.current.state.kind === 'signedIn' && auth.current.state.me.user.id).toBe('u-1');
    expect(tokens.token).toBe('vigente');
  });

  it('with a refused token shows sign-in with the expiry notice and the email filled in', async () => {
    const cache = new SessionCache(`cache-${Math.random()}`);
    await cache.setMe(SERVER, ME);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(401, { error: { code: 'session_expired', message: '' } })),
    );
    const tokens = memoryTokens('vencido');
    const auth = await start(tokens, cache);
    expect(auth.current.state).toEqual({ kind: 'signedOut', notice: 'expired', email: 'ana@demo' });
    expect(tokens.token).toBeNull();
    // The person is still remembered, so their database (and pending changes) opens at the next sign-in.
    expect((await cache.getMe(SERVER))?.user.id).toBe('u-1');
  });

  it('a 401 while signed in marks the session expired without leaving the app', async () => {
    const cache = new SessionCache(`cache-${Math.random()}`);
    let refuse = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        refuse ? json(401, { error: { code: 'session_invalid', message: '' } }) : json(200, ME),
      ),
    );
    const auth = await start(memoryTokens('vigente'), cache);
    expect(auth.current.state).toMatchObject({ kind: 'signedIn', expired: false });
    refuse = true;
    await act(async () => {
      await auth.current.refreshMe();
    });
    expect(auth.current.state).toMatchObject({ kind: 'signedIn', expired: true });
  });
});
