/**
 * "Base normativa": the group's regulations with, per article, how many friction cases from how
 * many organizations and how many days they cost; the cases this person may see (confidential
 * ones of other organizations are only counted); reporting a case; and the improvement proposals
 * with their sign-off, sent to the ministry once approved.
 */
import { ExternalLink, Plus, Send } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared/model/ids';
import {
  REGULATION_KINDS,
  regulationCitation,
  type ArticleAggregate,
  type FrictionCase,
  type ProposalView,
  type RegulationKind,
  type RegulationView,
} from '../../../shared/protocol/regulationApi';
import { regulationApi } from '../../api/governance';
import { useApp } from '../../app/AppContext';
import { docHref, routeHref } from '../../app/route';
import type { DocId } from '../../../shared/model/ids';
import { Field, FormError, FormFooter } from '../common/Field';
import { useAction } from '../common/useAction';
import { formatDay } from './StatusBadge';
import './governance.css';
import { useApiValue } from './useApiValue';

export function aggregateText(
  aggregate: ArticleAggregate,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  return t('regulations.aggregate', {
    count: aggregate.cases,
    organizations: t('regulations.organizations', { count: aggregate.organizations }),
    days: aggregate.daysLost,
  });
}

export function money(amount: number, language: string): string {
  // Soles as Peru writes them (S/ 12,000) when the UI is in Spanish.
  return new Intl.NumberFormat(language.startsWith('es') ? 'es-PE' : language, {
    style: 'currency',
    currency: 'PEN',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function RegulationsPage({ groupId }: { groupId: GroupId }) {
  const { t } = useTranslation();
  const { api, roleIn, me } = useApp();
  const role = roleIn(groupId);
  const group = me.memberships.find((m) => m.group.id === groupId)?.group;
  const regulations = useApiValue(() => regulationApi.list(api, groupId), `${groupId}/regs`);
  const cases = useApiValue(() => regulationApi.cases(api, groupId), `${groupId}/cases`);
  const proposals = useApiValue(
    () => regulationApi.proposals(api, groupId),
    `${groupId}/proposals`,
  );
  const [adding, setAdding] = useState(false);
  const reloadAll = () => {
    regulations.reload();
    cases.reload();
    proposals.reload();
  };
  const canEdit = role === 'lead' || role === 'editor';
  return (
    <section className="page gov-page" aria-labelledby="regulations-title">
      <h1 id="regulations-title" className="page-title">
        {t('regulations.title', { group: group?.name ?? '' })}
      </h1>
      <p className="page-intro">{t('regulations.intro')}</p>
      {[regulations.error, cases.error, proposals.error].map(
        (error, i) =>
          error !== null && (
            <p key={i} className="form-error" role="alert">
              {error}
            </p>
          ),
      )}
      <section className="panel" aria-labelledby="catalogue-title">
        <div className="gov-panel-head">
          <h2 id="catalogue-title" className="panel-title">
            {t('regulations.catalogue')}
          </h2>
          {canEdit && !adding && (
            <button type="button" className="button button-small" onClick={() => setAdding(true)}>
              <Plus aria-hidden="true" size={15} />
              {t('regulations.add')}
            </button>
          )}
        </div>
        {adding && (
          <NewRegulationForm
            groupId={groupId}
            onDone={() => {
              setAdding(false);
              reloadAll();
            }}
          />
        )}
        {regulations.value === null ? (
          <p className="view-note">{t('governance.loading')}</p>
        ) : regulations.value.regulations.length === 0 ? (
          <p className="view-note">{t('regulations.empty')}</p>
        ) : (
          regulations.value.regulations.map((regulation) => (
            <RegulationBlock key={regulation.id} groupId={groupId} regulation={regulation} />
          ))
        )}
      </section>
      {role !== 'viewer' && regulations.value !== null && (
        <ReportCaseForm
          groupId={groupId}
          regulations={regulations.value.regulations}
          onReported={reloadAll}
        />
      )}
      <section className="panel" aria-labelledby="cases-title">
        <h2 id="cases-title" className="panel-title">
          {t('regulations.cases')}
        </h2>
        {cases.value !== null && cases.value.hiddenCases > 0 && (
          <p className="gov-note">{t('regulations.hidden', { count: cases.value.hiddenCases })}</p>
        )}
        {cases.value !== null && <CasesTable cases={cases.value.cases} groupId={groupId} />}
      </section>
      <section className="panel" aria-labelledby="proposals-title">
        <h2 id="proposals-title" className="panel-title">
          {t('regulations.proposals')}
        </h2>
        {proposals.value !== null && proposals.value.proposals.length === 0 && (
          <p className="view-note">{t('regulations.noProposals')}</p>
        )}
        <ul className="gov-proposals">
          {proposals.value?.proposals.map((p) => (
            <ProposalItem
              key={p.docId}
              groupId={groupId}
              proposal={p}
              canSend={role === 'lead'}
              onSent={proposals.reload}
            />
          ))}
        </ul>
      </section>
    </section>
  );
}

function ProposalItem({
  groupId,
  proposal,
  canSend,
  onSent,
}: {
  groupId: GroupId;
  proposal: ProposalView;
  canSend: boolean;
  onSent: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const action = useAction();
  const status = proposal.signoff?.status ?? null;
  return (
    <li>
      <a href={docHref(groupId, proposal.docId as DocId)}>{proposal.title}</a>
      <span className="gov-note">
        {proposal.addressee}
        {' · '}
        {t('regulations.cites', {
          articles: proposal.articles.length,
          cases: proposal.cases.length + proposal.hiddenCases,
        })}
      </span>
      <span className={`gov-badge gov-signoff-${status ?? 'none'}`}>
        {proposal.sentAt !== null
          ? t('regulations.sentOn', { date: formatDay(proposal.sentAt, i18n.language) })
          : t(`regulations.signoff.${status ?? 'none'}`)}
      </span>
      {canSend && proposal.sentAt === null && (
        <button
          type="button"
          className="button button-small"
          disabled={action.busy || status !== 'approved'}
          title={status !== 'approved' ? t('regulations.sendNeedsApproval') : undefined}
          onClick={() =>
            void action
              .run(() => regulationApi.send(api, groupId, proposal.docId))
              .then((v) => v !== null && onSent())
          }
        >
          <Send aria-hidden="true" size={14} />
          {t('regulations.send')}
        </button>
      )}
      <FormError error={action.error} />
    </li>
  );
}

function RegulationBlock({
  groupId,
  regulation,
}: {
  groupId: GroupId;
  regulation: RegulationView;
}) {
  const { t, i18n } = useTranslation();
  const citation = regulationCitation(regulation.kind, regulation.number);
  return (
    <article className="gov-regulation" aria-label={citation}>
      <header>
        <h3>
          {citation} — {regulation.title}
        </h3>
        <p className="gov-note">
          {regulation.issuer}
          {regulation.validFrom !== null &&
            ` · ${t('regulations.since', { date: formatDay(regulation.validFrom, i18n.language) })}`}
          {' · '}
          {regulation.inForce ? t('regulations.inForce') : t('regulations.repealed')}
          {regulation.url !== '' && (
            <>
              {' · '}
              <a href={regulation.url} target="_blank" rel="noreferrer">
                {t('regulations.officialText')} <ExternalLink aria-hidden="true" size={12} />
              </a>
            </>
          )}
        </p>
      </header>
      <table
        className="data-table gov-articles"
        aria-label={t('regulations.articlesOf', { citation })}
      >
        <thead>
          <tr>
            <th scope="col">{t('regulations.article')}</th>
            <th scope="col">{t('regulations.casesCol')}</th>
            <th scope="col">{t('regulations.orgsCol')}</th>
            <th scope="col">{t('regulations.daysCol')}</th>
            <th scope="col">{t('regulations.costCol')}</th>
          </tr>
        </thead>
        <tbody>
          {regulation.articles.map((article) => (
            <tr key={article.id}>
              <th scope="row">
                <a href={routeHref({ kind: 'article', groupId, articleId: article.id })}>
                  {t('regulations.articleNumber', { number: article.number })}
                </a>
                {article.heading !== '' && <small className="gov-note">{article.heading}</small>}
              </th>
              <td>{article.aggregate.cases}</td>
              <td>{article.aggregate.organizations}</td>
              <td>{article.aggregate.daysLost}</td>
              <td>{money(article.aggregate.cost, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function CasesTable({ cases, groupId }: { cases: FrictionCase[]; groupId: GroupId }) {
  const { t, i18n } = useTranslation();
  if (cases.length === 0) return <p className="view-note">{t('regulations.noCases')}</p>;
  return (
    <div className="gov-table-wrap">
      <table className="data-table" aria-label={t('regulations.cases')}>
        <thead>
          <tr>
            <th scope="col">{t('regulations.case')}</th>
            <th scope="col">{t('regulations.reportedBy')}</th>
            <th scope="col">{t('regulations.articles')}</th>
            <th scope="col">{t('regulations.daysCol')}</th>
            <th scope="col">{t('regulations.costCol')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.title}
                {c.confidential && (
                  <span className="gov-badge gov-confidential">
                    {t('regulations.confidential')}
                  </span>
                )}
                {c.procedure !== '' && <small className="gov-note">{c.procedure}</small>}
                {c.evidence.map((e, i) =>
                  e.url !== undefined ? (
                    <a key={i} className="gov-note" href={e.url} target="_blank" rel="noreferrer">
                      {e.label}
                    </a>
                  ) : e.docId !== undefined ? (
                    <a key={i} className="gov-note" href={docHref(groupId, e.docId as DocId)}>
                      {e.label}
                    </a>
                  ) : (
                    <small key={i} className="gov-note">
                      {e.label}
                    </small>
                  ),
                )}
              </th>
              <td>{c.organization.name}</td>
              <td>
                {c.articles.map((a) => (
                  <a
                    key={a.id}
                    className="gov-chip"
                    href={routeHref({ kind: 'article', groupId, articleId: a.id })}
                  >
                    {t('regulations.articleOf', {
                      number: a.number,
                      citation: regulationCitation(a.regulationKind, a.regulationNumber),
                    })}
                  </a>
                ))}
              </td>
              <td>{c.daysLost}</td>
              <td>{money(c.cost, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportCaseForm({
  groupId,
  regulations,
  onReported,
}: {
  groupId: GroupId;
  regulations: RegulationView[];
  onReported: () => void;
}) {
  const { t } = useTranslation();
  const { api, me } = useApp();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [procedure, setProcedure] = useState('');
  const [days, setDays] = useState('');
  const [cost, setCost] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [articles, setArticles] = useState<Set<string>>(new Set());
  const [evidenceLabel, setEvidenceLabel] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() =>
      regulationApi.report(api, groupId, {
        title: title.trim(),
        procedure: procedure.trim(),
        daysLost: Number(days || 0),
        cost: Number(cost || 0),
        confidential,
        articleIds: [...articles],
        evidence:
          evidenceLabel.trim() === ''
            ? []
            : [
                {
                  label: evidenceLabel.trim(),
                  ...(evidenceUrl.trim() === '' ? {} : { url: evidenceUrl.trim() }),
                },
              ],
      }),
    );
    if (done !== null) {
      setTitle('');
      setProcedure('');
      setDays('');
      setCost('');
      setConfidential(false);
      setArticles(new Set());
      setEvidenceLabel('');
      setEvidenceUrl('');
      setOpen(false);
      onReported();
    }
  };
  if (!open) {
    return (
      <p>
        <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
          <Plus aria-hidden="true" size={15} />
          {t('regulations.report')}
        </button>
      </p>
    );
  }
  return (
    <form
      className="panel gov-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('regulations.report')}
    >
      <h2 className="panel-title">{t('regulations.report')}</h2>
      <p className="field-hint">
        {t('regulations.reportHint', { organization: me.user.organization.name })}
      </p>
      <Field label={t('regulations.fieldTitle')}>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </Field>
      <Field label={t('regulations.fieldProcedure')}>
        <input type="text" value={procedure} onChange={(e) => setProcedure(e.target.value)} />
      </Field>
      <div className="gov-form-row">
        <Field label={t('regulations.fieldDays')}>
          <input type="number" min={0} value={days} onChange={(e) => setDays(e.target.value)} />
        </Field>
        <Field label={t('regulations.fieldCost')}>
          <input type="number" min={0} value={cost} onChange={(e) => setCost(e.target.value)} />
        </Field>
      </div>
      <fieldset className="gov-checks">
        <legend>{t('regulations.fieldArticles')}</legend>
        {regulations.flatMap((r) =>
          r.articles.map((a) => {
            const label = t('regulations.articleOf', {
              number: a.number,
              citation: regulationCitation(r.kind, r.number),
            });
            return (
              <label key={a.id}>
                <input
                  type="checkbox"
                  checked={articles.has(a.id)}
                  onChange={(e) => {
                    const next = new Set(articles);
                    if (e.target.checked) next.add(a.id);
                    else next.delete(a.id);
                    setArticles(next);
                  }}
                />
                {label}
              </label>
            );
          }),
        )}
      </fieldset>
      <div className="gov-form-row">
        <Field label={t('regulations.fieldEvidence')}>
          <input
            type="text"
            value={evidenceLabel}
            onChange={(e) => setEvidenceLabel(e.target.value)}
          />
        </Field>
        <Field label={t('regulations.fieldEvidenceUrl')}>
          <input type="url" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.target.value)} />
        </Field>
      </div>
      <label className="gov-check">
        <input
          type="checkbox"
          checked={confidential}
          onChange={(e) => setConfidential(e.target.checked)}
        />
        {t('regulations.fieldConfidential')}
      </label>
      <p className="field-hint">{t('regulations.confidentialHint')}</p>
      <FormFooter
        error={action.error}
        submitDisabled={action.busy || title.trim() === ''}
        cancelLabel={t('governance.cancel')}
        onCancel={() => setOpen(false)}
        submitLabel={t('regulations.submitCase')}
      />
    </form>
  );
}

function NewRegulationForm({ groupId, onDone }: { groupId: GroupId; onDone: () => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [kind, setKind] = useState<RegulationKind>('decreto_supremo');
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [issuer, setIssuer] = useState('');
  const [url, setUrl] = useState('');
  const [articles, setArticles] = useState('');
  const action = useAction();
  return (
    <form
      className="gov-form"
      aria-label={t('regulations.add')}
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() =>
            regulationApi.create(api, groupId, {
              kind,
              number: number.trim(),
              title: title.trim(),
              issuer: issuer.trim(),
              url: url.trim(),
              articles: articles
                .split('\n')
                .map((line) => line.trim())
                .filter((line) => line !== '')
                .map((line) => {
                  const [head, ...rest] = line.split(/[:—-]\s*/);
                  return {
                    number: (head ?? line).replace(/^art(í|i)culo\s*/i, '').trim(),
                    heading: rest.join(' ').trim(),
                  };
                }),
            }),
          )
          .then((v) => v !== null && onDone());
      }}
    >
      <div className="gov-form-row">
        <Field label={t('regulations.fieldKind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as RegulationKind)}>
            {REGULATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`regulations.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('regulations.fieldNumber')}>
          <input type="text" value={number} onChange={(e) => setNumber(e.target.value)} required />
        </Field>
      </div>
      <Field label={t('regulations.fieldRegTitle')}>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </Field>
      <div className="gov-form-row">
        <Field label={t('regulations.fieldIssuer')}>
          <input type="text" value={issuer} onChange={(e) => setIssuer(e.target.value)} required />
        </Field>
        <Field label={t('regulations.fieldUrl')}>
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        </Field>
      </div>
      <Field label={t('regulations.fieldArticlesList')} hint={t('regulations.articlesHint')}>
        <textarea rows={3} value={articles} onChange={(e) => setArticles(e.target.value)} />
      </Field>
      <FormFooter
        error={action.error}
        submitDisabled={action.busy}
        cancelLabel={t('governance.cancel')}
        onCancel={onDone}
        submitLabel={t('regulations.save')}
      />
    </form>
  );
}
