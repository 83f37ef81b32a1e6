/**
 * Structural sharing for the plain values readers build. A reader returns a fresh object on
 * every call; React (and `memo`) only see "nothing changed" when the reference is the same. So
 * the new value is compared with the previous one and every part that is equal keeps its old
 * reference: a keystroke in the body leaves the document's meta, a board's untouched columns and
 * the index's other entries exactly as they were, and nothing that shows them renders again.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `next`, with every part equal to the matching part of `previous` replaced by that part. */
export function keepEqual<T>(previous: T, next: T): T {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const shared = next.map((item: unknown, i) => {
      const kept = i < previous.length ? keepEqual(previous[i] as unknown, item) : item;
      if (kept !== previous[i]) same = false;
      return kept;
    });
    return (same ? previous : shared) as T;
  }
  if (previous instanceof Uint8Array && next instanceof Uint8Array) {
    return sameBytes(previous, next) ? previous : next;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const shared: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = Object.hasOwn(previous, key) ? keepEqual(previous[key], next[key]) : next[key];
      if (kept !== previous[key]) same = false;
      shared[key] = kept;
    }
    return (same ? previous : shared) as T;
  }
  return next;
}
