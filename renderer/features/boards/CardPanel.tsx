/**
 * The card detail panel: every field of a card, each written through a named mutation as the
 * person edits. Text fields commit on blur (one write per edit, last writer wins); the
 * description is a Y.Text written by smallest diff, so two people typing in it both keep
 * their words.
 */
import { Archive, ArchiveRestore, Plus, X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared/model/ids';
import {
  PRIORITIES,
  type BoardView,
  type Card,
  type ColumnId,
  type Priority,
} from '../../../shared/ydoc/boardDoc';
import type { IndexEntry } from '../../../shared/ydoc/groupIndexDoc';
import { formatDate } from '../../i18n';
import { initials } from './BoardCard';
import { ChecklistSection, LabelsSection, LinksSection } from './CardPanelSections';
import { DescriptionField } from './DescriptionField';
import type { BoardActions } from './useBoard';
import type { Peer } from './usePresence';

export interface KnownPerson {
  name: string;
  organization: string;
}

export interface CardPanelProps {
  groupId: GroupId;
  card: Card;
  board: BoardView;
  actions: BoardActions;
  readOnly: boolean;
  documents: IndexEntry[];
  people: KnownPerson[];
  editors: Peer[];
  onClose: () => void;
}

/** An input that writes its value when the person leaves it (or presses Enter). */
function CommitInput({
  value,
  onCommit,
  readOnly,
  multiline = false,
  allowEmpty = true,
  ...rest
}: {
  value: string;
  onCommit: (value: string) => void;
  readOnly: boolean;
  multiline?: boolean;
  allowEmpty?: boolean;
  id?: string;
  list?: string;
  className?: string;
  'aria-label'?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    if (draft.trim() === value.trim() || (!allowEmpty && draft.trim() === '')) return;
    onCommit(draft);
  };
  const common = {
    ...rest,
    value: draft ?? value,
    readOnly,
    onBlur: commit,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
  };
  return multiline ? (
    <textarea
      {...common}
      rows={3}
      onKeyDown={(event) => event.key === 'Escape' && setDraft(null)}
    />
  ) : (
    <input
      {...common}
      type="text"
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') setDraft(null);
      }}
    />
  );
}

