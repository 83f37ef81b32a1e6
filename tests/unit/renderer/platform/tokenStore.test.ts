import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BridgeTokenStore,
  createTokenStore,
  IndexedDbTokenStore,
  type BridgeTokenFunctions,
} from '../../../../renderer/platform/tokenStore';

const stores: IndexedDbTokenStore[] = [];
function browserStore(): IndexedDbTokenStore {
  const store = new IndexedDbTokenStore(`tokens-test-${Math.random()}`);
  stores.push(store);
  return store;
}

afterEach(() => {
  stores.splice(0).forEach((store) => store.close());
  vi.unstubAllGlobals();
});

function fakeBridge(stored = true) {
  const saved = new Map<string, string>();
  const bridge: BridgeTokenFunctions = {
    loadToken: vi.fn(async (server: string) => saved.get(server) ?? null),
    saveToken: vi.fn(async (server: string, token: string) => {
      if (stored) saved.set(server, token);
      return { stored };
    }),
    clearToken: vi.fn(async (server: string) => {
      saved.delete(server);
    }),
  };
  return { bridge, saved };
}

describe('IndexedDbTokenStore (browser)', () => {
  it('keeps one token per server origin across instances', async () => {
    const name = `tokens-test-${Math.random()}`;
    const first = new IndexedDbTokenStore(name);
    await first.save('http://127.0.0.1:4455/', 'token-a');
    await first.save('https://minka.clustersur.pe', 'token-b');
    first.close();
    const second = new IndexedDbTokenStore(name);
    stores.push(second);
    expect(await second.load('http://127.0.0.1:4455')).toBe('token-a');
    expect(await second.load('https://minka.clustersur.pe/ruta')).toBe('token-b');
    expect(await second.load('http://127.0.0.1:9999')).toBeNull();
  });

  it('clear forgets only that server’s token', async () => {
    const store = browserStore();
    await store.save('http://127.0.0.1:4455', 'a');
    await store.save('http://127.0.0.1:4456', 'b');
    await store.clear('http://127.0.0.1:4455');
    expect(await store.load('http://127.0.0.1:4455')).toBeNull();
    expect(await store.load('http://127.0.0.1:4456')).toBe('b');
  });
});

describe('BridgeTokenStore (desktop safeStorage)', () => {
  it('passes the server origin to the preload', async () => {
    const { bridge, saved } = fakeBridge();
    const store = new BridgeTokenStore(bridge);
    await store.save('http://127.0.0.1:4455/x', 'cifrado');
    expect(saved.get('http://127.0.0.1:4455')).toBe('cifrado');
    expect(await store.load('http://127.0.0.1:4455')).toBe('cifrado');
    await store.clear('http://127.0.0.1:4455');
    expect(bridge.clearToken).toHaveBeenCalledWith('http://127.0.0.1:4455');
    expect(await store.load('http://127.0.0.1:4455')).toBeNull();
  });

  it('without an OS keystore keeps the token for this run only, never in plain text on disk', async () => {
    const { bridge, saved } = fakeBridge(false);
    const store = new BridgeTokenStore(bridge);
    await store.save('http://127.0.0.1:4455', 'solo-en-memoria');
    expect(saved.size).toBe(0);
    expect(await store.load('http://127.0.0.1:4455')).toBe('solo-en-memoria');
    expect(await new BridgeTokenStore(bridge).load('http://127.0.0.1:4455')).toBeNull();
  });
});

describe('createTokenStore', () => {
  it('uses the preload when it offers token functions, IndexedDB otherwise', () => {
    vi.stubGlobal('window', { minka: { serverUrl: 'http://x', ...fakeBridge().bridge } });
    expect(createTokenStore()).toBeInstanceOf(BridgeTokenStore);
    vi.stubGlobal('window', { minka: { serverUrl: 'http://x' } });
    const fallback = createTokenStore();
    expect(fallback).toBeInstanceOf(IndexedDbTokenStore);
    (fallback as IndexedDbTokenStore).close();
    vi.stubGlobal('window', {});
    const browser = createTokenStore();
    expect(browser).toBeInstanceOf(IndexedDbTokenStore);
    (browser as IndexedDbTokenStore).close();
  });
});
