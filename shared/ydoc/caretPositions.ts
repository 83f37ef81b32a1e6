/**
 * A caret in awareness (the `cursor` field the Yjs editor bindings share): its anchor and head as
 * Yjs relative positions in their JSON form, so they stay on the same characters while others
 * edit. These read and compare them for the editor's caret layer, which may not import yjs.
 */
import * as Y from 'yjs';

/** The relative position a peer sent, or null when it is not one. */
export function caretPositionFromJSON(json: unknown): Y.RelativePosition | null {
  if (json === null || typeof json !== 'object') return null;
  try {
    return Y.createRelativePositionFromJSON(json);
  } catch {
    return null;
  }
}

/** Whether a caret position as sent (JSON) is the relative position `position`. */
export function sameCaretPosition(json: unknown, position: Y.RelativePosition): boolean {
  const sent = caretPositionFromJSON(json);
  return sent !== null && Y.compareRelativePositions(sent, position);
}
