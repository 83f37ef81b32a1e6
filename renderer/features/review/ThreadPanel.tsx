import { Check, MessageSquare, Pencil, RotateCcw, Trash2, X, type LucideIcon } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AnchorState,
  Author,
  CommentPart,
  Thread,
  ThreadComment,
  ThreadId,
} from '../../../shared/ydoc/threadsDoc';
import { colourOf } from './colours';
import { CommentComposer } from './CommentComposer';
import type { MentionCandidate } from './mentions';
import type { NewThreadInput, ReviewActions } from './useReview';
import './review.css';

const ACTION_CLASS = {
  text: 'text-button',
  primary: 'button button-primary button-small',
  quiet: 'button button-quiet button-small',
} as const;

/** One of a comment's or thread's actions: an icon and its visible name. */
function Action({
  kind = 'quiet',
  icon: Icon,
  label,
  disabled = false,
  onClick,
}: {
  kind?: keyof typeof ACTION_CLASS;
  icon: LucideIcon;
  label: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className={ACTION_CLASS[kind]} disabled={disabled} onClick={onClick}>
      <Icon aria-hidden="true" size={kind === 'text' ? 13 : 14} />
      {label}
    </button>
  );
}

export type ThreadFilter = 'open' | 'resolved' | 'all';

/** A thread being written: its anchor and quote are taken when the person asked for it. */
export type ThreadDraft = Omit<NewThreadInput, 'parts'>;

export interface ThreadPanelProps {
  threads: readonly Thread[];
  states: Readonly<Record<string, AnchorState>>;
  me: Author;
  canWrite: boolean;
  canDecide: boolean;
  activeId: string | null;
  onActivate: (id: ThreadId) => void;
  actions: ReviewActions | null;
  candidates: readonly MentionCandidate[];
  draft: ThreadDraft | null;
  onDraftDone: (created: ThreadId | null) => void;
  onClose: () => void;
}

function formatTime(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(timestamp),
  );
}

function Parts({ parts }: { parts: readonly CommentPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.type === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <span key={index} className="mention-chip" data-user-id={part.userId}>
            @{part.label}
          </span>
        ),
      )}
    </>
  );
}

function Avatar({ author }: { author: Author }) {
  const initials = author.name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('');
  return (
    <span className="review-avatar" aria-hidden="true" style={{ background: colourOf(author.id) }}>
      {initials.toUpperCase()}
    </span>
  );
}

