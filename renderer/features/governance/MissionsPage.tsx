/**
 * "Misiones": the group's international missions, and one mission with its objectives and
 * budget, the organizations that applied, were selected and confirmed, its agenda by day
 * (visits, workshops, meetings, contacts), lessons learned and the follow-up agreements it added
 * to the group's register.
 */
import { Plane, Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared/model/ids';
import {
  AGENDA_KINDS,
  PARTICIPANT_STATUSES,
  type AgendaKind,
  type Mission,
  type ParticipantStatus,
} from '../../../shared/protocol/missionsApi';
import { governanceApi, missionApi } from '../../api/governance';
import { useApp } from '../../app/AppContext';
import { navigate, routeHref } from '../../app/route';
import { Field, FormError, FormFooter } from '../common/Field';
import { useAction } from '../common/useAction';
import { RegisterTable } from './RegisterPage';
import { formatDay } from './StatusBadge';
import './governance.css';
import { useApiValue } from './useApiValue';

function budgetText(amount: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
}

export function MissionsPage({
  groupId,
  missionId,
}: {
  groupId: GroupId;
  missionId: string | null;
}) {
  return missionId === null ? (
    <MissionList groupId={groupId} />
  ) : (
    <MissionDetail groupId={groupId} missionId={missionId} />
  );
}

function MissionList({ groupId }: { groupId: GroupId }) {
  const { t, i18n } = useTranslation();
  const { api, roleIn, me } = useApp();
  const role = roleIn(groupId);
  const group = me.memberships.find((m) => m.group.id === groupId)?.group;
  const list = useApiValue(() => missionApi.list(api, groupId), `${groupId}/missions`);
  const [creating, setCreating] = useState(false);
  return (
    <section className="page gov-page" aria-labelledby="missions-title">
      <h1 id="missions-title" className="page-title">
        {t('missions.title', { group: group?.name ?? '' })}
      </h1>
      <p className="page-intro">{t('missions.intro')}</p>
      <FormError error={list.error} />
      {(role === 'lead' || role === 'editor') && !creating && (
        <p>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" size={15} />
            {t('missions.new')}
          </button>
        </p>
      )}
      {creating && <NewMissionForm groupId={groupId} onCancel={() => setCreating(false)} />}
      {list.value !== null && list.value.missions.length === 0 && (
        <p className="view-note">{t('missions.empty')}</p>
      )}
      <ul className="gov-mission-list">
        {list.value?.missions.map((m) => (
          <li key={m.id} className="panel">
            <Plane aria-hidden="true" size={18} />
            <div>
              <a href={routeHref({ kind: 'missions', groupId, missionId: m.id })}>{m.title}</a>
              <p className="gov-note">
                {m.destination} · {formatDay(m.startsOn, i18n.language)} –{' '}
                {formatDay(m.endsOn, i18n.language)} ·{' '}
                {budgetText(m.budget, m.currency, i18n.language)} ·{' '}
                {t('missions.participantsCount', { confirmed: m.confirmed, applied: m.applied })}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewMissionForm({ groupId, onCancel }: { groupId: GroupId; onCancel: () => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [title, setTitle] = useState('');
  const [destination, setDestination] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [objectives, setObjectives] = useState('');
  const [budget, setBudget] = useState('');
  const action = useAction();
  return (
    <form
      className="panel gov-form"
      aria-label={t('missions.new')}
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() =>
            missionApi.create(api, groupId, {
              title: title.trim(),
              destination: destination.trim(),
              startsOn,
              endsOn,
              objectives: objectives.trim(),
              budget: Number(budget || 0),
            }),
          )
          .then(
            (m) =>
              m !== null && navigate(routeHref({ kind: 'missions', groupId, missionId: m.id })),
          );
      }}
    >
      <Field label={t('missions.fieldTitle')}>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </Field>
      <div className="gov-form-row">
        <Field label={t('missions.fieldDestination')}>
          <input
            type="text"
            value={destination}
            onChange={(e) => setDestination(e.target.value)}
            required
          />
        </Field>
        <Field label={t('missions.fieldStart')}>
          <input
            type="date"
            value={startsOn}
            onChange={(e) => setStartsOn(e.target.value)}
            required
          />
        </Field>
        <Field label={t('missions.fieldEnd')}>
          <input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} required />
        </Field>
        <Field label={t('missions.fieldBudget')}>
          <input type="number" min={0} value={budget} onChange={(e) => setBudget(e.target.value)} />
        </Field>
      </div>
      <Field label={t('missions.fieldObjectives')}>
        <textarea rows={3} value={objectives} onChange={(e) => setObjectives(e.target.value)} />
      </Field>
      <FormFooter
        error={action.error}
        submitDisabled={action.busy}
        cancelLabel={t('governance.cancel')}
        onCancel={onCancel}
        submitLabel={t('missions.create')}
      />
    </form>
  );
}

function MissionDetail({ groupId, missionId }: { groupId: GroupId; missionId: string }) {
  const { t, i18n } = useTranslation();
  const { api, roleIn, me } = useApp();
  const role = roleIn(groupId);
  const mission = useApiValue(
    () => missionApi.get(api, groupId, missionId),
    `${groupId}/${missionId}`,
  );
  const m = mission.value;
  if (m === null) {
    return (
      <section className="page">
        {mission.error !== null ? (
          <p className="form-error" role="alert">
            {mission.error}
          </p>
        ) : (
          <p className="view-note">{t('governance.loading')}</p>
        )}
      </section>
    );
  }
  const canEdit = role === 'lead' || role === 'editor';
  const mine = m.participants.find((p) => p.organization.id === me.user.organization.id);
  const days = [...new Set(m.agenda.map((item) => item.day))];
  return (
    <section className="page gov-page" aria-labelledby="mission-title">
      <p className="gov-breadcrumb">
        <a href={routeHref({ kind: 'missions', groupId, missionId: null })}>{t('missions.back')}</a>
      </p>
      <h1 id="mission-title" className="page-title">
        {m.title}
      </h1>
      <p className="page-intro">
        {m.destination} · {formatDay(m.startsOn, i18n.language)} –{' '}
        {formatDay(m.endsOn, i18n.language)} ·{' '}
        {t('missions.budget', { amount: budgetText(m.budget, m.currency, i18n.language) })}
      </p>
      {m.objectives !== '' && (
        <section className="panel" aria-labelledby="objectives-title">
          <h2 id="objectives-title" className="panel-title">
            {t('missions.objectives')}
          </h2>
          <p className="gov-pre">{m.objectives}</p>
        </section>
      )}
      <div className="gov-columns">
        <section className="panel" aria-labelledby="participants-title">
          <h2 id="participants-title" className="panel-title">
            {t('missions.participants')}
          </h2>
          {m.participants.length === 0 ? (
            <p className="view-note">{t('missions.noParticipants')}</p>
          ) : (
            <table className="data-table" aria-label={t('missions.participants')}>
              <thead>
                <tr>
                  <th scope="col">{t('missions.organization')}</th>
                  <th scope="col">{t('missions.status')}</th>
                </tr>
              </thead>
              <tbody>
                {m.participants.map((p) => (
                  <tr key={p.organization.id}>
                    <th scope="row">
                      {p.organization.name}
                      {p.motivation !== '' && <small className="gov-note">{p.motivation}</small>}
                    </th>
                    <td>
                      {role === 'lead' ? (
                        <ParticipantSelect
                          groupId={groupId}
                          mission={m}
                          organizationId={p.organization.id}
                          name={p.organization.name}
                          status={p.status}
                          onChanged={mission.setValue}
                        />
                      ) : (
                        <span className={`gov-badge gov-participant-${p.status}`}>
                          {t(`missions.statuses.${p.status}`)}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {role !== 'viewer' && mine === undefined && (
            <ApplyForm groupId={groupId} missionId={m.id} onApplied={mission.setValue} />
          )}
        </section>
        <section className="panel" aria-labelledby="agenda-title">
          <h2 id="agenda-title" className="panel-title">
            {t('missions.agenda')}
          </h2>
          {days.length === 0 && <p className="view-note">{t('missions.noAgenda')}</p>}
          {days.map((day) => (
            <div key={day} className="gov-agenda-day">
              <h3 className="gov-subtitle">{formatDay(day, i18n.language)}</h3>
              <ul>
                {m.agenda
                  .filter((item) => item.day === day)
                  .map((item) => (
                    <li key={item.id}>
                      <span className="mono">{item.time || '—'}</span>
                      <span className={`gov-badge gov-agenda-${item.kind}`}>
                        {t(`missions.kinds.${item.kind}`)}
                      </span>
                      <div>
                        <strong>{item.title}</strong>
                        {(item.place !== '' || item.contact !== '') && (
                          <span className="gov-note">
                            {[item.place, item.contact].filter((part) => part !== '').join(' · ')}
                          </span>
                        )}
                      </div>
                      {canEdit ? (
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={t('missions.removeAgenda', { title: item.title })}
                          onClick={() =>
                            void missionApi
                              .removeAgenda(api, groupId, m.id, item.id)
                              .then(mission.setValue)
                          }
                        >
                          <Trash2 aria-hidden="true" size={14} />
                        </button>
                      ) : (
                        <span />
                      )}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          {canEdit && <AgendaForm groupId={groupId} mission={m} onAdded={mission.setValue} />}
        </section>
      </div>
      <Lessons groupId={groupId} mission={m} canEdit={canEdit} onSaved={mission.setValue} />
      <section className="panel" aria-labelledby="followups-title">
        <h2 id="followups-title" className="panel-title">
          {t('missions.followUps')}
        </h2>
        {m.followUps.length === 0 ? (
          <p className="view-note">{t('missions.noFollowUps')}</p>
        ) : (
          <RegisterTable agreements={m.followUps} showBody={false} />
        )}
        {role === 'lead' && (
          <FollowUpForm groupId={groupId} missionId={m.id} onAdded={mission.setValue} />
        )}
      </section>
    </section>
  );
}

function ParticipantSelect({
  groupId,
  mission,
  organizationId,
  name,
  status,
  onChanged,
}: {
  groupId: GroupId;
  mission: Mission;
  organizationId: string;
  name: string;
  status: ParticipantStatus;
  onChanged: (m: Mission) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useAction();
  return (
    <>
      <select
        aria-label={t('missions.statusOf', { organization: name })}
        value={status}
        disabled={action.busy}
        onChange={(e) =>
          void action
            .run(() =>
              missionApi.setParticipant(api, groupId, mission.id, organizationId, {
                status: e.target.value as ParticipantStatus,
              }),
            )
            .then((next) => next !== null && onChanged(next))
        }
      >
        {PARTICIPANT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`missions.statuses.${s}`)}
          </option>
        ))}
      </select>
      <FormError error={action.error} />
    </>
  );
}

function ApplyForm({
  groupId,
  missionId,
  onApplied,
}: {
  groupId: GroupId;
  missionId: string;
  onApplied: (m: Mission) => void;
}) {
  const { t } = useTranslation();
  const { api, me } = useApp();
  const [motivation, setMotivation] = useState('');
  const action = useAction();
  return (
    <form
      className="gov-form"
      aria-label={t('missions.apply', { organization: me.user.organization.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() => missionApi.apply(api, groupId, missionId, { motivation: motivation.trim() }))
          .then((next) => next !== null && onApplied(next));
      }}
    >
      <Field label={t('missions.motivation')}>
        <textarea
          rows={2}
          value={motivation}
          onChange={(e) => setMotivation(e.target.value)}
          required
        />
      </Field>
      <FormError error={action.error} />
      <button type="submit" className="button" disabled={action.busy || motivation.trim() === ''}>
        {t('missions.apply', { organization: me.user.organization.name })}
      </button>
    </form>
  );
}

function AgendaForm({
  groupId,
  mission,
  onAdded,
}: {
  groupId: GroupId;
  mission: Mission;
  onAdded: (m: Mission) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [day, setDay] = useState(mission.startsOn);
  const [time, setTime] = useState('');
  const [kind, setKind] = useState<AgendaKind>('visit');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const action = useAction();
  return (
    <form
      className="gov-form"
      aria-label={t('missions.addAgenda')}
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() =>
            missionApi.addAgenda(api, groupId, mission.id, {
              day,
              time,
              kind,
              title: title.trim(),
              place: place.trim(),
            }),
          )
          .then((next) => {
            if (next !== null) {
              setTitle('');
              setPlace('');
              onAdded(next);
            }
          });
      }}
    >
      <h3 className="gov-subtitle">{t('missions.addAgenda')}</h3>
      <div className="gov-form-row">
        <Field label={t('missions.day')}>
          <input
            type="date"
            min={mission.startsOn}
            max={mission.endsOn}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            required
          />
        </Field>
        <Field label={t('missions.time')}>
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </Field>
        <Field label={t('missions.kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as AgendaKind)}>
            {AGENDA_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`missions.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="gov-form-row">
        <Field label={t('missions.activity')}>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </Field>
        <Field label={t('missions.place')}>
          <input type="text" value={place} onChange={(e) => setPlace(e.target.value)} />
        </Field>
      </div>
      <FormError error={action.error} />
      <button
        type="submit"
        className="button button-small"
        disabled={action.busy || title.trim() === ''}
      >
        <Plus aria-hidden="true" size={14} />
        {t('missions.addAgenda')}
      </button>
    </form>
  );
}

function Lessons({
  groupId,
  mission,
  canEdit,
  onSaved,
}: {
  groupId: GroupId;
  mission: Mission;
  canEdit: boolean;
  onSaved: (m: Mission) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const id = useId();
  const [lessons, setLessons] = useState(mission.lessons);
  const action = useAction();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('missions.lessons')}
      </h2>
      {canEdit ? (
        <>
          <textarea
            className="gov-textarea"
            aria-labelledby={`${id}-title`}
            rows={4}
            value={lessons}
            placeholder={t('missions.lessonsPlaceholder')}
            onChange={(e) => setLessons(e.target.value)}
          />
          <button
            type="button"
            className="button button-small"
            disabled={action.busy || lessons === mission.lessons}
            onClick={() =>
              void action
                .run(() => missionApi.update(api, groupId, mission.id, { lessons }))
                .then((next) => next !== null && onSaved(next))
            }
          >
            {t('missions.saveLessons')}
          </button>
        </>
      ) : mission.lessons === '' ? (
        <p className="view-note">{t('missions.noLessons')}</p>
      ) : (
        <p className="gov-pre">{mission.lessons}</p>
      )}
      <FormError error={action.error} />
    </section>
  );
}

function FollowUpForm({
  groupId,
  missionId,
  onAdded,
}: {
  groupId: GroupId;
  missionId: string;
  onAdded: (m: Mission) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const governance = useApiValue(() => governanceApi.governance(api, groupId), `${groupId}/gov`);
  const [title, setTitle] = useState('');
  const [responsible, setResponsible] = useState('');
  const [due, setDue] = useState('');
  const action = useAction();
  return (
    <form
      className="gov-form"
      aria-label={t('missions.addFollowUp')}
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() =>
            missionApi.addFollowUp(api, groupId, missionId, {
              title: title.trim(),
              responsibleOrganizationId: responsible === '' ? null : responsible,
              dueDate: due === '' ? null : due,
            }),
          )
          .then((next) => {
            if (next !== null) {
              setTitle('');
              onAdded(next);
            }
          });
      }}
    >
      <h3 className="gov-subtitle">{t('missions.addFollowUp')}</h3>
      <div className="gov-form-row">
        <Field label={t('governance.agreement.fieldTitle')}>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </Field>
        <Field label={t('governance.agreement.fieldResponsible')}>
          <select value={responsible} onChange={(e) => setResponsible(e.target.value)}>
            <option value="">{t('governance.agreement.noResponsible')}</option>
            {governance.value?.organizations.map((org) => (
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
      <FormError error={action.error} />
      <button
        type="submit"
        className="button button-small"
        disabled={action.busy || title.trim() === ''}
      >
        {t('missions.addFollowUp')}
      </button>
    </form>
  );
}
