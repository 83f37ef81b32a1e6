/**
 * The group index: one Y.Doc per working group holding its table of contents (documents and
 * boards, titles, order, archived flag). Entries are maps keyed by their random id, ordered by
 * a fractional-index rank, so offline creations never collide and a reorder is one field.
 */
import * as Y from 'yjs';
import type { EntryId } from '../model/ids';
import { Origin } from './origins';
import { compareRanked, rankAt } from './rank';
import { CodedError } from '../protocol/errors';

export const GROUP_INDEX_SCHEMA_VERSION = 1;

export type EntryKind = 'doc' | 'board';

export interface IndexEntry {
  id: EntryId;
  kind: EntryKind;
  title: string;
  rank: string;
  archived: boolean;
  createdAt: number;
  createdBy: string;
}

export interface GroupIndex {
  schemaVersion: number;
  /** Every entry, archived or not, in display order. */
  entries: IndexEntry[];
}

type EntryFields = {
  kind: EntryKind;
  title: string;
  rank: string;
  archived: boolean;
  createdAt: number;
  createdBy: string;
};

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const entries = (doc: Y.Doc) => doc.getMap<Y.Map<EntryFields[keyof EntryFields]>>('entries');

function readEntry(id: string, map: Y.Map<unknown>): IndexEntry | null {
  const kind = map.get('kind');
  if (kind !== 'doc' && kind !== 'board') return null;
  return {
    id: id as EntryId,
    kind,
    title: typeof map.get('title') === 'string' ? (map.get('title') as string) : '',
    rank: typeof map.get('rank') === 'string' ? (map.get('rank') as string) : 'a0',
    archived: map.get('archived') === true,
    createdAt: typeof map.get('createdAt') === 'number' ? (map.get('createdAt') as number) : 0,
    createdBy: typeof map.get('createdBy') === 'string' ? (map.get('createdBy') as string) : '',
  };
}

export function readGroupIndex(doc: Y.Doc): GroupIndex {
  const list: IndexEntry[] = [];
  entries(doc).forEach((map, id) => {
    const entry = readEntry(id, map as Y.Map<unknown>);
    if (entry !== null) list.push(entry);
  });
  list.sort(compareRanked);
  const version = meta(doc).get('schemaVersion');
  return { schemaVersion: typeof version === 'number' ? version : 0, entries: list };
}

export function findEntry(doc: Y.Doc, id: EntryId): IndexEntry | null {
  const map = entries(doc).get(id);
  return map === undefined ? null : readEntry(id, map as Y.Map<unknown>);
}

export interface NewEntry {
  id: EntryId;
  kind: EntryKind;
  title: string;
  createdBy: string;
  createdAt?: number;
}

/** Adds an entry after the last one. */
export function addEntry(doc: Y.Doc, entry: NewEntry, origin: Origin = Origin.local): void {
  doc.transact(() => {
    const ranks = readGroupIndex(doc).entries.map((e) => e.rank);
    const map = new Y.Map<EntryFields[keyof EntryFields]>();
    map.set('kind', entry.kind);
    map.set('title', entry.title.trim());
    map.set('rank', rankAt(doc, ranks, ranks.length));
    map.set('archived', false);
    map.set('createdAt', entry.createdAt ?? Date.now());
    map.set('createdBy', entry.createdBy);
    entries(doc).set(entry.id, map);
  }, origin);
}

function updateEntry(doc: Y.Doc, id: EntryId, apply: (map: Y.Map<unknown>) => void): void {
  const map = entries(doc).get(id);
  if (map === undefined) throw new CodedError('item_not_found', `No entry ${id} in this group`);
  doc.transact(() => apply(map as Y.Map<unknown>), Origin.local);
}

/** An empty title is stored as empty: the UI shows its placeholder ("Sin título") instead. */
export function renameEntry(doc: Y.Doc, id: EntryId, title: string): void {
  updateEntry(doc, id, (map) => map.set('title', title.trim()));
}

/** Archiving hides an entry without deleting anything, so it can always be restored. */
export function archiveEntry(doc: Y.Doc, id: EntryId): void {
  updateEntry(doc, id, (map) => map.set('archived', true));
}

export function restoreEntry(doc: Y.Doc, id: EntryId): void {
  updateEntry(doc, id, (map) => map.set('archived', false));
}

/** Moves an entry to `toIndex` among the entries that are not archived. */
export function moveEntry(doc: Y.Doc, id: EntryId, toIndex: number): void {
  // The index counts visible entries; archived ones keep their place among them.
  const others = readGroupIndex(doc).entries.filter((e) => e.id !== id);
  const visible = others.filter((e) => !e.archived);
  const target =
    toIndex >= visible.length ? others.length : others.indexOf(visible[Math.max(0, toIndex)]!);
  const rank = rankAt(
    doc,
    others.map((e) => e.rank),
    target,
  );
  updateEntry(doc, id, (map) => map.set('rank', rank));
}

/**
 * Brings a group index up to the current schema. Idempotent: it writes only what differs, so
 * running it on every open on every replica produces no churn.
 */
export function migrateGroupIndex(doc: Y.Doc): void {
  const version = meta(doc).get('schemaVersion');
  if (typeof version === 'number' && version >= GROUP_INDEX_SCHEMA_VERSION) return;
  doc.transact(() => {
    entries(doc).forEach((map) => {
      const m = map as Y.Map<unknown>;
      if (typeof m.get('archived') !== 'boolean') m.set('archived', false);
      if (typeof m.get('rank') !== 'string') m.set('rank', 'a0');
    });
    meta(doc).set('schemaVersion', GROUP_INDEX_SCHEMA_VERSION);
  }, Origin.migration);
}