function CommentView({
  threadId,
  comment,
  me,
  actions,
  candidates,
}: {
  threadId: ThreadId;
  comment: ThreadComment;
  me: Author;
  actions: ReviewActions | null;
  candidates: readonly MentionCandidate[];
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const mine = comment.author.id === me.id && !comment.deleted && actions !== null;
  return (
    <li className="comment">
      <div className="comment-head">
        <Avatar author={comment.author} />
        <div className="comment-who">
          <span className="comment-author">{comment.author.name}</span>
          <span className="comment-org">{comment.author.organization}</span>
        </div>
        <time className="comment-time" dateTime={new Date(comment.createdAt).toISOString()}>
          {formatTime(comment.createdAt, i18n.language)}
          {comment.editedAt !== null && ` · ${t('review.edited')}`}
        </time>
      </div>
      {comment.deleted ? (
        <p className="comment-body is-deleted">{t('review.commentDeleted')}</p>
      ) : editing ? (
        <CommentComposer
          label={t('review.editLabel')}
          submitLabel={t('review.save')}
          candidates={candidates}
          initialText={comment.parts
            .map((part) => (part.type === 'text' ? part.text : `@${part.label}`))
            .join('')}
          initialMentions={comment.parts.flatMap((part) =>
            part.type === 'mention'
              ? [{ id: part.userId, name: part.label, organization: '' }]
              : [],
          )}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={(parts) => {
            actions?.edit(threadId, comment.id, parts);
            setEditing(false);
          }}
        />
      ) : (
        <p className="comment-body">
          <Parts parts={comment.parts} />
        </p>
      )}
      {mine && !editing && (
        <div className="comment-tools">
          <Action
            kind="text"
            icon={Pencil}
            label={t('review.edit')}
            onClick={() => setEditing(true)}
          />
          <Action
            kind="text"
            icon={Trash2}
            label={t('review.delete')}
            onClick={() => actions.remove(threadId, comment.id)}
          />
        </div>
      )}
    </li>
  );
}

function SuggestionSummary({ thread, state }: { thread: Thread; state: AnchorState | undefined }) {
  const { t } = useTranslation();
  const colour = colourOf(thread.createdBy.id);
  return (
    <div className="suggestion-summary">
      {thread.quote !== '' && (
        <p>
          <span className="suggestion-label">
            {thread.proposal === '' ? t('review.suggestDelete') : t('review.suggestReplace')}
          </span>{' '}
          <del>{thread.quote}</del>
        </p>
      )}
      {thread.proposal !== '' && (
        <p>
          <span className="suggestion-label">
            {thread.quote === '' ? t('review.suggestInsert') : t('review.suggestWith')}
          </span>{' '}
          <ins style={{ color: colour }}>{thread.proposal}</ins>
        </p>
      )}
      {thread.status === 'open' && state?.kind === 'outdated' && (
        <p className="suggestion-outdated" role="note">
          {t('review.outdated', { text: state.text })}
        </p>
      )}
    </div>
  );
}

function ThreadCard(props: {
  thread: Thread;
  state: AnchorState | undefined;
  active: boolean;
  panel: ThreadPanelProps;
}) {
  const { thread, state, active, panel } = props;
  const { t } = useTranslation();
  const { actions, me, canWrite, canDecide, candidates } = panel;
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [active]);
  const deleted = state?.kind === 'deleted';
  const isSuggestion = thread.kind === 'suggestion';
  const first = thread.comments[0];
  // A comment with no quoted text is about the whole document (sign-off observations).
  const wholeDocument = !isSuggestion && thread.quote === '';
  const label = isSuggestion
    ? t('review.suggestionBy', { name: thread.createdBy.name })
    : wholeDocument
      ? t('review.threadOnDocument', { name: thread.createdBy.name })
      : t('review.threadBy', { name: thread.createdBy.name, quote: thread.quote });

  let resolution: string | null = null;
  if (thread.resolved && thread.resolvedBy !== null) {
    const name = thread.resolvedBy.name;
    resolution =
      thread.status === 'accepted'
        ? t('review.acceptedBy', { name })
        : thread.status === 'rejected'
          ? t('review.rejectedBy', { name })
          : t('review.resolvedBy', { name });
  }

  return (
    <article
      ref={ref}
      className={`thread-card${active ? ' is-active' : ''}${thread.resolved ? ' is-resolved' : ''}`}
      aria-label={label}
      data-thread-id={thread.id}
      onClick={(event) => {
        if ((event.target as Element).closest('button, textarea, a, input') === null) {
          panel.onActivate(thread.id);
        }
      }}
    >
      <header className="thread-head">
        {isSuggestion ? (
          <span className="thread-kind is-suggestion">{t('review.kindSuggestion')}</span>
        ) : (
          <span className="thread-kind">{t('review.kindComment')}</span>
        )}
        {!isSuggestion && (
          <button
            type="button"
            className="thread-quote"
            onClick={() => panel.onActivate(thread.id)}
            aria-label={
              wholeDocument ? t('review.goToStart') : t('review.goToText', { quote: thread.quote })
            }
          >
            {deleted && <span className="deleted-label">{t('review.textDeleted')}</span>}
            {wholeDocument ? (
              <span>{t('review.wholeDocument')}</span>
            ) : (
              <q className={deleted ? 'is-deleted' : undefined}>{thread.quote}</q>
            )}
          </button>
        )}
        {isSuggestion && deleted && (
          <span className="deleted-label">{t('review.textDeleted')}</span>
        )}
      </header>
      {isSuggestion && (
        <>
          <div className="comment-head">
            <Avatar author={thread.createdBy} />
            <div className="comment-who">
              <span className="comment-author">{thread.createdBy.name}</span>
              <span className="comment-org">{thread.createdBy.organization}</span>
            </div>
          </div>
          <SuggestionSummary thread={thread} state={state} />
        </>
      )}
      {first !== undefined && (
        <ol className="comments">
          {thread.comments.map((comment) => (
            <CommentView
              key={comment.id}
              threadId={thread.id}
              comment={comment}
              me={me}
              actions={canWrite ? actions : null}
              candidates={candidates}
            />
          ))}
        </ol>
      )}
      {resolution !== null && <p className="thread-resolution">{resolution}</p>}
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="thread-actions">
        {isSuggestion && thread.status === 'open' && canDecide && actions !== null && (
          <>
            <Action
              kind="primary"
              icon={Check}
              label={t('review.accept')}
              disabled={state?.kind !== 'live'}
              onClick={() => {
                const result = actions.accept(thread.id);
                setError(result.ok ? null : t(`review.acceptRefused.${result.reason}`));
              }}
            />
            <Action icon={X} label={t('review.reject')} onClick={() => actions.reject(thread.id)} />
          </>
        )}
        {canWrite && actions !== null && !thread.resolved && !isSuggestion && (
          <Action
            icon={Check}
            label={t('review.resolve')}
            onClick={() => actions.resolve(thread.id)}
          />
        )}
        {canWrite && actions !== null && thread.resolved && thread.status !== 'accepted' && (
          <Action
            icon={RotateCcw}
            label={t('review.reopen')}
            onClick={() => actions.reopen(thread.id)}
          />
        )}
      </div>
      {canWrite && actions !== null && !thread.resolved && (
        <CommentComposer
          label={t('review.replyLabel', { name: thread.createdBy.name })}
          submitLabel={t('review.reply')}
          candidates={candidates}
          onSubmit={(parts) => actions.reply(thread.id, parts)}
        />
      )}
    </article>
  );
}

