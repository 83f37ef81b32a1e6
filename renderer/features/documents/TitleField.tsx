import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TitleFieldProps {
  title: string;
  editable: boolean;
  onRename: (title: string) => void;
}

/** The document's title as an inline field: commits on Enter or blur, Escape reverts. */
export function TitleField({ title, editable, onRename }: TitleFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [emptyError, setEmptyError] = useState(false);
  const errorId = useId();

  const commit = () => {
    if (draft === null) return;
    const trimmed = draft.trim();
    setDraft(null);
    if (trimmed.length === 0) {
      setEmptyError(true);
      return;
    }
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
          readOnly={!editable}
          maxLength={200}
          aria-invalid={emptyError}
          aria-describedby={emptyError ? errorId : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setEmptyError(false);
          }}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
            } else if (event.key === 'Escape') {
              setDraft(null);
              setEmptyError(false);
            }
          }}
        />
      </h1>
      {emptyError && (
        <p id={errorId} className="field-error" role="alert">
          {t('document.titleRequired')}
        </p>
      )}
    </>
  );
}
