/**
 * The offline full-text index of everything this person may read, built on this computer from
 * the local Yjs docs (MiniSearch; see docs/architecture.md for the choice).
 *
 * The index is kept per room: {@link SearchIndex.indexRoom} receives the entries one room yields
 * now (a document's text, a board's cards, a group index's titles) and changes only what differs
 * from what that room gave last time: an edited card or document is discarded and added again,
 * everything else is left alone. Nothing ever rebuilds the whole index. Losing a group removes
 * its rooms' entries at once ({@link SearchIndex.removeGroup}).
 *
 * Document text is indexed but not stored (it is already in IndexedDB as the document itself;
 * storing it again per block made the index ten times the size of the text): the palette reads
 * the document's local copy for the snippet of a result it shows. Cards keep their short text
 * as the snippet.
 *
 * Results are entries of readable rooms only: a body block or card whose document or board is
 * not (or no longer) listed in its group's index is not returned, so archiving a document takes
 * it out of search without re-reading its body.
 */
import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import { processQueryTerm, processTerm, tokenize } from './spanish';

export type SearchKind = 'doc' | 'board' | 'card' | 'comment';

export interface SearchEntry {
  /** Unique across the index: `<room>|<part>`. */
  id: string;
  room: string;
  groupId: string;
  /** `doc`/`board` entries of a group index room carry a title; `doc` body blocks carry `block`. */
  kind: SearchKind;
  /** The document or board the entry belongs to (what a result opens). */
  targetId: string;
  cardId?: string;
  /** A comment entry's thread (what its result opens in the document's thread panel). */
  threadId?: string;
  /** A comment thread that was resolved (results say so). */
  resolved?: boolean;
  title: string;
  /** Indexed; stored only as `snippet`, for entries that set it (cards). */
  text: string;
  snippet?: string;
  /** People a card is assigned to (by name), for "Asignado a mí". */
  assignees?: string[];
  /** The documents a card links to, for a document's "Tarjetas vinculadas". */
  links?: string[];
  /** The title of the column a card is in. */
  column?: string;
}

/**
 * What MiniSearch stores per entry: everything a result shows, packed in one field. MiniSearch
 * copies every stored field into every raw result before filtering, so one field instead of ten
 * is a tenth of that copying on queries that match thousands of entries.
 */
interface Stored {
  room: string;
  groupId: string;
  kind: SearchKind;
  targetId: string;
  cardId?: string;
  threadId?: string;
  resolved?: boolean;
  title: string;
  snippet?: string;
  assignees?: string[];
  links?: string[];
  column?: string;
  sig: string;
}

/** What MiniSearch receives: the indexed fields and the packed stored one. */
type IndexedEntry = Pick<SearchEntry, 'id' | 'title' | 'text'> & { stored: Stored };

export interface SearchHit {
  entry: SearchEntry;
  score: number;
  /** Index terms that matched (after folding and fuzzy/prefix expansion): what to highlight. */
  terms: string[];
  /** The query's own terms that matched: what decides which block is the best hit. */
  queryTerms: string[];
}

interface RoomRecord {
  /** What the room's doc looked like when indexed (base64 state vector), to skip re-indexing. */
  version: string;
  ids: string[];
}

/**
 * Bumped when what is stored changes (3: cards' links and columns; 4: one packed stored field):
 * an older saved index is rebuilt from the local docs.
 */
const FORMAT = 4;

interface Serialized {
  format: typeof FORMAT;
  index: unknown;
  rooms: Record<string, RoomRecord>;
}

const FIELDS = ['title', 'text'];
const STORED = ['stored'];

/** Query words this long may have one typo; from {@link FUZZY_TWO} letters, two. */
const FUZZY_ONE = 4;
const FUZZY_TWO = 9;
/** Recent queries whose results are kept until the index changes (the palette asks again on every render). */
const QUERY_CACHE_SIZE = 16;

