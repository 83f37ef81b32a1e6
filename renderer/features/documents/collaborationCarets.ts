/**
 * Other people's carets and selections in the editor, and this person's caret published to them,
 * with work proportional to what changed rather than to the document (issue 16).
 *
 * Tiptap's CollaborationCaret (y-tiptap's cursor plugin) dispatched an editor transaction for
 * every awareness change, including this person's own caret moving, and rebuilt every caret each
 * time; every transaction makes the Yjs binding diff the whole document and recompute the
 * selection's Yjs position, and re-runs every editor-state selector in the UI. On a B4-size
 * document with three people moving their carets, that was most of the JS time of typing.
 * Here:
 *
 * - this person's awareness changes never dispatch anything; other people's changes are compared
 *   with what is drawn (caret, name, colour) and only real changes are gathered, rebuilding the
 *   decorations of those people only, on the back of this editor's next transaction (a
 *   keystroke) or, when the editor is quiet, in one transaction at most every 150 ms;
 * - this person's caret is published at most once per animation frame, and only when its Yjs
 *   position changed (the binding's position conversion walks the document up to the caret);
 *   while the document changes (typing), at most every 250 ms: the published position names the
 *   character after the caret, so others see the caret after the typed text meanwhile;
 * - local edits map the drawn carets through the edit; a remote edit (which the binding applies
 *   as a whole-document replacement) resolves them again from their Yjs positions.
 *
 * The DOM is Tiptap's (`collaboration-carets__caret` / `__label`), so styles and print rules hold.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { caretPositionFromJSON, sameCaretPosition } from '../../../shared/ydoc/caretPositions';
import type { Awareness } from 'y-protocols/awareness';

export interface CaretUser {
  name: string;
  color: string;
}

interface CaretsState {
  set: DecorationSet;
}

/** Whose carets to draw again, and where they are in the document of the transaction. */
interface CaretsMeta {
  clients: number[] | 'all';
  carets: ResolvedCaret[];
}

interface ResolvedCaret {
  clientId: number;
  anchor: number;
  head: number;
  user: CaretUser;
}

export const caretsPluginKey = new PluginKey<CaretsState>('minkaCarets');

const VALID_COLOUR = /^#[0-9a-fA-F]{6}$/;

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: {
    mapping: Map<unknown, unknown>;
    /** The selection in Yjs terms, as the binding last converted it (y-tiptap's own field). */
    beforeTransactionSelection?: {
      anchor: Y.RelativePosition;
      head: Y.RelativePosition;
      absAnchor: number;
      absHead: number;
    } | null;
  } | null;
  snapshot: unknown;
  prevSnapshot: unknown;
  isChangeOrigin: boolean;
}

function syncStateOf(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (sync === undefined || sync.binding === null || sync.binding === undefined) return null;
  return sync;
}

interface RemoteCaret {
  anchor: unknown;
  head: unknown;
}

function userOf(state: Record<string, unknown> | undefined, clientId: number): CaretUser {
  const user = (state?.['user'] ?? {}) as Partial<CaretUser>;
  return {
    name: typeof user.name === 'string' && user.name !== '' ? user.name : `${clientId}`,
    color: typeof user.color === 'string' && VALID_COLOUR.test(user.color) ? user.color : '',
  };
}

/** What is drawn for a client: changes to anything else in its awareness state draw nothing. */
export function caretSignature(state: Record<string, unknown> | undefined): string {
  const cursor = state?.['cursor'] as RemoteCaret | null | undefined;
  if (cursor === null || cursor === undefined) return '';
  const user = (state?.['user'] ?? {}) as Partial<CaretUser>;
  return JSON.stringify([cursor.anchor, cursor.head, user.name ?? null, user.color ?? null]);
}

function renderCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = user.color || 'transparent';
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = user.color || 'transparent';
  label.textContent = user.name;
  caret.append(label);
  return caret;
}

function shows(sync: SyncState | null): sync is SyncState {
  return (
    sync !== null &&
    sync.snapshot == null &&
    sync.prevSnapshot == null &&
    sync.binding !== null &&
    sync.binding.mapping.size > 0
  );
}

/**
 * Where `clients`' carets are in `state`, whose document must be the one the Yjs binding last
 * synced (its position mapping describes that document).
 */
function resolveCarets(
  state: EditorState,
  awareness: Awareness,
  clients: readonly number[] | 'all',
): ResolvedCaret[] {
  const sync = syncStateOf(state);
  if (!shows(sync)) return [];
  const mapping = sync.binding!.mapping as never;
  const resolve = (json: unknown) => {
    const position = caretPositionFromJSON(json);
    if (position === null) return null;
    try {
      return relativePositionToAbsolutePosition(sync.doc, sync.type, position, mapping);
    } catch {
      return null;
    }
  };
  const states = awareness.getStates();
  const ids = clients === 'all' ? [...states.keys()] : clients;
  const found: ResolvedCaret[] = [];
  for (const clientId of ids) {
    if (clientId === awareness.clientID) continue;
    const aw = states.get(clientId);
    const cursor = aw?.['cursor'] as RemoteCaret | null | undefined;
    if (cursor === null || cursor === undefined) continue;
    const anchor = resolve(cursor.anchor);
    const head = resolve(cursor.head);
    if (anchor === null || head === null) continue;
    found.push({ clientId, anchor, head, user: userOf(aw, clientId) });
  }
  return found;
}

