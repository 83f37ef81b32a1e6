/** POST /api/sync-tickets: a single-use ticket for one sync socket (shared/protocol/syncTicketApi.ts). */
import { SYNC_TICKET_PATH, type SyncTicketResponse } from '../../../shared/protocol/syncTicketApi';
import { hashSecret } from '../../accounts/secrets';
import { bearerToken } from '../session';
import { ok, type Route } from '../route';

export const syncTicketRoutes: Route[] = [
  {
    method: 'POST',
    path: SYNC_TICKET_PATH,
    handle({ context, session, req }) {
      // Signed with the hash of the token that asked (the session's stored key): any instance
      // of the cluster can check it.
      const key = hashSecret(bearerToken(req)!);
      const { ticket, expiresAt } = context.tickets.issue(session.id, key);
      const body: SyncTicketResponse = { ticket, expiresAt: new Date(expiresAt).toISOString() };
      return ok(body);
    },
  },
];
