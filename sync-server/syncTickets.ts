/**
 * Single-use sync tickets (shared/protocol/syncTicketApi.ts), valid for SYNC_TICKET_TTL_MS and
 * for one upgrade, that any instance of a cluster accepts: behind a load balancer the ticket is
 * asked on one instance and the socket opens on another.
 *
 * A ticket is `<session id>.<expiry>.<nonce>.<MAC>`, the MAC an HMAC-SHA256 keyed with the
 * session's stored token hash, which only the database holds (the client has the token, never
 * its hash; a guessed or altered ticket fails the MAC). Redeeming reads that hash by session id
 * (the upgrade reads the session anyway), checks the MAC in constant time, the expiry, and that
 * this instance has not seen the nonce; a revoked session's ticket then fails the session check
 * that follows. Used nonces are kept until their ticket expires, so a ticket opens one socket
 * per instance at most, within its 30 seconds.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SYNC_TICKET_TTL_MS } from '../shared/protocol/syncTicketApi';

/** The session's stored token hash (the key of its tickets), or null when there is no session. */
export type TicketKey = (sessionId: string) => Promise<Uint8Array | null>;

const FORMAT = /^([0-9a-f-]{36})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export class SyncTickets {
  /** Nonces redeemed here, with the expiry of their ticket. */
  private readonly used = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly keyOf: TicketKey,
  ) {}

  /** A ticket for `sessionId`, signed with `key` (the hash of the token that asked for it). */
  issue(sessionId: string, key: Uint8Array): { ticket: string; expiresAt: number } {
    const expiresAt = this.now() + SYNC_TICKET_TTL_MS;
    const body = `${sessionId}.${expiresAt.toString(36)}.${randomBytes(16).toString('base64url')}`;
    return { ticket: `${body}.${mac(key, body)}`, expiresAt };
  }

  /** The session a ticket was issued to, once per instance; null when forged, used or expired. */
  async redeem(ticket: string): Promise<string | null> {
    const match = FORMAT.exec(ticket);
    if (match === null) return null;
    const [, sessionId, expiry, nonce, signature] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const expiresAt = parseInt(expiry, 36);
    const now = this.now();
    // The expiry is signed (only a server sets it); instances' clocks may differ by a little.
    if (!(expiresAt > now)) return null;
    if (this.used.has(nonce)) return null;
    const key = await this.keyOf(sessionId);
    if (key === null) return null;
    const expected = Buffer.from(mac(key, `${sessionId}.${expiry}.${nonce}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    // Checked again after the await: two upgrades with one ticket, at once, let one through.
    if (this.used.has(nonce)) return null;
    this.sweep(now);
    this.used.set(nonce, expiresAt);
    return sessionId;
  }

  private sweep(now: number): void {
    for (const [nonce, expiresAt] of this.used) if (expiresAt <= now) this.used.delete(nonce);
  }
}

function mac(key: Uint8Array, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
