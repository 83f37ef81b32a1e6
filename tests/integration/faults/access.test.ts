/**
 * Access that must end, and passwords that must not be guessed in bulk (issue 9): sessions that
 * expire by time and resets by `npm run admin` (another process) close open sockets within 5 s;
 * sockets authenticate with a single-use ticket instead of the session token; parallel guesses are
 * refused before verification; a guesser cannot lock the owner out.
 */
import { describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../../../shared/protocol/api';
import type { SyncTicketResponse } from '../../../shared/protocol/syncTicketApi';
import { call } from '../api';
import { TEST_PASSWORD } from '../fixtures';
import {
  ROOM_A,
  connect,
  runAdmin,
  startServer,
  syncUrl,
  upgradeStatus,
  waitFor,
  waitSynced,
} from '../helpers';

describe('revocation reaches open sockets', { timeout: 60_000 }, () => {
  it('a password reset with npm run admin closes the person’s open socket within 5 s', async () => {
    const server = await startServer({ sessionRecheckMs: 1000 });
    const client = connect(server, ROOM_A);
    await waitSynced(client);
    const reset = await runAdmin(
      ['reset-password', '--email', server.editor.email, '--data', server.dataDir],
      'otra-contraseña-larga\n',
    );
    expect(reset.code, reset.output).toBe(0);
    const started = Date.now();
    await waitFor('the socket closed with 4401', () => client.closeCodes.includes(4401), 5000);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a session that expires by time closes its open socket within 5 s', async () => {
    const clock = { now: Date.now() };
    const server = await startServer({ now: () => clock.now, sessionRecheckMs: 1000 });
    const client = connect(server, ROOM_A);
    await waitSynced(client);
    clock.now += SESSION_TTL_MS + 1000;
    await waitFor('the socket closed with 4401', () => client.closeCodes.includes(4401), 5000);
  });
});

describe('sync tickets', () => {
  it('opens a socket with a single-use ticket; a used or unknown ticket is refused', async () => {
    const server = await startServer();
    const answer = await call<SyncTicketResponse>(server.url, 'POST', '/api/sync-tickets', {
      token: server.token,
    });
    expect(answer.status).toBe(200);
    const base = syncUrl(server, ROOM_A, null);
    const withTicket = `${base}?ticket=${encodeURIComponent(answer.body.ticket)}`;
    expect(await upgradeStatus(withTicket)).toBe(101);
    expect(await upgradeStatus(withTicket)).toBe(401);
    expect(await upgradeStatus(`${base}?ticket=inventado`)).toBe(401);
    expect(
      (await call(server.url, 'POST', '/api/sync-tickets', { token: 'inventado' })).status,
    ).toBe(401);
    expect(server.logs.join('\n')).not.toContain(server.token);
  });
});

describe('login limits', () => {
  it('verifies at most the limit of 100 parallel guesses, and the owner still signs in', async () => {
    const clock = { now: Date.now() };
    const server = await startServer({
      now: () => clock.now,
      trustProxy: true,
      loginLimits: { perAccount: 5, perAddress: 1000, failureDelayMs: 0, accountIntervalMs: 2000 },
    });
    const guess = (password: string, from: string) =>
      call(server.url, 'POST', '/api/auth/login', {
        body: { email: server.editor.email, password },
        headers: { 'X-Forwarded-For': from },
      });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        guess(i === 99 ? TEST_PASSWORD : `equivocada-${i}`, '198.51.100.66'),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 429)).toHaveLength(5);
    expect(statuses[99]).toBe(429);

    // The owner, elsewhere, is slowed (never locked out for the window) and then signs in.
    const slowed = await guess(TEST_PASSWORD, '203.0.113.7');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    clock.now += 2000;
    expect((await guess(TEST_PASSWORD, '203.0.113.7')).status).toBe(200);
  });
});
