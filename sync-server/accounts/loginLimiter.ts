/**
 * Slows and then stops password guessing: failed logins are counted per account (email) and per
 * address within a window; past the limit a login is refused with 429 and the seconds until the
 * oldest failure leaves the window. A successful login clears its account's count. Counts live
 * in memory: a restart forgets them, which costs an attacker a restart of a server they do not run.
 */
export interface LoginLimits {
  /** Failed logins of one email within the window before it is blocked. */
  perAccount: number;
  /** Failed logins from one address within the window before it is blocked. */
  perAddress: number;
  windowMs: number;
  /** Added to every failed login's answer, so guessing is slow even below the limits. */
  failureDelayMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 5,
  perAddress: 30,
  windowMs: 15 * 60 * 1000,
  failureDelayMs: 250,
};

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => number,
  ) {}

  /** Seconds to wait before trying again, or 0 when a login may be attempted now. */
  retryAfter(email: string, address: string): number {
    const wait = Math.max(
      this.wait(`account:${email.toLowerCase()}`, this.limits.perAccount),
      this.wait(`address:${address}`, this.limits.perAddress),
    );
    return wait === 0 ? 0 : Math.max(1, Math.ceil(wait / 1000));
  }

  fail(email: string, address: string): void {
    for (const key of [`account:${email.toLowerCase()}`, `address:${address}`]) {
      const recent = this.recent(key);
      recent.push(this.now());
      this.failures.set(key, recent);
    }
  }

  succeed(email: string): void {
    this.failures.delete(`account:${email.toLowerCase()}`);
  }

  private wait(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit]! + this.limits.windowMs - this.now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}
