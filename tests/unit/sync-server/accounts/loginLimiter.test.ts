import { describe, expect, it } from 'vitest';
import { LoginLimiter, type Reservation } from '../../../../sync-server/accounts/loginLimiter';

const limits = {
  perAccount: 3,
  perAddress: 5,
  windowMs: 60_000,
  failureDelayMs: 0,
  accountIntervalMs: 2000,
};

const retryAfter = (reservation: Reservation) =>
  reservation.ok ? 0 : reservation.retryAfterSeconds;

describe('LoginLimiter', () => {
  it('reserves before verifying: parallel guesses past the limit are refused at once', () => {
    const limiter = new LoginLimiter(limits, () => 0);
    const answers = Array.from({ length: 100 }, () => limiter.reserve('ana@x.demo', '10.0.0.1'));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(3);
  });

  it('locks an address out of an account until the oldest failure leaves the window', () => {
    let now = 0;
    const limiter = new LoginLimiter(limits, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.reserve('Ana@x.demo', '10.0.0.1').ok).toBe(true);
      now += 1000;
    }
    expect(retryAfter(limiter.reserve('ana@x.demo', '10.0.0.1'))).toBe(57);
    now = 60_001;
    expect(limiter.reserve('ana@x.demo', '10.0.0.1').ok).toBe(true);
  });

  it('never locks the owner out: other addresses are only slowed, her known address not at all', () => {
    let now = 0;
    const limiter = new LoginLimiter(limits, () => now);
    const own = limiter.reserve('ana@x.demo', '10.0.0.7');
    if (!own.ok) throw new Error('first attempt refused');
    own.succeed();
    for (let i = 0; i < 3; i++) limiter.reserve('ana@x.demo', `198.51.100.${i}`);
    // A fresh address: slowed to one attempt per accountIntervalMs, not locked for the window.
    expect(retryAfter(limiter.reserve('ana@x.demo', '203.0.113.1'))).toBe(2);
    now += 2000;
    expect(limiter.reserve('ana@x.demo', '203.0.113.1').ok).toBe(true);
    // Her own address, where she signed in before, is not slowed.
    expect(limiter.reserve('ana@x.demo', '10.0.0.7').ok).toBe(true);
  });

  it('blocks an address that tries many accounts, and a success clears its own failure', () => {
    const limiter = new LoginLimiter(limits, () => 0);
    for (let i = 0; i < 5; i++) limiter.reserve(`p${i}@x.demo`, '10.0.0.9');
    expect(retryAfter(limiter.reserve('nueva@x.demo', '10.0.0.9'))).toBeGreaterThan(0);
    expect(limiter.reserve('nueva@x.demo', '10.0.0.8').ok).toBe(true);
    limiter.reserve('ana@x.demo', '10.0.0.1');
    limiter.reserve('ana@x.demo', '10.0.0.1');
    const right = limiter.reserve('ana@x.demo', '10.0.0.1');
    if (!right.ok) throw new Error('third attempt refused');
    right.succeed();
    expect(limiter.reserve('ana@x.demo', '10.0.0.1').ok).toBe(true);
  });
});