function Field({ label, children, id }: { label: string; children: ReactNode; id: string }) {
  return (
    <div className="panel-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function CardPanel(props: CardPanelProps) {
  const { groupId, card, board, actions, readOnly, documents, people, editors, onClose } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'es-419';
  const ids = {
    title: useId(),
    column: useId(),
    description: useId(),
    org: useId(),
    due: useId(),
    priority: useId(),
    people: useId(),
    orgs: useId(),
    field: useId(),
  };
  const [assignee, setAssignee] = useState({ name: '', organization: '' });
  const organizationOf = (name: string) =>
    board.people[name] ?? people.find((person) => person.name === name)?.organization ?? '';
  const organizations = Array.from(
    new Set(
      [...people.map((p) => p.organization), ...Object.values(board.people)].filter(
        (o) => o !== '',
      ),
    ),
  ).sort();
  const column = board.columns.find((c) => c.id === card.columnId);

  const addAssignee = () => {
    const name = assignee.name.trim();
    if (name === '') return;
    const known = people.find((p) => p.name === name)?.organization ?? '';
    actions.assign(card.id, name, assignee.organization.trim() || known);
    setAssignee({ name: '', organization: '' });
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay panel-overlay" />
        <Dialog.Content className="card-panel" aria-describedby={undefined}>
          <div className="panel-head">
            <Dialog.Title className="panel-title">
              {t('boards.panel.title', { title: card.title })}
            </Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="icon-button" aria-label={t('boards.panel.close')}>
                <X aria-hidden="true" size={18} />
              </button>
            </Dialog.Close>
          </div>
          {editors.length > 0 && (
            <ul className="panel-editors" aria-label={t('boards.presence.label')}>
              {editors.map((peer) => (
                <li key={peer.clientId}>
                  <span
                    className="avatar avatar-small"
                    style={{ background: peer.user.colour }}
                    aria-hidden="true"
                  >
                    {initials(peer.user.name)}
                  </span>
                  {t('boards.presence.editing', { name: peer.user.name })}
                </li>
              ))}
            </ul>
          )}
          {card.archived && (
            <div className="notice" role="note">
              <Archive aria-hidden="true" size={16} />
              <span>{t('boards.panel.archivedNotice')}</span>
              {!readOnly && (
                <button
                  type="button"
                  className="text-button"
                  onClick={() => actions.restoreCard(card.id)}
                >
                  <ArchiveRestore aria-hidden="true" size={14} />
                  {t('boards.panel.restore')}
                </button>
              )}
            </div>
          )}

          <Field label={t('boards.panel.cardTitle')} id={ids.title}>
            <CommitInput
              id={ids.title}
              className="panel-input panel-input-title"
              value={card.title}
              readOnly={readOnly}
              allowEmpty={false}
              onCommit={(title) => actions.updateCard(card.id, { title })}
            />
          </Field>

          <div className="panel-row">
            <Field label={t('boards.panel.column')} id={ids.column}>
              <select
                id={ids.column}
                className="panel-input"
                value={column?.id ?? ''}
                disabled={readOnly || card.archived}
                onChange={(event) =>
                  actions.moveCard(card.id, event.target.value as ColumnId, Infinity)
                }
              >
                {board.columns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('boards.priority.label')} id={ids.priority}>
              <select
                id={ids.priority}
                className="panel-input"
                value={card.priority ?? ''}
                disabled={readOnly}
                onChange={(event) =>
                  actions.updateCard(card.id, {
                    priority: (event.target.value || null) as Priority | null,
                  })
                }
              >
                <option value="">{t('boards.priority.none')}</option>
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`boards.priority.${p}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('boards.panel.dueDate')} id={ids.due}>
              <input
                id={ids.due}
                type="date"
                className="panel-input"
                value={card.dueDate ?? ''}
                readOnly={readOnly}
                onChange={(event) =>
                  actions.updateCard(card.id, { dueDate: event.target.value || null })
                }
              />
            </Field>
          </div>

          {board.fields.length > 0 && (
            <fieldset className="panel-fieldset">
              <legend>{t('boards.panel.fields')}</legend>
              {board.fields.map((field) => {
                const id = `${ids.field}-${field.key}`;
                const listId = `${id}-list`;
                return (
                  <Field key={field.key} label={field.label[language]} id={id}>
                    <CommitInput
                      id={id}
                      className="panel-input"
                      multiline={field.kind === 'longText'}
                      list={field.suggestions ? listId : undefined}
                      value={card.fields[field.key] ?? ''}
                      readOnly={readOnly}
                      onCommit={(value) =>
                        actions.updateCard(card.id, { fields: { [field.key]: value } })
                      }
                    />
                    {field.suggestions && (
                      <datalist id={listId}>
                        {field.suggestions[language].map((s) => (
                          <option key={s} value={s} />
                        ))}
                      </datalist>
                    )}
                  </Field>
                );
              })}
            </fieldset>
          )}

          <Field label={t('boards.panel.description')} id={ids.description}>
            <DescriptionField
              id={ids.description}
              value={card.description}
              readOnly={readOnly}
              describedBy={`${ids.description}-hint`}
              onChange={(text) => actions.setDescription(card.id, text)}
            />
            <small id={`${ids.description}-hint`} className="panel-hint">
              {t('boards.panel.descriptionHint')}
            </small>
          </Field>

          <Field label={t('boards.panel.responsibleOrg')} id={ids.org}>
            <CommitInput
              id={ids.org}
              className="panel-input"
              list={ids.orgs}
              value={card.responsibleOrg}
              readOnly={readOnly}
              onCommit={(responsibleOrg) => actions.updateCard(card.id, { responsibleOrg })}
            />
            <datalist id={ids.orgs}>
              {organizations.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          </Field>

          <section className="panel-section" aria-labelledby={`${ids.people}-h`}>
            <h3 id={`${ids.people}-h`}>{t('boards.panel.assignees')}</h3>
            {card.assignees.length === 0 ? (
              <p className="panel-hint">{t('boards.panel.noAssignees')}</p>
            ) : (
              <ul className="chip-list">
                {card.assignees.map((name) => (
                  <li key={name} className="person-chip">
                    <span className="avatar avatar-small" aria-hidden="true">
                      {initials(name)}
                    </span>
                    <span>
                      {name}
                      {organizationOf(name) !== '' && (
                        <span className="person-org"> · {organizationOf(name)}</span>
                      )}
                    </span>
                    {!readOnly && (
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t('boards.panel.removeAssignee', { name })}
                        onClick={() => actions.unassign(card.id, name)}
                      >
                        <X aria-hidden="true" size={14} />
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {!readOnly && (
              <form
                className="inline-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  addAssignee();
                }}
              >
                <input
                  type="text"
                  className="panel-input"
                  list={ids.people}
                  aria-label={t('boards.panel.assigneeName')}
                  placeholder={t('boards.panel.assigneeName')}
                  value={assignee.name}
                  onChange={(event) => setAssignee({ ...assignee, name: event.target.value })}
                />
                <datalist id={ids.people}>
                  {people.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.organization}
                    </option>
                  ))}
                </datalist>
                <input
                  type="text"
                  className="panel-input"
                  list={ids.orgs}
                  aria-label={t('boards.panel.assigneeOrg')}
                  placeholder={t('boards.panel.assigneeOrg')}
                  value={assignee.organization}
                  onChange={(event) =>
                    setAssignee({ ...assignee, organization: event.target.value })
                  }
                />
                <button type="submit" className="button">
                  <Plus aria-hidden="true" size={14} />
                  {t('boards.panel.addAssignee')}
                </button>
              </form>
            )}
          </section>

          <LabelsSection card={card} labels={board.labels} actions={actions} readOnly={readOnly} />
          <ChecklistSection card={card} actions={actions} readOnly={readOnly} />
          <LinksSection
            card={card}
            actions={actions}
            readOnly={readOnly}
            groupId={groupId}
            documents={documents}
            onClose={onClose}
          />

          <footer className="panel-foot">
            {card.createdAt > 0 && (
              <p className="panel-hint">
                {t('boards.panel.created', {
                  date: formatDate(card.createdAt, i18n.language),
                  author: card.createdBy || '—',
                })}
              </p>
            )}
            {!readOnly && !card.archived && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  actions.archiveCard(card.id);
                  onClose();
                }}
              >
                <Archive aria-hidden="true" size={15} />
                {t('boards.panel.archive')}
              </button>
            )}
          </footer>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
