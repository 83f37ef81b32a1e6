/**
 * IndexedDB writes are asynchronous, so a keystroke made a moment before the page goes away
 * (a reload, a closed window, a crashed renderer) could be lost before its transaction commits.
 * Every local update is first written synchronously to localStorage and removed once IndexedDB
 * has committed it; a room that opens replays whatever is left. Updates are CRDT updates, so
 * replaying one that did reach IndexedDB changes nothing.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';

export interface WalEntry {
  key: string;
  update: Uint8Array;
}

/** The part of the Web Storage API the log needs. */
export type KeyValueStorage = Pick<
  Storage,
  'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'
>;

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled by policy; the log then does nothing and IndexedDB alone remains.
    return null;
  }
}

let instances = 0;

export class WriteAheadLog {
  private readonly instance = `${Date.now().toString(36)}${(instances++).toString(36)}`;
  private seq = 0;

  constructor(
    private readonly prefix: string,
    private readonly storage: KeyValueStorage | null = browserStorage(),
  ) {}

  /** Writes the update now; returns its key, or null when it could not be written. */
  append(update: Uint8Array): string | null {
    if (this.storage === null) return null;
    const key = `${this.prefix}|${this.instance}|${(this.seq++).toString(36).padStart(8, '0')}`;
    try {
      this.storage.setItem(key, toBase64(update));
      return key;
    } catch {
      // Quota exceeded: the update still goes to IndexedDB, only without this safety net.
      return null;
    }
  }

  remove(key: string | null): void {
    if (key !== null) this.storage?.removeItem(key);
  }

  /** Updates written by any earlier page for this prefix and not yet confirmed in IndexedDB. */
  entries(): WalEntry[] {
    const storage = this.storage;
    if (storage === null) return [];
    const found: WalEntry[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key === null || !key.startsWith(`${this.prefix}|`)) continue;
      const value = storage.getItem(key);
      if (value !== null) found.push({ key, update: fromBase64(value) });
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : 1));
  }
}
