/**
 * Versions of a document: what is captured, how the server checks it, how a version is compared
 * and restored. A version is the encoded state of a document as one replica saw it
 * (`Y.encodeStateAsUpdate`) with that state's vector. Live documents garbage-collect deleted
 * content, so a replica can capture a version only of its current state; to keep "what did this
 * say then" answerable the state is captured when the person asks (offline too) and sent later.
 *
 * Compare and restore work on a scratch Y.Doc with `gc: false` that holds both states: the
 * older one first, so the items it shows keep their content when the newer one deletes them.
 */
import * as Y from 'yjs';
import { getDocumentBody } from './documentDoc';
import { Origin } from './origins';

export interface VersionState {
  update: Uint8Array;
  stateVector: Uint8Array;
}

/** The state a person sees now, ready to be stored as a version. */
export function captureVersionState(doc: Y.Doc): VersionState {
  return { update: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}

export type VersionStateProblem = 'malformed' | 'incomplete' | 'vector_mismatch';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index]);
}

function vectorsEqual(a: Map<number, number>, b: Map<number, number>): boolean {
  const nonZero = (map: Map<number, number>) => [...map].filter(([, clock]) => clock > 0);
  const left = nonZero(a);
  return left.length === nonZero(b).length && left.every(([id, clock]) => b.get(id) === clock);
}

/**
 * Checks that `update` is a complete document state (no struct waits for a missing one) whose
 * state vector is exactly `stateVector`. Returns null when it is, else what is wrong.
 */
export function verifyVersionState(
  update: Uint8Array,
  stateVector: Uint8Array,
): VersionStateProblem | null {
  const doc = new Y.Doc();
  try {
    let named: Map<number, number>;
    try {
      named = Y.decodeStateVector(stateVector);
      Y.applyUpdate(doc, update);
    } catch {
      return 'malformed';
    }
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return 'incomplete';
    const actual = Y.encodeStateVector(doc);
    if (!sameBytes(actual, stateVector) && !vectorsEqual(Y.decodeStateVector(actual), named)) {
      return 'vector_mismatch';
    }
    return null;
  } finally {
    doc.destroy();
  }
}

/** Loads a version into a fresh, read-only-by-convention doc (to show it or export it). */
export function openVersion(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/**
 * Restores a version as new edits on top of the live document: the changes made since the
 * version are undone one by one (text inserted since is deleted, text deleted since is inserted
 * again as new items), so nothing is overwritten and every later edit stays in the history.
 * Edits of others that are concurrent with the restore merge as usual.
 */
export function restoreVersion(doc: Y.Doc, version: Uint8Array): void {
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, version);
  const undo = new Y.UndoManager(getDocumentBody(scratch), {
    trackedOrigins: new Set([Origin.restore]),
    captureTimeout: 0,
  });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(scratch)), Origin.restore);
  // The re-inserted text is written by the scratch doc's own client id: an update that carried
  // the person's client id would make Yjs give their doc a new one.
  undo.undo();
  const revert = Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(doc));
  undo.destroy();
  scratch.destroy();
  Y.applyUpdate(doc, revert, Origin.restore);
}

export type ChangeKind = 'same' | 'inserted' | 'deleted';

export interface ComparedRun {
  text: string;
  change: ChangeKind;
  /**
   * For an inserted run, the Yjs client id that wrote it (the server maps client ids to people).
   * Deleted and kept runs carry none: a Yjs delete set does not record who deleted, and the
   * creator of deleted text is not its deleter.
   */
  client?: number;
}

/** One text block (paragraph, heading, list item …) of a comparison, with its path of node names. */
export interface ComparedBlock {
  /** Node names from the body down to this block, e.g. ['bulletList', 'listItem', 'paragraph']. */
  path: string[];
  /** The attributes of the block and of its ancestors (a task item's `checked`, a heading's `level`). */
  attributes: Record<string, unknown>;
  /** Position in its numbered list (1-based), for items of an orderedList. */
  ordinal?: number;
  /** The block itself was inserted or deleted as a whole, or is in both. */
  change: ChangeKind;
  runs: ComparedRun[];
}

function visibleIn(item: Y.Item, snapshot: Y.Snapshot): boolean {
  return (
    (snapshot.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snapshot.ds, item.id)
  );
}

function changeOf(item: Y.Item, before: Y.Snapshot, after: Y.Snapshot): ChangeKind | null {
  const inBefore = visibleIn(item, before);
  const inAfter = visibleIn(item, after);
  if (inBefore && inAfter) return 'same';
  if (inAfter) return 'inserted';
  if (inBefore) return 'deleted';
  return null;
}

