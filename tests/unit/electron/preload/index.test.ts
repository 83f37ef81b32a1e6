// Imports the real preload against a fake electron module and checks what reaches the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MINKA_BRIDGE_KEYS } from '../../../../shared/ipc/bridge';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, unknown>>(),
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ version: '0.1.0', platform: 'linux' })),
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => fake.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: fake.invoke,
    send: vi.fn(),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      fake.listeners.set(channel, listener),
  },
}));

async function loadPreload(argv: string[]) {
  vi.resetModules();
  fake.exposed.clear();
  fake.listeners.clear();
  fake.invoke.mockClear();
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
      /no_server_url/,
    );
    expect(fake.exposed.size).toBe(0);
  });

  const server = 'http://127.0.0.1:4455';
  type Api = Record<string, (...args: unknown[]) => unknown>;
  const api = () => fake.exposed.get('minka') as Api;

  it.each([
    ['setLanguage', ['en'], ['app:setLanguage', 'en']],
    ['loadToken', [server], ['token:load', server]],
    ['saveToken', [server, 'tok'], ['token:save', server, 'tok']],
    ['clearToken', [server], ['token:clear', server]],
    [
      'exportDocument',
      [{ format: 'markdown', title: 'A', markdown: '#' }],
      ['document:export', { format: 'markdown', title: 'A', markdown: '#' }],
    ],
    ['notify', [{ title: 'T', body: 'B' }], ['os:notify', { title: 'T', body: 'B' }]],
  ])('%s calls its own fixed channel', async (name, args, expected) => {
    await loadPreload(['electron', `--minka-server-url=${server}`]);
    await api()[name]!(...args);
    expect(fake.invoke).toHaveBeenLastCalledWith(...expected);
  });

  it('listens to exactly the two main → renderer channels', async () => {
    await loadPreload(['electron', `--minka-server-url=${server}`]);
    expect([...fake.listeners.keys()].sort()).toEqual(['app:command', 'app:quitCheck']);
  });

  it('replays commands that came before the first listener and drops malformed ones', async () => {
    await loadPreload(['electron', `--minka-server-url=${server}`]);
    const push = fake.listeners.get('app:command')!;
    push({}, { kind: 'open', path: '/g/../etc' });
    push({}, { kind: 'open', path: 'javascript:alert(1)' });
    push({}, { kind: 'search' });
    push({}, { kind: 'search', extra: '<script>' });
    push({}, 'new-document');
    const received: unknown[] = [];
    const unsubscribe = api().onCommand!((command: unknown) =>
      received.push(command),
    ) as () => void;
    expect(received).toEqual([{ kind: 'search' }]);
    push({}, { kind: 'switch-group', index: 3 });
    push({}, { kind: 'switch-group', index: 12 });
    expect(received).toEqual([{ kind: 'search' }, { kind: 'switch-group', index: 3 }]);
    unsubscribe();
    push({}, { kind: 'new-board' });
    expect(received).toHaveLength(2);
  });

  it('answers the quit check with the page’s count, and 0 without a page answer', async () => {
    await loadPreload(['electron', `--minka-server-url=${server}`]);
    const ask = fake.listeners.get('app:quitCheck')!;
    ask({}, 7);
    await vi.waitFor(() =>
      expect(fake.invoke).toHaveBeenLastCalledWith('app:answerQuitCheck', 7, 0),
    );
    const unregister = api().onQuitCheck!(() => Promise.resolve(5)) as () => void;
    ask({}, 8);
    await vi.waitFor(() =>
      expect(fake.invoke).toHaveBeenLastCalledWith('app:answerQuitCheck', 8, 5),
    );
    api().onQuitCheck!(() => -3);
    ask({}, 9);
    await vi.waitFor(() =>
      expect(fake.invoke).toHaveBeenLastCalledWith('app:answerQuitCheck', 9, 0),
    );
    unregister();
  });
});
