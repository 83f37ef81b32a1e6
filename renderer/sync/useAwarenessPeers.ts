/**
 * The other people in a room right now, read from its Yjs awareness (never stored), where the
 * server writes each person's name, organization and colour from their session. One reader for
 * every view that shows presence (document header avatars, who has a board card open), cached
 * so useSyncExternalStore sees the same array until someone really arrives, leaves or moves.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceUser {
  name: string;
  colour: string;
  organization: string;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  /** The board card this person has open, if the room is a board. */
  cardId: string | null;
}

const FALLBACK_COLOUR = '#5b6068';

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const user = (state as { user?: Record<string, unknown> }).user;
    if (user === undefined || typeof user.name !== 'string') return;
    // `color` too: other Yjs tools (the document carets) write that spelling.
    const colour =
      typeof user.colour === 'string'
        ? user.colour
        : typeof user.color === 'string'
          ? user.color
          : FALLBACK_COLOUR;
    const cardId = (state as { cardId?: unknown }).cardId;
    peers.push({
      clientId,
      user: {
        name: user.name,
        colour,
        organization: typeof user.organization === 'string' ? user.organization : '',
      },
      cardId: typeof cardId === 'string' ? cardId : null,
    });
  });
  return peers.sort(
    (a, b) => a.user.name.localeCompare(b.user.name, 'es') || a.clientId - b.clientId,
  );
}

class PeersStore {
  private key = '';
  private peers: Peer[] = [];

  constructor(private readonly awareness: Awareness | null) {}

  subscribe = (notify: () => void) => {
    const awareness = this.awareness;
    if (awareness === null) return () => undefined;
    awareness.on('change', notify);
    return () => awareness.off('change', notify);
  };

  getSnapshot = (): Peer[] => {
    if (this.awareness === null) return this.peers;
    const peers = readPeers(this.awareness);
    const key = JSON.stringify(peers);
    if (key !== this.key) {
      this.key = key;
      this.peers = peers;
    }
    return this.peers;
  };
}

export function useAwarenessPeers(awareness: Awareness | null): Peer[] {
  const store = useMemo(() => new PeersStore(awareness), [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
