/**
 * Every screen of Minka as one value, and the one parser and printer of its path. The same path
 * is the renderer's URL hash (`#/g/…/d/…`) and a shareable link (`minka://g/…/d/…`), so any
 * screen a person can reach can be linked, including a card with its panel open:
 *
 *   /                                   home
 *   /g/<groupId>/d/<docId>              a document
 *   /g/<groupId>/b/<boardId>            a board
 *   /g/<groupId>/b/<boardId>/c/<cardId> a board with that card's panel open
 *   /g/<groupId>/miembros               a group's members (leads and admins)
 *   /grupos                             the group directory
 *   /organizaciones                     the organization directory
 *   /invitacion/<code>                  accept an invitation (also /invitation/<code>)
 *   /registro                           the cluster's register of agreements (every body)
 *   /g/<groupId>/registro               a body's register, meetings and rules
 *   /g/<groupId>/registro/sesion/<id>   a meeting: agenda, minutes, agreements and votes
 *   /g/<groupId>/normativa              the group's regulatory base and friction cases
 *   /g/<groupId>/normativa/articulo/<id> one article with its aggregate and cases
 *   /g/<groupId>/misiones[/<id>]        international missions, or one mission
 *   /programa[/<section>]               the open-innovation program (desafios, convocatorias,
 *                                       propuestas, evaluacion, portafolio)
 *
 * A path arrives from outside (a link in a mail, a pasted URL), so it is parsed strictly: ids
 * must be UUIDs (printed lower-case, so one screen has one path), the invitation code URL-safe,
 * nothing extra. Anything else is `notFound`, never a guess. A new screen (threads, versions)
 * is one more variant, one more line in `parseRoutePath` and in `routePath`.
 */
import { canonicalUuid, type BoardId, type DocId, type GroupId } from '../model/ids';
import type { CardId } from '../ydoc/boardDoc';

export type Route =
  | { kind: 'home' }
  | { kind: 'doc'; groupId: GroupId; docId: DocId }
  | { kind: 'board'; groupId: GroupId; boardId: BoardId; cardId: CardId | null }
  | { kind: 'members'; groupId: GroupId }
  | { kind: 'groupDirectory' }
  | { kind: 'organizations' }
  /** `code` is '' when the link carried none or a malformed one: the screen asks for it. */
  | { kind: 'invitation'; code: string }
  | { kind: 'register'; groupId: GroupId | null }
  | { kind: 'meeting'; groupId: GroupId; meetingId: string }
  | { kind: 'regulations'; groupId: GroupId }
  | { kind: 'article'; groupId: GroupId; articleId: string }
  | { kind: 'missions'; groupId: GroupId; missionId: string | null }
  | { kind: 'innovation'; section: InnovationSection }
  | { kind: 'notFound' };

export const INNOVATION_SECTIONS = [
  'desafios',
  'convocatorias',
  'propuestas',
  'evaluacion',
  'portafolio',
] as const;
export type InnovationSection = (typeof INNOVATION_SECTIONS)[number];

export type RouteKind = Route['kind'];

/** Invitation codes are opaque to clients; this only keeps a path from carrying junk. */
export const ROUTE_INVITATION_CODE = /^[A-Za-z0-9_-]{8,128}$/;

/** Longest path accepted; a longer one is `notFound`. */
export const MAX_ROUTE_PATH = 400;

const HOME: Route = { kind: 'home' };
const NOT_FOUND: Route = { kind: 'notFound' };

export function parseRoutePath(path: string): Route {
  if (path.length > MAX_ROUTE_PATH) return NOT_FOUND;
  if (path === '' || path === '/') return HOME;
  const parts = path.replace(/\/$/, '').split('/');
  if (parts[0] !== '') return NOT_FOUND;
  const [, first, ...rest] = parts as [string, string, ...string[]];

  switch (first) {
    case 'grupos':
      return rest.length === 0 ? { kind: 'groupDirectory' } : NOT_FOUND;
    case 'organizaciones':
      return rest.length === 0 ? { kind: 'organizations' } : NOT_FOUND;
    case 'invitacion':
    case 'invitation':
      return rest.length <= 1 ? { kind: 'invitation', code: invitationCode(rest[0]) } : NOT_FOUND;
    case 'registro':
      return rest.length === 0 ? { kind: 'register', groupId: null } : NOT_FOUND;
    case 'g':
      return parseGroupPath(rest);
    case 'programa': {
      if (rest.length === 0) return { kind: 'innovation', section: 'desafios' };
      const section = INNOVATION_SECTIONS.find((name) => name === rest[0]);
      return rest.length === 1 && section !== undefined
        ? { kind: 'innovation', section }
        : NOT_FOUND;
    }
    default:
      return NOT_FOUND;
  }
}

