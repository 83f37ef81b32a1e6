/**
 * Session tokens at rest, one per sync server, encrypted with Electron's safeStorage (the OS
 * keystore: DPAPI on Windows, Keychain on macOS, libsecret/KWallet on Linux) in one JSON file
 * under userData. When the OS offers no real encryption — including Linux's `basic_text`
 * fallback, which encrypts with a password hard-coded in Chromium — nothing is written: the
 * person signs in again next time instead of leaving a usable token on disk.
 */
import type { SafeStorage } from 'electron';
import type { TokenSaveResult } from '../../shared/ipc/schemas';

export interface VaultFiles {
  /** The file's text, or null when it does not exist. */
  read(): Promise<string | null>;
  /** Replaces the file atomically (write elsewhere, then rename). */
  write(text: string): Promise<void>;
}

type Crypto = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface TokenVault {
  load(server: string): Promise<string | null>;
  save(server: string, token: string): Promise<TokenSaveResult>;
  clear(server: string): Promise<void>;
}

type Stored = Record<string, string>;

export function canEncrypt(crypto: Crypto, platform: string): boolean {
  if (!crypto.isEncryptionAvailable()) return false;
  return platform !== 'linux' || crypto.getSelectedStorageBackend() !== 'basic_text';
}

export function createTokenVault(files: VaultFiles, crypto: Crypto, platform: string): TokenVault {
  const readAll = async (): Promise<Stored> => {
    const text = await files.read();
    if (text === null) return {};
    try {
      const parsed: unknown = JSON.parse(text);
      const tokens = (parsed as { tokens?: unknown }).tokens;
      if (typeof tokens !== 'object' || tokens === null) return {};
      return Object.fromEntries(
        Object.entries(tokens).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    } catch {
      // A damaged file only costs a new sign-in.
      return {};
    }
  };
  const writeAll = (tokens: Stored) => files.write(JSON.stringify({ version: 1, tokens }));
  // Calls run one after another so two saves cannot interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    load: (server) =>
      serial(async () => {
        const encrypted = (await readAll())[server];
        if (encrypted === undefined || !canEncrypt(crypto, platform)) return null;
        try {
          return crypto.decryptString(Buffer.from(encrypted, 'base64'));
        } catch {
          return null;
        }
      }),
    save: (server, token) =>
      serial(async (): Promise<TokenSaveResult> => {
        if (!canEncrypt(crypto, platform)) {
          return { stored: false, code: 'safe_storage_unavailable' };
        }
        const tokens = await readAll();
        tokens[server] = crypto.encryptString(token).toString('base64');
        await writeAll(tokens);
        return { stored: true };
      }),
    clear: (server) =>
      serial(async () => {
        const tokens = await readAll();
        if (!(server in tokens)) return;
        delete tokens[server];
        await writeAll(tokens);
      }),
  };
}
