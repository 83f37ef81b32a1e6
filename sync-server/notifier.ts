/**
 * Turns committed room content into notifications. The room calls `roomCommitted` after each
 * successful commit (so offline work notifies when it reaches the server, and only once it is
 * on disk); this module reads the room with the same shared readers the clients use:
 *
 * - threads rooms: mentions in comments, replies (to everyone earlier in the thread), and
 *   accepted or rejected suggestions (to their author);
 * - board rooms: people newly assigned to a card (assignees are names; matched to the group's
 *   members by exact name);
 * - document bodies: mention nodes. Only a commit whose updates contain a mention node is read,
 *   so typing costs nothing here; the body does not say who typed a mention, so it has no actor.
 *
 * Every event has a dedupe key (thread and comment id, card id ...), so a redelivered update, a
 * reconnecting client or a room reloaded after a restart creates no second row. Only members of
 * the room's group are ever notified, and the actor is named from the account, not from what
 * the client wrote.
 */
import type * as Y from 'yjs';
import { parseRoom, type Room } from '../shared/protocol/rooms';
import { readBoard } from '../shared/ydoc/boardDoc';
import { getDocumentBody } from '../shared/ydoc/documentDoc';
import {
  commentText,
  mentionedUserIds,
  readBodyMentions,
  readThreads,
  type Thread,
} from '../shared/ydoc/threadsDoc';
import type { AccountStore } from './accounts/accountStore';
import type { NewNotification } from './accounts/notifications';
import { describeError } from './describeError';

export class Notifier {
  /** Per loaded room (its doc), the events already recorded; dropped with the room. */
  private readonly seen = new WeakMap<Y.Doc, Set<string>>();
  /** Per loaded room, the recording under way: one at a time, in commit order. */
  private readonly recording = new WeakMap<Y.Doc, Promise<void>>();
  /** Recordings under way, across rooms (settled() waits for them). */
  private readonly inFlight = new Set<Promise<void>>();
  /** The group's members (id → name) while one commit is being read. */
  private members = new Map<string, string>();

  constructor(
    private readonly store: AccountStore,
    private readonly log: (line: string) => void,
  ) {}

  /** Resolves once the commit's notifications are recorded (or the failure logged). */
  roomCommitted(name: string, doc: Y.Doc, batch: readonly Uint8Array[] = []): Promise<void> {
    const room = parseRoom(name);
    if (room === null || room.kind === 'index') return Promise.resolve();
    if (room.kind === 'doc' && !batch.some(holdsMention)) return Promise.resolve();
    const next = (this.recording.get(doc) ?? Promise.resolve()).then(() =>
      this.record(name, room, doc),
    );
    this.recording.set(doc, next);
    this.inFlight.add(next);
    void next.finally(() => this.inFlight.delete(next));
    return next;
  }

  /**
   * Resolves once every commit reported so far has its notifications recorded: the inbox waits
   * for it, so a person whose change was `saved` on this server reads what it caused.
   */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async record(name: string, room: Room, doc: Y.Doc): Promise<void> {
    if (room.kind === 'index') return;
    const seen = this.seen.get(doc) ?? new Set<string>();
    this.seen.set(doc, seen);
    try {
      // One query for who may be notified and how they are named; the rest reads the document.
      const members = await this.store.groups.members(room.groupId);
      this.members = new Map(members.map((member) => [member.user.id, member.user.name]));
      const events =
        room.kind === 'threads'
          ? this.threadEvents(room.groupId, room.docId, doc, seen)
          : room.kind === 'board'
            ? this.boardEvents(room.groupId, room.boardId, doc, seen)
            : this.bodyEvents(room.groupId, room.docId, doc, seen);
      if (events.length === 0) return;
      await this.store.transaction(async (tx) => {
        for (const event of events) await tx.notifications.record(event);
      });
    } catch (error) {
      // A notification is never worth losing a commit over; the next commit retries.
      seen.clear();
      this.log(
        `Aviso: no se pudieron registrar notificaciones de ${name}: ${describeError(error)}`,
      );
    }
  }

  private isMember(userId: string, _groupId: string): boolean {
    return this.members.has(userId);
  }

  private actorName(userId: string, fallback: string): string {
    return this.members.get(userId) ?? fallback;
  }

