/**
 * GET /api/groups/:groupId/storage: what "Disponible sin conexión" will download, per room, for
 * members only; a group's sizes never include another group's rooms.
 */
import { describe, expect, it } from 'vitest';
import type { GroupStorageResponse } from '../../shared/protocol/storageApi';
import { prefixEnd } from '../../sync-server/storage/storage';
import { call, errorOf } from './api';
import { addPerson, ensureGroup, openAccounts } from './fixtures';
import { connect, GROUP, ROOM_A, startServer, waitSaved, write } from './helpers';

const OTHER_GROUP = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER_ROOM = `g/${OTHER_GROUP}/doc/1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e`;
const THREADS_A = `${ROOM_A}/threads`;

describe('stored size of a group', () => {
  it('gives each stored room of the group and their total to members, and nothing to others', async () => {
    const server = await startServer();
    const accounts = openAccounts(server.dataDir);
    await ensureGroup(accounts, OTHER_GROUP, 'listed');
    await accounts.groups.addMember(OTHER_GROUP, server.editor.user.id, 'editor');
    const outsider = await addPerson(accounts, { name: 'Omar Externo', email: 'omar@test.demo' });

    const target = { url: server.url, token: server.token };
    const written: Record<string, number> = {};
    for (const [name, words] of [
      [ROOM_A, 'Reúso de agua en la planta concentradora. '.repeat(40)],
      [OTHER_ROOM, 'Otro grupo'],
    ] as const) {
      const client = connect(target, name);
      write(client.doc, words);
      await waitSaved(client);
      client.provider.destroy();
      written[name] = words.length;
    }

    const answer = await call<GroupStorageResponse>(
      server.url,
      'GET',
      `/api/groups/${GROUP}/storage`,
      { token: server.token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.rooms.map((room) => room.room)).toEqual([ROOM_A]);
    // At least the text written (UTF-8 and Yjs framing only add to it).
    expect(answer.body.rooms[0]!.bytes).toBeGreaterThanOrEqual(written[ROOM_A]!);
    expect(answer.body.totalBytes).toBe(answer.body.rooms[0]!.bytes);
    expect(answer.body.rooms.some((room) => room.room === THREADS_A)).toBe(false);

    const other = await call<GroupStorageResponse>(
      server.url,
      'GET',
      `/api/groups/${OTHER_GROUP}/storage`,
      { token: server.token },
    );
    expect(other.body.rooms.map((room) => room.room)).toEqual([OTHER_ROOM]);

    // A listed group is visible in the directory, but only members learn what it stores.
    const refused = await call(server.url, 'GET', `/api/groups/${GROUP}/storage`, {
      token: outsider.token,
    });
    expect(errorOf(refused)).toEqual({ status: 404, code: 'group_not_found' });
    const anonymous = await call(server.url, 'GET', `/api/groups/${GROUP}/storage`);
    expect(anonymous.status).toBe(401);
    const malformed = await call(server.url, 'GET', '/api/groups/no-es-un-id/storage', {
      token: server.token,
    });
    expect(errorOf(malformed)).toEqual({ status: 404, code: 'group_not_found' });
  });

  it('scans a prefix as a range that stops before the next name', () => {
    expect(prefixEnd('g/abc/')).toBe('g/abc0');
    expect('g/abc/doc/x' < prefixEnd('g/abc/')).toBe(true);
    expect('g/abc0' < prefixEnd('g/abc/')).toBe(false);
  });
});
