/**
 * The one bridge from a Y.Doc to React: re-reads `read(doc)` after every transaction and hands
 * components plain values. The read result is cached per doc version so useSyncExternalStore
 * sees a stable snapshot between changes.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

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
    const value = doc === null ? fallback : read(doc);
    cache.current = { doc, version: version.current, read, value };
    return value;
  };

  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
