/**
 * The login limits of loginLimiter.ts, kept in Redis so every instance behind the load balancer
 * counts the same attempts: a guesser spreading tries over three instances meets the limits
 * once, not three times. Same rules, same reservation-before-verification; each reservation is
 * one Lua script (atomic in Redis), so parallel guesses on different instances cannot all pass.
 * Attempts are sorted sets of timestamps (`<prefix>login:account|pair|address:…`) that expire
 * with the window; a trusted address is a key holding its expiry.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  TRUSTED_ADDRESS_MS,
  type LoginLimiting,
  type LoginLimits,
  type Reservation,
} from '../accounts/loginLimiter';

const RESERVE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local perAccount = tonumber(ARGV[3])
local perAddress = tonumber(ARGV[4])
local interval = tonumber(ARGV[5])
local since = now - window
for i = 1, 3 do redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', since) end
local function waitOn(key, limit)
  local n = redis.call('ZCARD', key)
  if n < limit then return 0 end
  local entry = redis.call('ZRANGE', key, n - limit, n - limit, 'WITHSCORES')
  return tonumber(entry[2]) + window - now
end
local wait = math.max(waitOn(KEYS[2], perAccount), waitOn(KEYS[3], perAddress))
if redis.call('ZCARD', KEYS[1]) >= perAccount then
  local trusted = tonumber(redis.call('GET', KEYS[4]) or '0')
  if trusted <= now then
    local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
    wait = math.max(wait, tonumber(last[2]) + interval - now)
  end
end
if wait > 0 then return wait end
for i = 1, 3 do
  redis.call('ZADD', KEYS[i], now, ARGV[6])
  redis.call('PEXPIRE', KEYS[i], window)
end
return 0
`;

const SUCCEED = `
for i = 1, 3 do redis.call('ZREM', KEYS[i], ARGV[1]) end
redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[4], ARGV[2], 'PX', ARGV[3])
return 1
`;

export class SharedLoginLimiter implements LoginLimiting {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: LoginLimits,
    private readonly now: () => number,
  ) {}

  async reserve(email: string, address: string): Promise<Reservation> {
    const lower = email.toLowerCase();
    const keys = [
      `${this.prefix}login:account:${lower}`,
      `${this.prefix}login:pair:${lower}|${address}`,
      `${this.prefix}login:address:${address}`,
      `${this.prefix}login:trusted:${lower}|${address}`,
    ];
    const now = this.now();
    const member = `${now}:${randomUUID()}`;
    const { windowMs, perAccount, perAddress, accountIntervalMs } = this.limits;
    const wait = Number(
      await this.redis.eval(
        RESERVE,
        keys.length,
        ...keys,
        now,
        windowMs,
        perAccount,
        perAddress,
        accountIntervalMs,
        member,
      ),
    );
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    return {
      ok: true,
      succeed: async () => {
        const until = this.now() + TRUSTED_ADDRESS_MS;
        // Best effort: if Redis is away now, the attempt stays counted as a failure.
        await this.redis
          .eval(SUCCEED, keys.length, ...keys, member, until, TRUSTED_ADDRESS_MS)
          .catch(() => undefined);
      },
    };
  }
}
