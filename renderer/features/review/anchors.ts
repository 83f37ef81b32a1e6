/**
 * Between the editor's positions and the threads' anchors. The editor binding (y-tiptap) knows
 * how ProseMirror positions map onto the body's Yjs types; shared/ydoc/threadsDoc decides how an
 * anchor sticks to the text. Nothing here writes.
 */
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { getDocumentBody } from '../../../shared/ydoc/documentDoc';
import {
  anchorFromPositions,
  decodeAnchor,
  type TextAnchor,
} from '../../../shared/ydoc/threadsDoc';

interface Binding {
  mapping: Map<unknown, unknown>;
}

function bindingOf(state: EditorState): Binding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined;
  return sync?.binding ?? null;
}

/** The anchor of `[from, to)` in the editor, or null before the binding is ready. */
export function anchorForRange(
  state: EditorState,
  body: Y.Doc,
  from: number,
  to: number,
): TextAnchor | null {
  const binding = bindingOf(state);
  if (binding === null) return null;
  const fragment = getDocumentBody(body);
  const start = absolutePositionToRelativePosition(from, fragment, binding.mapping as never);
  const end = absolutePositionToRelativePosition(to, fragment, binding.mapping as never);
  return anchorFromPositions(body, start, end);
}

/** Where an anchor is in the editor now; null when it cannot be placed. */
export function rangeOfAnchor(
  state: EditorState,
  body: Y.Doc,
  anchor: TextAnchor,
): { from: number; to: number } | null {
  const binding = bindingOf(state);
  if (binding === null) return null;
  const fragment = getDocumentBody(body);
  const { start, end } = decodeAnchor(anchor);
  const from = relativePositionToAbsolutePosition(body, fragment, start, binding.mapping as never);
  const to = relativePositionToAbsolutePosition(body, fragment, end, binding.mapping as never);
  if (from === null || to === null) return null;
  return { from, to: Math.max(from, to) };
}
