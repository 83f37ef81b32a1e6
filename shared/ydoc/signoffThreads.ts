/**
 * An organization's "Aprueba con observaciones" becomes a comment thread of the document, so the
 * working group discusses the observations where it discusses everything else. The sign-off record
 * itself stays on the server; this thread is the conversation about it.
 *
 * The observations are about the whole frozen version, not a range of it, so the thread is
 * document-level: a collapsed anchor at the start of the body's first text (it follows that text
 * as people edit above or inside it, and reads "live" with an empty quote). A body with no text
 * yet gets an anchor at the fragment's start.
 */
import * as Y from 'yjs';
import { getDocumentBody } from './documentDoc';
import { Origin } from './origins';
import {
  anchorInText,
  createThread,
  type Author,
  type CommentId,
  type TextAnchor,
  type ThreadId,
} from './threadsDoc';

/** The first text node of the body, depth first (the first paragraph or heading). */
function firstText(node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) return child;
    if (child instanceof Y.XmlElement) {
      const found = firstText(child);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A collapsed anchor at the start of the document. */
export function documentStartAnchor(body: Y.Doc): TextAnchor {
  const text = firstText(getDocumentBody(body));
  if (text !== null) return anchorInText(text, 0, 0);
  const position = Y.encodeRelativePosition(
    Y.createRelativePositionFromTypeIndex(getDocumentBody(body), 0, -1),
  );
  return { start: position, end: position };
}

export interface ObservationThread {
  id: ThreadId;
  commentId: CommentId;
  /** The person who answered, with their organization's name. */
  author: Author;
  /** "Observación de <organización> sobre «<versión>»", in the answering person's language. */
  label: string;
  /** The observations as sent with the answer. */
  text: string;
  now: number;
}

/** Opens the thread for one organization's observations on a version. */
export function createObservationThread(
  threads: Y.Doc,
  anchor: TextAnchor,
  input: ObservationThread,
  origin: Origin = Origin.local,
): void {
  createThread(
    threads,
    {
      id: input.id,
      kind: 'comment',
      anchor,
      quote: '',
      author: input.author,
      comment: {
        id: input.commentId,
        parts: [{ type: 'text', text: `${input.label}\n${input.text}` }],
      },
      now: input.now,
    },
    origin,
  );
}
