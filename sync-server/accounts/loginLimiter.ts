/**
 * Slows and then stops password guessing without handing the guesser a way to lock the owner
 * out. Every attempt reserves its place *before* the password is verified (and counts as a
 * failure until it succeeds), so a hundred parallel guesses cannot all be verified while the
 * first ones are still running. Limits, within a window:
 *
 * - per account and address: `perAccount` failures lock that address out of that account only;
 * - per address: `perAddress` failures over all accounts lock that address out;
 * - per account, from anywhere: past `perAccount` failures, attempts on the account are spaced
 *   `accountIntervalMs` apart (a slow-down, never a lockout), except from an address the owner
 *   signed in from before, which is not slowed.
 *
 * Counts live in memory: a restart forgets them, which costs an attacker a restart of a server
 * they do not run. Several instances behind a load balancer share them through Redis instead
 * (cluster/sharedLoginLimiter.ts, same rules), or a guesser would get the limits once per instance.
 */
export interface LoginLimits {
  /** Failed logins of one email from one address within the window before that pair is blocked. */
  perAccount: number;
  /** Failed logins from one address within the window before it is blocked. */
  perAddress: number;
  windowMs: number;
  /** Added to every failed login's answer, so guessing is slow even below the limits. */
  failureDelayMs: number;
  /** Spacing of attempts on an account that failed `perAccount` times from anywhere. */
  accountIntervalMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 5,
  perAddress: 30,
  windowMs: 15 * 60 * 1000,
  failureDelayMs: 250,
  accountIntervalMs: 2000,
};

/** How long an address the owner signed in from stays exempt from the account slow-down. */
export const TRUSTED_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

export type Reservation =
  { ok: true; succeed: () => void | Promise<void> } | { ok: false; retryAfterSeconds: number };

/** What login needs of a limiter: this in-memory one, or the Redis one of several instances. */
export interface LoginLimiting {
  reserve(email: string, address: string): Reservation | Promise<Reservation>;
}

export class LoginLimiter implements LoginLimiting {
  private readonly attempts = new Map<string, number[]>();
  private readonly trusted = new Map<string, number>();

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => number,
  ) {}

  /** Takes a place for one attempt, counted as failed unless `succeed()` is called. */
  reserve(email: string, address: string): Reservation {
    const account = `account:${email.toLowerCase()}`;
    const pair = `pair:${email.toLowerCase()}|${address}`;
    const byAddress = `address:${address}`;
    const now = this.now();
    let wait = Math.max(
      this.wait(pair, this.limits.perAccount),
      this.wait(byAddress, this.limits.perAddress),
    );
    const accountAttempts = this.recent(account);
    if (accountAttempts.length >= this.limits.perAccount && !this.isTrusted(pair)) {
      const last = accountAttempts[accountAttempts.length - 1]!;
      wait = Math.max(wait, last + this.limits.accountIntervalMs - now);
    }
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    for (const key of [account, pair, byAddress]) this.recent(key).push(now);
    return {
      ok: true,
      succeed: () => {
        for (const key of [account, pair, byAddress]) this.forget(key, now);
        this.attempts.delete(pair);
        this.trusted.set(pair, this.now() + TRUSTED_ADDRESS_MS);
      },
    };
  }

  private isTrusted(pair: string): boolean {
    const until = this.trusted.get(pair);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.trusted.delete(pair);
    return false;
  }

  private forget(key: string, at: number): void {
    const list = this.attempts.get(key);
    const index = list?.lastIndexOf(at) ?? -1;
    if (index >= 0) list!.splice(index, 1);
  }

  private wait(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit]! + this.limits.windowMs - this.now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > since);
    this.attempts.set(key, recent);
    return recent;
  }
}
