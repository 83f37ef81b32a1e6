/**
 * Sessions: a random opaque token per sign-in, stored as its hash, valid for SESSION_TTL_MS after
 * its last use (sliding), revoked by logout, logout everywhere and disabling the user. A token
 * that stops being valid stays refused: revocation and expiry are checked on every use.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { User } from '../../shared/model/accounts';
import { SESSION_TTL_MS } from '../../shared/protocol/api';
import { hashSecret, newSecret } from './secrets';
import type { Users } from './users';

/** Sliding the expiry is a write; it is skipped while the stored one is this fresh. */
const SLIDE_STEP_MS = 60_000;

export interface Session {
  id: string;
  user: User;
  expiresAt: number;
}

export type SessionCheck =
  | { ok: true; session: Session }
  | { ok: false; reason: 'session_invalid' | 'session_expired' | 'user_disabled' };

interface SessionRow {
  id: string;
  user_id: string;
  expires_at: number;
  revoked_at: number | null;
}

export class Sessions {
  constructor(
    private readonly db: Database.Database,
    private readonly users: Users,
    private readonly now: () => number,
  ) {}

  create(userId: string): { token: string; id: string; expiresAt: number } {
    const token = newSecret();
    const id = randomUUID();
    const now = this.now();
    const expiresAt = now + SESSION_TTL_MS;
    this.db
      .prepare(
        'INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, hashSecret(token), userId, now, expiresAt);
    return { token, id, expiresAt };
  }

  /** Checks a token and slides its expiry forward. */
  authenticate(token: string): SessionCheck {
    const row = this.db
      .prepare<[Buffer], SessionRow>(
        'SELECT id, user_id, expires_at, revoked_at FROM sessions WHERE token_hash = ?',
      )
      .get(hashSecret(token));
    if (row === undefined || row.revoked_at !== null)
      return { ok: false, reason: 'session_invalid' };
    const now = this.now();
    if (now >= row.expires_at) return { ok: false, reason: 'session_expired' };
    const user = this.users.get(row.user_id);
    if (user === null) return { ok: false, reason: 'session_invalid' };
    if (user.disabled) return { ok: false, reason: 'user_disabled' };
    let expiresAt = row.expires_at;
    if (now + SESSION_TTL_MS - expiresAt > SLIDE_STEP_MS) {
      expiresAt = now + SESSION_TTL_MS;
      this.db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?').run(expiresAt, row.id);
    }
    return { ok: true, session: { id: row.id, user, expiresAt } };
  }

  /** Checks a session by id (a redeemed sync ticket), without sliding its expiry. */
  byId(id: string): SessionCheck {
    const row = this.db
      .prepare<[string], SessionRow>(
        'SELECT id, user_id, expires_at, revoked_at FROM sessions WHERE id = ?',
      )
      .get(id);
    if (row === undefined || row.revoked_at !== null)
      return { ok: false, reason: 'session_invalid' };
    if (this.now() >= row.expires_at) return { ok: false, reason: 'session_expired' };
    const user = this.users.get(row.user_id);
    if (user === null) return { ok: false, reason: 'session_invalid' };
    if (user.disabled) return { ok: false, reason: 'user_disabled' };
    return { ok: true, session: { id: row.id, user, expiresAt: row.expires_at } };
  }

  /** True while the session is neither revoked nor expired (re-checked for open sockets). */
  isActive(id: string): boolean {
    const row = this.db
      .prepare<[string], SessionRow>(
        'SELECT id, user_id, expires_at, revoked_at FROM sessions WHERE id = ?',
      )
      .get(id);
    return row !== undefined && row.revoked_at === null && this.now() < row.expires_at;
  }

  revoke(id: string): void {
    this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(this.now(), id);
  }

  revokeAllOf(userId: string): void {
    this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
      .run(this.now(), userId);
  }
}
