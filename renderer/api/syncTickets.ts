/**
 * The renderer's call of `POST /api/sync-tickets` (shared/protocol/syncTicketApi.ts): one
 * single-use ticket for one sync socket connection attempt, so the session token never travels
 * in a socket URL.
 */
import { AccessCloseCode } from '../../shared/protocol/api';
import { SYNC_TICKET_PATH, type SyncTicketResponse } from '../../shared/protocol/syncTicketApi';
import { SocketCredentialError, type SocketCredential } from '../sync/ticketSocket';
import { ApiRequestError, type ApiClient } from './client';

export function fetchSyncTicket(api: ApiClient): Promise<SyncTicketResponse> {
  return api.request<SyncTicketResponse>('POST', SYNC_TICKET_PATH);
}

/**
 * The rooms' socket credential: a fresh ticket for every connection attempt of every room. A
 * session-gone 401 ends the attempt as the server ends a revoked session's socket (4401, the
 * session-expired path; the client's onSessionGone has already marked it); any other failure
 * (offline, server down) is an ordinary failed attempt the provider retries with backoff.
 */
export function syncTicketCredential(api: ApiClient): SocketCredential {
  return async () => {
    try {
      return { ticket: (await fetchSyncTicket(api)).ticket };
    } catch (error) {
      if (error instanceof ApiRequestError && error.sessionGone) {
        throw new SocketCredentialError(AccessCloseCode.sessionRevoked);
      }
      throw error;
    }
  };
}
