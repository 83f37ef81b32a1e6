import { useEffect } from 'react';
import { onRevealRequest, takeReveal } from './reveal';

/** Opens the panel of the card a search result points at, when that result opens this board. */
export function useRevealCard(boardId: string, openCard: (cardId: string) => void): void {
  useEffect(() => {
    const attempt = () => {
      const cardId = takeReveal(boardId)?.cardId;
      if (cardId !== undefined) openCard(cardId);
    };
    attempt();
    return onRevealRequest(attempt);
  }, [boardId, openCard]);
}
