/**
 * What a search result asks the view it opens to show: the words to select and scroll to in a
 * document, or the card whose panel to open. Handed over in memory, not in the
 * URL, so a reload or a shared link opens the plain document.
 */
export interface RevealRequest {
  /** The document the result opens. */
  targetId: string;
  /** Folded index terms that matched (the words to select). */
  terms: string[];
  /** The query's terms that matched (which block is the best hit). */
  queryTerms: string[];
}

let pending: RevealRequest | null = null;
const listeners = new Set<() => void>();

export function requestReveal(request: RevealRequest): void {
  pending = request;
  for (const listener of listeners) listener();
}

/** The pending request for `targetId`, once: later calls return null. */
export function takeReveal(targetId: string): RevealRequest | null {
  if (pending === null || pending.targetId !== targetId) return null;
  const request = pending;
  pending = null;
  return request;
}

/** Called when a request arrives (the target may already be open). */
export function onRevealRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
