import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, readMainConfig } from '../../../../electron/main/config';

describe('readMainConfig', () => {
  it('defaults to the local sync server', () => {
    expect(readMainConfig(['electron', '.'], {})).toEqual({
      ok: true,
      config: { serverOrigin: DEFAULT_SERVER_URL },
    });
  });

  it('reads MINKA_SERVER_URL', () => {
    expect(readMainConfig([], { MINKA_SERVER_URL: 'https://sync.cluster.pe/' })).toEqual({
      ok: true,
      config: { serverOrigin: 'https://sync.cluster.pe' },
    });
  });

  it('prefers --server-url= over the environment', () => {
    expect(
      readMainConfig(['electron', '.', '--server-url=http://10.0.0.5:9000'], {
        MINKA_SERVER_URL: 'http://127.0.0.1:4455',
      }),
    ).toEqual({ ok: true, config: { serverOrigin: 'http://10.0.0.5:9000' } });
  });

  it.each([
    'ftp://x',
    'http://127.0.0.1:4455/api',
    'http://u:p@127.0.0.1:4455',
    'javascript:alert(1)',
    'nada',
  ])('refuses %s with a code and a sentence', (url) => {
    const result = readMainConfig([`--server-url=${url}`], {});
    expect(result).toMatchObject({ ok: false, code: 'bad_server_url' });
    expect(result.ok ? '' : result.message).toContain(DEFAULT_SERVER_URL);
  });
});
