import { describe, expect, it } from 'vitest';
import { canonicalRoomName, parseRoom, roomName } from '../../../shared/protocol/rooms';

const G = '0b7f2c1e-5d4a-4c3b-9a8f-112233445566';
const D = 'a1b2c3d4-e5f6-4a7b-8c9d-aabbccddeeff';

describe('parseRoom', () => {
  it.each([
    [`g/${G}/index`, { kind: 'index', groupId: G }],
    [`g/${G}/doc/${D}`, { kind: 'doc', groupId: G, docId: D }],
    [`g/${G}/doc/${D}/threads`, { kind: 'threads', groupId: G, docId: D }],
    [`g/${G}/board/${D}`, { kind: 'board', groupId: G, boardId: D }],
  ])('reads %s', (name, expected) => {
    expect(parseRoom(name)).toEqual(expected);
    expect(roomName(parseRoom(name)!)).toBe(name);
  });

  it.each([
    ['', 'empty'],
    ['g', 'no group'],
    [`g/${G}`, 'group without kind'],
    [`g/${G}/`, 'trailing slash'],
    [`g/${G}/index/`, 'index with trailing slash'],
    [`g/${G}/index/${D}`, 'index with an id'],
    [`g/${G}/doc`, 'doc without id'],
    [`g/${G}/doc/${D}/`, 'doc with trailing slash'],
    [`g/${G}/doc/${D}/comments`, 'unknown doc sub-room'],
    [`g/${G}/doc/${D}/threads/x`, 'threads with extra segment'],
    [`g/${G}/board/${D}/threads`, 'threads of a board'],
    [`g/${G}/sheet/${D}`, 'unknown kind'],
    [`h/${G}/index`, 'unknown prefix'],
    [`/g/${G}/index`, 'leading slash'],
    [`g/not-a-uuid/index`, 'group id not a uuid'],
    [`g/${G}/doc/1234`, 'doc id not a uuid'],
    [`g/${G}/doc/../${D}`, 'dot segments'],
    [`g//${G}/index`, 'double slash'],
    [`g/ ${G}/index`, 'whitespace'],
    [`g/${G}/index\n`, 'newline'],
    [`g/${G}%2Findex`, 'encoded slash'],
    [`g/${G}/doc/${D}${'/threads'.repeat(20)}`, 'too long'],
  ])('refuses %j (%s)', (name) => {
    expect(parseRoom(name)).toBeNull();
    expect(canonicalRoomName(name)).toBeNull();
  });

  it('canonicalizes upper-case ids so one room cannot have two names', () => {
    const upper = `g/${G.toUpperCase()}/doc/${D.toUpperCase()}`;
    expect(canonicalRoomName(upper)).toBe(`g/${G}/doc/${D}`);
    expect(canonicalRoomName(`g/${G}/doc/${D}`)).toBe(canonicalRoomName(upper));
  });

  it('keeps the kind words case-sensitive', () => {
    expect(parseRoom(`g/${G}/INDEX`)).toBeNull();
    expect(parseRoom(`G/${G}/index`)).toBeNull();
  });
});
