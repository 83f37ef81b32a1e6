/**
 * The document's table of contents (its headings, indented by level) beside the text, and its
 * word and character count below it. Clicking a heading moves the caret there and scrolls to it.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

interface Heading {
  level: number;
  text: string;
  pos: number;
}

function sameHeadings(a: Heading[], b: Heading[] | null): boolean {
  return (
    b !== null &&
    a.length === b.length &&
    a.every((h, i) => h.level === b[i]!.level && h.text === b[i]!.text && h.pos === b[i]!.pos)
  );
}

export function DocumentOutline({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const headings = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const list: Heading[] = [];
      e.state.doc.forEach((node, offset) => {
        if (node.type.name === 'heading' && node.textContent.trim() !== '') {
          list.push({ level: Number(node.attrs['level']), text: node.textContent, pos: offset });
        }
      });
      return list;
    },
    equalityFn: sameHeadings,
  });

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
        <DocumentStats editor={editor} />
      </div>
    </nav>
  );
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function DocumentStats({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const { words, characters } = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const text = e.state.doc.textBetween(0, e.state.doc.content.size, '\n', ' ');
      return { words: text.match(WORD)?.length ?? 0, characters: text.replace(/\n/g, '').length };
    },
  });
  return (
    <p className="outline-stats" aria-live="off">
      {t('editor.outline.words', { count: words })}
      <br />
      {t('editor.outline.characters', { count: characters })}
    </p>
  );
}
