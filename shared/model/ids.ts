/**
 * Branded ids. Every id is a random UUID made where the thing is created (often on a laptop
 * with no network), so two offline people can never mint the same id.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type GroupId = Brand<string, 'GroupId'>;
export type DocId = Brand<string, 'DocId'>;
export type BoardId = Brand<string, 'BoardId'>;
export type EntryId = DocId | BoardId;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a UUID in canonical (lower-case) form. */
export function isCanonicalUuid(value: string): boolean {
  return UUID.test(value);
}

/** Lower-cases a UUID written in any case; null when it is not a UUID at all. */
export function canonicalUuid(value: string): string | null {
  const lower = value.toLowerCase();
  return UUID.test(lower) ? lower : null;
}

// shared/ has neither DOM nor Node types; both platforms provide Web Crypto's randomUUID.
const webCrypto = (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;

function randomUuid(): string {
  return webCrypto.randomUUID();
}

export const newGroupId = (): GroupId => randomUuid() as GroupId;
export const newDocId = (): DocId => randomUuid() as DocId;
export const newBoardId = (): BoardId => randomUuid() as BoardId;
