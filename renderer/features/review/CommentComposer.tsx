import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentPart } from '../../../shared/ydoc/threadsDoc';
import { matchMentions, mentionQueryAt, toParts, type MentionCandidate } from './mentions';

export interface CommentComposerProps {
  label: string;
  submitLabel: string;
  candidates: readonly MentionCandidate[];
  onSubmit: (parts: CommentPart[]) => void;
  onCancel?: () => void;
  initialText?: string;
  initialMentions?: MentionCandidate[];
  autoFocus?: boolean;
  /** A suggestion may be sent without a comment. */
  allowEmpty?: boolean;
}

/** A comment field with @mentions: a list of the group's members opens as one types "@". */
export function CommentComposer({
  label,
  submitLabel,
  candidates,
  onSubmit,
  onCancel,
  initialText = '',
  initialMentions = [],
  autoFocus = false,
  allowEmpty = false,
}: CommentComposerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initialText);
  const [picked, setPicked] = useState<MentionCandidate[]>(initialMentions);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const options = query === null ? [] : matchMentions(query.query, candidates);
  const open = options.length > 0;

  const updateQuery = (value: string, caret: number) => {
    setQuery(mentionQueryAt(value, caret));
    setActive(0);
  };

  const pick = (person: MentionCandidate) => {
    if (query === null) return;
    const caret = field.current?.selectionStart ?? text.length;
    const inserted = `@${person.name} `;
    const next = text.slice(0, query.start) + inserted + text.slice(caret);
    setText(next);
    setPicked((list) => [...list, person]);
    setQuery(null);
    const at = query.start + inserted.length;
    requestAnimationFrame(() => field.current?.setSelectionRange(at, at));
  };

  const submit = () => {
    const trimmed = text.trim();
    if (trimmed === '' && !allowEmpty) return;
    onSubmit(trimmed === '' ? [] : toParts(trimmed, picked));
    setText('');
    setPicked([]);
    setQuery(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((index) => (index + step + options.length) % options.length);
        event.preventDefault();
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        pick(options[active]!);
        event.preventDefault();
        return;
      }
      if (event.key === 'Escape') {
        setQuery(null);
        event.preventDefault();
        event.stopPropagation();
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      submit();
      event.preventDefault();
    } else if (event.key === 'Escape' && onCancel !== undefined) {
      onCancel();
      event.preventDefault();
    }
  };

  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="mention-field">
        <textarea
          ref={field}
          aria-label={label}
          placeholder={t('review.composerPlaceholder')}
          value={text}
          rows={2}
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            updateQuery(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setQuery(null)}
        />
        {open && (
          <ul
            className="mention-list"
            role="listbox"
            id={listId}
            aria-label={t('review.mentionList')}
          >
            {options.map((person, index) => (
              <li
                key={person.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'is-active' : undefined}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(person);
                }}
              >
                <span className="mention-name">{person.name}</span>
                <span className="mention-org">{person.organization}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="composer-actions">
        {onCancel !== undefined && (
          <button type="button" className="text-button" onClick={onCancel}>
            {t('review.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={!allowEmpty && text.trim() === ''}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
