/**
 * Sessions: a random opaque token per sign-in, stored as its hash, valid for SESSION_TTL_MS after
 * its last use (sliding), revoked by logout, logout everywhere and disabling the user. A token
 * that stops being valid stays refused: revocation and expiry are checked on every use.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../../shared/model/accounts';
import { SESSION_TTL_MS } from '../../shared/protocol/api';
import type { Sql } from '../db/sql';
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
    private readonly sql: Sql,
    private readonly users: Users,
    private readonly now: () => number,
  ) {}

  async create(userId: string): Promise<{ token: string; id: string; expiresAt: number }> {
    const token = newSecret();
    const id = randomUUID();
    const now = this.now();
    const expiresAt = now + SESSION_TTL_MS;
    await this.sql.run(
      'INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      [id, hashSecret(token), userId, now, expiresAt],
    );
    return { token, id, expiresAt };
  }

  /** Checks a token and slides its expiry forward. */
  async authenticate(token: string): Promise<SessionCheck> {
    const row = await this.sql.get<SessionRow>(
      'SELECT id, user_id, expires_at, revoked_at FROM sessions WHERE token_hash = ?',
      [hashSecret(token)],
    );
    const check = await this.check(row);
    if (!check.ok || row === undefined) return check;
    const now = this.now();
    if (now + SESSION_TTL_MS - row.expires_at > SLIDE_STEP_MS) {
      const expiresAt = now + SESSION_TTL_MS;
      await this.sql.run('UPDATE sessions SET expires_at = ? WHERE id = ?', [expiresAt, row.id]);
      return { ok: true, session: { ...check.session, expiresAt } };
    }
    return check;
  }

  /** Checks a session by id (a redeemed sync ticket), without sliding its expiry. */
  async byId(id: string): Promise<SessionCheck> {
    return this.check(await this.row(id));
  }

  /** True while the session is neither revoked nor expired (re-checked for open sockets). */
  async isActive(id: string): Promise<boolean> {
    const row = await this.row(id);
    return row !== undefined && row.revoked_at === null && this.now() < row.expires_at;
  }

  /** The stored hash of a session's token (the key of its sync tickets), or null. */
  async tokenHash(id: string): Promise<Uint8Array | null> {
    const row = await this.sql.get<{ token_hash: Uint8Array }>(
      'SELECT token_hash FROM sessions WHERE id = ?',
      [id],
    );
    return row?.token_hash ?? null;
  }

  async revoke(id: string): Promise<void> {
    await this.sql.run('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
      this.now(),
      id,
    ]);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.sql.run(
      'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
      [this.now(), userId],
    );
  }

  private row(id: string): Promise<SessionRow | undefined> {
    return this.sql.get<SessionRow>(
      'SELECT id, user_id, expires_at, revoked_at FROM sessions WHERE id = ?',
      [id],
    );
  }

  private async check(row: SessionRow | undefined): Promise<SessionCheck> {
    if (row === undefined || row.revoked_at !== null)
      return { ok: false, reason: 'session_invalid' };
    if (this.now() >= row.expires_at) return { ok: false, reason: 'session_expired' };
    const user = await this.users.get(row.user_id);
    if (user === null) return { ok: false, reason: 'session_invalid' };
    if (user.disabled) return { ok: false, reason: 'user_disabled' };
    return { ok: true, session: { id: row.id, user, expiresAt: row.expires_at } };
  }
}