function miniSearchOptions() {
  return {
    fields: FIELDS,
    storeFields: STORED,
    tokenize,
    processTerm,
    autoVacuum: { minDirtCount: 200, minDirtFactor: 0.2, batchSize: 2000, batchWait: 10 },
    searchOptions: {
      boost: { title: 3 },
      processTerm: processQueryTerm,
      // Only the word being typed is a prefix: the words before it are finished, and a prefix
      // expands to every longer word of the vocabulary.
      prefix: (_term: string, index: number, terms: string[]) => index === terms.length - 1,
      // One typo from four letters, two only in long words: a distance of two walks a large part
      // of the vocabulary tree and was most of the slowest queries.
      fuzzy: (term: string) => (term.length >= FUZZY_TWO ? 2 : term.length >= FUZZY_ONE ? 1 : 0),
      combineWith: 'AND' as const,
    },
  };
}

/** The title entry of a document or board lives in its group's index room. */
export function titleEntryId(groupId: string, targetId: string): string {
  return `g/${groupId}/index|${targetId}`;
}

export class SearchIndex {
  private mini: MiniSearch<IndexedEntry>;
  private rooms = new Map<string, RoomRecord>();
  private readonly queryCache = new Map<string, SearchHit[]>();

  constructor(serialized?: string) {
    this.mini = new MiniSearch<IndexedEntry>(miniSearchOptions());
    if (serialized === undefined) return;
    try {
      const data = JSON.parse(serialized) as Serialized;
      if (data.format !== FORMAT) return;
      this.mini = MiniSearch.loadJS<IndexedEntry>(
        data.index as Parameters<typeof MiniSearch.loadJS>[0],
        miniSearchOptions(),
      );
      this.rooms = new Map(Object.entries(data.rooms));
    } catch {
      // A stored index that cannot be read is rebuilt from the local docs; nothing is lost.
      this.mini = new MiniSearch<IndexedEntry>(miniSearchOptions());
      this.rooms.clear();
    }
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** The version recorded the last time `room` was indexed, or null if it never was. */
  roomVersion(room: string): string | null {
    return this.rooms.get(room)?.version ?? null;
  }

  indexedRooms(): string[] {
    return [...this.rooms.keys()];
  }

  /**
   * Makes the index hold exactly `entries` for `room`, touching only entries that changed.
   * Returns how many entries were (re)added and removed.
   */
  indexRoom(
    room: string,
    entries: readonly SearchEntry[],
    version: string,
  ): { added: number; removed: number } {
    this.queryCache.clear();
    const previous = new Set(this.rooms.get(room)?.ids ?? []);
    let added = 0;
    let removed = 0;
    for (const entry of entries) {
      previous.delete(entry.id);
      const sig = signature(entry);
      if (this.mini.has(entry.id)) {
        if (storedOf(this.mini.getStoredFields(entry.id))?.sig === sig) continue;
        this.mini.discard(entry.id);
        removed += 1;
      }
      this.mini.add({
        id: entry.id,
        title: entry.title,
        text: entry.text,
        stored: pack(entry, sig),
      });
      added += 1;
    }
    for (const id of previous) {
      if (this.mini.has(id)) this.mini.discard(id);
      removed += 1;
    }
    this.rooms.set(room, { version, ids: entries.map((entry) => entry.id) });
    return { added, removed };
  }

  removeRoom(room: string): void {
    const record = this.rooms.get(room);
    if (record === undefined) return;
    this.queryCache.clear();
    for (const id of record.ids) if (this.mini.has(id)) this.mini.discard(id);
    this.rooms.delete(room);
  }

  /** Forgets every room of a group (the person lost access to it). */
  removeGroup(groupId: string): void {
    const prefix = `g/${groupId}/`;
    for (const room of [...this.rooms.keys()]) if (room.startsWith(prefix)) this.removeRoom(room);
  }

  /** The title of a document or board, or null when its group index does not list it. */
  title(groupId: string, targetId: string): string | null {
    const stored = storedOf(this.mini.getStoredFields(titleEntryId(groupId, targetId)));
    return stored === undefined ? null : stored.title;
  }

  search(query: string, options: { groups: ReadonlySet<string>; limit?: number }): SearchHit[] {
    if (query.trim() === '') return [];
    const key = `${options.limit ?? ''}|${[...options.groups].sort().join(',')}|${query}`;
    const cached = this.queryCache.get(key);
    if (cached !== undefined) return cached;
    const hits: SearchHit[] = [];
    // Whether a document or board is listed, asked once per target in this search (ids are
    // unique across groups), not once per matching entry.
    const listed = new Map<string, boolean>();
    const results = this.mini.search(query, {
      filter: (result) => {
        const stored = result['stored'] as Stored;
        if (!options.groups.has(stored.groupId)) return false;
        // Bodies, cards and comments count only while their document or board is listed.
        if (stored.room.endsWith('/index')) return true;
        let known = listed.get(stored.targetId);
        if (known === undefined) {
          known = this.mini.has(titleEntryId(stored.groupId, stored.targetId));
          listed.set(stored.targetId, known);
        }
        return known;
      },
    });
    for (const result of results) {
      hits.push({
        entry: toEntry(result),
        score: result.score,
        terms: result.terms,
        queryTerms: result.queryTerms,
      });
      if (options.limit !== undefined && hits.length >= options.limit) break;
    }
    this.queryCache.set(key, hits);
    if (this.queryCache.size > QUERY_CACHE_SIZE) {
      this.queryCache.delete(this.queryCache.keys().next().value!);
    }
    return hits;
  }

  /** Cards (of listed boards in `groups`) assigned to `person`. */
  assignedTo(person: string, groups: ReadonlySet<string>): SearchEntry[] {
    return this.mini
      .search(MiniSearch.wildcard, {
        filter: (result) => {
          const stored = result['stored'] as Stored;
          return (
            stored.kind === 'card' &&
            groups.has(stored.groupId) &&
            (stored.assignees ?? []).includes(person) &&
            this.mini.has(titleEntryId(stored.groupId, stored.targetId))
          );
        },
      })
      .map(toEntry);
  }

  /**
   * Cards (of listed boards in `groupId`, if it is in `groups`) that link to document `docId`:
   * what a document shows as "Tarjetas vinculadas" without opening any board.
   */
  linkedTo(groupId: string, docId: string, groups: ReadonlySet<string>): SearchEntry[] {
    if (!groups.has(groupId)) return [];
    return this.mini
      .search(MiniSearch.wildcard, {
        filter: (result) => {
          const stored = result['stored'] as Stored;
          return (
            stored.kind === 'card' &&
            stored.groupId === groupId &&
            (stored.links ?? []).includes(docId) &&
            this.mini.has(titleEntryId(groupId, stored.targetId))
          );
        },
      })
      .map(toEntry);
  }

  serialize(): string {
    const data: Serialized = {
      format: FORMAT,
      index: this.mini.toJSON(),
      rooms: Object.fromEntries(this.rooms),
    };
    return JSON.stringify(data);
  }
}

/** FNV-1a over everything an entry shows or indexes: equal signatures, nothing to re-add. */
function signature(entry: SearchEntry): string {
  let hash = 0x811c9dc5;
  const text = [
    entry.kind,
    entry.targetId,
    entry.title,
    entry.text,
    entry.snippet ?? '',
    entry.threadId ?? '',
    entry.resolved === true ? 'resolved' : '',
    ...(entry.assignees ?? []),
    '\u0001',
    ...(entry.links ?? []),
    entry.column ?? '',
  ].join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}:${text.length}`;
}

function pack(entry: SearchEntry, sig: string): Stored {
  const stored: Stored = {
    room: entry.room,
    groupId: entry.groupId,
    kind: entry.kind,
    targetId: entry.targetId,
    title: entry.title,
    sig,
  };
  if (entry.cardId !== undefined) stored.cardId = entry.cardId;
  if (entry.threadId !== undefined) stored.threadId = entry.threadId;
  if (entry.resolved === true) stored.resolved = true;
  if (entry.snippet !== undefined) stored.snippet = entry.snippet;
  if (entry.assignees !== undefined) stored.assignees = entry.assignees;
  if (entry.links !== undefined) stored.links = entry.links;
  if (entry.column !== undefined) stored.column = entry.column;
  return stored;
}

function storedOf(fields: Record<string, unknown> | undefined): Stored | undefined {
  return fields?.['stored'] as Stored | undefined;
}

function toEntry(result: MiniResult): SearchEntry {
  const stored = result['stored'] as Stored;
  return {
    id: String(result.id),
    room: stored.room,
    groupId: stored.groupId,
    kind: stored.kind,
    targetId: stored.targetId,
    cardId: stored.cardId,
    threadId: stored.threadId,
    resolved: stored.resolved,
    title: stored.title,
    text: '',
    snippet: stored.snippet,
    assignees: stored.assignees,
    links: stored.links,
    column: stored.column,
  };
}
