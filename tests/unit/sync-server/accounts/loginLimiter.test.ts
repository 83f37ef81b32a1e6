import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../../../sync-server/accounts/loginLimiter';

const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000, failureDelayMs: 0 };

describe('LoginLimiter', () => {
  it('blocks an account after its failures until the oldest leaves the window', () => {
    let now = 0;
    const limiter = new LoginLimiter(limits, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('Ana@x.demo', '10.0.0.1')).toBe(0);
      limiter.fail('ana@x.demo', '10.0.0.1');
      now += 1000;
    }
    expect(limiter.retryAfter('ana@x.demo', '10.0.0.2')).toBe(57);
    now = 60_001;
    expect(limiter.retryAfter('ana@x.demo', '10.0.0.2')).toBe(0);
  });

  it('blocks an address that tries many accounts, and forgets an account on success', () => {
    const limiter = new LoginLimiter(limits, () => 0);
    for (let i = 0; i < 5; i++) limiter.fail(`p${i}@x.demo`, '10.0.0.9');
    expect(limiter.retryAfter('nueva@x.demo', '10.0.0.9')).toBeGreaterThan(0);
    expect(limiter.retryAfter('nueva@x.demo', '10.0.0.8')).toBe(0);
    limiter.fail('ana@x.demo', '10.0.0.1');
    limiter.fail('ana@x.demo', '10.0.0.1');
    limiter.succeed('ana@x.demo');
    limiter.fail('ana@x.demo', '10.0.0.1');
    expect(limiter.retryAfter('ana@x.demo', '10.0.0.1')).toBe(0);
  });
});
