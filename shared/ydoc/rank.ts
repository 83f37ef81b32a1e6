/**
 * Fractional-index ranks for ordered collections kept in Y.Maps (index entries, board columns,
 * cards). Moving an item rewrites only its own rank, so concurrent moves never duplicate it.
 *
 * Two replicas that insert at the same place offline would compute the same key; a short
 * suffix derived from the replica's client id and clock keeps their keys apart, so ties (still
 * broken by id when they happen) are rare and the order people see is the order they chose.
 * The suffix is deterministic for a given replica state, which keeps seeded tests replayable.
 */
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_LENGTH = 4;

function jitter(doc: Y.Doc): string {
  let h = Math.imul(doc.clientID ^ 0x9e3779b9, 0x85ebca6b) ^ Y.getState(doc.store, doc.clientID);
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    // A key must not end in the smallest digit, or no key could be made just below it.
    const digit = i === SUFFIX_LENGTH - 1 ? 1 + (h % (DIGITS.length - 1)) : h % DIGITS.length;
    suffix += DIGITS[digit];
  }
  return suffix;
}

/** A key strictly between `before` and `after` (either may be null for an open end). */
export function rankBetween(doc: Y.Doc, before: string | null, after: string | null): string {
  const key = generateKeyBetween(before, after);
  const jittered = key + jitter(doc);
  return after === null || jittered < after ? jittered : key;
}

/**
 * The rank that puts an item at `index` of a list whose other items have `ranks` (sorted, the
 * moved item left out). When neighbours tie, the item goes after the tied run.
 */
export function rankAt(doc: Y.Doc, ranks: readonly string[], index: number): string {
  const at = Math.max(0, Math.min(index, ranks.length));
  const before = at > 0 ? ranks[at - 1]! : null;
  const after = ranks.slice(at).find((rank) => before === null || rank > before) ?? null;
  return rankBetween(doc, before, after);
}

/** Rank, then id: the order every replica agrees on. */
export function compareRanked(
  a: { rank: string; id: string },
  b: { rank: string; id: string },
): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