function decorationsOf(caret: ResolvedCaret, doc: PMNode): Decoration[] {
  const max = Math.max(doc.content.size - 1, 0);
  const anchor = Math.min(caret.anchor, max);
  const head = Math.min(caret.head, max);
  const { clientId, user } = caret;
  const found = [
    Decoration.widget(head, () => renderCaret(user), {
      key: `${clientId}:${user.name}:${user.color}`,
      side: 10,
      clientId,
    }),
  ];
  if (anchor !== head && user.color !== '') {
    found.push(
      Decoration.inline(
        Math.min(anchor, head),
        Math.max(anchor, head),
        { class: 'ProseMirror-yjs-selection', style: `background-color: ${user.color}70` },
        { inclusiveEnd: true, inclusiveStart: false, clientId },
      ),
    );
  }
  return found;
}

function draw(
  set: DecorationSet,
  doc: PMNode,
  clients: readonly number[] | 'all',
  carets: readonly ResolvedCaret[],
): DecorationSet {
  const redrawn = clients === 'all' ? null : new Set(clients);
  const stale = set.find(
    undefined,
    undefined,
    (spec) => redrawn === null || redrawn.has(spec['clientId'] as number),
  );
  let next = stale.length > 0 ? set.remove(stale) : set;
  const fresh = carets.flatMap((caret) => decorationsOf(caret, doc));
  if (fresh.length > 0) next = next.add(doc, fresh);
  return next;
}

function drawAll(state: EditorState, awareness: Awareness): DecorationSet {
  return draw(DecorationSet.empty, state.doc, 'all', resolveCarets(state, awareness, 'all'));
}

/** Other people's caret changes not drawn yet (shared by the plugin and its view). */
class Pending {
  readonly clients = new Set<number>();
  all = true;

  get empty(): boolean {
    return !this.all && this.clients.size === 0;
  }

  take(): number[] | 'all' {
    const clients = this.all ? 'all' : [...this.clients];
    this.all = false;
    this.clients.clear();
    return clients;
  }
}

/** How long other people's caret changes may wait for a transaction of this editor to ride on. */
const REDRAW_WAIT_MS = 150;
const PUBLISH_WHILE_TYPING_MS = 250;

function isRemote(tr: Transaction): boolean {
  const change = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return change?.isChangeOrigin === true;
}

function caretsPlugin(awareness: Awareness): Plugin<CaretsState> {
  const pending = new Pending();
  return new Plugin<CaretsState>({
    key: caretsPluginKey,
    state: {
      init: (_config, state) => ({ set: drawAll(state, awareness) }),
      apply(tr: Transaction, value, _old, state) {
        const meta = tr.getMeta(caretsPluginKey) as CaretsMeta | undefined;
        // The binding applies a remote edit as a replacement of the whole document (its position
        // mapping already rebuilt), which would map every caret to its edges: resolve them again.
        if (tr.docChanged && isRemote(tr)) {
          return { set: drawAll(state, awareness) };
        }
        let set = tr.docChanged ? value.set.map(tr.mapping, tr.doc) : value.set;
        if (meta !== undefined) set = draw(set, state.doc, meta.clients, meta.carets);
        return set === value.set ? value : { set };
      },
    },
    // Caret changes waiting to be drawn ride on whatever this editor does next (a keystroke), so
    // they cost no transaction of their own; a quiet editor draws them a moment later. They are
    // placed in the document before these transactions (the one the binding's mapping knows)
    // and carried through them.
    appendTransaction(transactions, before, state) {
      if (pending.empty || transactions.some((tr) => tr.getMeta(caretsPluginKey) !== undefined))
        return null;
      if (transactions.some(isRemote)) {
        pending.take();
        return null;
      }
      const clients = pending.take();
      const carets = resolveCarets(before, awareness, clients).map((caret) => {
        let { anchor, head } = caret;
        for (const tr of transactions) {
          anchor = tr.mapping.map(anchor);
          head = tr.mapping.map(head);
        }
        return { ...caret, anchor, head };
      });
      const meta: CaretsMeta = { clients, carets };
      return state.tr.setMeta(caretsPluginKey, meta).setMeta('addToHistory', false);
    },
    props: {
      decorations: (state) => caretsPluginKey.getState(state)?.set ?? null,
    },
    view: (view) => new CaretsView(view, awareness, pending),
  });
}

class CaretsView {
  private frame: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;
  /** What is drawn (or waiting to be) for each other person, to skip changes that draw nothing. */
  private readonly drawn = new Map<number, string>();