function parseGroupPath([group, kind, id, sub, subId, ...extra]: string[]): Route {
  const groupId = uuid(group) as GroupId | null;
  if (groupId === null || extra.length > 0) return NOT_FOUND;
  if (kind === 'miembros' && id === undefined) return { kind: 'members', groupId };
  if (kind === 'registro') {
    if (id === undefined) return { kind: 'register', groupId };
    const meetingId = id === 'sesion' && subId === undefined ? uuid(sub) : null;
    return meetingId === null ? NOT_FOUND : { kind: 'meeting', groupId, meetingId };
  }
  if (kind === 'normativa') {
    if (id === undefined) return { kind: 'regulations', groupId };
    const articleId = id === 'articulo' && subId === undefined ? uuid(sub) : null;
    return articleId === null ? NOT_FOUND : { kind: 'article', groupId, articleId };
  }
  if (kind === 'misiones') {
    if (id === undefined) return { kind: 'missions', groupId, missionId: null };
    const missionId = sub === undefined ? uuid(id) : null;
    return missionId === null ? NOT_FOUND : { kind: 'missions', groupId, missionId };
  }
  if (kind === 'd' && sub === undefined) {
    const docId = uuid(id) as DocId | null;
    return docId === null ? NOT_FOUND : { kind: 'doc', groupId, docId };
  }
  if (kind === 'b') {
    const boardId = uuid(id) as BoardId | null;
    if (boardId === null) return NOT_FOUND;
    if (sub === undefined) return { kind: 'board', groupId, boardId, cardId: null };
    const cardId = sub === 'c' ? (uuid(subId) as CardId | null) : null;
    return cardId === null ? NOT_FOUND : { kind: 'board', groupId, boardId, cardId };
  }
  return NOT_FOUND;
}

function uuid(value: string | undefined): string | null {
  return value === undefined ? null : canonicalUuid(value);
}

function invitationCode(raw: string | undefined): string {
  let code = '';
  try {
    code = decodeURIComponent(raw ?? '');
  } catch {
    return '';
  }
  return ROUTE_INVITATION_CODE.test(code) ? code : '';
}

/** The path of a route; `parseRoutePath(routePath(route))` gives the route back. */
export function routePath(route: Route): string {
  switch (route.kind) {
    case 'home':
    case 'notFound':
      return '/';
    case 'doc':
      return `/g/${route.groupId}/d/${route.docId}`;
    case 'board':
      return route.cardId === null
        ? `/g/${route.groupId}/b/${route.boardId}`
        : `/g/${route.groupId}/b/${route.boardId}/c/${route.cardId}`;
    case 'members':
      return `/g/${route.groupId}/miembros`;
    case 'groupDirectory':
      return '/grupos';
    case 'organizations':
      return '/organizaciones';
    case 'innovation':
      return `/programa/${route.section}`;
    case 'invitation':
      return route.code === '' ? '/invitacion' : `/invitacion/${encodeURIComponent(route.code)}`;
    case 'register':
      return route.groupId === null ? '/registro' : `/g/${route.groupId}/registro`;
    case 'meeting':
      return `/g/${route.groupId}/registro/sesion/${route.meetingId}`;
    case 'regulations':
      return `/g/${route.groupId}/normativa`;
    case 'article':
      return `/g/${route.groupId}/normativa/articulo/${route.articleId}`;
    case 'missions':
      return route.missionId === null
        ? `/g/${route.groupId}/misiones`
        : `/g/${route.groupId}/misiones/${route.missionId}`;
  }
}

/** The working group a route is inside of, if any. */
export function routeGroupId(route: Route): GroupId | null {
  switch (route.kind) {
    case 'doc':
    case 'board':
    case 'members':
    case 'meeting':
    case 'regulations':
    case 'article':
    case 'missions':
      return route.groupId;
    case 'register':
      return route.groupId;
    default:
      return null;
  }
}
