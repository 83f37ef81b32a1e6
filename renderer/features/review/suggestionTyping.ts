/**
 * "Modo sugerencia": what typing does when it must not edit. Keystrokes grow one suggestion for
 * as long as the person keeps typing at its edge (characters append to the proposal, Backspace
 * takes them back or deletes further left, Delete further right), as Google Docs does; anything
 * else starts a new one. Suggestions stay within one paragraph.
 */
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { TextAnchor, Thread, ThreadId } from '../../../shared/ydoc/threadsDoc';
import { anchorForRange, rangeOfAnchor } from './anchors';
import type { SuggestInput } from './reviewExtension';

export interface SuggestionWriter {
  body: Y.Doc;
  threads: readonly Thread[];
  me: string;
  /** The suggestion this person is typing into, if any. */
  last: { current: ThreadId | null };
  create(anchor: TextAnchor, quote: string, proposal: string): ThreadId;
  revise(id: ThreadId, change: { anchor?: TextAnchor; quote?: string; proposal: string }): void;
}

function sameTextblock(view: EditorView, from: number, to: number): boolean {
  const { doc } = view.state;
  if (from < 0 || to > doc.content.size) return false;
  const $from = doc.resolve(from);
  return $from.parent.isTextblock && $from.sameParent(doc.resolve(to));
}

function moveCaret(view: EditorView, pos: number): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
}

export function applySuggestionInput(
  view: EditorView,
  input: SuggestInput,
  writer: SuggestionWriter,
): void {
  const { state } = view;
  const last = writer.threads.find((thread) => thread.id === writer.last.current) ?? null;
  const mine =
    last !== null &&
    last.kind === 'suggestion' &&
    last.status === 'open' &&
    last.createdBy.id === writer.me
      ? last
      : null;
  const range = mine === null ? null : rangeOfAnchor(state, writer.body, mine.anchor);
  const { from, to } = input;
  const quoteOf = (a: number, b: number) => state.doc.textBetween(a, b, ' ');
  const start = (a: number, b: number, proposal: string): boolean => {
    if (!sameTextblock(view, a, b)) return false;
    const anchor = anchorForRange(state, writer.body, a, b);
    if (anchor === null) return false;
    writer.last.current = writer.create(anchor, quoteOf(a, b), proposal);
    return true;
  };

  if (input.key === undefined) {
    if (mine !== null && range !== null) {
      const atEnd = from === to && to === range.to && mine.proposal !== '';
      const overIt = from === range.from && to === range.to;
      const afterDeletion = from === to && from === range.from && mine.proposal === '';
      if (atEnd || overIt || afterDeletion) {
        writer.revise(mine.id, { proposal: mine.proposal + input.text });
        return;
      }
    }
    start(from, to, input.text);
    return;
  }

  if (from !== to) {
    if (start(from, to, '')) moveCaret(view, from);
    return;
  }
  if (mine !== null && range !== null) {
    if (input.key === 'Backspace' && mine.proposal !== '' && from === range.to) {
      writer.revise(mine.id, { proposal: mine.proposal.slice(0, -1) });
      return;
    }
    const grow =
      mine.proposal === '' &&
      ((input.key === 'Backspace' && from === range.from) ||
        (input.key === 'Delete' && from === range.to));
    if (grow) {
      const a = input.key === 'Backspace' ? range.from - 1 : range.from;
      const b = input.key === 'Delete' ? range.to + 1 : range.to;
      if (!sameTextblock(view, a, b)) return;
      const anchor = anchorForRange(state, writer.body, a, b);
      if (anchor === null) return;
      writer.revise(mine.id, { anchor, quote: quoteOf(a, b), proposal: '' });
      moveCaret(view, input.key === 'Backspace' ? a : b);
      return;
    }
  }
  if (input.key === 'Backspace') {
    if (start(from - 1, from, '')) moveCaret(view, from - 1);
  } else if (start(from, from + 1, '')) {
    moveCaret(view, from + 1);
  }
}
