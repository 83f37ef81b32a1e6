import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { originAllowed, type OriginPolicy } from '../../../../sync-server/http/origin';

const request = (origin: string | undefined, host = 'minka.example.org') =>
  ({ headers: { origin, host } }) as unknown as IncomingMessage;

describe('originAllowed', () => {
  const remote: OriginPolicy = {
    allowed: new Set(['app://minka', 'https://portal.example.org']),
    loopback: false,
  };
  const local: OriginPolicy = { ...remote, loopback: true };

  it('allows app://minka, configured origins, the server’s own origin and requests without Origin', () => {
    expect(originAllowed(request('app://minka'), remote)).toBe(true);
    expect(originAllowed(request('https://portal.example.org'), remote)).toBe(true);
    expect(originAllowed(request('https://minka.example.org'), remote)).toBe(true);
    expect(originAllowed(request('http://127.0.0.1:4455', '127.0.0.1:4455'), remote)).toBe(true);
    expect(originAllowed(request(undefined), remote)).toBe(true);
  });

  it('allows loopback dev origins only while the server listens on loopback', () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:41234']) {
      expect(originAllowed(request(origin, '127.0.0.1:4455'), local)).toBe(true);
      expect(originAllowed(request(origin), remote)).toBe(false);
    }
  });

  it('refuses foreign, opaque and look-alike origins', () => {
    for (const origin of [
      'https://evil.example',
      'null',
      'app://minka.evil',
      'https://minka.example.org.evil',
      'file://',
    ]) {
      expect({ origin, allowed: originAllowed(request(origin), local) }).toEqual({
        origin,
        allowed: false,
      });
    }
  });
});
