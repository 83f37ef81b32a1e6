/**
 * The parts of the card panel that grow by member (labels, checklist, linked documents): each
 * keeps its own draft and writes through the board's named mutations.
 */
import { FileText, Plus, Trash2, X } from 'lucide-react';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocId, GroupId } from '../../../shared/model/ids';
import type { Card, Label, LabelId } from '../../../shared/ydoc/boardDoc';
import type { IndexEntry } from '../../../shared/ydoc/groupIndexDoc';
import { docHref, navigate } from '../../app/route';
import type { BoardActions } from './useBoard';

/** Label colours, named for people choosing them (the hex code means nothing to them). */
const LABEL_COLOURS = [
  { value: '#1f6f8b', name: 'petrol' },
  { value: '#2f6b3f', name: 'green' },
  { value: '#b7791f', name: 'amber' },
  { value: '#a4262c', name: 'red' },
  { value: '#6b46c1', name: 'violet' },
  { value: '#9a4a1f', name: 'terracotta' },
  { value: '#4a5568', name: 'grey' },
] as const;

interface SectionProps {
  card: Card;
  actions: BoardActions;
  readOnly: boolean;
}

export function LabelsSection({
  card,
  labels,
  actions,
  readOnly,
}: SectionProps & { labels: Label[] }) {
  const { t } = useTranslation();
  const [labelDraft, setLabelDraft] = useState<{ name: string; colour: string }>({
    name: '',
    colour: LABEL_COLOURS[0].value,
  });
  return (
    <fieldset className="panel-section panel-fieldset">
      <legend>{t('boards.panel.labels')}</legend>
      <div className="label-options">
        {labels.map((label) => (
          <label key={label.id} className="label-option">
            <input
              type="checkbox"
              checked={card.labels.includes(label.id)}
              disabled={readOnly}
              onChange={(event) =>
                event.target.checked
                  ? actions.addLabel(card.id, label.id)
                  : actions.removeLabel(card.id, label.id)
              }
            />
            <span className="label-chip" style={{ '--label': label.colour } as CSSProperties}>
              {label.name}
            </span>
          </label>
        ))}
      </div>
      {!readOnly && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (labelDraft.name.trim() === '') return;
            const id: LabelId = actions.defineLabel(labelDraft.name.trim(), labelDraft.colour);
            actions.addLabel(card.id, id);
            setLabelDraft({ name: '', colour: labelDraft.colour });
          }}
        >
          <input
            type="text"
            className="panel-input"
            aria-label={t('boards.panel.newLabelName')}
            placeholder={t('boards.panel.newLabel')}
            value={labelDraft.name}
            maxLength={40}
            onChange={(event) => setLabelDraft({ ...labelDraft, name: event.target.value })}
          />
          <select
            className="panel-input"
            aria-label={t('boards.panel.newLabelColour')}
            value={labelDraft.colour}
            style={{ color: labelDraft.colour }}
            onChange={(event) => setLabelDraft({ ...labelDraft, colour: event.target.value })}
          >
            {LABEL_COLOURS.map((c) => (
              <option key={c.value} value={c.value} style={{ color: c.value }}>
                ■ {t(`boards.labelColours.${c.name}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            <Plus aria-hidden="true" size={14} />
            {t('boards.panel.add')}
          </button>
        </form>
      )}
    </fieldset>
  );
}

export function ChecklistSection({ card, actions, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const [checkItem, setCheckItem] = useState('');
  return (
    <fieldset className="panel-section panel-fieldset">
      <legend>{t('boards.panel.checklist')}</legend>
      <ul className="checklist">
        {card.checklist.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                checked={item.done}
                disabled={readOnly}
                onChange={(event) =>
                  actions.setChecklistItem(card.id, item.id, { done: event.target.checked })
                }
              />
              <span className={item.done ? 'check-done' : undefined}>{item.text}</span>
            </label>
            {!readOnly && (
              <button
                type="button"
                className="icon-button"
                aria-label={t('boards.panel.removeChecklistItem', { text: item.text })}
                onClick={() => actions.removeChecklistItem(card.id, item.id)}
              >
                <Trash2 aria-hidden="true" size={14} />
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (checkItem.trim() === '') return;
            actions.addChecklistItem(card.id, checkItem.trim());
            setCheckItem('');
          }}
        >
          <input
            type="text"
            className="panel-input"
            aria-label={t('boards.panel.newChecklistItem')}
            placeholder={t('boards.panel.newChecklistItem')}
            value={checkItem}
            maxLength={200}
            onChange={(event) => setCheckItem(event.target.value)}
          />
          <button type="submit" className="button">
            <Plus aria-hidden="true" size={14} />
            {t('boards.panel.add')}
          </button>
        </form>
      )}
    </fieldset>
  );
}

export function LinksSection({
  card,
  actions,
  readOnly,
  groupId,
  documents,
  onClose,
}: SectionProps & { groupId: GroupId; documents: IndexEntry[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [linkChoice, setLinkChoice] = useState('');
  const docTitle = new Map(documents.map((d) => [d.id as string, d.title]));
  const linkable = documents.filter((d) => !d.archived && !card.links.includes(d.id as DocId));
  return (
    <fieldset className="panel-section panel-fieldset">
      <legend>{t('boards.panel.links')}</legend>
      {card.links.length === 0 ? (
        <p className="panel-hint">{t('boards.panel.noLinks')}</p>
      ) : (
        <ul className="link-list">
          {card.links.map((docId) => {
            const title = docTitle.get(docId) ?? t('boards.panel.missingDocument');
            return (
              <li key={docId}>
                <a
                  href={docHref(groupId, docId)}
                  className="doc-link"
                  onClick={(event) => {
                    event.preventDefault();
                    onClose();
                    navigate(docHref(groupId, docId));
                  }}
                >
                  <FileText aria-hidden="true" size={14} />
                  <span>{title}</span>
                </a>
                {!readOnly && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('boards.panel.unlink', { title })}
                    onClick={() => actions.unlink(card.id, docId)}
                  >
                    <X aria-hidden="true" size={14} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && linkable.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (linkChoice === '') return;
            actions.link(card.id, linkChoice as DocId);
            setLinkChoice('');
          }}
        >
          <select
            className="panel-input"
            aria-label={t('boards.panel.chooseDocument')}
            value={linkChoice}
            onChange={(event) => setLinkChoice(event.target.value)}
          >
            <option value="">{t('boards.panel.chooseDocument')}</option>
            {linkable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            <Plus aria-hidden="true" size={14} />
            {t('boards.panel.linkDocument')}
          </button>
        </form>
      )}
    </fieldset>
  );
}
