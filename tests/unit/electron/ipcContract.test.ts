import { describe, expect, it } from 'vitest';
import { MINKA_BRIDGE_KEYS } from '../../../shared/ipc/bridge';
import {
  IpcChannel,
  parseServerOrigin,
  readServerUrlSwitch,
  serverUrlSwitch,
} from '../../../shared/ipc/channels';
import { ipcSchemas } from '../../../shared/ipc/schemas';

describe('shared/ipc contract', () => {
  it('has argument and result schemas for every channel', () => {
    expect(Object.keys(ipcSchemas).sort()).toEqual(Object.values(IpcChannel).sort());
  });

  it('validates app:getInfo results', () => {
    const { result } = ipcSchemas[IpcChannel.getInfo];
    expect(result.safeParse({ version: '0.1.0', platform: 'win32' }).success).toBe(true);
    expect(result.safeParse({ version: '' }).success).toBe(false);
  });

  it('exposes a fixed allowlist of bridge keys', () => {
    expect(MINKA_BRIDGE_KEYS).toEqual([
      'serverUrl',
      'getInfo',
      'setLanguage',
      'loadToken',
      'saveToken',
      'clearToken',
      'exportDocument',
      'notify',
      'onCommand',
      'onQuitCheck',
    ]);
  });
});

describe('server URL switch', () => {
  it('round-trips an origin through argv', () => {
    const argv = ['/opt/minka/minka', '--type=renderer', serverUrlSwitch('http://127.0.0.1:4455')];
    expect(readServerUrlSwitch(argv)).toBe('http://127.0.0.1:4455');
  });

  it('is null when main did not pass one or passed garbage', () => {
    expect(readServerUrlSwitch(['--type=renderer'])).toBeNull();
    expect(readServerUrlSwitch(['--minka-server-url=file:///etc/passwd'])).toBeNull();
  });

  it.each([
    ['http://127.0.0.1:4455', 'http://127.0.0.1:4455'],
    ['http://127.0.0.1:4455/', 'http://127.0.0.1:4455'],
    ['HTTPS://Sync.Cluster.PE:443/', 'https://sync.cluster.pe'],
    ['http://[::1]:4455', 'http://[::1]:4455'],
  ])('normalizes %s to %s', (input, origin) => {
    expect(parseServerOrigin(input)).toBe(origin);
  });

  it.each([
    'ws://127.0.0.1:4455',
    'http://127.0.0.1:4455/sync',
    'http://127.0.0.1:4455?x=1',
    'http://a@b',
    '',
  ])('refuses %s', (input) => {
    expect(parseServerOrigin(input)).toBeNull();
  });
});
