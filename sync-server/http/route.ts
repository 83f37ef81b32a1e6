/**
 * What an API route is: a method, a path pattern (`/api/groups/:groupId`), whether it needs a
 * session, and a handler that returns a status and a body or throws ApiFailure. Routes never
 * write to the response themselves, so every answer goes through one place (api.ts).
 */
import type * as Y from 'yjs';
import type { IncomingMessage } from 'node:http';
import type { Storage } from '../storage/storage';
import type { AccountStore } from '../accounts/accountStore';
import type { LoginLimiting, LoginLimits } from '../accounts/loginLimiter';
import type { Session } from '../accounts/sessions';
import type { SyncTickets } from '../syncTickets';

export interface ApiContext {
  storage: Storage;
  store: AccountStore;
  /** True while some room cannot commit: the server is up but not saving. */
  commitsFailing: () => boolean;
  limiter: LoginLimiting;
  loginLimits: LoginLimits;
  log: (line: string) => void;
  now: () => number;
  /** Take the client address from X-Forwarded-For (the server runs behind a reverse proxy). */
  trustProxy: boolean;
  /** Re-checks the open sockets of a user whose access just changed (role, membership, session). */
  accessChanged: (userId: string) => Promise<void>;
  /** Resolves when the notifications of every commit so far are recorded (the inbox waits). */
  notificationsSettled?: () => Promise<void>;
  /** Single-use tickets for sync sockets. */
  tickets: SyncTickets;
  /** Reads or writes a live room as the server (RoomRegistry.write), loading it if needed. */
  withRoom: (name: string, change: (doc: Y.Doc) => void) => Promise<void>;
}

export interface Call {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  context: ApiContext;
  /** The peer address, for login limits and the audit log. */
  address: string;
}

export interface AuthedCall extends Call {
  session: Session;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type Route =
  | { method: Method; path: string; public: true; handle: (call: Call) => Promise<Reply> | Reply }
  | {
      method: Method;
      path: string;
      public?: false;
      handle: (call: AuthedCall) => Promise<Reply> | Reply;
    };

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent: Reply = { status: 204 };
