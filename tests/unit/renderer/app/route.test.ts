import { describe, expect, it } from 'vitest';
import {
  invitationHref,
  membersHref,
  parseRoute,
  routeGroupId,
} from '../../../../renderer/app/route';

const G = '00000000-0000-4000-8000-00000000000a';
const D = '00000000-0000-4000-8000-00000000000b';

describe('parseRoute', () => {
  it('reads documents, members and the directories', () => {
    expect(parseRoute(`#/g/${G}/d/${D}`)).toEqual({ kind: 'doc', groupId: G, docId: D });
    expect(parseRoute(`#/g/${G.toUpperCase()}/miembros`)).toEqual({ kind: 'members', groupId: G });
    expect(parseRoute('#/grupos')).toEqual({ kind: 'groupDirectory' });
    expect(parseRoute('#/organizaciones')).toEqual({ kind: 'organizations' });
    expect(routeGroupId(parseRoute(membersHref(G as never)))).toBe(G);
  });

  it('reads invitation links in Spanish and in the server’s English form, and a bare code screen', () => {
    expect(parseRoute(invitationHref('abc_DEF-123'))).toEqual({
      kind: 'invitation',
      code: 'abc_DEF-123',
    });
    expect(parseRoute('#/invitation/abc_DEF-123')).toEqual({
      kind: 'invitation',
      code: 'abc_DEF-123',
    });
    expect(parseRoute('#/invitacion/')).toEqual({ kind: 'invitation', code: '' });
    expect(parseRoute('#/invitacion/%E0%A4%A')).toEqual({ kind: 'invitation', code: '' });
  });

  it('falls back home for anything else', () => {
    expect(parseRoute('')).toEqual({ kind: 'home' });
    expect(parseRoute('#/g/no-es-un-id/miembros')).toEqual({ kind: 'home' });
    expect(parseRoute(`#/g/${G}/d/otro`)).toEqual({ kind: 'home' });
  });
});
