import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { CalendarClock, CheckSquare, FileText } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card, Label } from '../../../shared/ydoc/boardDoc';
import { dateFormat } from '../../i18n';
import { isOverdue } from './filterCards';
import type { Peer } from './usePresence';

export const cardDndId = (id: string) => `card:${id}`;

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

export function formatDay(iso: string, language: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return dateFormat(language, DAY).format(new Date(y!, m! - 1, d!));
}

export interface CardFaceProps {
  card: Card;
  labels: Map<string, Label>;
  today: string;
  editors: Peer[];
}

/** What a card shows on the board; also the drag preview. */
export function CardFace({ card, labels, today, editors }: CardFaceProps) {
  const { t, i18n } = useTranslation();
  const overdue = isOverdue(card, today);
  const done = card.checklist.filter((item) => item.done).length;
  const company = card.fields.miningCompany;
  return (
    <>
      {card.labels.length > 0 && (
        <ul className="card-labels" aria-label={t('boards.panel.labels')}>
          {card.labels.map((id) => {
            const label = labels.get(id);
            return label === undefined ? null : (
              <li
                key={id}
                className="label-chip"
                style={{ '--label': label.colour } as React.CSSProperties}
              >
                {label.name}
              </li>
            );
          })}
        </ul>
      )}
      <span className="card-title">{card.title}</span>
      {company !== undefined && <span className="card-company">{company}</span>}
      <span className="card-meta">
        {card.priority !== null && (
          <span className={`priority priority-${card.priority}`}>
            {t(`boards.priority.${card.priority}`)}
          </span>
        )}
        {card.dueDate !== null && (
          <span className={overdue ? 'card-due card-overdue' : 'card-due'}>
            <CalendarClock aria-hidden="true" size={13} />
            {t(overdue ? 'boards.card.overdue' : 'boards.card.due', {
              date: formatDay(card.dueDate, i18n.language),
            })}
          </span>
        )}
        {card.checklist.length > 0 && (
          <span
            className={done === card.checklist.length ? 'card-check card-check-done' : 'card-check'}
          >
            <CheckSquare aria-hidden="true" size={13} />
            <span aria-hidden="true">
              {done}/{card.checklist.length}
            </span>
            <span className="visually-hidden">
              {t('boards.card.checklist', { done, total: card.checklist.length })}
            </span>
          </span>
        )}
        {card.links.length > 0 && (
          <span className="card-check">
            <FileText aria-hidden="true" size={13} />
            <span aria-hidden="true">{card.links.length}</span>
            <span className="visually-hidden">
              {t('boards.card.links', { count: card.links.length })}
            </span>
          </span>
        )}
        {card.assignees.length > 0 && (
          <span className="card-assignees">
            <span className="visually-hidden">
              {t('boards.card.assignees', { names: card.assignees.join(', ') })}
            </span>
            {card.assignees.slice(0, 3).map((name) => (
              <span key={name} className="avatar avatar-small" aria-hidden="true" title={name}>
                {initials(name)}
              </span>
            ))}
          </span>
        )}
      </span>
      {editors.length > 0 && (
        <span className="card-editors">
          {editors.map((peer) => (
            <span
              key={peer.clientId}
              className="avatar avatar-small"
              style={{ background: peer.user.colour }}
              title={t('boards.presence.editing', { name: peer.user.name })}
              aria-hidden="true"
            >
              {initials(peer.user.name)}
            </span>
          ))}
          <span className="visually-hidden">
            {t('boards.presence.editingShort', {
              names: editors.map((p) => p.user.name).join(', '),
            })}
          </span>
        </span>
      )}
    </>
  );
}

export interface BoardCardProps extends CardFaceProps {
  readOnly: boolean;
  onOpen: () => void;
}

export function BoardCard({ card, readOnly, onOpen, ...face }: BoardCardProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: cardDndId(card.id),
    data: { type: 'card', columnId: card.columnId },
    disabled: readOnly,
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    listeners?.onKeyDown?.(event);
    if (event.defaultPrevented || isDragging) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'board-card-slot board-card-dragging' : 'board-card-slot'}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div
        {...attributes}
        {...listeners}
        role="button"
        tabIndex={0}
        aria-roledescription={readOnly ? undefined : t('boards.card.roleDescription')}
        // Read-only, the card still opens (read-only) details: it is not a disabled button.
        aria-disabled={undefined}
        aria-describedby={readOnly ? undefined : attributes['aria-describedby']}
        aria-label={card.title}
        className={face.editors.length > 0 ? 'board-card board-card-edited' : 'board-card'}
        style={
          face.editors[0]
            ? ({ '--editor': face.editors[0].user.colour } as React.CSSProperties)
            : undefined
        }
        data-card-id={card.id}
        onClick={onOpen}
        onKeyDown={onKeyDown}
      >
        <CardFace card={card} {...face} />
      </div>
    </li>
  );
}