  private threadEvents(
    groupId: string,
    docId: string,
    doc: Y.Doc,
    seen: Set<string>,
  ): NewNotification[] {
    const events: NewNotification[] = [];
    for (const thread of readThreads(doc)) {
      events.push(...this.commentEvents(groupId, docId, thread, seen));
      const decided = thread.kind === 'suggestion' && thread.status !== 'open';
      const decider = thread.resolvedBy;
      const key = `suggestion:${thread.id}:${thread.status}`;
      if (!decided || decider === null || seen.has(key)) continue;
      seen.add(key);
      if (decider.id === thread.createdBy.id || !this.isMember(decider.id, groupId)) continue;
      if (!this.isMember(thread.createdBy.id, groupId)) continue;
      events.push({
        userId: thread.createdBy.id,
        dedupeKey: key,
        kind: thread.status === 'accepted' ? 'suggestion_accepted' : 'suggestion_rejected',
        groupId,
        targetKind: 'doc',
        targetId: docId,
        threadId: thread.id,
        actorId: decider.id,
        actorName: this.actorName(decider.id, decider.name),
        excerpt: thread.proposal === '' ? thread.quote : thread.proposal,
      });
    }
    return events;
  }

  private commentEvents(
    groupId: string,
    docId: string,
    thread: Thread,
    seen: Set<string>,
  ): NewNotification[] {
    const events: NewNotification[] = [];
    const earlier = new Set<string>([thread.createdBy.id]);
    thread.comments.forEach((comment, index) => {
      const author = comment.author.id;
      const key = `${thread.id}/${comment.id}/${comment.editedAt ?? 0}`;
      if (comment.deleted || seen.has(key) || !this.isMember(author, groupId)) {
        earlier.add(author);
        return;
      }
      seen.add(key);
      const base = {
        groupId,
        targetKind: 'doc' as const,
        targetId: docId,
        threadId: thread.id,
        actorId: author,
        actorName: this.actorName(author, comment.author.name),
        excerpt: commentText(comment.parts),
      };
      const mentioned = mentionedUserIds(comment.parts).filter(
        (id) => id !== author && this.isMember(id, groupId),
      );
      for (const userId of mentioned) {
        events.push({
          ...base,
          userId,
          kind: 'mention',
          dedupeKey: `mention:${thread.id}:${comment.id}`,
        });
      }
      if (index > 0) {
        for (const userId of earlier) {
          if (userId === author || mentioned.includes(userId)) continue;
          if (!this.isMember(userId, groupId)) continue;
          events.push({
            ...base,
            userId,
            kind: 'reply',
            dedupeKey: `reply:${thread.id}:${comment.id}`,
          });
        }
      }
      earlier.add(author);
    });
    return events;
  }

  private bodyEvents(
    groupId: string,
    docId: string,
    doc: Y.Doc,
    seen: Set<string>,
  ): NewNotification[] {
    const events: NewNotification[] = [];
    for (const mention of readBodyMentions(getDocumentBody(doc))) {
      const key = `body-mention:${docId}:${mention.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!this.isMember(mention.userId, groupId)) continue;
      events.push({
        userId: mention.userId,
        dedupeKey: key,
        kind: 'mention',
        groupId,
        targetKind: 'doc',
        targetId: docId,
        excerpt: mention.context,
      });
    }
    return events;
  }

  private boardEvents(
    groupId: string,
    boardId: string,
    doc: Y.Doc,
    seen: Set<string>,
  ): NewNotification[] {
    const events: NewNotification[] = [];
    let members: Map<string, string> | null = null;
    for (const column of readBoard(doc).columns) {
      for (const card of column.cards) {
        for (const name of card.assignees) {
          const key = `assigned:${card.id}:${name}`;
          if (seen.has(key)) continue;
          seen.add(key);
          members ??= new Map([...this.members].map(([id, memberName]) => [memberName, id]));
          const userId = members.get(name);
          if (userId === undefined) continue;
          events.push({
            userId,
            dedupeKey: `assigned:${boardId}:${card.id}`,
            kind: 'card_assigned',
            groupId,
            targetKind: 'board',
            targetId: boardId,
            cardId: card.id,
            excerpt: card.title,
          });
        }
      }
    }
    return events;
  }
}

const MENTION = new TextEncoder().encode('mention');

/** True when an update carries the node name of a mention (a cheap byte search). */
function holdsMention(update: Uint8Array): boolean {
  outer: for (let i = 0; i + MENTION.length <= update.length; i++) {
    for (let j = 0; j < MENTION.length; j++) if (update[i + j] !== MENTION[j]) continue outer;
    return true;
  }
  return false;
}
