/**
 * Bearer secrets (session tokens, invitation codes): random, opaque to the client, and stored
 * only as their SHA-256, so a copy of the database does not hand out working tokens.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
