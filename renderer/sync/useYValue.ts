/**
 * The one bridge from a Y.Doc to React: re-reads `read(doc)` after every transaction and hands
 * components plain values. What it returns stays the same reference while the value is equal
 * (and equal parts keep theirs, see keepEqual), so a transaction that does not change what a
 * component shows, such as a keystroke in the body for the document's header, renders nothing.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { keepEqual } from './keepEqual';

export function useYValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, fallback: T): T {
  const cache = useRef<{ doc: Y.Doc | null; version: number; read: unknown; value: T } | null>(
    null,
  );
  const version = useRef(0);

  const subscribe = useCallback(
    (notify: () => void) => {
      if (doc === null) return () => undefined;
      const onChange = () => {
        version.current += 1;
        notify();
      };
      doc.on('afterTransaction', onChange);
      return () => doc.off('afterTransaction', onChange);
    },
    [doc],
  );

  const getSnapshot = (): T => {
    const cached = cache.current;
    if (
      cached !== null &&
      cached.doc === doc &&
      cached.version === version.current &&
      cached.read === read
    ) {
      return cached.value;
    }
    const fresh = doc === null ? fallback : read(doc);
    const value = cached !== null && cached.doc === doc ? keepEqual(cached.value, fresh) : fresh;
    cache.current = { doc, version: version.current, read, value };
    return value;
  };

  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
