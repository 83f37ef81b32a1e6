/**
 * A link from the "Actividad" inbox opens a document at one thread. The route is the document's
 * (no second route syntax); the thread to show waits here until that document's threads arrive,
 * and a document already on screen is told at once.
 */
let pending: { docId: string; threadId: string } | null = null;
const listeners = new Set<() => void>();

export function requestThreadFocus(docId: string, threadId: string): void {
  pending = { docId, threadId };
  for (const listener of listeners) listener();
}

export function onFocusRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The thread asked for in this document, once it is known here (then forgotten). */
export function takeFocusRequest(
  docId: string,
  known: (threadId: string) => boolean,
): string | null {
  if (pending === null || pending.docId !== docId || !known(pending.threadId)) return null;
  const { threadId } = pending;
  pending = null;
  return threadId;
}
