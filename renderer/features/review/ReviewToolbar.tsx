import { MessageSquarePlus, MessagesSquare, PenLine } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export interface ReviewToolbarProps {
  canComment: boolean;
  suggesting: boolean;
  canToggleSuggesting: boolean;
  onToggleSuggesting: (on: boolean) => void;
  onComment: () => void;
  onSuggest: () => void;
  panelOpen: boolean;
  onTogglePanel: () => void;
  openCount: number;
}

/** Comment, suggest, "Modo sugerencia" and the comments panel, above the document's text. */
export function ReviewToolbar(props: ReviewToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="review-toolbar" role="toolbar" aria-label={t('review.toolbarLabel')}>
      {props.canComment && (
        <>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-keyshortcuts="Control+Alt+M"
            title={t('review.commentShortcut')}
            onMouseDown={(event) => event.preventDefault()}
            onClick={props.onComment}
          >
            <MessageSquarePlus aria-hidden="true" size={15} />
            {t('review.comment')}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onMouseDown={(event) => event.preventDefault()}
            onClick={props.onSuggest}
          >
            <PenLine aria-hidden="true" size={15} />
            {t('review.suggestChange')}
          </button>
        </>
      )}
      {props.canToggleSuggesting && (
        <label className="suggest-mode">
          <input
            type="checkbox"
            role="switch"
            checked={props.suggesting}
            onChange={(event) => props.onToggleSuggesting(event.target.checked)}
          />
          {t('review.suggestMode')}
        </label>
      )}
      {props.canComment && !props.canToggleSuggesting && (
        <span className="suggest-mode-note">{t('review.commenterSuggests')}</span>
      )}
      <span className="toolbar-spacer" />
      <button
        type="button"
        className="button button-quiet button-small"
        aria-pressed={props.panelOpen}
        onClick={props.onTogglePanel}
      >
        <MessagesSquare aria-hidden="true" size={15} />
        {t('review.panelToggle', { count: props.openCount })}
      </button>
    </div>
  );
}
