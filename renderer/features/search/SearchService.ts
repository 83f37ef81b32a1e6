/**
 * Keeps the offline search index of one person on one server in step with their rooms:
 *
 * - every room the registry has open (a document on screen, a board, a background room) is
 *   re-indexed a moment after each update, local or remote, and only that room, incrementally;
 * - each group's index room is held open, so new, renamed and archived documents show at once;
 * - rooms this computer has never indexed are fetched in the background through the registry
 *   (so they also land in IndexedDB and open offline later), a few at a time; groups kept
 *   "Disponible sin conexión" are refreshed the same way every few minutes;
 * - losing a group drops its entries and stops its rooms at once;
 * - the index is saved in the person's database (`search` table) a little after changes,
 *   so a restart opens it without re-reading every room, and sign-out deletes it with the rest.
 */
import { parseRoom, roomName } from '../../../shared/protocol/rooms';
import { readDocumentBlocks } from '../../../shared/ydoc/documentDoc';
import { readGroupIndex } from '../../../shared/ydoc/groupIndexDoc';
import { readStoredDoc } from '../../storage/storedDoc';
import type { BoardId, DocId, GroupId } from '../../../shared/model/ids';
import type { WorkspaceDexie } from '../../storage/workspaceDb';
import type { DocRegistry } from '../../sync/DocRegistry';
import type { RoomConnection } from '../../sync/RoomConnection';
import { docVersion, extractEntries } from './extract';
import { SearchIndex, type SearchEntry, type SearchHit } from './SearchIndex';
import { bestBlock, fold, snippet, type SnippetPart } from './spanish';

export interface SearchServiceOptions {
  registry: DocRegistry;
  db: WorkspaceDexie;
  /** Rooms fetched at the same time in the background. */
  concurrency?: number;
  /** How long a background room waits for the server before it is indexed as it is. */
  syncTimeoutMs?: number;
  /** Quiet time after an update before its room is re-indexed. */
  reindexDelayMs?: number;
  saveDelayMs?: number;
  /** How often groups kept offline are refreshed while online. */
  refreshEveryMs?: number;
}

const CACHE_KEY = 'search';
const SETTINGS_KEY = 'offlineGroups';
/** Whether the person has decided about downloading their groups (new installs ask first). */
const CONSENT_KEY = 'offlineConsent';
/** Documents whose blocks are kept for snippets. */
const BLOCK_CACHE_SIZE = 30;
/** The state vector of a doc that holds nothing yet. */
const EMPTY_VERSION = 'AA==';

interface CachedBlocks {
  version: string | null;
  blocks: string[];
  folded: string[];
  snippets: Map<string, SnippetPart[]>;
}

interface Attached {
  connection: RoomConnection;
  detach: () => void;
  timer: ReturnType<typeof setTimeout> | null;
  /** An update arrived that is not indexed yet. */
  dirty: boolean;
}

/** Text (characters) per multiple of the quiet time before a room is re-indexed. */
const REINDEX_TEXT_STEP = 100_000;
const REINDEX_MAX_STEPS = 30;

/** Runs `fn` when the browser is idle (soon anyway); at once where there is no idle callback. */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2_000 });
  else fn();
}

export interface GroupAvailability {
  /** Documents and boards listed in the group's index. */
  total: number;
  /** Of those, how many are on this computer. */
  local: number;
}

export class SearchService {
  private index = new SearchIndex();
  private groups = new Set<string>();
  /** Groups the person chose not to keep fully offline (default: every group is kept). */
  private notOffline = new Set<string>();
  /** Null until the person decides; nothing is fetched in the background before that. */
  private consent: boolean | null = null;
  private readonly attached = new Map<string, Attached>();
  private readonly blockCache = new Map<string, CachedBlocks>();
  /** How much text each room gave the index last time (its re-indexing cost). */
  private readonly textSize = new Map<string, number>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshTimer: ReturnType<typeof setInterval> | null = null;
  private destroyed = false;
  private readonly unsubscribeRegistry: () => void;
  private readonly options: Required<SearchServiceOptions>;

