/**
 * «Evaluación»: blind scoring. An evaluator reads each submitted proposal as it was frozen, sees
 * any conflict of interest the server found (or declares one) and scores every criterion with a
 * justification; they see only their own scores until the evaluation closes. The program lead
 * assigns evaluators, follows who is done (never the values), closes the evaluation, reads the
 * ranking with the spread between evaluators, and moves selected proposals into the portfolio.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Call,
  Criterion,
  EvaluationResponse,
  MyEvaluation,
  ProgramSummary,
  ProposalResult,
} from '../../../shared/protocol/innovationApi';
import { SCORE_MAX, SCORE_MIN } from '../../../shared/protocol/innovationApi';
import { readDocumentBlocks } from '../../../shared/ydoc/documentDoc';
import { openVersion } from '../../../shared/ydoc/versions';
import { listOrganizations } from '../../api/accounts';
import { innovationApi } from '../../api/innovation';
import { fromBase64 } from '../../api/versions';
import { useApp } from '../../app/AppContext';
import { innovationHref, navigate } from '../../app/route';
import { FormError } from '../common/Field';
import { useAction } from '../common/useAction';
import { CallPicker, useCalls } from './ProposalsSection';
import { formatScore, useLoad } from './useProgram';
import { InlineTextForm } from './InlineTextForm';

export function EvaluationSection({ program }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const { list, call, setPicked, calls, reloadCalls } = useCalls(program);
  return (
    <section aria-labelledby="evaluation-title" className="innovation-section">
      <div className="innovation-section-head">
        <h2 id="evaluation-title">{t('innovation.evaluation.title')}</h2>
      </div>
      <FormError error={calls.kind === 'failed' ? calls.error : null} />
      {call !== undefined && (
        <>
          <CallPicker calls={list} value={call.id} onChange={setPicked} />
          <CallEvaluation key={call.id} call={call} program={program} onClosed={reloadCalls} />
        </>
      )}
    </section>
  );
}

function CallEvaluation({
  call,
  program,
  onClosed,
}: {
  call: Call;
  program: ProgramSummary;
  onClosed: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [load, reload] = useLoad(
    useCallback((client) => innovationApi.evaluation(client, call.id), [call.id]),
  );
  const action = useAction();
  const [email, setEmail] = useState('');
  if (load.kind === 'loading') return <p className="view-note">{t('innovation.loading')}</p>;
  if (load.kind === 'failed') return <FormError error={load.error} />;
  const view = load.value;
  return (
    <>
      {view.isLead && (
        <section className="innovation-card" aria-label={t('innovation.evaluation.evaluators')}>
          <h3>{t('innovation.evaluation.evaluators')}</h3>
          {view.evaluators.length === 0 && (
            <p className="view-note">{t('innovation.evaluation.noEvaluators')}</p>
          )}
          <ul className="innovation-bullets">
            {view.evaluators.map((entry) => (
              <li key={entry.evaluator.id}>
                {entry.evaluator.name} — {entry.evaluator.organization.name}
              </li>
            ))}
          </ul>
          {view.phase !== 'closed' && (
            <InlineTextForm
              label={t('innovation.evaluation.evaluatorEmail')}
              submitLabel={t('innovation.evaluation.assign')}
              type="email"
              value={email}
              onChange={setEmail}
              onSubmit={() =>
                void action.run(async () => {
                  await innovationApi.assignEvaluator(api, call.id, { email });
                  setEmail('');
                  await reload();
                })
              }
              busy={action.busy}
            />
          )}
        </section>
      )}
      {view.isLead && view.results === null && (
        <section className="innovation-card" aria-label={t('innovation.evaluation.progress')}>
          <h3>{t('innovation.evaluation.progress')}</h3>
          <p className="view-note">{t('innovation.evaluation.blindNote')}</p>
          {view.progress.length === 0 ? (
            <p className="view-note">{t('innovation.evaluation.noSubmitted')}</p>
          ) : (
            <table className="innovation-table">
              <thead>
                <tr>
                  <th scope="col">{t('innovation.evaluation.proposal')}</th>
                  <th scope="col">{t('innovation.evaluation.state')}</th>
                  <th scope="col">{t('innovation.evaluation.done')}</th>
                  <th scope="col">{t('innovation.evaluation.conflicts')}</th>
                </tr>
              </thead>
              <tbody>
                {view.progress.map((row) => (
                  <tr key={row.proposalId}>
                    <td>{row.title}</td>
                    <td>{t(`innovation.proposals.status.${row.status}`)}</td>
                    <td>
                      {t('innovation.evaluation.doneOf', { done: row.completed, of: row.eligible })}
                    </td>
                    <td>
                      {row.conflicts
                        .map((c) => `${c.evaluator.name} (${t(`innovation.conflict.${c.reason}`)})`)
                        .join(', ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="innovation-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={action.busy || view.phase === 'open'}
              onClick={() =>
                void action.run(async () => {
                  await innovationApi.closeEvaluation(api, call.id);
                  await reload();
                  await onClosed();
                })
              }
            >
              {t('innovation.evaluation.close')}
            </button>
            {view.phase === 'open' && (
              <span className="view-note">{t('innovation.evaluation.closeAfterDeadline')}</span>
            )}
          </div>
        </section>
      )}
      <FormError error={action.error} />
      {view.isEvaluator && view.results === null && (
        <section aria-label={t('innovation.evaluation.mine')}>
          <h3>{t('innovation.evaluation.mine')}</h3>
          {view.mine.length === 0 && (
            <p className="view-note">{t('innovation.evaluation.noSubmitted')}</p>
          )}
          {view.mine.map((item) => (
            <EvaluatorSheet
              key={item.proposalId}
              item={item}
              criteria={view.criteria}
              onSaved={reload}
            />
          ))}
        </section>
      )}
      {view.results !== null && <Results view={view} program={program} onChange={reload} />}
    </>
  );
}

function FrozenProposal({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const [load] = useLoad(
    useCallback((api) => innovationApi.submission(api, proposalId), [proposalId]),
  );
  if (load.kind === 'loading') return <p className="view-note">{t('innovation.loading')}</p>;
  if (load.kind === 'failed') return <FormError error={load.error} />;
  const doc = openVersion(fromBase64(load.value.update));
  const lines = readDocumentBlocks(doc);
  doc.destroy();
  return (
    <div className="innovation-frozen" aria-label={t('innovation.evaluation.frozen')}>
      <p className="innovation-meta">
        {t('innovation.evaluation.frozenNote', { hash: load.value.hash.slice(0, 12) })}
      </p>
      {lines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}

function EvaluatorSheet({
  item,
  criteria,
  onSaved,
}: {
  item: MyEvaluation;
  criteria: Criterion[];
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useAction();
  const [reading, setReading] = useState(false);
  const [declaring, setDeclaring] = useState(false);
  const [note, setNote] = useState('');
  const given = new Map(item.scores.map((s) => [s.criterionId, s]));
  const [scores, setScores] = useState<Record<string, { score: number; justification: string }>>(
    () =>
      Object.fromEntries(
        criteria.map((c) => [
          c.id,
          {
            score: given.get(c.id)?.score ?? 5,
            justification: given.get(c.id)?.justification ?? '',
          },
        ]),
      ),
  );
  return (
    <article className="innovation-card" aria-label={item.title}>
      <header>
        <h4>{item.title}</h4>
        <span className={`innovation-badge ${item.complete ? 'status-submitted' : ''}`}>
          {item.conflict !== null
            ? t('innovation.evaluation.excluded')
            : item.complete
              ? t('innovation.evaluation.scored')
              : t('innovation.evaluation.toScore')}
        </span>
      </header>
      <p className="innovation-meta">{item.challengeTitle}</p>
      {item.conflict !== null ? (
        <p role="note" className="innovation-conflict">
          {t(`innovation.conflict.${item.conflict.reason}`)}: {item.conflict.note}
        </p>
      ) : (
        <>
          <button
            type="button"
            className="button"
            onClick={() => setReading(!reading)}
            aria-expanded={reading}
          >
            {reading ? t('innovation.evaluation.hide') : t('innovation.evaluation.read')}
          </button>
          {reading && <FrozenProposal proposalId={item.proposalId} />}
          {item.status === 'submitted' ? (
            <form
              className="innovation-form"
              aria-label={t('innovation.evaluation.sheet', { title: item.title })}
              onSubmit={(event) => {
                event.preventDefault();
                void action.run(async () => {
                  await innovationApi.score(api, item.proposalId, {
                    scores: criteria.map((c) => ({ criterionId: c.id, ...scores[c.id]! })),
                  });
                  await onSaved();
                });
              }}
            >
              {criteria.map((criterion) => (
                <div key={criterion.id} className="innovation-row">
                  <label className="innovation-field innovation-narrow">
                    <span>
                      {t('innovation.evaluation.scoreFor', {
                        name: criterion.name,
                        weight: criterion.weight,
                      })}
                    </span>
                    <input
                      type="number"
                      min={SCORE_MIN}
                      max={SCORE_MAX}
                      value={scores[criterion.id]!.score}
                      onChange={(e) =>
                        setScores((s) => ({
                          ...s,
                          [criterion.id]: { ...s[criterion.id]!, score: Number(e.target.value) },
                        }))
                      }
                      required
                    />
                  </label>
                  <label className="innovation-field">
                    <span>
                      {t('innovation.evaluation.justificationFor', { name: criterion.name })}
                    </span>
                    <textarea
                      rows={2}
                      value={scores[criterion.id]!.justification}
                      onChange={(e) =>
                        setScores((s) => ({
                          ...s,
                          [criterion.id]: { ...s[criterion.id]!, justification: e.target.value },
                        }))
                      }
                      required
                    />
                  </label>
                </div>
              ))}
              <FormError error={action.error} />
              <div className="innovation-actions">
                <button type="submit" className="button button-primary" disabled={action.busy}>
                  {t('innovation.evaluation.save')}
                </button>
                {!declaring && (
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => setDeclaring(true)}
                  >
                    {t('innovation.evaluation.declare')}
                  </button>
                )}
              </div>
            </form>
          ) : (
            <p className="view-note">{t('innovation.evaluation.lateNotEvaluable')}</p>
          )}
          {declaring && (
            <InlineTextForm
              label={t('innovation.evaluation.conflictNote')}
              submitLabel={t('innovation.evaluation.declareConfirm')}
              value={note}
              onChange={setNote}
              onSubmit={() =>
                void action.run(async () => {
                  await innovationApi.declareConflict(api, item.proposalId, { note });
                  await onSaved();
                })
              }
              danger
            />
          )}
        </>
      )}
    </article>
  );
}

function Results({
  view,
  program,
  onChange,
}: {
  view: EvaluationResponse;
  program: ProgramSummary;
  onChange: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [selecting, setSelecting] = useState<string | null>(null);
  const name = (id: string) => view.criteria.find((c) => c.id === id)?.name ?? '';
  return (
    <section className="innovation-card" aria-label={t('innovation.evaluation.results')}>
      <h3>{t('innovation.evaluation.results')}</h3>
      <table className="innovation-table">
        <thead>
          <tr>
            <th scope="col">{t('innovation.evaluation.rank')}</th>
            <th scope="col">{t('innovation.evaluation.proposal')}</th>
            <th scope="col">{t('innovation.evaluation.score')}</th>
            <th scope="col">{t('innovation.evaluation.spread')}</th>
            <th scope="col">{t('innovation.evaluation.byEvaluator')}</th>
            {view.isLead && <th scope="col">{t('innovation.evaluation.portfolio')}</th>}
          </tr>
        </thead>
        <tbody>
          {view.results!.map((row) => (
            <tr key={row.proposalId}>
              <td>{row.rank}</td>
              <td>
                {row.title}
                <div className="innovation-meta">{row.challengeTitle}</div>
              </td>
              <td>{formatScore(row.score, i18n.language)}</td>
              <td>
                {formatScore(row.spread, i18n.language)}{' '}
                {row.disagreement && (
                  <span className="innovation-badge status-late">
                    {t('innovation.evaluation.disagreement')}
                  </span>
                )}
              </td>
              <td>
                {row.evaluations.map((e) => (
                  <details key={e.evaluator.id}>
                    <summary>
                      {e.evaluator.name}: {formatScore(e.weighted, i18n.language)}
                    </summary>
                    <ul className="innovation-bullets">
                      {e.scores.map((s) => (
                        <li key={s.criterionId}>
                          {name(s.criterionId)} {s.score} — {s.justification}
                        </li>
                      ))}
                    </ul>
                  </details>
                ))}
              </td>
              {view.isLead && (
                <td>
                  {row.projectId !== null ? (
                    <a href={innovationHref('portafolio')}>
                      {t('innovation.evaluation.inPortfolio')}
                    </a>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      onClick={() => setSelecting(row.proposalId)}
                    >
                      {t('innovation.evaluation.toPortfolio')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {selecting !== null && (
        <ProjectForm
          result={view.results!.find((r) => r.proposalId === selecting)!}
          onCancel={() => setSelecting(null)}
          onDone={async () => {
            setSelecting(null);
            await onChange();
            navigate(innovationHref('portafolio'));
          }}
          programId={program.id}
        />
      )}
    </section>
  );
}

function ProjectForm({
  result,
  onDone,
  onCancel,
}: {
  result: ProposalResult;
  programId: string;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { api, refreshMe } = useApp();
  const action = useAction();
  const [organizations] = useLoad(useCallback((client) => listOrganizations(client), []));
  const orgs = organizations.kind === 'ready' ? organizations.value.organizations : [];
  const [cofinancing, setCofinancing] = useState<Array<{ organizationId: string; amount: number }>>(
    [],
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (key: string) => String(data.get(key) ?? '').trim();
    void action.run(async () => {
      await innovationApi.createProject(api, result.proposalId, {
        region: field('region'),
        budget: Number(field('budget')),
        cofinancing: cofinancing.filter((c) => c.organizationId !== '' && c.amount > 0),
        indicators:
          field('indicator') === ''
            ? []
            : [{ name: field('indicator'), unit: field('unit'), target: Number(field('target')) }],
        milestones:
          field('milestone') === ''
            ? []
            : [
                {
                  title: field('milestone'),
                  ...(field('due') !== '' ? { due: field('due') } : {}),
                },
              ],
      });
      // The lead joins the project's group to follow its milestone board.
      await refreshMe();
      await onDone();
    });
  };
  return (
    <form
      className="innovation-form"
      aria-label={t('innovation.portfolio.formTitle', { title: result.title })}
      onSubmit={submit}
    >
      <h4>{t('innovation.portfolio.formTitle', { title: result.title })}</h4>
      <div className="innovation-row">
        <label className="innovation-field">
          <span>{t('innovation.portfolio.region')}</span>
          <input name="region" required defaultValue="Arequipa" />
        </label>
        <label className="innovation-field">
          <span>{t('innovation.portfolio.budget')}</span>
          <input name="budget" type="number" min={0} required />
        </label>
      </div>
      <fieldset className="innovation-field">
        <legend>{t('innovation.portfolio.cofinancing')}</legend>
        {cofinancing.map((row, index) => (
          <div key={index} className="innovation-row">
            <label className="innovation-field">
              <span>{t('innovation.portfolio.cofinancer', { n: index + 1 })}</span>
              <select
                value={row.organizationId}
                onChange={(e) =>
                  setCofinancing((rows) =>
                    rows.map((r, i) =>
                      i === index ? { ...r, organizationId: e.target.value } : r,
                    ),
                  )
                }
              >
                <option value="">—</option>
                {orgs.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="innovation-field innovation-narrow">
              <span>{t('innovation.portfolio.amount', { n: index + 1 })}</span>
              <input
                type="number"
                min={0}
                value={row.amount}
                onChange={(e) =>
                  setCofinancing((rows) =>
                    rows.map((r, i) =>
                      i === index ? { ...r, amount: Number(e.target.value) } : r,
                    ),
                  )
                }
              />
            </label>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => setCofinancing((rows) => [...rows, { organizationId: '', amount: 0 }])}
        >
          {t('innovation.portfolio.addCofinancer')}
        </button>
      </fieldset>
      <div className="innovation-row">
        <label className="innovation-field">
          <span>{t('innovation.portfolio.indicator')}</span>
          <input name="indicator" />
        </label>
        <label className="innovation-field innovation-narrow">
          <span>{t('innovation.portfolio.unit')}</span>
          <input name="unit" />
        </label>
        <label className="innovation-field innovation-narrow">
          <span>{t('innovation.portfolio.target')}</span>
          <input name="target" type="number" step="any" />
        </label>
      </div>
      <div className="innovation-row">
        <label className="innovation-field">
          <span>{t('innovation.portfolio.milestone')}</span>
          <input name="milestone" />
        </label>
        <label className="innovation-field innovation-narrow">
          <span>{t('innovation.portfolio.due')}</span>
          <input name="due" type="date" />
        </label>
      </div>
      <FormError error={action.error} />
      <div className="innovation-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('innovation.portfolio.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('innovation.cancel')}
        </button>
      </div>
    </form>
  );
}
