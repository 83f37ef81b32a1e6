// Imports the real preload against a fake electron module and checks what reaches the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MINKA_BRIDGE_KEYS } from '../../../../shared/ipc/bridge';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, unknown>>(),
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ version: '0.1.0', platform: 'linux' })),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => fake.exposed.set(key, api),
  },
  ipcRenderer: { invoke: fake.invoke, send: vi.fn(), on: vi.fn() },
}));

async function loadPreload(argv: string[]) {
  vi.resetModules();
  fake.exposed.clear();
  vi.spyOn(process, 'argv', 'get').mockReturnValue(argv);
  await import('../../../../electron/preload/index');
}

describe('electron/preload', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('exposes only window.minka, with exactly the allowlisted keys', async () => {
    await loadPreload(['electron', '--minka-server-url=http://127.0.0.1:4455']);
    expect([...fake.exposed.keys()]).toEqual(['minka']);
    const api = fake.exposed.get('minka') ?? {};
    expect(Object.keys(api)).toEqual([...MINKA_BRIDGE_KEYS]);
    expect(Object.values(api)).not.toContain(fake.invoke);
  });

  it('hands over the server URL main passed as a value', async () => {
    await loadPreload(['electron', '--minka-server-url=http://10.0.0.5:9000']);
    expect(fake.exposed.get('minka')?.serverUrl).toBe('http://10.0.0.5:9000');
  });

  it('calls only the app:getInfo channel, with no page-supplied arguments', async () => {
    await loadPreload(['electron', '--minka-server-url=http://127.0.0.1:4455']);
    const getInfo = fake.exposed.get('minka')?.getInfo as (...args: unknown[]) => Promise<unknown>;
    await expect(getInfo('app:quit', { evil: true })).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
    });
    expect(fake.invoke).toHaveBeenLastCalledWith('app:getInfo');
  });

  it('exposes nothing when main did not pass a valid server URL', async () => {
    await expect(loadPreload(['electron', '--minka-server-url=file:///etc'])).rejects.toThrow(
      /MINKA_NO_SERVER_URL/,
    );
    expect(fake.exposed.size).toBe(0);
  });
});
