import { describe, expect, it } from 'vitest';
import { deepLinksInArgv, parseDeepLink } from '../../../../electron/main/deepLink';

const G = '0b7e7c1e-2f4a-4c1d-9d7e-1a2b3c4d5e6f';
const D = '6f5e4d3c-2b1a-4e7d-9d1c-4a2f1e7c7e0b';

describe('parseDeepLink', () => {
  it.each([
    [`minka://doc/${G}/${D}`, { kind: 'open-document', groupId: G, docId: D }],
    [`minka://doc/${G}/${D}/`, { kind: 'open-document', groupId: G, docId: D }],
    [`minka://document/${G}/${D}`, { kind: 'open-document', groupId: G, docId: D }],
    [
      `MINKA://doc/${G.toUpperCase()}/${D.toUpperCase()}`,
      { kind: 'open-document', groupId: G, docId: D },
    ],
    [`minka://board/${G}/${D}`, { kind: 'open-board', groupId: G, boardId: D }],
    ['minka://invitation/Ab3_kL9-xYz12', { kind: 'accept-invitation', code: 'Ab3_kL9-xYz12' }],
  ])('%s → %j', (link, command) => {
    expect(parseDeepLink(link)).toEqual(command);
  });

  it.each([
    ['another scheme', `https://doc/${G}/${D}`],
    ['an unknown kind', `minka://settings/${G}`],
    ['a missing id', `minka://doc/${G}`],
    ['ids that are not UUIDs', 'minka://doc/abc/def'],
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
    ).toEqual([{ kind: 'open-document', groupId: G, docId: D }]);
  });
});
