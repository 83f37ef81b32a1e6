/**
 * What each kind of room contributes to the search index, read through the typed readers of
 * shared/ydoc: a group index gives the titles of its documents and boards, a document one entry
 * with its text (one line per block), a board one entry per card (title, description, fields,
 * checklist; kept as the result's snippet), with its column and the documents it links to (what
 * a document lists as its linked cards).
 *
 * Comment threads (`g/<gid>/doc/<did>/threads`) give one `comment` entry per thread: its
 * comments with their authors' names (and a suggestion's proposed text), kept as the snippet,
 * and whether it is resolved.
 */
import type * as Y from 'yjs';
import { parseRoom } from '../../../shared/protocol/rooms';
import { readBoard } from '../../../shared/ydoc/boardDoc';
import { readDocumentBlocks } from '../../../shared/ydoc/documentDoc';
import { readGroupIndex } from '../../../shared/ydoc/groupIndexDoc';
import { commentText, readThreads } from '../../../shared/ydoc/threadsDoc';
import type { SearchEntry } from './SearchIndex';

export { docVersion } from '../../../shared/ydoc/version';

/** The entries `doc` (the Y.Doc of `room`) gives the index now; null for rooms not indexed. */
export function extractEntries(room: string, doc: Y.Doc): SearchEntry[] | null {
  const parsed = parseRoom(room);
  if (parsed === null) return null;
  const groupId: string = parsed.groupId;
  switch (parsed.kind) {
    case 'index':
      return readGroupIndex(doc)
        .entries.filter((entry) => !entry.archived)
        .map((entry) => ({
          id: `${room}|${entry.id}`,
          room,
          groupId,
          kind: entry.kind,
          targetId: entry.id,
          title: entry.title,
          text: '',
        }));
    case 'doc': {
      const text = readDocumentBlocks(doc)
        .filter((block) => block.trim() !== '')
        .join('\n');
      if (text === '') return [];
      return [
        { id: `${room}|body`, room, groupId, kind: 'doc', targetId: parsed.docId, title: '', text },
      ];
    }
    case 'board': {
      const board = readBoard(doc);
      return board.columns.flatMap((column) =>
        column.cards.map((card) => {
          const text = [
            card.description,
            ...Object.values(card.fields),
            ...card.checklist.map((item) => item.text),
          ]
            .filter((part) => part.trim() !== '')
            .join('\n');
          return {
            id: `${room}|${card.id}`,
            room,
            groupId,
            kind: 'card' as const,
            targetId: parsed.boardId,
            cardId: card.id,
            title: card.title,
            text,
            snippet: text,
            assignees: card.assignees,
            links: [...card.links],
            column: column.title,
          };
        }),
      );
    }
    case 'threads':
      return readThreads(doc).flatMap((thread) => {
        const lines = thread.comments
          .filter((comment) => !comment.deleted)
          .map((comment) => `${comment.author.name}: ${commentText(comment.parts)}`);
        if (thread.kind === 'suggestion' && thread.proposal.trim() !== '') {
          lines.unshift(`${thread.createdBy.name}: «${thread.proposal}»`);
        }
        const text = lines.join('\n').slice(0, MAX_THREAD_CHARS);
        if (text.trim() === '') return [];
        return [
          {
            id: `${room}|${thread.id}`,
            room,
            groupId,
            kind: 'comment' as const,
            targetId: parsed.docId,
            threadId: thread.id,
            resolved: thread.resolved,
            title: '',
            text,
            snippet: text,
          },
        ];
      });
    default:
      return null;
  }
}

/** A thread longer than this is indexed by its beginning (a discussion, not a document). */
const MAX_THREAD_CHARS = 4000;
