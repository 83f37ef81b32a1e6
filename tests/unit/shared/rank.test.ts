import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareRanked, rankAt, rankBetween } from '../../../shared/ydoc/rank';

const docWithClient = (clientID: number) => {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
};

describe('ranks', () => {
  it('makes a key strictly between its neighbours', () => {
    const doc = docWithClient(7);
    let low: string | null = null;
    let high: string | null = null;
    for (let i = 0; i < 200; i++) {
      const key = rankBetween(doc, low, high);
      if (low !== null) expect(key > low).toBe(true);
      if (high !== null) expect(key < high).toBe(true);
      if (i % 2 === 0) low = key;
      else high = key;
    }
  });

  it('keeps concurrent inserts at the same place apart on different replicas', () => {
    const keys = new Set<string>();
    for (let client = 1; client <= 50; client++)
      keys.add(rankBetween(docWithClient(client), 'a0', 'a1'));
    expect(keys.size).toBe(50);
  });

  it('is deterministic for a given replica state', () => {
    expect(rankBetween(docWithClient(42), null, null)).toBe(
      rankBetween(docWithClient(42), null, null),
    );
  });

  it('puts an item after a tied run instead of failing', () => {
    const doc = docWithClient(3);
    const key = rankAt(doc, ['a0', 'a5', 'a5', 'a9'], 2);
    expect(key > 'a5' && key < 'a9').toBe(true);
  });

  it('orders ties by id', () => {
    const items = [
      { rank: 'a1', id: 'b' },
      { rank: 'a1', id: 'a' },
      { rank: 'a0', id: 'z' },
    ];
    expect(items.sort(compareRanked).map((i) => i.id)).toEqual(['z', 'a', 'b']);
  });
});