  constructor(
    private view: EditorView,
    private readonly awareness: Awareness,
    private readonly pending: Pending,
  ) {
    awareness.on('change', this.onChange);
    view.dom.addEventListener('focusin', this.onFocus);
    view.dom.addEventListener('focusout', this.onFocus);
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId !== awareness.clientID) this.drawn.set(clientId, caretSignature(state));
    }
    this.publishSoon();
    this.redrawSoon();
  }

  update(view: EditorView, previous: EditorState): void {
    this.view = view;
    if (!shows(syncStateOf(previous)) && shows(syncStateOf(view.state))) {
      this.pending.all = true;
      this.redrawSoon();
    }
    if (view.state.doc !== previous.doc) this.publishWhileTyping();
    else if (!view.state.selection.eq(previous.selection)) this.publishSoon();
  }

  destroy(): void {
    this.awareness.off('change', this.onChange);
    this.view.dom.removeEventListener('focusin', this.onFocus);
    this.view.dom.removeEventListener('focusout', this.onFocus);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.typingTimer !== null) clearTimeout(this.typingTimer);
    this.frame = null;
    this.timer = null;
    this.typingTimer = null;
    if (this.awareness.getLocalState() !== null) this.awareness.setLocalStateField('cursor', null);
  }

  private readonly onFocus = (): void => this.publishSoon();

  private readonly onChange = ({
    added,
    updated,
    removed,
  }: {
    added: number[];
    updated: number[];
    removed: number[];
  }): void => {
    let any = false;
    for (const clientId of [...added, ...updated, ...removed]) {
      if (clientId === this.awareness.clientID) continue;
      const signature = caretSignature(this.awareness.getStates().get(clientId));
      if ((this.drawn.get(clientId) ?? '') === signature) continue;
      if (signature === '') this.drawn.delete(clientId);
      else this.drawn.set(clientId, signature);
      this.pending.clients.add(clientId);
      any = true;
    }
    if (any) this.redrawSoon();
  };

  private redrawSoon(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(this.redraw, REDRAW_WAIT_MS);
  }

  private readonly redraw = (): void => {
    this.timer = null;
    if (this.view.isDestroyed || this.pending.empty) return;
    const { state } = this.view;
    const clients = this.pending.take();
    const meta: CaretsMeta = { clients, carets: resolveCarets(state, this.awareness, clients) };
    this.view.dispatch(state.tr.setMeta(caretsPluginKey, meta).setMeta('addToHistory', false));
  };

  private publishWhileTyping(): void {
    if (this.frame !== null || this.typingTimer !== null) return;
    this.typingTimer = setTimeout(() => {
      this.typingTimer = null;
      this.publishSoon();
    }, PUBLISH_WHILE_TYPING_MS);
  }

  private publishSoon(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      if (!this.view.isDestroyed) this.publish();
    });
  }

  /** Puts this person's caret in awareness when it moved (in Yjs terms) or focus changed. */
  private publish(): void {
    const sync = syncStateOf(this.view.state);
    if (sync === null || this.awareness.getLocalState() === null) return;
    const current = this.awareness.getLocalState()?.['cursor'] as
      { anchor: unknown; head: unknown } | null | undefined;
    if (!this.view.hasFocus()) {
      if (current !== null && current !== undefined)
        this.awareness.setLocalStateField('cursor', null);
      return;
    }
    const { anchor, head } = this.view.state.selection;
    // The binding converts the selection after every transaction it syncs (to restore it when a
    // remote change lands); converting again walks the document up to the caret.
    const known = sync.binding!.beforeTransactionSelection;
    let relAnchor: Y.RelativePosition;
    let relHead: Y.RelativePosition;
    if (known != null && known.absAnchor === anchor && known.absHead === head) {
      relAnchor = known.anchor;
      relHead = known.head;
    } else {
      const mapping = sync.binding!.mapping as never;
      relAnchor = absolutePositionToRelativePosition(anchor, sync.type, mapping);
      relHead = absolutePositionToRelativePosition(head, sync.type, mapping);
    }
    if (
      current !== null &&
      current !== undefined &&
      sameCaretPosition(current.anchor, relAnchor) &&
      sameCaretPosition(current.head, relHead)
    ) {
      return;
    }
    this.awareness.setLocalStateField('cursor', { anchor: relAnchor, head: relHead });
  }
}

export interface CollaborationCaretsOptions {
  awareness: Awareness | null;
  user: CaretUser;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    minkaCarets: {
      /** Changes the name and colour this person's caret shows to others. */
      updateUser: (user: CaretUser) => ReturnType;
    };
  }
}

export const CollaborationCarets = Extension.create<CollaborationCaretsOptions>({
  name: 'minkaCarets',

  addOptions() {
    return { awareness: null, user: { name: '', color: '' } };
  },

  addCommands() {
    return {
      updateUser: (user) => () => {
        this.options.awareness?.setLocalStateField('user', user);
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const { awareness, user } = this.options;
    if (awareness === null) return [];
    awareness.setLocalStateField('user', user);
    return [caretsPlugin(awareness)];
  },
});
