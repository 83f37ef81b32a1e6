/**
 * Single-use sync tickets (shared/protocol/syncTicketApi.ts): random, kept only as hashes in
 * memory, bound to the session that asked, valid for SYNC_TICKET_TTL_MS and for one upgrade. A
 * restart forgets them, which costs a client one more request.
 */
import { SYNC_TICKET_TTL_MS } from '../shared/protocol/syncTicketApi';
import { hashSecret, newSecret } from './accounts/secrets';

export class SyncTickets {
  private readonly tickets = new Map<string, { sessionId: string; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  issue(sessionId: string): { ticket: string; expiresAt: number } {
    this.sweep();
    const ticket = newSecret();
    const expiresAt = this.now() + SYNC_TICKET_TTL_MS;
    this.tickets.set(hashSecret(ticket).toString('hex'), { sessionId, expiresAt });
    return { ticket, expiresAt };
  }

  /** The session a ticket was issued to, once; null when unknown, used or expired. */
  redeem(ticket: string): string | null {
    const key = hashSecret(ticket).toString('hex');
    const found = this.tickets.get(key);
    this.tickets.delete(key);
    if (found === undefined || found.expiresAt <= this.now()) return null;
    return found.sessionId;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, ticket] of this.tickets) if (ticket.expiresAt <= now) this.tickets.delete(key);
  }
}
