/** A person's colour in the margins, the same on every computer (derived from their id). */
import { CARET_COLOURS } from '../../../shared/model/profile';

export function colourOf(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length]!;
}
