import { describe, expect, it } from 'vitest';
import { deepLinksInArgv, parseDeepLink } from '../../../../electron/main/deepLink';

const G = '0b7e7c1e-2f4a-4c1d-9d7e-1a2b3c4d5e6f';
const D = '6f5e4d3c-2b1a-4e7d-9d1c-4a2f1e7c7e0b';

const B = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('parseDeepLink', () => {
  it.each([
    [`minka://g/${G}/d/${D}`, `/g/${G}/d/${D}`],
    [`minka://g/${G}/b/${B}`, `/g/${G}/b/${B}`],
    [`minka://g/${G}/b/${B}/c/${D}`, `/g/${G}/b/${B}/c/${D}`],
    [`minka://g/${G}/miembros`, `/g/${G}/miembros`],
    ['minka://grupos', '/grupos'],
    ['minka://invitacion/Ab3_kL9-xYz12', '/invitacion/Ab3_kL9-xYz12'],
    // Links shared before routes were unified.
    [`minka://doc/${G}/${D}`, `/g/${G}/d/${D}`],
    [`minka://doc/${G}/${D}/`, `/g/${G}/d/${D}`],
    [`minka://document/${G}/${D}`, `/g/${G}/d/${D}`],
    [`MINKA://doc/${G.toUpperCase()}/${D.toUpperCase()}`, `/g/${G}/d/${D}`],
    [`minka://board/${G}/${B}`, `/g/${G}/b/${B}`],
    ['minka://invitation/Ab3_kL9-xYz12', '/invitacion/Ab3_kL9-xYz12'],
  ])('%s opens %s', (link, path) => {
    expect(parseDeepLink(link)).toEqual({ kind: 'open', path });
  });

  it.each([
    ['another scheme', `https://doc/${G}/${D}`],
    ['an unknown kind', `minka://settings/${G}`],
    ['a missing id', `minka://doc/${G}`],
    ['ids that are not UUIDs', 'minka://doc/abc/def'],
    ['a card id that is not a UUID', `minka://g/${G}/b/${B}/c/tarjeta`],
    ['an extra segment', `minka://doc/${G}/${D}/extra`],
    ['dot segments', `minka://doc/${G}/../${D}`],
    ['encoded dot segments', `minka://doc/${G}/%2e%2e/${D}`],
    ['an encoded slash', `minka://invitation/abc%2Fdefghij`],
    ['a query', `minka://doc/${G}/${D}?x=1`],
    ['a fragment', `minka://doc/${G}/${D}#x`],
    ['credentials', `minka://user:pw@doc/${G}/${D}`],
    ['a port', `minka://doc:80/${G}/${D}`],
    ['a backslash', `minka://doc\\${G}\\${D}`],
    ['a short invitation code', 'minka://invitation/abc'],
    ['an invitation without a code', 'minka://invitacion'],
    ['an invitation with a second segment', 'minka://invitation/abcdefgh/x'],
    ['an absolute path', 'minka:///etc/passwd'],
    ['a javascript: look-alike', 'minka://doc/javascript:alert(1)'],
    ['an oversized link', `minka://invitation/${'a'.repeat(600)}`],
    ['an empty string', ''],
  ])('refuses %s', (_label, link) => {
    expect(parseDeepLink(link)).toBeNull();
  });
});

describe('deepLinksInArgv', () => {
  it('finds the valid links a second launch passed and drops everything else', () => {
    expect(
      deepLinksInArgv([
        '/opt/Minka/minka',
        '--no-sandbox',
        `minka://doc/${G}/${D}`,
        'minka://doc/../../etc/passwd',
        '--server-url=http://127.0.0.1:4455',
      ]),
    ).toEqual([{ kind: 'open', path: `/g/${G}/d/${D}` }]);
  });
});
