/** The governance screens' paths (issue 15) parse strictly and print back to themselves. */
import { describe, expect, it } from 'vitest';
import { parseRoutePath, routePath, routeGroupId } from '../../../shared/protocol/route';

const G = '3c1e5a7b-9d2f-4e6a-8b0c-1d3e5f7a9b2c';
const X = '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098';

describe('governance routes', () => {
  it.each([
    ['/registro', { kind: 'register', groupId: null }],
    [`/g/${G}/registro`, { kind: 'register', groupId: G }],
    [`/g/${G}/registro/sesion/${X}`, { kind: 'meeting', groupId: G, meetingId: X }],
    [`/g/${G}/normativa`, { kind: 'regulations', groupId: G }],
    [`/g/${G}/normativa/articulo/${X}`, { kind: 'article', groupId: G, articleId: X }],
    [`/g/${G}/misiones`, { kind: 'missions', groupId: G, missionId: null }],
    [`/g/${G}/misiones/${X}`, { kind: 'missions', groupId: G, missionId: X }],
  ])('%s', (path, route) => {
    const parsed = parseRoutePath(path);
    expect(parsed).toEqual(route);
    expect(routePath(parsed)).toBe(path);
  });

  it.each([
    '/registro/extra',
    `/g/${G}/registro/sesion`,
    `/g/${G}/registro/sesion/no-uuid`,
    `/g/${G}/registro/acta/${X}`,
    `/g/${G}/normativa/articulo/${X}/mas`,
    `/g/${G}/misiones/${X}/agenda`,
    `/g/${G}/misiones/chile`,
  ])('refuses %s', (path) => {
    expect(parseRoutePath(path)).toEqual({ kind: 'notFound' });
  });

  it('prints UUIDs lower-case and knows the group', () => {
    const route = parseRoutePath(`/g/${G.toUpperCase()}/normativa/articulo/${X.toUpperCase()}`);
    expect(routePath(route)).toBe(`/g/${G}/normativa/articulo/${X}`);
    expect(routeGroupId(route)).toBe(G);
    expect(routeGroupId(parseRoutePath('/registro'))).toBeNull();
  });
});
