/**
 * One meeting, from agenda to approved minutes: convened organizations, agenda, the minutes
 * document (written from the "Acta de sesión" template filled with the meeting's facts), the
 * agreements with their vote by organization, action items (cards on the body's board) and
 * follow-up status; the lead approves the minutes, after which agreements only take corrections.
 */
import { Check, FileText, ListPlus, Plus } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocId, GroupId } from '../../../shared/model/ids';
import { VOTES, type Vote } from '../../../shared/model/orgVotes';
import type { Agreement, Meeting, OrganizationRef } from '../../../shared/protocol/governanceApi';
import { appendBlocks } from '../../../shared/ydoc/documentDoc';
import { minutesBlocks, minutesTitle } from '../../../shared/ydoc/governanceDocs';
import { governanceApi } from '../../api/governance';
import { useApp } from '../../app/AppContext';
import { docHref, navigate, routeHref } from '../../app/route';
import { useRegistry } from '../../sync/RegistryContext';
import { createDocument } from '../documents/useCreateDocument';
import { Field, FormError } from '../common/Field';
import { useAction } from '../common/useAction';
import { formatDay, formatMoment, StatusBadge, tallyText } from './StatusBadge';
import './governance.css';
import { useApiValue } from './useApiValue';

export function MeetingPage({ groupId, meetingId }: { groupId: GroupId; meetingId: string }) {
  const { t, i18n } = useTranslation();
  const { api, roleIn, me, profile } = useApp();
  const registry = useRegistry();
  const role = roleIn(groupId);
  const canEdit = role === 'lead' || role === 'editor';
  const group = me.memberships.find((m) => m.group.id === groupId)?.group;
  const meeting = useApiValue(
    () => governanceApi.meeting(api, groupId, meetingId),
    `${groupId}/${meetingId}`,
  );
  const action = useAction();
  const m = meeting.value;
  if (m === null) {
    return (
      <section className="page">
        {meeting.error !== null ? (
          <p className="form-error" role="alert">
            {meeting.error}
          </p>
        ) : (
          <p className="view-note">{t('governance.loading')}</p>
        )}
      </section>
    );
  }
  const approved = m.approvedAt !== null;
  const writeMinutes = async () => {
    const docId = await createDocument(
      registry,
      groupId,
      minutesTitle(m, i18n.language),
      profile.name,
      (doc) => appendBlocks(doc, minutesBlocks(m, group?.name ?? '', i18n.language)),
      false,
    );
    const updated = await action.run(() =>
      governanceApi.updateMeeting(api, groupId, m.id, { minutesDocId: docId }),
    );
    if (updated !== null) navigate(docHref(groupId, docId));
  };
  return (
    <section className="page gov-page" aria-labelledby="meeting-title">
      <p className="gov-breadcrumb">
        <a href={routeHref({ kind: 'register', groupId })}>
          {t('governance.bodyTitle', { body: group?.name ?? '' })}
        </a>
      </p>
      <h1 id="meeting-title" className="page-title">
        {m.title}
      </h1>
      <p className="page-intro">
        {formatMoment(m.startsAt, i18n.language)}
        {m.place !== '' && ` · ${m.place}`}
        {m.link !== '' && (
          <>
            {' · '}
            <a href={m.link} target="_blank" rel="noreferrer">
              {t('governance.meeting.link')}
            </a>
          </>
        )}{' '}
        <span className={`gov-badge gov-meeting-${m.state}`}>
          {t(`governance.meetings.state.${m.state}`)}
        </span>
      </p>
      {approved && (
        <p className="gov-approved" role="status">
          <Check aria-hidden="true" size={15} />
          {t('governance.meeting.approvedBy', {
            name: m.approvedBy?.name ?? '',
            date: formatMoment(m.approvedAt!, i18n.language),
          })}
        </p>
      )}
      <div className="gov-columns">
        <section className="panel" aria-labelledby="agenda-title">
          <h2 id="agenda-title" className="panel-title">
            {t('governance.meeting.agenda')}
          </h2>
          {m.agenda.length === 0 ? (
            <p className="view-note">{t('governance.meeting.noAgenda')}</p>
          ) : (
            <ol className="gov-agenda">
              {m.agenda.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ol>
          )}
          <h3 className="gov-subtitle">
            {t('governance.meeting.convened', { count: m.organizations.length })}
          </h3>
          <ul className="gov-orgs">
            {m.organizations.map((org) => (
              <li key={org.id}>{org.name}</li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="minutes-title">
          <h2 id="minutes-title" className="panel-title">
            {t('governance.meeting.minutes')}
          </h2>
          {m.minutesDocId !== null ? (
            <a className="button" href={docHref(groupId, m.minutesDocId as DocId)}>
              <FileText aria-hidden="true" size={15} />
              {t('governance.meeting.openMinutes')}
            </a>
          ) : canEdit && !approved ? (
            <button
              type="button"
              className="button"
              disabled={action.busy}
              onClick={() => void writeMinutes()}
            >
              <FileText aria-hidden="true" size={15} />
              {t('governance.meeting.writeMinutes')}
            </button>
          ) : (
            <p className="view-note">{t('governance.meeting.noMinutes')}</p>
          )}
          <p className="field-hint">{t('governance.meeting.minutesHint')}</p>
          {role === 'lead' && !approved && (
            <button
              type="button"
              className="button button-primary"
              disabled={action.busy || m.agreements.length === 0}
              onClick={() => {
                if (!window.confirm(t('governance.meeting.approveConfirm'))) return;
                void action
                  .run(() => governanceApi.approveMinutes(api, groupId, m.id))
                  .then((next) => {
                    if (next !== null) meeting.setValue(next);
                  });
              }}
            >
              <Check aria-hidden="true" size={15} />
              {t('governance.meeting.approve')}
            </button>
          )}
          <FormError error={action.error} />
        </section>
      </div>
      <section className="panel" aria-labelledby="agreements-title">
        <h2 id="agreements-title" className="panel-title">
          {t('governance.meeting.agreements', { count: m.agreements.length })}
        </h2>
        {m.agreements.length === 0 && (
          <p className="view-note">{t('governance.meeting.noAgreements')}</p>
        )}
        {m.agreements.map((agreement) => (
          <AgreementCard
            key={agreement.id}
            groupId={groupId}
            agreement={agreement}
            organizations={m.organizations}
            canEdit={canEdit && !approved}
            canAct={canEdit}
            canCorrect={role === 'lead' && approved && agreement.correctedBy === null}
            onChanged={meeting.reload}
          />
        ))}
        {canEdit && !approved && (
          <NewAgreementForm groupId={groupId} meeting={m} onAdded={meeting.reload} />
        )}
      </section>
    </section>
  );
}

function AgreementCard({
  groupId,
  agreement,
  organizations,
  canEdit,
  canAct,
  canCorrect,
  onChanged,
}: {
  groupId: GroupId;
  agreement: Agreement;
  organizations: OrganizationRef[];
  canEdit: boolean;
  canAct: boolean;
  canCorrect: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const id = useId();
  const initial = Object.fromEntries(
    agreement.votes.map((v) => [v.organization.id, v.vote ?? '']),
  ) as Record<string, Vote | ''>;
  const [votes, setVotes] = useState(initial);
  const [task, setTask] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const action = useAction();
  const changed = agreement.votes.some((v) => (v.vote ?? '') !== votes[v.organization.id]);
  const saveVotes = () =>
    void action
      .run(() =>
        governanceApi.vote(api, groupId, agreement.id, {
          votes: Object.entries(votes)
            .filter((entry): entry is [string, Vote] => entry[1] !== '')
            .map(([organizationId, vote]) => ({ organizationId, vote })),
        }),
      )
      .then((next) => next !== null && onChanged());
  return (
    <article className="gov-agreement" aria-labelledby={`${id}-title`}>
      <header className="gov-agreement-head">
        <span className="mono">{agreement.code}</span>
        <h3 id={`${id}-title`}>{agreement.title}</h3>
        {agreement.status !== null && (
          <span className={`gov-badge gov-decision-${agreement.decision}`}>
            {t(`governance.decision.${agreement.decision}`)}
          </span>
        )}
        <StatusBadge agreement={agreement} />
      </header>
      {agreement.text !== '' && <p>{agreement.text}</p>}
      <p className="gov-note">
        {t('governance.agreement.responsible', { name: agreement.responsible?.name ?? '—' })} ·{' '}
        {t('governance.agreement.due', { date: formatDay(agreement.dueDate, i18n.language) })} ·{' '}
        {tallyText(agreement, t)}
      </p>
      {agreement.correctedBy !== null && (
        <p className="gov-note">
          {t('governance.register.correctedBy', { code: agreement.correctedBy.code })}
        </p>
      )}
      <table
        className="data-table gov-votes"
        aria-label={t('governance.agreement.votesOf', { code: agreement.code })}
      >
        <thead>
          <tr>
            <th scope="col">{t('governance.agreement.organization')}</th>
            <th scope="col">{t('governance.agreement.vote')}</th>
          </tr>
        </thead>
        <tbody>
          {organizations.map((org) => (
            <tr key={org.id}>
              <th scope="row">{org.name}</th>
              <td>
                {canEdit ? (
                  <select
                    aria-label={t('governance.agreement.voteOf', {
                      organization: org.name,
                      code: agreement.code,
                    })}
                    value={votes[org.id] ?? ''}
                    onChange={(e) => setVotes({ ...votes, [org.id]: e.target.value as Vote | '' })}
                  >
                    <option value="">{t('governance.vote.none')}</option>
                    {VOTES.map((vote) => (
                      <option key={vote} value={vote}>
                        {t(`governance.vote.${vote}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(
                    `governance.vote.${agreement.votes.find((v) => v.organization.id === org.id)?.vote ?? 'none'}`,
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <button
          type="button"
          className="button button-small"
          disabled={action.busy || !changed}
          onClick={saveVotes}
        >
          {t('governance.agreement.saveVotes', { code: agreement.code })}
        </button>
      )}
      <h4 className="gov-subtitle">{t('governance.agreement.actions')}</h4>
      {agreement.actions.length === 0 ? (
        <p className="view-note">{t('governance.agreement.noActions')}</p>
      ) : (
        <ul className="gov-action-list">
          {agreement.actions.map((item) => (
            <li key={item.cardId}>
              <a
                href={routeHref({
                  kind: 'board',
                  groupId,
                  boardId: item.boardId as never,
                  cardId: item.cardId as never,
                })}
              >
                {item.title}
              </a>
              <span className={`gov-badge ${item.done ? 'gov-cumplido' : 'gov-column'}`}>
                {item.column ?? t('governance.agreement.archived')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAct && agreement.correctedBy === null && (
        <form
          className="gov-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (task.trim() === '') return;
            void action
              .run(() =>
                governanceApi.addAction(api, groupId, agreement.id, { title: task.trim() }),
              )
              .then((next) => {
                if (next !== null) {
                  setTask('');
                  onChanged();
                }
              });
          }}
        >
          <input
            type="text"
            aria-label={t('governance.agreement.newAction', { code: agreement.code })}
            placeholder={t('governance.agreement.newActionPlaceholder')}
            value={task}
            onChange={(e) => setTask(e.target.value)}
          />
          <button type="submit" className="button button-small" disabled={action.busy}>
            <ListPlus aria-hidden="true" size={15} />
            {t('governance.agreement.addAction')}
          </button>
        </form>
      )}
      {canCorrect && !correcting && (
        <button type="button" className="text-button" onClick={() => setCorrecting(true)}>
          {t('governance.agreement.correct')}
        </button>
      )}
      {correcting && (
        <CorrectionForm
          groupId={groupId}
          agreement={agreement}
          organizations={organizations}
          onDone={() => {
            setCorrecting(false);
            onChanged();
          }}
        />
      )}
      <FormError error={action.error} />
    </article>
  );
}

function AgreementFields({
  organizations,
  title,
  setTitle,
  text,
  setText,
  responsible,
  setResponsible,
  due,
  setDue,
}: {
  organizations: OrganizationRef[];
  title: string;
  setTitle: (v: string) => void;
  text: string;
  setText: (v: string) => void;
  responsible: string;
  setResponsible: (v: string) => void;
  due: string;
  setDue: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('governance.agreement.fieldTitle')}>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </Field>
      <Field label={t('governance.agreement.fieldText')}>
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="gov-form-row">
        <Field label={t('governance.agreement.fieldResponsible')}>
          <select value={responsible} onChange={(e) => setResponsible(e.target.value)}>
            <option value="">{t('governance.agreement.noResponsible')}</option>
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('governance.agreement.fieldDue')}>
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </Field>
      </div>
    </>
  );
}

function NewAgreementForm({
  groupId,
  meeting,
  onAdded,
}: {
  groupId: GroupId;
  meeting: Meeting;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [responsible, setResponsible] = useState('');
  const [due, setDue] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const added = await action.run(() =>
      governanceApi.addAgreement(api, groupId, meeting.id, {
        title: title.trim(),
        text: text.trim(),
        responsibleOrganizationId: responsible === '' ? null : responsible,
        dueDate: due === '' ? null : due,
      }),
    );
    if (added !== null) {
      setTitle('');
      setText('');
      setResponsible('');
      setDue('');
      onAdded();
    }
  };
  return (
    <form
      className="gov-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('governance.agreement.new')}
    >
      <h3 className="gov-subtitle">{t('governance.agreement.new')}</h3>
      <AgreementFields
        organizations={meeting.organizations}
        {...{ title, setTitle, text, setText, responsible, setResponsible, due, setDue }}
      />
      <FormError error={action.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={action.busy || title.trim() === ''}
      >
        <Plus aria-hidden="true" size={15} />
        {t('governance.agreement.record')}
      </button>
    </form>
  );
}

function CorrectionForm({
  groupId,
  agreement,
  organizations,
  onDone,
}: {
  groupId: GroupId;
  agreement: Agreement;
  organizations: OrganizationRef[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [title, setTitle] = useState(agreement.title);
  const [text, setText] = useState(agreement.text);
  const [responsible, setResponsible] = useState(agreement.responsible?.id ?? '');
  const [due, setDue] = useState(agreement.dueDate ?? '');
  const [reason, setReason] = useState('');
  const action = useAction();
  return (
    <form
      className="gov-form"
      aria-label={t('governance.agreement.correctionOf', { code: agreement.code })}
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() =>
            governanceApi.correct(api, groupId, agreement.id, {
              title: title.trim(),
              text: text.trim(),
              responsibleOrganizationId: responsible === '' ? null : responsible,
              dueDate: due === '' ? null : due,
              reason: reason.trim(),
            }),
          )
          .then((next) => next !== null && onDone());
      }}
    >
      <h3 className="gov-subtitle">
        {t('governance.agreement.correctionOf', { code: agreement.code })}
      </h3>
      <AgreementFields
        organizations={organizations}
        {...{ title, setTitle, text, setText, responsible, setResponsible, due, setDue }}
      />
      <Field label={t('governance.agreement.reason')}>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />
      </Field>
      <FormError error={action.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={action.busy || reason.trim() === ''}
      >
        {t('governance.agreement.recordCorrection')}
      </button>
    </form>
  );
}
