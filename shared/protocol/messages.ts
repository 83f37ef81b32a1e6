/**
 * Minka's sync protocol is the y-websocket protocol, unchanged, so the stock WebsocketProvider
 * works against Minka's server:
 *
 *   ws(s)://HOST:PORT/sync/<room>
 *   every frame is binary: varUint message type, then the payload of that type
 *     0 sync             y-protocols/sync: step 1 (state vector), step 2 (missing updates), update
 *     1 awareness        y-protocols/awareness update (presence: carets, names; never stored)
 *     2 auth             y-protocols/auth: permission denied + reason
 *     3 query awareness  ask the peer to send its whole awareness state
 *
 * Minka adds one message, which the stock client ignores:
 *
 *   100 saved          what the server has committed for the room: durable state vector and
 *                      delete set (shared/protocol/saved.ts)
 *
 * The server sends `saved` only after the updates it covers are committed to storage. A client
 * change counts as "saved on the server" only when `saved` covers it; the sync indicator is
 * driven by nothing else.
 */

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saved: 100,
} as const;

export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** WebSocket close codes the server uses, so clients and tests can tell why a socket closed. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  messageTooBig: 1009,
  internalError: 1011,
  /**
   * The server is draining (SIGTERM: a restart or a deploy) after committing everything it
   * received: reconnect now, to another instance behind the load balancer. RFC 6455's "Service
   * Restart"; the renderer reconnects at once instead of after y-websocket's backoff.
   */
  serviceRestart: 1012,
  tryAgainLater: 1013,
  /**
   * The connection sent more messages per second than the server accepts. A policy close, not
   * a 44xx code: the stock client treats 4400-4499 as permanent and would never reconnect, and a
   * person whose paste tripped the limit must be back a moment later.
   */
  rateLimited: 1008,
  /**
   * The room reached the server's memory ceiling for one room (sync-server/limits.ts). Permanent
   * (44xx): sending the same changes again cannot succeed; the client keeps them and an
   * administrator must act.
   */
  roomFull: 4413,
  /**
   * The client writes a schema newer than this server knows (its `?schema=` for the room's
   * kind): the server cannot relay it to older clients safely. Permanent on purpose (44xx: the
   * stock client stops reconnecting) until the server is updated; the client keeps its changes.
   */
  schemaTooNew: 4426,
} as const;

/** Default bound on one WebSocket frame: an update larger than this closes its connection. */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
