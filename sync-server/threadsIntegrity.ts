/**
 * Who may write what in a threads room (shared/ydoc/threadsDoc.ts), checked by the server on each
 * writer's update before the room applies it. The client writes authorship itself (a comment's
 * `author`, a thread's `createdBy`, the `resolvedBy` of a resolution or decision), so without this
 * a member could sign a comment with a colleague's name or rewrite a colleague's comment.
 *
 * The rules, for the person behind the connection:
 * - a new thread, comment or reply is signed by them (`createdBy`, `author`);
 * - `resolvedBy` always names them (resolve, reject, accept);
 * - a thread's anchor, quote and proposal, and a comment's fields, change only by their author;
 *   `kind`, `createdBy`, `createdAt`, `comments` and a comment's `author` never change, and a
 *   thread or comment is never replaced or removed by anyone else;
 * - anyone who may write resolves and reopens; only an editor or lead accepts or rejects a
 *   suggestion (`status` other than `open`), and only they touch an accepted one.
 * Outside the `threads` root (the schema version in `meta`) nothing is policed.
 *
 * Cost: the update is decoded once (Y.decodeUpdate, no copy of the room); each new struct is
 * placed by walking at most three parents, found in the update or in the room by id (a binary
 * search per lookup), and each deletion looks up the structs it names. Nothing of the room is
 * re-encoded, so the cost follows the size of the update, not of the room.
 */
import * as Y from 'yjs';
import type { GroupRole } from '../shared/model/accounts';

export interface ThreadsWriter {
  userId: string;
  role: GroupRole;
}

const THREADS_ROOT = 'threads';
/** Thread fields any writer may set or clear (resolve, reopen), unless the thread is accepted. */
const RESOLUTION_FIELDS = new Set(['resolved', 'resolvedBy', 'resolvedAt', 'status']);
/** Fields written once, when the thread or comment is made. */
const THREAD_FIXED = new Set(['kind', 'createdBy', 'createdAt', 'comments']);
const AUTHOR_FIELDS = new Set(['createdBy', 'author', 'resolvedBy']);

/** Where a map entry sits in the schema: the map holding it. */
type Container =
  | { kind: 'outside' }
  | { kind: 'offSchema' }
  | { kind: 'threads' }
  | { kind: 'thread'; thread: Y.Item }
  | { kind: 'comments'; thread: Y.Item }
  | { kind: 'comment'; thread: Y.Item; comment: Y.Item };

/** A struct's parent (a root by name, or the item of a nested type) and its map key. */
interface Place {
  parent: string | Y.Item;
  key: string | null;
}

const DELETED = Symbol('deleted');

/** A type of the room (a root or a nested map), as Y.Doc#share holds them. */
type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>;

export function checkThreadsWrite(
  doc: Y.Doc,
  update: Uint8Array,
  writer: ThreadsWriter,
): string | null {
  return new ThreadsCheck(doc, update, writer).run();
}

class ThreadsCheck {
  private readonly fresh = new Map<number, Y.Item[]>();
  private readonly places = new Map<Y.Item, Place | null>();
  private readonly structs: Array<Y.Item | Y.GC | Y.Skip>;
  private readonly ds: ReturnType<typeof Y.decodeUpdate>['ds'];

  constructor(
    private readonly doc: Y.Doc,
    update: Uint8Array,
    private readonly writer: ThreadsWriter,
  ) {
    const decoded = Y.decodeUpdate(update);
    this.structs = decoded.structs;
    this.ds = decoded.ds;
    for (const struct of this.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const list = this.fresh.get(struct.id.client) ?? [];
      list.push(struct);
      this.fresh.set(struct.id.client, list);
    }
  }

  run(): string | null {
    for (const struct of this.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const refusal = this.checkInsert(struct);
      if (refusal !== null) return refusal;
    }
    for (const [client, ranges] of this.ds.clients) {
      for (const range of ranges) {
        const refusal = this.checkDeletes(client, range.clock, range.clock + range.len);
        if (refusal !== null) return refusal;
      }
    }
    return null;
  }

