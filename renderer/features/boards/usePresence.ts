/**
 * Who else has this board open, and which card each of them has open in the card panel,
 * through Yjs awareness (never stored). Our own state says who we are and which card we edit.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceUser {
  name: string;
  colour: string;
  organization: string;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  cardId: string | null;
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const user = (state as { user?: Partial<PresenceUser> & { color?: string } }).user;
    if (user === undefined || typeof user.name !== 'string') return;
    const cardId = (state as { cardId?: unknown }).cardId;
    peers.push({
      clientId,
      user: {
        name: user.name,
        colour: typeof user.colour === 'string' ? user.colour : (user.color ?? '#777777'),
        organization: typeof user.organization === 'string' ? user.organization : '',
      },
      cardId: typeof cardId === 'string' ? cardId : null,
    });
  });
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

/** Caches the peer list so useSyncExternalStore sees a stable value between real changes. */
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

export function usePresence(
  awareness: Awareness | null,
  me: PresenceUser,
  cardId: string | null,
): Peer[] {
  useEffect(() => {
    if (awareness === null) return;
    // `color` too: other Yjs tools (the document carets) read that spelling.
    awareness.setLocalStateField('user', { ...me, color: me.colour });
  }, [awareness, me]);

  useEffect(() => {
    if (awareness === null) return;
    awareness.setLocalStateField('cardId', cardId);
  }, [awareness, cardId]);

  const store = useMemo(() => new PeersStore(awareness), [awareness]);

  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
