/**
 * Who else has this board open, and which card each of them has open in the card panel,
 * through Yjs awareness (never stored). Our own state says who we are and which card we edit.
 */
import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useAwarenessPeers, type Peer, type PresenceUser } from '../../sync/useAwarenessPeers';

export type { Peer, PresenceUser };

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

  return useAwarenessPeers(awareness);
}
