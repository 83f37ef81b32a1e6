/**
 * Writes an organization's observations on a version as a comment thread of the document (see
 * shared/ydoc/signoffThreads.ts), in the same action as the answer the server accepted. The thread
 * is written to the local threads room, so it is saved on this computer at once and reaches the
 * group with the next sync even if the connection drops right after the answer.
 */
import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { DocId, GroupId } from '../../../shared/model/ids';
import { roomName } from '../../../shared/protocol/rooms';
import { createObservationThread } from '../../../shared/ydoc/signoffThreads';
import type { CommentId, ThreadId } from '../../../shared/ydoc/threadsDoc';
import { useApp } from '../../app/AppContext';
import { useDoc } from '../../sync/useDoc';

/** Returns a function that opens the thread, or null while the threads room is still loading. */
export function useObservationThread(
  groupId: GroupId,
  docId: string,
  body: Y.Doc,
): ((label: string, text: string) => void) | null {
  const { me } = useApp();
  const { doc: threads } = useDoc(roomName({ kind: 'threads', groupId, docId: docId as DocId }));
  const open = useCallback(
    (label: string, text: string) => {
      if (threads === null) return;
      createObservationThread(threads, body, {
        id: crypto.randomUUID() as ThreadId,
        commentId: crypto.randomUUID() as CommentId,
        author: { id: me.user.id, name: me.user.name, organization: me.organization.name },
        label,
        text,
        now: Date.now(),
      });
    },
    [threads, body, me.user.id, me.user.name, me.organization.name],
  );
  return threads === null ? null : open;
}
