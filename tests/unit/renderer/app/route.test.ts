import { describe, expect, it } from 'vitest';
import {
  boardHref,
  docHref,
  invitationHref,
  membersHref,
  parseRoute,
  routeGroupId,
} from '../../../../renderer/app/route';
import type { BoardId, DocId, GroupId } from '../../../../shared/model/ids';
import type { CardId } from '../../../../shared/ydoc/boardDoc';

const G = '00000000-0000-4000-8000-00000000000a' as GroupId;
const D = '00000000-0000-4000-8000-00000000000b' as DocId;
const B = '00000000-0000-4000-8000-00000000000c' as BoardId;
const C = '00000000-0000-4000-8000-00000000000d' as CardId;

describe('parseRoute', () => {
  it('reads every screen, boards and an open card included', () => {
    expect(parseRoute(`#/g/${G}/d/${D}`)).toEqual({ kind: 'doc', groupId: G, docId: D });
    expect(parseRoute(`#/g/${G}/b/${B}`)).toEqual({
      kind: 'board',
      groupId: G,
      boardId: B,
      cardId: null,
    });
    expect(parseRoute(`#/g/${G}/b/${B}/c/${C}`)).toEqual({
      kind: 'board',
      groupId: G,
      boardId: B,
      cardId: C,
    });
    expect(parseRoute(`#/g/${G.toUpperCase()}/miembros`)).toEqual({ kind: 'members', groupId: G });
    expect(parseRoute('#/grupos')).toEqual({ kind: 'groupDirectory' });
    expect(parseRoute('#/organizaciones')).toEqual({ kind: 'organizations' });
  });

  it('gives back the route its href was made from', () => {
    for (const href of [
      docHref(G, D),
      boardHref(G, B),
      boardHref(G, B, C),
      membersHref(G),
      invitationHref('abc_DEF-123'),
    ]) {
      expect(`#${href.slice(1)}`).toBe(href);
      expect(parseRoute(href).kind).not.toBe('notFound');
    }
    expect(boardHref(G, B, C)).toBe(`#/g/${G}/b/${B}/c/${C}`);
  });

  it('knows the group of every route inside one (a board too)', () => {
    expect(routeGroupId(parseRoute(membersHref(G)))).toBe(G);
    expect(routeGroupId(parseRoute(docHref(G, D)))).toBe(G);
    expect(routeGroupId(parseRoute(boardHref(G, B, C)))).toBe(G);
    expect(routeGroupId(parseRoute('#/grupos'))).toBeNull();
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

  it('is home for an empty hash and "not found" for anything it cannot read', () => {
    expect(parseRoute('')).toEqual({ kind: 'home' });
    expect(parseRoute('#/')).toEqual({ kind: 'home' });
    for (const hash of [
      '#/g/no-es-un-id/miembros',
      `#/g/${G}/d/otro`,
      `#/g/${G}/b/${B}/c/no-es-un-id`,
      `#/g/${G}/b/${B}/x/${C}`,
      `#/g/${G}/d/${D}/extra`,
      `#/g/${G}/../d/${D}`,
      '#/ajustes',
      `#g/${G}/d/${D}`,
      `#/g/${G}/d/${D}${'/x'.repeat(300)}`,
    ]) {
      expect(parseRoute(hash), hash).toEqual({ kind: 'notFound' });
    }
  });
});
