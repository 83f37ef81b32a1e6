/**
 * A document's review threads as plain values, with its named mutations. The threads room is
 * opened for as long as the document is on screen (from IndexedDB first, like every room), so
 * comments and suggestions work offline and sync like the body.
 */
import { useCallback, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import type { DocId, GroupId } from '../../../shared/model/ids';
import { roomName } from '../../../shared/protocol/rooms';
import {
  acceptSuggestion,
  addReply,
  anchorState,
  createThread,
  deleteComment,
  editComment,
  readThreads,
  rejectSuggestion,
  reopenThread,
  resolveThread,
  reviseSuggestion,
  type AcceptResult,
  type AnchorState,
  type Author,
  type CommentId,
  type CommentPart,
  type TextAnchor,
  type Thread,
  type ThreadId,
  type ThreadKind,
} from '../../../shared/ydoc/threadsDoc';
import { useApp } from '../../app/AppContext';
import { useDoc } from '../../sync/useDoc';
import { useYValue } from '../../sync/useYValue';

const NO_THREADS: Thread[] = [];
const NO_STATES: Record<string, AnchorState> = {};

export interface NewThreadInput {
  kind: ThreadKind;
  anchor: TextAnchor;
  quote: string;
  parts: CommentPart[];
  proposal?: string;
}

export interface ReviewActions {
  start: (input: NewThreadInput) => ThreadId;
  reply: (threadId: ThreadId, parts: CommentPart[]) => void;
  edit: (threadId: ThreadId, commentId: CommentId, parts: CommentPart[]) => void;
  remove: (threadId: ThreadId, commentId: CommentId) => void;
  resolve: (threadId: ThreadId) => void;
  reopen: (threadId: ThreadId) => void;
  accept: (threadId: ThreadId) => AcceptResult;
  reject: (threadId: ThreadId) => void;
  revise: (
    threadId: ThreadId,
    change: { anchor?: TextAnchor; quote?: string; proposal: string },
  ) => void;
}

export interface Review {
  threads: Thread[];
  /** Where each thread's text stands now: live, outdated (changed since), deleted. */
  states: Record<string, AnchorState>;
  actions: ReviewActions | null;
  me: Author;
}

const newId = () => crypto.randomUUID();

export function useReview(groupId: GroupId, docId: DocId, body: Y.Doc | null): Review {
  const { me: account } = useApp();
  const { doc } = useDoc(roomName({ kind: 'threads', groupId, docId }));
  const threads = useYValue(doc, readThreads, NO_THREADS);
  const me = useMemo<Author>(
    () => ({
      id: account.user.id,
      name: account.user.name,
      organization: account.organization.name,
    }),
    [account.user.id, account.user.name, account.organization.name],
  );

  // The states change with the body as well as with the threads; the previous object is kept
  // while nothing changed, so typing elsewhere in the body re-renders no thread.
  const previous = useRef<{ key: string; value: Record<string, AnchorState> }>({
    key: '',
    value: NO_STATES,
  });
  const readStates = useCallback(
    (bodyDoc: Y.Doc) => {
      const value: Record<string, AnchorState> = {};
      for (const thread of threads) value[thread.id] = anchorState(bodyDoc, thread);
      const key = JSON.stringify(value);
      if (key !== previous.current.key) previous.current = { key, value };
      return previous.current.value;
    },
    [threads],
  );
  const states = useYValue(body, readStates, NO_STATES);

  const actions = useMemo<ReviewActions | null>(() => {
    if (doc === null) return null;
    const now = () => Date.now();
    return {
      start: (input) => {
        const id = newId() as ThreadId;
        createThread(doc, {
          id,
          kind: input.kind,
          anchor: input.anchor,
          quote: input.quote,
          proposal: input.proposal,
          author: me,
          comment: { id: newId() as CommentId, parts: input.parts },
          now: now(),
        });
        return id;
      },
      reply: (threadId, parts) =>
        void addReply(doc, threadId, { id: newId() as CommentId, parts, author: me, now: now() }),
      edit: (threadId, commentId, parts) =>
        void editComment(doc, threadId, commentId, me.id, parts, now()),
      remove: (threadId, commentId) => void deleteComment(doc, threadId, commentId, me.id),
      resolve: (threadId) => resolveThread(doc, threadId, me, now()),
      reopen: (threadId) => reopenThread(doc, threadId),
      accept: (threadId) =>
        body === null
          ? { ok: false, reason: 'not_found' }
          : acceptSuggestion(doc, body, threadId, me, now()),
      reject: (threadId) => rejectSuggestion(doc, threadId, me, now()),
      revise: (threadId, change) => void reviseSuggestion(doc, threadId, me.id, change),
    };
  }, [doc, body, me]);

  return { threads, states, actions, me };
}
