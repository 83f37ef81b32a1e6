/**
 * What this computer remembers about the last session on each server, apart from the token:
 * who was signed in (so the app opens that person's local database with no network) and the
 * server address typed on the sign-in screen. Nothing here opens a session by itself.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { MeResponse } from '../../../shared/protocol/api';

interface AccountRow {
  server: string;
  me: MeResponse;
}

interface PreferenceRow {
  key: string;
  value: string;
}

type CacheDexie = Dexie & {
  accounts: EntityTable<AccountRow, 'server'>;
  preferences: EntityTable<PreferenceRow, 'key'>;
};

const LAST_SERVER = 'lastServer';

export class SessionCache {
  private readonly db: CacheDexie;

  constructor(name = 'minka-account') {
    this.db = new Dexie(name) as CacheDexie;
    this.db.version(1).stores({ accounts: 'server', preferences: 'key' });
  }

  async getMe(server: string): Promise<MeResponse | null> {
    return (await this.db.accounts.get(new URL(server).origin))?.me ?? null;
  }

  async setMe(server: string, me: MeResponse): Promise<void> {
    await this.db.accounts.put({ server: new URL(server).origin, me });
  }

  async clearMe(server: string): Promise<void> {
    await this.db.accounts.delete(new URL(server).origin);
  }

  async getLastServer(): Promise<string | null> {
    return (await this.db.preferences.get(LAST_SERVER))?.value ?? null;
  }

  async setLastServer(server: string): Promise<void> {
    await this.db.preferences.put({ key: LAST_SERVER, value: new URL(server).origin });
  }
}
