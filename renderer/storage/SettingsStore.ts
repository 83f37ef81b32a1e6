/**
 * App-level settings that exist before any server is known, such as the UI language. A tiny database of its own, so it never depends on which server is chosen.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Profile } from '../../shared/model/profile';

/** The person at this computer as the editor shows them (name, organization, caret colour). */
export interface LocalProfile extends Profile {
  /** The account's user id; names the per-server database. */
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
