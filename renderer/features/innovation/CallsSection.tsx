/**
 * «Convocatorias»: calls grouping published challenges, with their rules, server-time dates,
 * weighted criteria and a question-and-answer thread every applicant reads. The program lead
 * opens a call, answers questions and may close reception early (audited).
 */
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../shared/model/accounts';
import type { Call, ProgramSummary } from '../../../shared/protocol/innovationApi';
import { innovationApi } from '../../api/innovation';
import { useApp } from '../../app/AppContext';
import { FormError } from '../common/Field';
import { useAction } from '../common/useAction';
import { formatDate, useLoad } from './useProgram';
import { InlineTextForm } from './InlineTextForm';

const DAY = 24 * 60 * 60 * 1000;
/** `<input type="datetime-local">` wants local time without a zone. */
const localInput = (ms: number) => {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
};

export function CallsSection({ program }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const [load, reload] = useLoad(
    useCallback((api) => innovationApi.calls(api, program.id), [program.id]),
  );
  const [opening, setOpening] = useState(false);
  return (
    <section aria-labelledby="calls-title" className="innovation-section">
      <div className="innovation-section-head">
        <h2 id="calls-title">{t('innovation.calls.title')}</h2>
        {program.isLead && !opening && (
          <button type="button" className="button button-primary" onClick={() => setOpening(true)}>
            {t('innovation.calls.open')}
          </button>
        )}
      </div>
      {opening && (
        <CallForm
          program={program}
          onCancel={() => setOpening(false)}
          onDone={async () => {
            setOpening(false);
            await reload();
          }}
        />
      )}
      <FormError error={load.kind === 'failed' ? load.error : null} />
      {load.kind === 'ready' && load.value.calls.length === 0 && (
        <p className="view-note">{t('innovation.calls.empty')}</p>
      )}
      {load.kind === 'ready' &&
        load.value.calls.map((call) => (
          <CallCard key={call.id} call={call} program={program} onChange={reload} />
        ))}
    </section>
  );
}

export function CallSummary({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <>
      <p className="innovation-meta">
        <span className={`innovation-badge phase-${call.phase}`}>
          {t(`innovation.calls.phase.${call.phase}`)}
        </span>{' '}
        {t('innovation.calls.dates', {
          questions: date(call.questionsUntil),
          submissions: date(call.submissionsUntil),
          evaluation: date(call.evaluationUntil),
        })}
      </p>
      <p className="innovation-meta">
        {t('innovation.calls.rules', {
          kinds: call.eligibleKinds.map((kind) => t(`innovation.kind.${kind}`)).join(', '),
        })}{' '}
        {call.consortiumRequired ? t('innovation.calls.consortiumRequired') : ''}{' '}
        {call.excludeCompanyEvaluators ? t('innovation.calls.companyExcluded') : ''}
      </p>
      <p className="innovation-meta">
        {t('innovation.calls.criteria')}:{' '}
        {call.criteria.map((c) => `${c.name} ${c.weight}`).join(' · ')}
      </p>
    </>
  );
}

