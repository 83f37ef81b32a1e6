/**
 * POST /api/sync-tickets (signed in): a short-lived, single-use ticket for one sync socket, so the
 * long-lived session token never travels in a WebSocket URL (where proxies and access logs keep
 * it). The socket then opens `/sync/<room>?ticket=<ticket>`; the stock y-websocket client passes
 * it in `params`.
 */
import { z } from 'zod';

export const SYNC_TICKET_PATH = '/api/sync-tickets';

/** A ticket is refused this long after it was issued, and after its first use. */
export const SYNC_TICKET_TTL_MS = 30_000;

export const syncTicketResponse = z.object({
  ticket: z.string(),
  expiresAt: z.string(),
});

export type SyncTicketResponse = z.infer<typeof syncTicketResponse>;
