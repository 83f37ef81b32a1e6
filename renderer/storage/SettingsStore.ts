/**
 * App-level settings that exist before any server is known: the local profile and the UI
 * language. A tiny database of its own, so it never depends on which server is chosen.
 */
import Dexie, { type EntityTable } from 'dexie';
import { profileSchema, type Profile } from '../../shared/model/profile';

export interface LocalProfile extends Profile {
  /** Random id of this person on this computer; names the per-server database. */
  id: string;
}

interface SettingRow {
  key: string;
  value: unknown;
}

type SettingsDexie = Dexie & { settings: EntityTable<SettingRow, 'key'> };

export class SettingsStore {
  private readonly db: SettingsDexie;

  constructor(name = 'minka-settings') {
    this.db = new Dexie(name) as SettingsDexie;
    this.db.version(1).stores({ settings: 'key' });
  }

  async getProfile(): Promise<LocalProfile | null> {
    const row = await this.db.settings.get('profile');
    if (row === undefined) return null;
    const value = row.value as Partial<LocalProfile>;
    const parsed = profileSchema.safeParse(value);
    if (!parsed.success || typeof value.id !== 'string') return null;
    return { ...parsed.data, id: value.id };
  }

  async setProfile(profile: LocalProfile): Promise<void> {
    await this.db.settings.put({ key: 'profile', value: profile });
  }

  async getLanguage(): Promise<string | null> {
    const row = await this.db.settings.get('language');
    return typeof row?.value === 'string' ? row.value : null;
  }

  async setLanguage(language: string): Promise<void> {
    await this.db.settings.put({ key: 'language', value: language });
  }

  close(): void {
    this.db.close();
  }
}