  constructor(options: SearchServiceOptions) {
    this.options = {
      concurrency: 3,
      syncTimeoutMs: 15_000,
      reindexDelayMs: 300,
      saveDelayMs: 2_000,
      refreshEveryMs: 10 * 60_000,
      ...options,
    };
    this.unsubscribeRegistry = options.registry.subscribe(this.followRegistry);
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  /** Loads the saved index and settings, then starts following `groups`. */
  async start(groups: readonly string[]): Promise<void> {
    const [saved, settings, consent] = await Promise.all([
      this.options.db.search.get(CACHE_KEY),
      this.options.db.search.get(SETTINGS_KEY),
      this.options.db.search.get(CONSENT_KEY),
    ]);
    if (this.destroyed) return;
    // An install that already kept groups offline (before this question existed) was not new.
    this.consent = consent?.value === true || saved !== undefined ? true : null;
    if (typeof saved?.value === 'string') this.index = new SearchIndex(saved.value);
    if (Array.isArray(settings?.value)) {
      this.notOffline = new Set(
        settings.value.filter((id): id is string => typeof id === 'string'),
      );
    }
    this.setGroups(groups);
    this.followRegistry();
    this.refreshTimer = setInterval(() => this.refreshOffline(), this.options.refreshEveryMs);
    this.changed();
  }

  /** The groups the person may read now; entries of any other group are dropped at once. */
  setGroups(groups: readonly string[]): void {
    const next = new Set(groups);
    if (next.size === this.groups.size && [...next].every((id) => this.groups.has(id))) return;
    for (const groupId of this.groups) {
      if (next.has(groupId)) continue;
      this.options.registry.release(indexRoomOf(groupId));
      this.index.removeGroup(groupId);
      for (const room of [...this.queue]) if (room.startsWith(`g/${groupId}/`)) this.unqueue(room);
    }
    for (const groupId of next) {
      if (!this.groups.has(groupId)) this.options.registry.acquire(indexRoomOf(groupId));
    }
    this.groups = next;
    this.followRegistry();
    this.scheduleSave();
    this.changed();
  }

  search(query: string, limit = 50): SearchHit[] {
    return this.index.search(query, { groups: this.groups, limit });
  }

  assignedTo(person: string): SearchEntry[] {
    return this.index.assignedTo(person, this.groups);
  }

  /** The cards of the group's boards that link to a document, as this computer last read them. */
  cardsLinkingTo(groupId: string, docId: string): SearchEntry[] {
    return this.index.linkedTo(groupId, docId, this.groups);
  }

  /** A document's or board's title as its group index lists it (null: not listed). */
  title(groupId: string, targetId: string): string | null {
    return this.index.title(groupId, targetId);
  }

  /** True on a new install until the person accepts or declines the first download. */
  offlineDecisionPending(): boolean {
    return this.consent === null;
  }

  /**
   * The first download: `download` keeps every group offline and starts fetching them; declining
   * turns every group's switch off (each can be turned on later, again after seeing its size).
   */
  async decideOffline(download: boolean): Promise<void> {
    if (!download) for (const groupId of this.groups) this.notOffline.add(groupId);
    this.consent = true;
    await Promise.all([
      this.options.db.search.put({ key: CONSENT_KEY, value: true }),
      this.options.db.search.put({ key: SETTINGS_KEY, value: [...this.notOffline] }),
    ]);
    if (download) for (const groupId of this.groups) this.enqueueGroup(groupId, true);
    this.changed();
  }

  /**
   * Bytes a download of `groupId` would fetch: the server's stored size (`sizes`, from
   * GET /api/groups/:id/storage) of each room of the group not yet on this computer.
   */
  downloadBytes(groupId: string, sizes: ReadonlyArray<{ room: string; bytes: number }>): number {
    const wanted = new Set(this.prefetchRooms(groupId));
    return sizes
      .filter(({ room }) => this.index.roomVersion(room) === null)
      .filter(({ room }) => (wanted.size === 0 ? !room.endsWith('/index') : wanted.has(room)))
      .reduce((sum, { bytes }) => sum + bytes, 0);
  }

  isKeptOffline(groupId: string): boolean {
    return !this.notOffline.has(groupId);
  }

  async setKeptOffline(groupId: string, keep: boolean): Promise<void> {
    if (keep) this.notOffline.delete(groupId);
    else this.notOffline.add(groupId);
    await this.options.db.search.put({ key: SETTINGS_KEY, value: [...this.notOffline] });
    if (keep) this.enqueueGroup(groupId, false);
    this.changed();
  }

  availability(groupId: string): GroupAvailability {
    const rooms = this.listedRooms(groupId);
    const local = rooms.filter((room) => this.index.roomVersion(room) !== null).length;
    return { total: rooms.length, local };
  }

  /** Bytes this computer stores for a group's rooms. */
  async storedBytes(groupId: string): Promise<number> {
    let bytes = 0;
    const count = (row: { update: Uint8Array }) => {
      bytes += row.update.byteLength;
    };
    const { db } = this.options;
    await db.updates.where('room').startsWith(`g/${groupId}/`).each(count);
    await db.states.where('room').startsWith(`g/${groupId}/`).each(count);
    return bytes;
  }

  /**
   * The words around the best hit of a document result, highlighted. The blocks come from the
   * open room if it is open, else from IndexedDB; the last few documents asked for are kept with
   * their folded text and snippets, so typing more letters does not read or fold them again.
   */
  async documentSnippet(
    room: string,
    terms: readonly string[],
    queryTerms: readonly string[],
  ): Promise<SnippetPart[]> {
    const cached = await this.cachedBlocks(room);
    const key = `${terms.join(' ')}|${queryTerms.join(' ')}`;
    let parts = cached.snippets.get(key);
    if (parts === undefined) {
      const block = cached.blocks[bestBlock(cached.blocks, queryTerms, cached.folded)] ?? '';
      parts = snippet(block, terms);
      cached.snippets.set(key, parts);
    }
    return parts;
  }

  private async cachedBlocks(room: string): Promise<CachedBlocks> {
    const open = this.options.registry.peek(room);
    const isOpen = open !== null && open.getStatus().loaded;
    const version = isOpen ? docVersion(open.doc) : this.index.roomVersion(room);
    const cached = this.blockCache.get(room);
    if (cached !== undefined && cached.version === version) return cached;
    const blocks = isOpen
      ? readDocumentBlocks(open.doc)
      : await readStoredDoc(this.options.db, room, readDocumentBlocks);
    const entry: CachedBlocks = { version, blocks, folded: blocks.map(fold), snippets: new Map() };
    this.blockCache.delete(room);
    this.blockCache.set(room, entry);
    if (this.blockCache.size > BLOCK_CACHE_SIZE) {
      this.blockCache.delete(this.blockCache.keys().next().value!);
    }
    return entry;
  }

  /** Rooms waiting for or in a background fetch. */
  backgroundWork(): number {
    return this.queue.length + this.running;
  }

  indexSize(): number {
    return this.index.size;
  }

  /** Changes whenever results could have changed (for useSyncExternalStore). */
  getVersion(): number {
    return this.version;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves the index (if it changed) and lets go of every room. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unsubscribeRegistry();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    if (this.refreshTimer !== null) clearInterval(this.refreshTimer);
    for (const [room, attached] of this.attached) {
      if (attached.timer !== null) clearTimeout(attached.timer);
      if (attached.dirty) this.reindex(room, attached.connection, { updated: true });
      attached.detach();
    }
    this.attached.clear();
    for (const groupId of this.groups) this.options.registry.release(indexRoomOf(groupId));
    this.queue.length = 0;
    this.listeners.clear();
    if (this.saveTimer !== null) {
      clearTimeout(this.saveTimer);
      await this.save();
    }
  }

  /** Attaches to rooms the registry opened and detaches from rooms it closed. */
  private readonly followRegistry = (): void => {
    if (this.destroyed) return;
    const open = new Set(this.options.registry.openRooms());
    for (const [room, attached] of this.attached) {
      if (open.has(room) && this.options.registry.peek(room) === attached.connection) continue;
      if (attached.timer !== null) clearTimeout(attached.timer);
      attached.detach();
      this.attached.delete(room);
    }
    for (const room of open) {
      if (this.attached.has(room)) continue;
      const parsed = parseRoom(room);
      if (parsed === null || !this.groups.has(parsed.groupId)) continue;
      const connection = this.options.registry.peek(room);
      if (connection !== null) this.attach(room, connection);
    }
  };

  /**
   * Re-indexing reads the room's whole text and MiniSearch re-adds it in one go (a 2 MB document
   * took seconds), so the quiet time before it grows with the room's text (300 ms up to 100k
   * characters, 6 s at 2 MB, at most 30 steps): someone typing in a long document is not frozen
   * at every pause. It then runs when the browser is idle.
   */
  private attach(room: string, connection: RoomConnection): void {
    const attached: Attached = { connection, detach: () => undefined, timer: null, dirty: false };
    const onUpdate = () => {
      attached.dirty = true;
      if (attached.timer !== null) clearTimeout(attached.timer);
      const steps = Math.min(
        REINDEX_MAX_STEPS,
        Math.max(1, (this.textSize.get(room) ?? 0) / REINDEX_TEXT_STEP),
      );
      attached.timer = setTimeout(() => {
        attached.timer = null;
        whenIdle(() => {
          if (this.destroyed || this.attached.get(room) !== attached) return;
          if (attached.timer !== null || !attached.dirty) return;
          attached.dirty = false;
          this.reindex(room, connection, { updated: true });
        });
      }, this.options.reindexDelayMs * steps);
    };
    connection.doc.on('update', onUpdate);
    attached.detach = () => connection.doc.off('update', onUpdate);
    this.attached.set(room, attached);
    void connection.persistence.whenLoaded.then(() => {
      if (this.attached.get(room) === attached) this.reindex(room, connection);
    });
  }

  /**
   * `updated`: an update arrived since the room was last indexed. A change that only deletes
   * (text removed, a card unlinked from a document) leaves the state vector, the version, as it
   * was, so the version alone would skip it. `synced`: the server has answered for this room, so
   * an empty room is really empty (a document nobody commented on has an empty threads room) and
   * is recorded as indexed.
   */
  private reindex(
    room: string,
    connection: RoomConnection,
    { updated = false, synced = false }: { updated?: boolean; synced?: boolean } = {},
  ): void {
    const parsed = parseRoom(room);
    if (parsed === null || !this.groups.has(parsed.groupId)) return;
    const version = docVersion(connection.doc);
    if (parsed.kind === 'index') this.enqueueGroup(parsed.groupId, true, connection);
    if (version === EMPTY_VERSION && !synced) return;
    if (!updated && version === this.index.roomVersion(room)) return;
    const entries = extractEntries(room, connection.doc);
    if (entries === null) return;
    this.textSize.set(
      room,
      entries.reduce((sum, entry) => sum + entry.text.length, 0),
    );
    this.index.indexRoom(room, entries, version);
    if (parsed.kind === 'index') this.enqueueGroup(parsed.groupId, true, connection);
    this.scheduleSave();
    this.changed();
  }

  private listedRooms(groupId: string, connection?: RoomConnection): string[] {
    const index = connection ?? this.options.registry.peek(indexRoomOf(groupId));
    if (index === null || index === undefined) return [];
    return readGroupIndex(index.doc)
      .entries.filter((entry) => !entry.archived)
      .map((entry) =>
        roomName(
          entry.kind === 'doc'
            ? { kind: 'doc', groupId: groupId as GroupId, docId: entry.id as DocId }
            : { kind: 'board', groupId: groupId as GroupId, boardId: entry.id as BoardId },
        ),
      );
  }

  /** The listed rooms of a group and the comment threads of its documents. */
  private prefetchRooms(groupId: string, connection?: RoomConnection): string[] {
    return this.listedRooms(groupId, connection).flatMap((room) => {
      const parsed = parseRoom(room);
      return parsed?.kind === 'doc'
        ? [room, roomName({ kind: 'threads', groupId: parsed.groupId, docId: parsed.docId })]
        : [room];
    });
  }

  /**
   * Queues the rooms of a group kept offline: those never indexed, or all of them for a refresh.
   * A group the person chose not to keep offline is indexed only as its rooms are opened.
   */
  private enqueueGroup(groupId: string, missingOnly: boolean, connection?: RoomConnection): void {
    if (this.consent !== true || !this.isKeptOffline(groupId)) return;
    for (const room of this.prefetchRooms(groupId, connection)) {
      if (missingOnly && this.index.roomVersion(room) !== null) continue;
      if (this.queued.has(room)) continue;
      this.queued.add(room);
      this.queue.push(room);
    }
    this.pump();
  }

  private unqueue(room: string): void {
    const at = this.queue.indexOf(room);
    if (at !== -1) this.queue.splice(at, 1);
    this.queued.delete(room);
  }

  private refreshOffline(): void {
    if (typeof navigator !== 'undefined' && !navigator.onLine) return;
    for (const groupId of this.groups) this.enqueueGroup(groupId, false);
  }

  private readonly onOnline = (): void => {
    for (const groupId of this.groups) this.enqueueGroup(groupId, true);
  };

  private pump(): void {
    while (!this.destroyed && this.running < this.options.concurrency && this.queue.length > 0) {
      const room = this.queue.shift()!;
      this.queued.delete(room);
      this.running += 1;
      void this.fetchRoom(room).finally(() => {
        this.running -= 1;
        this.changed();
        this.pump();
      });
    }
  }

  /** Opens a room through the registry (so it is stored locally), waits for the server, indexes it. */
  private async fetchRoom(room: string): Promise<void> {
    const parsed = parseRoom(room);
    if (parsed === null || !this.groups.has(parsed.groupId)) return;
    const { registry } = this.options;
    const connection = registry.acquire(room);
    try {
      await connection.persistence.whenLoaded;
      const online = typeof navigator === 'undefined' || navigator.onLine;
      if (online && !this.destroyed) await this.whenSynced(connection);
      if (!this.destroyed) {
        this.reindex(room, connection, { synced: connection.provider?.synced === true });
      }
    } finally {
      registry.release(room);
    }
  }

  private whenSynced(connection: RoomConnection): Promise<void> {
    const provider = connection.provider;
    if (provider === null || provider.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        provider.off('sync', onSync);
        provider.off('connection-close', done);
        resolve();
      };
      const onSync = (synced: boolean) => {
        if (synced) done();
      };
      const timer = setTimeout(done, this.options.syncTimeoutMs);
      provider.on('sync', onSync);
      provider.on('connection-close', done);
    });
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null || this.destroyed) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, this.options.saveDelayMs);
  }

  private async save(): Promise<void> {
    try {
      await this.options.db.search.put({ key: CACHE_KEY, value: this.index.serialize() });
    } catch {
      // The index is rebuilt from the local docs at the next start; nothing else depends on it.
    }
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

function indexRoomOf(groupId: string): string {
  return roomName({ kind: 'index', groupId: groupId as GroupId });
}
