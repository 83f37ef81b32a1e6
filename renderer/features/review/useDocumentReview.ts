/**
 * Everything the document page needs for review, in one place: the threads, the panel's state
 * (open, filter target, the thread in focus, a thread being written), "Modo sugerencia", and the
 * review state handed to the editor. Thread ↔ text navigation goes both ways through `activeId`.
 */
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { DocId, GroupId } from '../../../shared/model/ids';
import type { ThreadId } from '../../../shared/ydoc/threadsDoc';
import { anchorForRange, rangeOfAnchor } from './anchors';
import { onFocusRequest, takeFocusRequest } from './focusRequest';
import type { ReviewState, SuggestInput } from './reviewExtension';
import { applySuggestionInput } from './suggestionTyping';
import type { ThreadDraft } from './ThreadPanel';
import { useMentionCandidates } from './useMentionCandidates';
import { useReview } from './useReview';

export type DraftProblem = 'needsSelection' | 'multiBlock' | null;

export function useDocumentReview(options: {
  groupId: GroupId;
  docId: DocId;
  body: Y.Doc | null;
  /** Leads and editors: edit the body, accept and reject suggestions. */
  canEdit: boolean;
  /** Everyone but viewers: comment and suggest. */
  canComment: boolean;
}) {
  const { groupId, docId, body, canEdit, canComment } = options;
  const review = useReview(groupId, docId, body);
  const candidates = useMentionCandidates(groupId);
  const editorRef = useRef<Editor | null>(null);
  // Until the person opens or closes it, the panel shows itself when there is something open.
  const [panelChoice, setPanelOpen] = useState<boolean | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<ThreadDraft | null>(null);
  const [problem, setProblem] = useState<DraftProblem>(null);
  const [suggestingChosen, setSuggesting] = useState(false);
  const suggesting = canComment && (!canEdit || suggestingChosen);
  const lastSuggestion = useRef<ThreadId | null>(null);

  const latest = useRef(review);
  useLayoutEffect(() => {
    latest.current = review;
  });
  const attachEditor = useCallback((editor: Editor | null) => {
    editorRef.current = editor;
  }, []);

  const startDraft = useCallback(
    (kind: 'comment' | 'suggestion') => {
      const editor = editorRef.current;
      if (editor === null || body === null || !canComment) return;
      const { from, to, $from, $to } = editor.state.selection;
      if (from === to && kind === 'comment') {
        setProblem('needsSelection');
        return;
      }
      if (kind === 'suggestion' && !$from.sameParent($to)) {
        setProblem('multiBlock');
        return;
      }
      const anchor = anchorForRange(editor.state, body, from, to);
      if (anchor === null) return;
      const quote = editor.state.doc.textBetween(from, to, ' ');
      setProblem(null);
      setPanelOpen(true);
      setDraft({ kind, anchor, quote, proposal: kind === 'suggestion' ? quote : undefined });
    },
    [body, canComment],
  );

  const scrollToThread = useCallback(
    (id: string) => {
      const editor = editorRef.current;
      const thread = latest.current.threads.find((candidate) => candidate.id === id);
      if (editor === null || body === null || thread === undefined) return;
      const range = rangeOfAnchor(editor.state, body, thread.anchor);
      if (range === null) return;
      const { view } = editor;
      const selection = TextSelection.create(view.state.doc, range.from, range.to);
      view.dispatch(view.state.tr.setSelection(selection));
      const { node } = view.domAtPos(range.from);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [body],
  );

  const activate = useCallback(
    (id: string) => {
      setActiveId(id);
      scrollToThread(id);
    },
    [scrollToThread],
  );

  // A link from the inbox asked for a thread of this document: show it once it is here.
  const tryFocus = useCallback(() => {
    const { threads } = latest.current;
    const wanted = takeFocusRequest(docId, (id) => threads.some((thread) => thread.id === id));
    if (wanted === null) return;
    // Cleared first, so asking again for the thread already active still brings it into view.
    setActiveId(null);
    requestAnimationFrame(() => {
      setPanelOpen(true);
      setActiveId(wanted);
      scrollToThread(wanted);
    });
  }, [docId, scrollToThread]);
  useEffect(() => onFocusRequest(tryFocus), [tryFocus]);
  useEffect(() => {
    if (review.threads.length > 0) tryFocus();
  }, [review.threads, tryFocus]);

  const onSuggest = useCallback(
    (view: EditorView, input: SuggestInput) => {
      const { actions, threads, me } = latest.current;
      if (actions === null || body === null) return;
      applySuggestionInput(view, input, {
        body,
        threads,
        me: me.id,
        last: lastSuggestion,
        create: (anchor, quote, proposal) => {
          const id = actions.start({ kind: 'suggestion', anchor, quote, proposal, parts: [] });
          setActiveId(id);
          setPanelOpen(true);
          return id;
        },
        revise: (id, change) => actions.revise(id, change),
      });
    },
    [body],
  );

  const outdated = useMemo(
    () =>
      new Set(
        Object.entries(review.states)
          .filter(([, state]) => state.kind === 'outdated')
          .map(([id]) => id),
      ),
    [review.states],
  );

  const editorState = useMemo<ReviewState>(
    () => ({
      body,
      threads: review.threads,
      outdated,
      activeId,
      suggesting,
      readOnlyBody: !canEdit,
      onSelect: (id) => {
        setActiveId(id);
        setPanelOpen(true);
      },
      onSuggest,
      onComment: () => startDraft('comment'),
      candidates,
    }),
    [
      body,
      review.threads,
      outdated,
      activeId,
      suggesting,
      canEdit,
      onSuggest,
      startDraft,
      candidates,
    ],
  );

  const openCount = review.threads.filter((thread) => !thread.resolved).length;
  const panelOpen = panelChoice ?? (openCount > 0 || draft !== null);

  return {
    review,
    candidates,
    attachEditor,
    editorState,
    panelOpen,
    setPanelOpen,
    activeId,
    activate,
    draft,
    problem,
    clearProblem: () => setProblem(null),
    finishDraft: (created: ThreadId | null) => {
      setDraft(null);
      if (created !== null) setActiveId(created);
      editorRef.current?.commands.focus();
    },
    startDraft,
    suggesting,
    canToggleSuggesting: canEdit && canComment,
    setSuggesting,
    openCount,
  };
}
