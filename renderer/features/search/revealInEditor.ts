/**
 * Opens a document at a search hit: selects the first word that matched and scrolls it to the
 * middle of the window. The editor renders the Yjs body a moment after it is created, so the
 * request waits for the text to be there.
 */
import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { onRevealRequest, takeReveal, type RevealRequest } from './reveal';
import { bestBlock, wordMatcher } from './spanish';

const WORD = /[\p{L}\p{N}]+/gu;
const GIVE_UP_MS = 5_000;

function findRange(editor: Editor, request: RevealRequest): { from: number; to: number } | null {
  const { doc } = editor.state;
  if (doc.textContent === '') return null;
  const blocks: string[] = [];
  const starts: number[] = [];
  doc.forEach((node, offset) => {
    blocks.push(node.textBetween(0, node.content.size, '\n', ' '));
    starts.push(offset);
  });
  const block = bestBlock(blocks, request.queryTerms);
  const node = doc.child(block);
  const start = starts[block]!;
  const matches = wordMatcher(request.terms);
  let found: { from: number; to: number } | null = null;
  node.descendants((child, pos) => {
    if (found !== null) return false;
    if (!child.isText || child.text === undefined) return true;
    for (const match of child.text.matchAll(WORD)) {
      if (matches(match[0])) {
        const from = start + 1 + pos + (match.index ?? 0);
        found = { from, to: from + match[0].length };
        return false;
      }
    }
    return true;
  });
  return found ?? { from: start + 1, to: start + 1 };
}

function reveal(editor: Editor, request: RevealRequest): boolean {
  if (editor.isDestroyed) return true;
  const range = findRange(editor, request);
  if (range === null) return false;
  editor.chain().focus(undefined, { scrollIntoView: false }).setTextSelection(range).run();
  const dom = editor.view.domAtPos(range.from).node;
  const element = dom instanceof Element ? dom : dom.parentElement;
  element?.scrollIntoView({ block: 'center' });
  return true;
}

/** Follows reveal requests for `targetId` (a search result opening this document). */
export function useRevealInEditor(editor: Editor | null, targetId: string | undefined): void {
  useEffect(() => {
    if (editor === null || targetId === undefined) return;
    let waiting: (() => void) | null = null;
    const attempt = () => {
      const request = takeReveal(targetId);
      if (request === null) return;
      if (reveal(editor, request)) return;
      // The body is not rendered yet: try again after each transaction, for a few seconds.
      const started = Date.now();
      const retry = () => {
        if (reveal(editor, request) || Date.now() - started > GIVE_UP_MS) stop();
      };
      const stop = () => {
        editor.off('transaction', retry);
        waiting = null;
      };
      waiting?.();
      waiting = stop;
      editor.on('transaction', retry);
    };
    attempt();
    const off = onRevealRequest(attempt);
    return () => {
      off();
      waiting?.();
    };
  }, [editor, targetId]);
}