  private get mayDecide(): boolean {
    return this.writer.role === 'lead' || this.writer.role === 'editor';
  }

  private isFresh(item: Y.Item): boolean {
    return !(item.parent instanceof Y.AbstractType);
  }

  /** The item holding `id`, from this update or from the room; null for a GC or unknown id. */
  private find(id: Y.ID): Y.Item | null {
    for (const item of this.fresh.get(id.client) ?? []) {
      if (id.clock >= item.id.clock && id.clock < item.id.clock + item.length) return item;
    }
    if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
    const struct = Y.getItem(this.doc.store, id);
    return struct instanceof Y.Item ? struct : null;
  }

  private place(item: Y.Item): Place | null {
    if (this.places.has(item)) return this.places.get(item)!;
    this.places.set(item, null); // a cycle in a crafted update resolves to "nowhere"
    const place = this.computePlace(item);
    this.places.set(item, place);
    return place;
  }

  private computePlace(item: Y.Item): Place | null {
    const parent: unknown = item.parent;
    if (parent instanceof Y.AbstractType) {
      const owner = (parent as SharedType)._item;
      if (owner !== null) return { parent: owner, key: item.parentSub };
      for (const [name, type] of this.doc.share) {
        if (type === parent) return { parent: name, key: item.parentSub };
      }
      return null;
    }
    if (typeof parent === 'string') return { parent, key: item.parentSub };
    if (parent !== null) {
      const owner = this.find(parent as Y.ID);
      return owner === null ? null : { parent: owner, key: item.parentSub };
    }
    // Parent left out of the encoding: the same as the neighbour's.
    const neighbourId = item.origin ?? item.rightOrigin;
    const neighbour = neighbourId === null ? null : this.find(neighbourId);
    return neighbour === null ? null : this.place(neighbour);
  }

  /** The map `parent` is, in the schema. */
  private container(parent: string | Y.Item): Container {
    if (typeof parent === 'string') {
      return parent === THREADS_ROOT ? { kind: 'threads' } : { kind: 'outside' };
    }
    const place = this.place(parent);
    // Entries of a struct that was garbage-collected or never existed become GC: no content.
    if (place === null) return { kind: 'outside' };
    const above = this.container(place.parent);
    switch (above.kind) {
      case 'outside':
      case 'offSchema':
        return above;
      case 'threads':
        return { kind: 'thread', thread: parent };
      case 'thread':
        return place.key === 'comments'
          ? { kind: 'comments', thread: above.thread }
          : { kind: 'offSchema' };
      case 'comments':
        return { kind: 'comment', thread: above.thread, comment: parent };
      case 'comment':
        return { kind: 'offSchema' };
    }
  }

  private checkInsert(item: Y.Item): string | null {
    const place = this.place(item);
    if (place === null) return null;
    const where = this.container(place.parent);
    const key = place.key;
    const value = valueOf(item);
    if (where.kind === 'outside') return null;
    if (where.kind === 'offSchema' || key === null) return 'write outside the threads schema';
    if (AUTHOR_FIELDS.has(key) && value !== DELETED && authorId(value) !== this.writer.userId) {
      return `${key} names another person`;
    }
    switch (where.kind) {
      case 'threads':
        return this.checkEntry(mapOfRoot(this.doc, THREADS_ROOT), key, 'createdBy', 'thread');
      case 'comments':
        return this.isFresh(where.thread)
          ? null
          : this.checkEntry(mapOf(where.thread, 'comments'), key, 'author', 'comment');
      case 'thread':
        if (key === 'status' && value !== 'open' && value !== DELETED && !this.mayDecide) {
          return 'only an editor or lead decides a suggestion';
        }
        return this.isFresh(where.thread) ? null : this.checkThreadField(where.thread, key);
      case 'comment':
        if (this.isFresh(where.comment)) return null;
        return this.checkCommentField(where.comment, key);
    }
  }