function DraftCard({ panel }: { panel: ThreadPanelProps }) {
  const { t } = useTranslation();
  const draft = panel.draft!;
  const [proposal, setProposal] = useState(draft.proposal ?? '');
  const isSuggestion = draft.kind === 'suggestion';
  return (
    <section className="thread-card is-draft" aria-label={t('review.newThread')}>
      <header className="thread-head">
        <span className={`thread-kind${isSuggestion ? ' is-suggestion' : ''}`}>
          {isSuggestion ? t('review.newSuggestion') : t('review.newComment')}
        </span>
        {draft.quote !== '' && <q>{draft.quote}</q>}
      </header>
      {isSuggestion && (
        <label className="proposal-field">
          <span>{t('review.proposalLabel')}</span>
          <textarea value={proposal} rows={2} onChange={(e) => setProposal(e.target.value)} />
        </label>
      )}
      <CommentComposer
        label={isSuggestion ? t('review.suggestionNoteLabel') : t('review.commentLabel')}
        submitLabel={isSuggestion ? t('review.sendSuggestion') : t('review.comment')}
        candidates={panel.candidates}
        autoFocus={!isSuggestion}
        allowEmpty={isSuggestion}
        onCancel={() => panel.onDraftDone(null)}
        onSubmit={(parts) => {
          if (panel.actions === null) return;
          const id = panel.actions.start({
            ...draft,
            proposal: isSuggestion ? proposal : undefined,
            parts,
          });
          panel.onDraftDone(id);
        }}
      />
    </section>
  );
}

const FILTERS: ThreadFilter[] = ['open', 'resolved', 'all'];

/** The margin: every thread of the document, filtered by Abiertos / Resueltos / Todos. */
export function ThreadPanel(props: ThreadPanelProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ThreadFilter>('open');
  // A thread opened from elsewhere (search, the inbox) is shown even if the tab hides it.
  const [shownActive, setShownActive] = useState<string | null>(null);
  if (props.activeId !== shownActive) {
    setShownActive(props.activeId);
    const target = props.threads.find((thread) => thread.id === props.activeId);
    if (target !== undefined && filter !== 'all' && target.resolved !== (filter === 'resolved')) {
      setFilter('all');
    }
  }
  const counts = {
    open: props.threads.filter((thread) => !thread.resolved).length,
    resolved: props.threads.filter((thread) => thread.resolved).length,
    all: props.threads.length,
  };
  const shown = props.threads.filter((thread) =>
    filter === 'all' ? true : filter === 'open' ? !thread.resolved : thread.resolved,
  );
  return (
    <aside className="review-panel" aria-labelledby="review-panel-title">
      <div className="review-panel-head">
        <h2 id="review-panel-title">
          <MessageSquare aria-hidden="true" size={16} />
          {t('review.panelTitle')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('review.closePanel')}
          onClick={props.onClose}
        >
          <X aria-hidden="true" size={16} />
        </button>
      </div>
      <div className="review-tabs" role="tablist" aria-label={t('review.filterLabel')}>
        {FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={filter === value}
            className={filter === value ? 'is-selected' : undefined}
            onClick={() => setFilter(value)}
          >
            {t(`review.filter.${value}`, { count: counts[value] })}
          </button>
        ))}
      </div>
      {props.draft !== null && <DraftCard key={props.draft.quote} panel={props} />}
      {shown.length === 0 && props.draft === null && (
        <p className="review-empty">
          {t(`review.empty.${filter}`)}
          {filter === 'open' && props.canWrite && ` ${t('review.emptyHint')}`}
        </p>
      )}
      <div className="thread-list">
        {shown.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            state={props.states[thread.id]}
            active={thread.id === props.activeId}
            panel={props}
          />
        ))}
      </div>
    </aside>
  );
}
