import { describe, expect, it } from 'vitest';
import { keepEqual } from '../../../../renderer/sync/keepEqual';

describe('keepEqual', () => {
  it('returns the previous value when the new one is equal', () => {
    const previous = {
      title: 'Acta',
      entries: [{ id: 'a', tags: ['x'] }],
      bytes: new Uint8Array([1]),
    };
    const next = { title: 'Acta', entries: [{ id: 'a', tags: ['x'] }], bytes: new Uint8Array([1]) };
    expect(keepEqual(previous, next)).toBe(previous);
  });

  it('keeps the equal parts of a changed value and takes the new ones', () => {
    const previous = {
      columns: [
        { id: 'a', cards: ['1'] },
        { id: 'b', cards: ['2'] },
      ],
    };
    const next = {
      columns: [
        { id: 'a', cards: ['1'] },
        { id: 'b', cards: ['2', '3'] },
      ],
    };
    const kept = keepEqual(previous, next);
    expect(kept).toEqual(next);
    expect(kept).not.toBe(previous);
    expect(kept.columns[0]).toBe(previous.columns[0]);
    expect(kept.columns[1]).not.toBe(previous.columns[1]);
  });

  it('sees added, removed and reordered keys and items as changes', () => {
    expect(keepEqual({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(keepEqual({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(keepEqual([1, 2], [2, 1])).toEqual([2, 1]);
    expect(keepEqual([1, 2], [1])).toEqual([1]);
    // Values that are not plain data are never assumed equal.
    const map = new Map([[1, 1]]);
    expect(keepEqual(new Map([[1, 1]]), map)).toBe(map);
  });
});