interface DeltaOp {
  insert: unknown;
  attributes?: { ychange?: { type: 'added' | 'removed'; user: number } };
}

/** Tags each changed stretch with its items' client id; Yjs splits a stretch where `user` changes. */
const changeWithClient = (type: 'added' | 'removed', id: Y.ID) => ({ type, user: id.client });

/** The child items of a node that either snapshot shows, with their change. */
function children(
  parent: Y.XmlFragment | Y.XmlElement,
  before: Y.Snapshot,
  after: Y.Snapshot,
): Array<{ node: Y.XmlElement | Y.XmlText; change: ChangeKind }> {
  const found: Array<{ node: Y.XmlElement | Y.XmlText; change: ChangeKind }> = [];
  for (let item = parent._start; item !== null; item = item.right) {
    const change = changeOf(item, before, after);
    if (change === null || !(item.content instanceof Y.ContentType)) continue;
    const node = item.content.type;
    if (node instanceof Y.XmlElement || node instanceof Y.XmlText) found.push({ node, change });
  }
  return found;
}

function runsOf(text: Y.XmlText, blockChange: ChangeKind, before: Y.Snapshot, after: Y.Snapshot) {
  const delta = text.toDelta(after, before, changeWithClient) as DeltaOp[];
  return delta.flatMap((op): ComparedRun[] => {
    if (typeof op.insert !== 'string') return [];
    const ychange = op.attributes?.ychange;
    const kind = ychange?.type;
    const change: ChangeKind =
      blockChange !== 'same'
        ? blockChange
        : kind === 'added'
          ? 'inserted'
          : kind === 'removed'
            ? 'deleted'
            : 'same';
    const client = change === 'inserted' && kind === 'added' ? ychange?.user : undefined;
    return [{ text: op.insert, change, ...(client !== undefined ? { client } : {}) }];
  });
}

interface WalkContext {
  path: string[];
  change: ChangeKind;
  attributes: Record<string, unknown>;
  ordinal?: number;
}

function walk(
  parent: Y.XmlFragment | Y.XmlElement,
  context: WalkContext,
  before: Y.Snapshot,
  after: Y.Snapshot,
  out: ComparedBlock[],
): void {
  let position = 0;
  for (const { node, change: own } of children(parent, before, after)) {
    if (!(node instanceof Y.XmlElement)) continue;
    const change = context.change === 'same' ? own : context.change;
    const attributes = {
      ...context.attributes,
      ...node.getAttributes(change === 'deleted' ? before : after),
    };
    const numbered = parent instanceof Y.XmlElement && parent.nodeName === 'orderedList';
    if (numbered && change !== 'deleted') position += 1;
    const inner: WalkContext = {
      path: [...context.path, node.nodeName],
      change,
      attributes,
      ordinal: numbered ? position : context.ordinal,
    };
    const inside = children(node, before, after);
    if (inside.some((child) => child.node instanceof Y.XmlElement)) {
      walk(node, inner, before, after, out);
      continue;
    }
    out.push({
      path: inner.path,
      attributes,
      ...(inner.ordinal !== undefined ? { ordinal: inner.ordinal } : {}),
      change,
      runs: inside.flatMap((child) =>
        child.node instanceof Y.XmlText ? runsOf(child.node, change, before, after) : [],
      ),
    });
  }
}

/**
 * What changed in the body from `older` to `newer` (encoded states of the same document): one
 * entry per text block in reading order, its runs marked as kept, inserted or deleted. Blocks
 * that exist in only one of the two are marked whole.
 */
export function compareVersions(older: Uint8Array, newer: Uint8Array): ComparedBlock[] {
  const scratch = new Y.Doc({ gc: false });
  const olderDoc = openVersion(older);
  const newerDoc = openVersion(newer);
  const before = Y.snapshot(olderDoc);
  const after = Y.snapshot(newerDoc);
  Y.applyUpdate(scratch, older);
  Y.applyUpdate(scratch, newer);
  const blocks: ComparedBlock[] = [];
  walk(
    getDocumentBody(scratch),
    { path: [], change: 'same', attributes: {} },
    before,
    after,
    blocks,
  );
  olderDoc.destroy();
  newerDoc.destroy();
  scratch.destroy();
  return blocks;
}

/**
 * Whether the text of `doc` differs from the version's: some run of text was inserted or deleted
 * since. Attribute-only differences (the editor filling in a default) and empty blocks do not
 * count: what a funder was shown is the text.
 */
export function textChangedSince(version: Uint8Array, doc: Y.Doc): boolean {
  return compareVersions(version, Y.encodeStateAsUpdate(doc)).some((block) =>
    block.runs.some((run) => run.change !== 'same' && run.text.trim() !== ''),
  );
}
