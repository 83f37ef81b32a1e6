import { describe, expect, it } from 'vitest';
import {
  UNKNOWN_USER_HASH,
  hashPassword,
  verifyPassword,
} from '../../../../sync-server/accounts/passwords';

describe('passwords', () => {
  it('hashes with scrypt and a salt per call, and verifies only the right password', async () => {
    const first = await hashPassword('minka-demo-2026');
    const second = await hashPassword('minka-demo-2026');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('minka-demo-2026', first)).toBe(true);
    expect(await verifyPassword('minka-demo-2025', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('treats the same password in composed or decomposed Unicode alike, and matches nothing for unknown users', async () => {
    const stored = await hashPassword('contrase\u00f1a-segura');
    expect(await verifyPassword('contrasen\u0303a-segura', stored)).toBe(true);
    expect(await verifyPassword('contraseña-segura', UNKNOWN_USER_HASH)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
