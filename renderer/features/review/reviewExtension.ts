/**
 * The review layer of the editor: highlights of commented text, suggestions shown inline (the
 * original struck through, the proposal in its author's colour) without touching the body, and
 * "Modo sugerencia", where typing, pasting and deleting become suggestions instead of edits.
 *
 * For commenters the body is read-only but the editor stays focusable, so they can select text
 * and suggest: every transaction that would change the document is refused here unless it comes
 * from the sync binding (someone else's edit arriving). The server enforces the same rule.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { Thread } from '../../../shared/ydoc/threadsDoc';
import { rangeOfAnchor } from './anchors';
import { colourOf } from './colours';
import type { MentionCandidate } from './mentions';

export interface SuggestInput {
  from: number;
  to: number;
  /** The text typed or pasted ('' for Backspace / Delete). */
  text: string;
  key?: 'Backspace' | 'Delete';
}

export interface ReviewState {
  body: Y.Doc | null;
  threads: readonly Thread[];
  /** Threads whose anchored text changed since (suggestions shown as outdated). */
  outdated: ReadonlySet<string>;
  activeId: string | null;
  suggesting: boolean;
  readOnlyBody: boolean;
  onSelect: (threadId: string) => void;
  onSuggest: (view: EditorView, input: SuggestInput) => void;
  /** Ctrl+Alt+M: start a comment on the selection. */
  onComment: () => void;
  /** Who "@" in the body offers. */
  candidates: readonly MentionCandidate[];
}

export const reviewPluginKey = new PluginKey<ReviewState>('minkaReview');

/**
 * The highlights and inline suggestions, kept as plugin state: placing them resolves every
 * thread's anchor, which walks the document, so that happens when the review state changes or
 * someone else's edit lands (the binding replaces the whole document then); a local edit maps
 * them, and they are placed again from their anchors once typing pauses.
 */
export const reviewDecorationsKey = new PluginKey<DecorationSet>('minkaReviewDecorations');

const REPLACE_AFTER_TYPING_MS = 400;

const EMPTY_STATE: ReviewState = {
  body: null,
  threads: [],
  outdated: new Set(),
  activeId: null,
  suggesting: false,
  readOnlyBody: false,
  onSelect: () => undefined,
  onSuggest: () => undefined,
  onComment: () => undefined,
  candidates: [],
};

/** Hands the editor the current review state (threads, mode, callbacks) and redraws. */
export function setReviewState(view: EditorView, state: ReviewState): void {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(reviewPluginKey, state).setMeta('addToHistory', false));
}

function decorations(state: EditorState, review: ReviewState): DecorationSet {
  const body = review.body;
  if (body === null || review.threads.length === 0) return DecorationSet.empty;
  const found: Decoration[] = [];
  const size = state.doc.content.size;
  for (const thread of review.threads) {
    if (thread.resolved) continue;
    const range = rangeOfAnchor(state, body, thread.anchor);
    if (range === null || range.from > size || range.to > size) continue;
    const active = thread.id === review.activeId ? ' is-active' : '';
    if (thread.kind === 'comment') {
      if (range.to <= range.from) continue;
      found.push(
        Decoration.inline(range.from, range.to, {
          class: `review-highlight${active}`,
          'data-thread-id': thread.id,
        }),
      );
      continue;
    }
    const colour = colourOf(thread.createdBy.id);
    const outdated = review.outdated.has(thread.id) ? ' is-outdated' : '';
    if (range.to > range.from) {
      found.push(
        Decoration.inline(range.from, range.to, {
          class: `review-suggest-delete${active}${outdated}`,
          'data-thread-id': thread.id,
          style: `text-decoration-color: ${colour}`,
        }),
      );
    }
    if (thread.proposal !== '') {
      found.push(
        Decoration.widget(
          range.to,
          () => {
            const span = document.createElement('span');
            span.className = `review-suggest-insert${active}${outdated}`;
            span.dataset.threadId = thread.id;
            span.style.color = colour;
            span.style.borderBottomColor = colour;
            span.textContent = thread.proposal;
            return span;
          },
          { key: `${thread.id}:${thread.proposal}:${colour}${active}${outdated}`, side: 1 },
        ),
      );
    }
  }
  return DecorationSet.create(state.doc, found);
}

function threadAt(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('[data-thread-id]') : null;
  return element?.getAttribute('data-thread-id') ?? null;
}

export const ReviewExtension = Extension.create({
  name: 'minkaReview',

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': ({ editor }) => {
        const review = reviewPluginKey.getState(editor.state);
        if (review === undefined || review.body === null) return false;
        review.onComment();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<ReviewState>({
        key: reviewPluginKey,
        state: {
          init: () => EMPTY_STATE,
          apply: (tr, value) => tr.getMeta(reviewPluginKey) ?? value,
        },
        filterTransaction(tr, state) {
          const review = reviewPluginKey.getState(state);
          if (review === undefined || !review.readOnlyBody || !tr.docChanged) return true;
          return tr.getMeta(ySyncPluginKey) !== undefined;
        },
        props: {
          handleClick(view, _pos, event) {
            const id = threadAt(event.target);
            if (id === null) return false;
            reviewPluginKey.getState(view.state)?.onSelect(id);
            return false;
          },
          handleTextInput(view, from, to, text) {
            const review = reviewPluginKey.getState(view.state);
            if (review === undefined || !review.suggesting) return false;
            review.onSuggest(view, { from, to, text });
            return true;
          },
          handlePaste(view, event) {
            const review = reviewPluginKey.getState(view.state);
            if (review === undefined || !review.suggesting) return false;
            const text = (event.clipboardData?.getData('text/plain') ?? '').replace(/\s+/g, ' ');
            const { from, to } = view.state.selection;
            if (text !== '') review.onSuggest(view, { from, to, text });
            return true;
          },
          handleDrop(view) {
            return reviewPluginKey.getState(view.state)?.suggesting === true;
          },
          handleKeyDown(view, event) {
            const review = reviewPluginKey.getState(view.state);
            if (review === undefined || !review.suggesting) return false;
            if (event.key === 'Backspace' || event.key === 'Delete') {
              const { from, to } = view.state.selection;
              review.onSuggest(view, { from, to, text: '', key: event.key });
              return true;
            }
            // New blocks cannot be suggested yet; Enter must not split the body behind the scenes.
            return event.key === 'Enter';
          },
        },
      }),
      new Plugin<DecorationSet>({
        key: reviewDecorationsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set, _old, state) {
            const review = reviewPluginKey.getState(state);
            if (review === undefined) return DecorationSet.empty;
            const remote = tr.getMeta(ySyncPluginKey) !== undefined && tr.docChanged;
            if (
              tr.getMeta(reviewPluginKey) !== undefined ||
              remote ||
              tr.getMeta(reviewDecorationsKey)
            )
              return decorations(state, review);
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => reviewDecorationsKey.getState(state) ?? null,
        },
        view: () => {
          let timer: ReturnType<typeof setTimeout> | null = null;
          return {
            update(view, previous) {
              if (view.state.doc === previous.doc) return;
              if ((reviewPluginKey.getState(view.state)?.threads.length ?? 0) === 0) return;
              if (timer !== null) clearTimeout(timer);
              timer = setTimeout(() => {
                timer = null;
                if (!view.isDestroyed)
                  view.dispatch(
                    view.state.tr
                      .setMeta(reviewDecorationsKey, true)
                      .setMeta('addToHistory', false),
                  );
              }, REPLACE_AFTER_TYPING_MS);
            },
            destroy() {
              if (timer !== null) clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});
