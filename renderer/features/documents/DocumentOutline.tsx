/**
 * The document's table of contents (its headings, indented by level) beside the text, and its
 * word and character count below it. Clicking a heading moves the caret there and scrolls to it.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentStats, sameStats, type DocumentStats } from './documentStats';

/**
 * The outline and counts of the document, brought up to date when the browser is idle after a
 * change (within half a second while someone keeps typing), never inside a keystroke.
 */
function useDocumentStats(editor: Editor): DocumentStats {
  const [stats, setStats] = useState(() => documentStats(editor.state.doc));
  useEffect(() => {
    let pending: (() => void) | null = null;
    const run = () => {
      pending = null;
      if (editor.isDestroyed) return;
      const next = documentStats(editor.state.doc);
      setStats((current) => (sameStats(current, next) ? current : next));
    };
    const onUpdate = () => {
      if (pending === null) pending = whenIdle(run);
    };
    editor.on('update', onUpdate);
    run();
    return () => {
      editor.off('update', onUpdate);
      pending?.();
    };
  }, [editor]);
  return stats;
}

/** Runs `fn` when the browser is idle (at the latest after 500 ms); returns a cancel function. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 200);
  return () => clearTimeout(handle);
}

export function DocumentOutline({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const { headings, words, characters } = useDocumentStats(editor);
  const go = (pos: number) => {
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
              <li key={heading.pos} className={`outline-level-${heading.level}`}>
                <button type="button" className="outline-link" onClick={() => go(heading.pos)}>
                  {heading.text}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p className="outline-stats" aria-live="off">
          {t('editor.outline.words', { count: words })}
          <br />
          {t('editor.outline.characters', { count: characters })}
        </p>
      </div>
    </nav>
  );
}
