import { describe, expect, it } from 'vitest';
import { createTokenVault } from '../../../../electron/main/tokenVault';

const server = 'http://127.0.0.1:4455';

function fakeFiles(initial: string | null = null) {
  const file = { text: initial };
  return {
    file,
    files: {
      read: () => Promise.resolve(file.text),
      write: (text: string) => {
        file.text = text;
        return Promise.resolve();
      },
    },
  };
}

function fakeCrypto(available = true, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ 0x5a)),
    decryptString: (data: Buffer) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString(),
  };
}

describe('createTokenVault', () => {
  it('keeps tokens per server, encrypted on disk', async () => {
    const { file, files } = fakeFiles();
    const vault = createTokenVault(files, fakeCrypto(), 'linux');
    await expect(vault.save(server, 'sesión-secreta')).resolves.toEqual({ stored: true });
    await vault.save('https://sync.cluster.pe', 'other');
    expect(file.text).not.toContain('sesión-secreta');
    await expect(vault.load(server)).resolves.toBe('sesión-secreta');
    await expect(vault.load('https://sync.cluster.pe')).resolves.toBe('other');
    await vault.clear(server);
    await expect(vault.load(server)).resolves.toBeNull();
    await expect(vault.load('https://sync.cluster.pe')).resolves.toBe('other');
  });

  it('writes nothing when the OS cannot encrypt', async () => {
    const { file, files } = fakeFiles();
    const vault = createTokenVault(files, fakeCrypto(false), 'win32');
    await expect(vault.save(server, 'secret')).resolves.toEqual({
      stored: false,
      code: 'safe_storage_unavailable',
    });
    expect(file.text).toBeNull();
  });

  it('treats Linux’s basic_text backend (a hard-coded key) as no encryption', async () => {
    const { file, files } = fakeFiles();
    const vault = createTokenVault(files, fakeCrypto(true, 'basic_text'), 'linux');
    await expect(vault.save(server, 'secret')).resolves.toMatchObject({ stored: false });
    expect(file.text).toBeNull();
  });

  it('survives a damaged file by forgetting the tokens', async () => {
    const { files } = fakeFiles('{ not json');
    const vault = createTokenVault(files, fakeCrypto(), 'darwin');
    await expect(vault.load(server)).resolves.toBeNull();
    await expect(vault.save(server, 'fresh')).resolves.toEqual({ stored: true });
    await expect(vault.load(server)).resolves.toBe('fresh');
  });

  it('does not lose a token when two saves overlap', async () => {
    const { files } = fakeFiles();
    const vault = createTokenVault(files, fakeCrypto(), 'linux');
    await Promise.all([vault.save(server, 'a'), vault.save('https://sync.cluster.pe', 'b')]);
    await expect(vault.load(server)).resolves.toBe('a');
    await expect(vault.load('https://sync.cluster.pe')).resolves.toBe('b');
  });
});
