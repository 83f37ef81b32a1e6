import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TitleFieldProps {
  /** The stored title; empty shows the placeholder, and lists show "Sin título". */
  title: string;
  editable: boolean;
  onRename: (title: string) => void;
  /** Enter was pressed: the title is committed and the caret should move on (into the body). */
  onEnter?: () => void;
}

/**
 * The document's title as an inline field with a real placeholder (nothing typed is ever mixed
 * with placeholder text): commits on Enter or blur, Escape reverts, Enter moves into the body.
 */
export function TitleField({ title, editable, onRename, onEnter }: TitleFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const trimmed = draft.trim();
    setDraft(null);
    if (trimmed !== title) onRename(trimmed);
  };

  return (
    <>
      <h1 className="doc-title">
        {/* A textarea so a long title wraps instead of being cut off; Enter still commits. */}
        <textarea
          className="doc-title-input"
          rows={1}
          aria-label={t('document.titleLabel')}
          value={draft ?? title}
          placeholder={t('editor.titlePlaceholder')}
          readOnly={!editable}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
              onEnter?.();
            } else if (event.key === 'Escape') {
              setDraft(null);
            }
          }}
        />
      </h1>
    </>
  );
}
