/**
 * Sync tickets across instances: behind a load balancer the ticket is asked on one instance and
 * the socket opens on another. Two servers on one PostgreSQL database: a ticket from the first
 * opens a socket on the second, once; an altered or expired one opens nothing.
 */
import { expect, it, onTestFinished } from 'vitest';
import type { SyncTicketResponse } from '../../../shared/protocol/syncTicketApi';
import { createTestDatabase, describeWithPostgres } from '../../support/postgres';
import { call } from '../api';
import { ROOM_A, startServer, tempDir, upgradeStatus } from '../helpers';

describeWithPostgres('sync tickets on several instances', () => {
  it('a ticket asked on one instance opens one socket on another', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    const clock = { now: Date.now() };
    const first = await startServer({ dataDir: tempDir(), postgresUrl: database.url });
    const second = await startServer({
      dataDir: tempDir(),
      postgresUrl: database.url,
      now: () => clock.now,
    });
    const ask = async () => {
      const answer = await call<SyncTicketResponse>(first.url, 'POST', '/api/sync-tickets', {
        token: first.token,
      });
      expect(answer.status).toBe(200);
      return answer.body.ticket;
    };
    const at = (ticket: string) =>
      `${second.url.replace(/^http/, 'ws')}/sync/${ROOM_A}?ticket=${encodeURIComponent(ticket)}`;

    const ticket = await ask();
    expect(await upgradeStatus(at(ticket))).toBe(101);
    expect(await upgradeStatus(at(ticket))).toBe(401);

    // Another session's id in a valid ticket fails its signature.
    const other = await ask();
    const [, ...rest] = other.split('.');
    const forged = [second.editor.user.id.replace(/.$/, '0'), ...rest].join('.');
    expect(await upgradeStatus(at(forged))).toBe(401);
    const altered = other.replace(/.$/, other.endsWith('A') ? 'B' : 'A');
    expect(await upgradeStatus(at(altered))).toBe(401);

    // Expired after 30 s, on the instance's own clock.
    const late = await ask();
    clock.now = Date.now() + 31_000;
    expect(await upgradeStatus(at(late))).toBe(401);
  }, 60_000);
});
