/**
 * The document's table of contents (its headings, indented by level) beside the text, and its
 * word and character count below it. Clicking a heading moves the caret there and scrolls to it.
 */
import type { Editor } from '@tiptap/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blockPosition, documentStats, sameHeadings, type Heading } from './documentStats';

/** Runs `fn` when the browser is idle (at the latest after 500 ms); returns a cancel function. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 200);
  return () => clearTimeout(handle);
}

/** The outline and counts change at most this often while someone types. */
const REFRESH_EVERY_MS = 1000;

/** Runs `fn` when idle, once `delayMs` have passed; returns a cancel function. */
function whenIdleAfter(delayMs: number, fn: () => void): () => void {
  if (delayMs <= 0) return whenIdle(fn);
  let cancel = () => clearTimeout(timer);
  const timer = setTimeout(() => {
    cancel = whenIdle(fn);
  }, delayMs);
  return () => cancel();
}

/**
 * The outline and counts are brought up to date when the browser is idle after a change, at most
 * once a second while someone keeps typing (the words and their plurals cost more than a
 * keystroke), never inside a keystroke. The headings are React state and change only when a
 * heading does; the counts, which change with every keystroke, are written into their paragraph
 * directly: a React commit while the editor has focus reads the selection's offset across the
 * editor's whole DOM (getSelectionInformation), ~25 ms per commit in a 2 MB document.
 */
export function DocumentOutline({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [headings, setHeadings] = useState<Heading[]>(
    () => documentStats(editor.state.doc).headings,
  );
  const statsRef = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    let pending: (() => void) | null = null;
    let shown = '';
    let ranAt = -Infinity;
    const run = () => {
      pending = null;
      ranAt = performance.now();
      if (editor.isDestroyed) return;
      const next = documentStats(editor.state.doc);
      setHeadings((current) => (sameHeadings(current, next.headings) ? current : next.headings));
      const words = t('editor.outline.words', { count: next.words });
      const characters = t('editor.outline.characters', { count: next.characters });
      if (statsRef.current !== null && `${words}\n${characters}` !== shown) {
        shown = `${words}\n${characters}`;
        statsRef.current.replaceChildren(words, document.createElement('br'), characters);
      }
    };
    const onUpdate = () => {
      pending ??= whenIdleAfter(ranAt + REFRESH_EVERY_MS - performance.now(), run);
    };
    editor.on('update', onUpdate);
    run();
    // The first change after opening (the stored or synced text arriving) is shown when idle,
    // not a second later: only typing is throttled.
    ranAt = -Infinity;
    return () => {
      editor.off('update', onUpdate);
      pending?.();
    };
  }, [editor, t]);

  const go = (index: number) => {
    const pos = blockPosition(editor.state.doc, index);
    if (pos === null) return;
    editor
      .chain()
      .focus(undefined, { scrollIntoView: false })
      .setTextSelection(pos + 1)
      .run();
    const dom = editor.view.nodeDOM(pos);
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  return (
    <nav className="outline" aria-label={t('editor.outline.label')}>
      <div className="outline-inner">
        <h2 className="outline-title">{t('editor.outline.title')}</h2>
        {headings.length === 0 ? (
          <p className="outline-empty">{t('editor.outline.empty')}</p>
        ) : (
          <ul>
            {headings.map((heading) => (
              <li key={heading.index} className={`outline-level-${heading.level}`}>
                <button type="button" className="outline-link" onClick={() => go(heading.index)}>
                  {heading.text}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p className="outline-stats" aria-live="off" ref={statsRef} />
      </div>
    </nav>
  );
}
