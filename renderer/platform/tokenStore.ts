/**
 * Where a session token is kept between runs, one per server. In the desktop app the preload
 * bridge keeps it encrypted with Electron's safeStorage (the renderer never sees the key); in
 * a browser it lives in a small IndexedDB database of its own, apart from the workspace data,
 * so signing out can drop the token without touching anyone's unsynced changes.
 */
import Dexie, { type EntityTable } from 'dexie';
import { getBridge } from './bridge';

export interface TokenStore {
  load(server: string): Promise<string | null>;
  save(server: string, token: string): Promise<void>;
  clear(server: string): Promise<void>;
}

/**
 * The token functions the desktop preload adds to `window.minka` (shared/ipc/bridge.ts), typed
 * structurally so this module does not break while the bridge grows. `saveToken` answers
 * `{ stored: false }` when the OS has no keystore: main then writes no plaintext token.
 */
export interface BridgeTokenFunctions {
  loadToken(server: string): Promise<string | null>;
  saveToken(server: string, token: string): Promise<{ stored: boolean }>;
  clearToken(server: string): Promise<void>;
}

interface TokenRow {
  server: string;
  token: string;
}

type TokenDexie = Dexie & { tokens: EntityTable<TokenRow, 'server'> };

/** Tokens are per server origin: `http://host:1/` and `http://host:1` are one server. */
export function serverKey(server: string): string {
  return new URL(server).origin;
}

export class IndexedDbTokenStore implements TokenStore {
  private readonly db: TokenDexie;

  constructor(name = 'minka-tokens') {
    this.db = new Dexie(name) as TokenDexie;
    this.db.version(1).stores({ tokens: 'server' });
  }

  async load(server: string): Promise<string | null> {
    const row = await this.db.tokens.get(serverKey(server));
    return row?.token ?? null;
  }

  async save(server: string, token: string): Promise<void> {
    await this.db.tokens.put({ server: serverKey(server), token });
  }

  async clear(server: string): Promise<void> {
    await this.db.tokens.delete(serverKey(server));
  }

  close(): void {
    this.db.close();
  }
}

/**
 * safeStorage through the preload. Where the OS cannot encrypt, the token is kept in memory for
 * this run only (the person signs in again next time) rather than written in plain text.
 */
export class BridgeTokenStore implements TokenStore {
  private readonly unencrypted = new Map<string, string>();

  constructor(private readonly bridge: BridgeTokenFunctions) {}

  async load(server: string): Promise<string | null> {
    const key = serverKey(server);
    return this.unencrypted.get(key) ?? (await this.bridge.loadToken(key));
  }

  async save(server: string, token: string): Promise<void> {
    const key = serverKey(server);
    const result = await this.bridge.saveToken(key, token);
    if (result.stored) this.unencrypted.delete(key);
    else this.unencrypted.set(key, token);
  }

  async clear(server: string): Promise<void> {
    const key = serverKey(server);
    this.unencrypted.delete(key);
    await this.bridge.clearToken(key);
  }
}

function hasTokenFunctions(bridge: object): bridge is BridgeTokenFunctions {
  const candidate = bridge as Partial<BridgeTokenFunctions>;
  return (
    typeof candidate.loadToken === 'function' &&
    typeof candidate.saveToken === 'function' &&
    typeof candidate.clearToken === 'function'
  );
}

/** The desktop's safeStorage when the preload offers it, else IndexedDB. */
export function createTokenStore(): TokenStore {
  const bridge = getBridge();
  if (bridge !== null && hasTokenFunctions(bridge)) return new BridgeTokenStore(bridge);
  return new IndexedDbTokenStore();
}