  /** A new thread or comment at `key` replaces nobody else's. */
  private checkEntry(
    map: SharedType | null,
    key: string,
    authorField: string,
    what: string,
  ): string | null {
    const existing = map?._map.get(key);
    if (existing === undefined || existing.deleted) return null;
    const owner = authorId(fieldOf(existing, authorField));
    return owner === this.writer.userId ? null : `${what} ${key} belongs to another person`;
  }

  private checkThreadField(thread: Y.Item, key: string): string | null {
    if (THREAD_FIXED.has(key)) return `thread field ${key} is fixed`;
    if (RESOLUTION_FIELDS.has(key)) {
      const accepted = fieldOf(thread, 'status') === 'accepted';
      return accepted && !this.mayDecide
        ? 'only an editor or lead changes an accepted suggestion'
        : null;
    }
    return authorId(fieldOf(thread, 'createdBy')) === this.writer.userId
      ? null
      : `thread field ${key} belongs to another person`;
  }

  private checkCommentField(comment: Y.Item, key: string): string | null {
    if (key === 'author') return 'comment author is fixed';
    return authorId(fieldOf(comment, 'author')) === this.writer.userId
      ? null
      : 'comment belongs to another person';
  }

  /** Deleting a room item is changing its entry: the same rules as writing that key. */
  private checkDeletes(client: number, from: number, to: number): string | null {
    const structs = this.doc.store.clients.get(client);
    const end = Math.min(to, Y.getState(this.doc.store, client));
    if (structs === undefined || from >= end) return null;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= end) break;
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const refusal = this.checkDelete(struct);
      if (refusal !== null) return refusal;
    }
    return null;
  }

  private checkDelete(item: Y.Item): string | null {
    const place = this.place(item);
    if (place === null) return null;
    const where = this.container(place.parent);
    const key = place.key;
    if (where.kind === 'outside') return null;
    if (where.kind === 'offSchema' || key === null) return 'delete outside the threads schema';
    // Removing a thread or comment removes its fields with it: the removal itself is checked.
    if (where.kind !== 'threads' && Y.isDeleted(this.ds, where.thread.id)) return null;
    if (where.kind === 'comment' && Y.isDeleted(this.ds, where.comment.id)) return null;
    switch (where.kind) {
      case 'threads':
        return authorId(fieldOf(item, 'createdBy')) === this.writer.userId
          ? null
          : `thread ${key} belongs to another person`;
      case 'comments':
        return authorId(fieldOf(item, 'author')) === this.writer.userId
          ? null
          : `comment ${key} belongs to another person`;
      case 'thread':
        return this.checkThreadField(where.thread, key);
      case 'comment':
        return this.checkCommentField(where.comment, key);
    }
  }
}

function valueOf(item: Y.Item): unknown {
  if (item.content instanceof Y.ContentDeleted) return DELETED;
  const content = item.content.getContent();
  return content[content.length - 1];
}

function authorId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as Record<string, unknown>).id;
  return typeof id === 'string' ? id : null;
}

/** The nested type an item holds, when it holds one that is in the room. */
function typeOf(item: Y.Item): SharedType | null {
  return item.content instanceof Y.ContentType && !item.deleted ? item.content.type : null;
}

function mapOf(item: Y.Item, field: string): SharedType | null {
  const entry = typeOf(item)?._map.get(field);
  return entry === undefined || entry.deleted ? null : typeOf(entry);
}

function mapOfRoot(doc: Y.Doc, name: string): SharedType | null {
  return doc.share.get(name) ?? null;
}

/** The current value of `field` in the map an item holds. */
function fieldOf(item: Y.Item, field: string): unknown {
  const entry = typeOf(item)?._map.get(field);
  if (entry === undefined || entry.deleted) return undefined;
  return valueOf(entry);
}
