/**
 * "Registro de acuerdos": a body's meetings, rules and register (route /g/<group>/registro), or
 * the cluster's register across every body the person belongs to (/registro). Filters run on the
 * server (the same query the exports use); status comes from the action cards on the board.
 */
import { FileSpreadsheet, FileText, Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared/model/ids';
import { DECISION_RULES, type DecisionRule } from '../../../shared/model/orgVotes';
import {
  FOLLOW_UP_STATUSES,
  type Agreement,
  type FollowUpStatus,
  type GovernanceResponse,
  type RegisterQuery,
} from '../../../shared/protocol/governanceApi';
import { governanceApi } from '../../api/governance';
import { useApp } from '../../app/AppContext';
import { navigate, routeHref } from '../../app/route';
import { downloadFile, printHtml } from '../../platform/desktop';
import { Field, FormError, FormFooter } from '../common/Field';
import { useAction } from '../common/useAction';
import { registerHtml, registerXlsx, XLSX_TYPE } from './exportRegister';
import { formatDay, formatMoment, StatusBadge, tallyText } from './StatusBadge';
import './governance.css';
import { useApiValue } from './useApiValue';

export function RegisterPage({ groupId }: { groupId: GroupId | null }) {
  const { t } = useTranslation();
  const { api, me, roleIn } = useApp();
  const role = groupId === null ? null : roleIn(groupId);
  const group = me.memberships.find((m) => m.group.id === groupId)?.group ?? null;
  const [query, setQuery] = useState<RegisterQuery>({});
  const governance = useApiValue(
    () => (groupId === null ? Promise.resolve(null) : governanceApi.governance(api, groupId)),
    `${groupId}`,
  );
  const register = useApiValue(
    () => governanceApi.register(api, groupId, query),
    `${groupId}/${JSON.stringify(query)}`,
  );
  const title =
    group === null ? t('governance.clusterTitle') : t('governance.bodyTitle', { body: group.name });
  const organizations =
    governance.value?.organizations ?? uniqueOrganizations(register.value?.agreements ?? []);
  return (
    <section className="page gov-page" aria-labelledby="register-title">
      <h1 id="register-title" className="page-title">
        {title}
      </h1>
      <p className="page-intro">
        {t(groupId === null ? 'governance.clusterIntro' : 'governance.bodyIntro')}
      </p>
      {groupId !== null && governance.value !== null && (
        <Meetings
          groupId={groupId}
          governance={governance.value}
          canEdit={role === 'lead' || role === 'editor'}
        />
      )}
      {groupId !== null && governance.value !== null && role === 'lead' && (
        <Rules
          groupId={groupId}
          governance={governance.value}
          onSaved={() => {
            governance.reload();
            register.reload();
          }}
        />
      )}
      <FormError error={governance.error} />
      <section className="panel" aria-labelledby="register-table-title">
        <div className="gov-panel-head">
          <h2 id="register-table-title" className="panel-title">
            {t('governance.register.title')}
          </h2>
          <ExportButtons title={title} agreements={register.value?.agreements ?? []} />
        </div>
        <Filters query={query} onChange={setQuery} organizations={organizations} />
        <FormError error={register.error} />
        {register.value === null ? (
          register.error === null && <p className="view-note">{t('governance.loading')}</p>
        ) : register.value.agreements.length === 0 ? (
          <p className="view-note">{t('governance.register.empty')}</p>
        ) : (
          <RegisterTable agreements={register.value.agreements} showBody={groupId === null} />
        )}
      </section>
    </section>
  );
}

function uniqueOrganizations(agreements: readonly Agreement[]) {
  const seen = new Map<string, { id: string; name: string }>();
  for (const a of agreements) if (a.responsible !== null) seen.set(a.responsible.id, a.responsible);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

function ExportButtons({ title, agreements }: { title: string; agreements: Agreement[] }) {
  const { t, i18n } = useTranslation();
  const { busy, error, run } = useAction();
  return (
    <div className="gov-actions">
      <button
        type="button"
        className="button button-small"
        disabled={busy || agreements.length === 0}
        onClick={() =>
          void run(async () =>
            downloadFile(
              title,
              'xlsx',
              await registerXlsx(title, agreements, t, i18n.language),
              XLSX_TYPE,
            ),
          )
        }
      >
        <FileSpreadsheet aria-hidden="true" size={15} />
        {t('governance.export.xlsx')}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={busy || agreements.length === 0}
        onClick={() =>
          void run(() => printHtml(title, registerHtml(title, agreements, t, i18n.language)))
        }
      >
        <FileText aria-hidden="true" size={15} />
        {t('governance.export.pdf')}
      </button>
      <FormError error={error} />
    </div>
  );
}

function Filters({
  query,
  onChange,
  organizations,
}: {
  query: RegisterQuery;
  onChange: (query: RegisterQuery) => void;
  organizations: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  return (
    <div className="gov-filters" role="group" aria-label={t('governance.filters.label')}>
      <Field label={t('governance.filters.search')}>
        <input
          type="text"
          value={query.q ?? ''}
          onChange={(e) => onChange({ ...query, q: e.target.value })}
        />
      </Field>
      <Field label={t('governance.filters.status')}>
        <select
          value={query.status ?? ''}
          onChange={(e) =>
            onChange({
              ...query,
              status: (e.target.value || undefined) as FollowUpStatus | undefined,
            })
          }
        >
          <option value="">{t('governance.filters.any')}</option>
          {FOLLOW_UP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`governance.status.${status}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('governance.filters.organization')}>
        <select
          value={query.organization ?? ''}
          onChange={(e) => onChange({ ...query, organization: e.target.value || undefined })}
        >
          <option value="">{t('governance.filters.any')}</option>
          {organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('governance.filters.from')}>
        <input
          type="date"
          value={query.from ?? ''}
          onChange={(e) => onChange({ ...query, from: e.target.value || undefined })}
        />
      </Field>
      <Field label={t('governance.filters.to')}>
        <input
          type="date"
          value={query.to ?? ''}
          onChange={(e) => onChange({ ...query, to: e.target.value || undefined })}
        />
      </Field>
    </div>
  );
}

export function RegisterTable({
  agreements,
  showBody,
}: {
  agreements: Agreement[];
  showBody: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="gov-table-wrap">
      <table className="data-table gov-table" aria-label={t('governance.register.title')}>
        <thead>
          <tr>
            <th scope="col">{t('governance.register.code')}</th>
            <th scope="col">{t('governance.register.agreement')}</th>
            {showBody && <th scope="col">{t('governance.register.body')}</th>}
            <th scope="col">{t('governance.register.origin')}</th>
            <th scope="col">{t('governance.register.vote')}</th>
            <th scope="col">{t('governance.register.responsible')}</th>
            <th scope="col">{t('governance.register.due')}</th>
            <th scope="col">{t('governance.register.status')}</th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((a) => (
            <tr key={a.id} className={a.correctedBy !== null ? 'gov-row-corrected' : undefined}>
              <td className="mono">{a.code}</td>
              <th scope="row">
                {a.title}
                {a.corrects !== null && (
                  <small className="gov-note">
                    {t('governance.register.corrects', { code: a.corrects.code })}
                  </small>
                )}
                {a.correctedBy !== null && (
                  <small className="gov-note">
                    {t('governance.register.correctedBy', { code: a.correctedBy.code })}
                  </small>
                )}
              </th>
              {showBody && <td>{a.groupName}</td>}
              <td>
                {a.meetingId !== null ? (
                  <a
                    href={routeHref({
                      kind: 'meeting',
                      groupId: a.groupId,
                      meetingId: a.meetingId,
                    })}
                  >
                    {a.meetingTitle}
                  </a>
                ) : a.missionId !== null ? (
                  <a
                    href={routeHref({
                      kind: 'missions',
                      groupId: a.groupId,
                      missionId: a.missionId,
                    })}
                  >
                    {a.missionTitle}
                  </a>
                ) : (
                  t('governance.register.correction')
                )}
                {a.meetingDate !== null && (
                  <small className="gov-note">{formatDay(a.meetingDate, i18n.language)}</small>
                )}
              </td>
              <td>{tallyText(a, t)}</td>
              <td>{a.responsible?.name ?? '—'}</td>
              <td>{formatDay(a.dueDate, i18n.language)}</td>
              <td>
                <StatusBadge agreement={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Meetings({
  groupId,
  governance,
  canEdit,
}: {
  groupId: GroupId;
  governance: GovernanceResponse;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <section className="panel" aria-labelledby="meetings-title">
      <div className="gov-panel-head">
        <h2 id="meetings-title" className="panel-title">
          {t('governance.meetings.title')}
        </h2>
        {canEdit && !creating && (
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => setCreating(true)}
          >
            <Plus aria-hidden="true" size={15} />
            {t('governance.meetings.new')}
          </button>
        )}
      </div>
      {creating && (
        <NewMeetingForm
          groupId={groupId}
          governance={governance}
          onCancel={() => setCreating(false)}
        />
      )}
      {governance.meetings.length === 0 ? (
        <p className="view-note">{t('governance.meetings.empty')}</p>
      ) : (
        <ul className="gov-meetings" aria-label={t('governance.meetings.title')}>
          {governance.meetings.map((m) => (
            <li key={m.id}>
              <a href={routeHref({ kind: 'meeting', groupId, meetingId: m.id })}>{m.title}</a>
              <span className="gov-note">{formatMoment(m.startsAt, i18n.language)}</span>
              <span className={`gov-badge gov-meeting-${m.state}`}>
                {t(`governance.meetings.state.${m.state}`)}
              </span>
              <span className="gov-note">
                {t('governance.meetings.agreements', { count: m.agreementCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewMeetingForm({
  groupId,
  governance,
  onCancel,
}: {
  groupId: GroupId;
  governance: GovernanceResponse;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [link, setLink] = useState('');
  const [agenda, setAgenda] = useState('');
  const [convened, setConvened] = useState<Set<string>>(
    () => new Set(governance.organizations.map((o) => o.id)),
  );
  const { busy, error, run, setError } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '' || startsAt === '' || convened.size === 0) {
      setError(t('governance.meetings.incomplete'));
      return;
    }
    const meeting = await run(() =>
      governanceApi.createMeeting(api, groupId, {
        id: crypto.randomUUID(),
        title: title.trim(),
        startsAt: new Date(startsAt).toISOString(),
        place: place.trim(),
        link: link.trim(),
        organizations: [...convened],
        agenda: agenda
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      }),
    );
    if (meeting !== null) navigate(routeHref({ kind: 'meeting', groupId, meetingId: meeting.id }));
  };
  return (
    <form
      className="gov-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('governance.meetings.new')}
    >
      <Field label={t('governance.meetings.fieldTitle')}>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </Field>
      <div className="gov-form-row">
        <Field label={t('governance.meetings.fieldWhen')}>
          <input
            type="datetime-local"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
            required
          />
        </Field>
        <Field label={t('governance.meetings.fieldPlace')}>
          <input type="text" value={place} onChange={(e) => setPlace(e.target.value)} />
        </Field>
        <Field label={t('governance.meetings.fieldLink')}>
          <input type="url" value={link} onChange={(e) => setLink(e.target.value)} />
        </Field>
      </div>
      <fieldset className="gov-checks">
        <legend>{t('governance.meetings.fieldConvened')}</legend>
        {governance.organizations.map((org) => (
          <label key={org.id}>
            <input
              type="checkbox"
              checked={convened.has(org.id)}
              onChange={(e) => {
                const next = new Set(convened);
                if (e.target.checked) next.add(org.id);
                else next.delete(org.id);
                setConvened(next);
              }}
            />
            {org.name}
          </label>
        ))}
      </fieldset>
      <Field
        label={t('governance.meetings.fieldAgenda')}
        hint={t('governance.meetings.agendaHint')}
      >
        <textarea rows={4} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
      </Field>
      <FormFooter
        error={error}
        submitDisabled={busy}
        cancelLabel={t('governance.cancel')}
        onCancel={onCancel}
        submitLabel={t('governance.meetings.create')}
      />
    </form>
  );
}

function Rules({
  groupId,
  governance,
  onSaved,
}: {
  groupId: GroupId;
  governance: GovernanceResponse;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [rule, setRule] = useState<DecisionRule>(governance.rule);
  const [quorum, setQuorum] = useState<DecisionRule>(governance.quorum);
  const { busy, error, run } = useAction();
  const changed = rule !== governance.rule || quorum !== governance.quorum;
  return (
    <details className="panel gov-rules">
      <summary>
        {t('governance.rules.title', {
          rule: t(`governance.rules.${governance.rule}`),
          quorum: t(`governance.rules.${governance.quorum}`),
        })}
      </summary>
      <div className="gov-form-row">
        <Field label={t('governance.rules.rule')}>
          <select value={rule} onChange={(e) => setRule(e.target.value as DecisionRule)}>
            {DECISION_RULES.map((r) => (
              <option key={r} value={r}>
                {t(`governance.rules.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('governance.rules.quorum')}>
          <select value={quorum} onChange={(e) => setQuorum(e.target.value as DecisionRule)}>
            {DECISION_RULES.map((r) => (
              <option key={r} value={r}>
                {t(`governance.rules.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <button
          type="button"
          className="button"
          disabled={busy || !changed}
          onClick={() =>
            void run(() => governanceApi.setRules(api, groupId, { rule, quorum })).then((done) => {
              if (done !== null) onSaved();
            })
          }
        >
          {t('governance.rules.save')}
        </button>
      </div>
      <p className="field-hint">{t('governance.rules.hint')}</p>
      <FormError error={error} />
    </details>
  );
}
