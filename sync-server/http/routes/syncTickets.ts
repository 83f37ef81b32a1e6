/** POST /api/sync-tickets: a single-use ticket for one sync socket (shared/protocol/syncTicketApi.ts). */
import { SYNC_TICKET_PATH, type SyncTicketResponse } from '../../../shared/protocol/syncTicketApi';
import { ok, type Route } from '../route';

export const syncTicketRoutes: Route[] = [
  {
    method: 'POST',
    path: SYNC_TICKET_PATH,
    handle({ context, session }) {
      const { ticket, expiresAt } = context.tickets.issue(session.id);
      const body: SyncTicketResponse = { ticket, expiresAt: new Date(expiresAt).toISOString() };
      return ok(body);
    },
  },
];