function CallCard({
  call,
  program,
  onChange,
}: {
  call: Call;
  program: ProgramSummary;
  onChange: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useAction();
  const closeReception = () =>
    void action.run(async () => {
      const now = new Date(Date.parse(call.serverNow)).toISOString();
      await innovationApi.updateCall(api, call.id, {
        submissionsUntil: now,
        ...(Date.parse(call.questionsUntil) > Date.parse(now) ? { questionsUntil: now } : {}),
      });
      await onChange();
    });
  return (
    <article className="innovation-card" aria-label={call.title}>
      <header>
        <h3>{call.title}</h3>
      </header>
      {call.description !== '' && <p>{call.description}</p>}
      <CallSummary call={call} />
      <h4>{t('innovation.calls.challenges')}</h4>
      <ul className="innovation-bullets">
        {call.challenges.map((challenge) => (
          <li key={challenge.id}>
            {challenge.title} — {challenge.company.name} ({t(`innovation.area.${challenge.area}`)})
          </li>
        ))}
      </ul>
      {program.isLead && call.phase === 'open' && (
        <div className="innovation-actions">
          <button type="button" className="button" disabled={action.busy} onClick={closeReception}>
            {t('innovation.calls.closeReception')}
          </button>
        </div>
      )}
      <FormError error={action.error} />
      <Questions call={call} program={program} />
    </article>
  );
}

function Questions({ call, program }: { call: Call; program: ProgramSummary }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [load, reload] = useLoad(
    useCallback((client) => innovationApi.questions(client, call.id), [call.id]),
  );
  const action = useAction();
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const questions = load.kind === 'ready' ? load.value.questions : [];
  return (
    <section className="innovation-qa" aria-label={t('innovation.qa.title', { call: call.title })}>
      <h4>{t('innovation.qa.heading')}</h4>
      {questions.length === 0 && <p className="view-note">{t('innovation.qa.empty')}</p>}
      <ol>
        {questions.map((question) => (
          <li key={question.id}>
            <p>
              <strong>{question.askedBy.name}</strong> ({question.askedBy.organization.name}):{' '}
              {question.text}
            </p>
            {question.answer !== null ? (
              <p className="innovation-answer">
                {t('innovation.qa.answeredBy', {
                  name: question.answer.by.name,
                  date: formatDate(question.answer.at, i18n.language, false),
                })}
                : {question.answer.text}
              </p>
            ) : program.isLead ? (
              <InlineTextForm
                label={t('innovation.qa.answerLabel')}
                submitLabel={t('innovation.qa.answer')}
                value={answers[question.id] ?? ''}
                onChange={(value) =>
                  setAnswers((current) => ({ ...current, [question.id]: value }))
                }
                onSubmit={() =>
                  void action.run(async () => {
                    await innovationApi.answer(api, call.id, question.id, {
                      text: answers[question.id] ?? '',
                    });
                    await reload();
                  })
                }
              />
            ) : (
              <p className="view-note">{t('innovation.qa.pending')}</p>
            )}
          </li>
        ))}
      </ol>
      {call.questionsOpen ? (
        <InlineTextForm
          label={t('innovation.qa.askLabel')}
          submitLabel={t('innovation.qa.ask')}
          value={text}
          onChange={setText}
          onSubmit={() =>
            void action.run(async () => {
              await innovationApi.ask(api, call.id, { text });
              setText('');
              await reload();
            })
          }
          busy={action.busy}
        />
      ) : (
        <p className="view-note">{t('innovation.qa.closed')}</p>
      )}
      <FormError error={action.error} />
    </section>
  );
}

interface CriterionRow {
  name: string;
  weight: number;
}

function CallForm({
  program,
  onDone,
  onCancel,
}: {
  program: ProgramSummary;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useAction();
  const [challenges] = useLoad(
    useCallback((client) => innovationApi.challenges(client, program.id), [program.id]),
  );
  const published =
    challenges.kind === 'ready'
      ? challenges.value.challenges.filter((c) => c.status === 'published')
      : [];
  const [chosen, setChosen] = useState<string[]>([]);
  const [kinds, setKinds] = useState<OrganizationKind[]>(['mets_supplier', 'academia']);
  const [consortium, setConsortium] = useState(true);
  const [excludeCompany, setExcludeCompany] = useState(true);
  const [questionsUntil, setQuestionsUntil] = useState(() => localInput(Date.now() + 14 * DAY));
  const [submissionsUntil, setSubmissionsUntil] = useState(() => localInput(Date.now() + 30 * DAY));
  const [evaluationUntil, setEvaluationUntil] = useState(() => localInput(Date.now() + 45 * DAY));
  const [criteria, setCriteria] = useState<CriterionRow[]>([
    { name: t('innovation.calls.form.defaultCriteria.relevance'), weight: 30 },
    { name: t('innovation.calls.form.defaultCriteria.feasibility'), weight: 25 },
    { name: t('innovation.calls.form.defaultCriteria.team'), weight: 20 },
    { name: t('innovation.calls.form.defaultCriteria.impact'), weight: 25 },
  ]);
  const total = criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void action.run(async () => {
      await innovationApi.openCall(api, program.id, {
        title: String(data.get('title') ?? ''),
        description: String(data.get('description') ?? ''),
        challengeIds: chosen,
        eligibleKinds: kinds,
        consortiumRequired: consortium,
        excludeCompanyEvaluators: excludeCompany,
        questionsUntil: new Date(questionsUntil).toISOString(),
        submissionsUntil: new Date(submissionsUntil).toISOString(),
        evaluationUntil: new Date(evaluationUntil).toISOString(),
        criteria,
      });
      await onDone();
    });
  };

  return (
    <form
      className="innovation-form"
      aria-label={t('innovation.calls.formTitle')}
      onSubmit={submit}
    >
      <h3>{t('innovation.calls.formTitle')}</h3>
      <label className="innovation-field">
        <span>{t('innovation.calls.form.title')}</span>
        <input name="title" required />
      </label>
      <label className="innovation-field">
        <span>{t('innovation.calls.form.description')}</span>
        <textarea name="description" rows={3} />
      </label>
      <fieldset className="innovation-field">
        <legend>{t('innovation.calls.form.challenges')}</legend>
        {published.length === 0 && (
          <p className="view-note">{t('innovation.calls.form.noPublished')}</p>
        )}
        {published.map((challenge) => (
          <label key={challenge.id} className="innovation-choice">
            <input
              type="checkbox"
              checked={chosen.includes(challenge.id)}
              onChange={() => setChosen((current) => toggle(current, challenge.id))}
            />
            {challenge.title} — {challenge.company.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="innovation-field">
        <legend>{t('innovation.calls.form.eligible')}</legend>
        {ORGANIZATION_KINDS.map((kind) => (
          <label key={kind} className="innovation-choice">
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={() => setKinds((current) => toggle(current, kind))}
            />
            {t(`innovation.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <label className="innovation-choice">
        <input type="checkbox" checked={consortium} onChange={() => setConsortium(!consortium)} />
        {t('innovation.calls.form.consortium')}
      </label>
      <label className="innovation-choice">
        <input
          type="checkbox"
          checked={excludeCompany}
          onChange={() => setExcludeCompany(!excludeCompany)}
        />
        {t('innovation.calls.form.excludeCompany')}
      </label>
      <div className="innovation-row">
        <label className="innovation-field">
          <span>{t('innovation.calls.form.questionsUntil')}</span>
          <input
            type="datetime-local"
            value={questionsUntil}
            onChange={(e) => setQuestionsUntil(e.target.value)}
            required
          />
        </label>
        <label className="innovation-field">
          <span>{t('innovation.calls.form.submissionsUntil')}</span>
          <input
            type="datetime-local"
            value={submissionsUntil}
            onChange={(e) => setSubmissionsUntil(e.target.value)}
            required
          />
        </label>
        <label className="innovation-field">
          <span>{t('innovation.calls.form.evaluationUntil')}</span>
          <input
            type="datetime-local"
            value={evaluationUntil}
            onChange={(e) => setEvaluationUntil(e.target.value)}
            required
          />
        </label>
      </div>
      <fieldset className="innovation-field">
        <legend>{t('innovation.calls.form.criteria', { total })}</legend>
        {criteria.map((criterion, index) => (
          <div key={index} className="innovation-row">
            <label className="innovation-field">
              <span>{t('innovation.calls.form.criterionName', { n: index + 1 })}</span>
              <input
                value={criterion.name}
                onChange={(e) =>
                  setCriteria((rows) =>
                    rows.map((row, i) => (i === index ? { ...row, name: e.target.value } : row)),
                  )
                }
                required
              />
            </label>
            <label className="innovation-field innovation-narrow">
              <span>{t('innovation.calls.form.criterionWeight', { n: index + 1 })}</span>
              <input
                type="number"
                min={1}
                max={100}
                value={criterion.weight}
                onChange={(e) =>
                  setCriteria((rows) =>
                    rows.map((row, i) =>
                      i === index ? { ...row, weight: Number(e.target.value) } : row,
                    ),
                  )
                }
                required
              />
            </label>
            <button
              type="button"
              className="button button-quiet"
              aria-label={t('innovation.calls.form.removeCriterion', { n: index + 1 })}
              disabled={criteria.length === 1}
              onClick={() => setCriteria((rows) => rows.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => setCriteria((rows) => [...rows, { name: '', weight: 0 }])}
        >
          {t('innovation.calls.form.addCriterion')}
        </button>
        {total !== 100 && (
          <p className="form-error" role="status">
            {t('innovation.calls.form.weightsMustSum', { total })}
          </p>
        )}
      </fieldset>
      <FormError error={action.error} />
      <div className="innovation-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={action.busy || total !== 100 || chosen.length === 0 || kinds.length === 0}
        >
          {t('innovation.calls.form.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('innovation.cancel')}
        </button>
      </div>
    </form>
  );
}
