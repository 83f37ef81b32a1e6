/**
 * «Desafíos operacionales»: the program's challenges as records, each with its co-written
 * document. A mining company member of the program files one from a form; the program lead
 * publishes it or merges a duplicate into another.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHALLENGE_AREAS,
  type Challenge,
  type ChallengeArea,
  type ChallengeConfidentiality,
  type ProgramSummary,
} from '../../../shared/protocol/innovationApi';
import { innovationApi } from '../../api/innovation';
import { useApp } from '../../app/AppContext';
import { docHref } from '../../app/route';
import { FormError } from '../common/Field';
import { useAction } from '../common/useAction';
import { formatDate, useLoad } from './useProgram';

export function ChallengesSection({ program }: { program: ProgramSummary }) {
  const { t, i18n } = useTranslation();
  const { me, api } = useApp();
  const [load, reload] = useLoad(
    useCallback((client) => innovationApi.challenges(client, program.id), [program.id]),
  );
  const [filing, setFiling] = useState(false);
  const action = useAction();
  const canFile = program.isMember && me.user.organization.kind === 'mining_company';
  const challenges = load.kind === 'ready' ? load.value.challenges : [];
  const live = challenges.filter((c) => c.status !== 'merged');

  return (
    <section aria-labelledby="challenges-title" className="innovation-section">
      <div className="innovation-section-head">
        <h2 id="challenges-title">{t('innovation.challenges.title')}</h2>
        {canFile && !filing && (
          <button type="button" className="button button-primary" onClick={() => setFiling(true)}>
            {t('innovation.challenges.file')}
          </button>
        )}
      </div>
      {filing && (
        <ChallengeForm
          program={program}
          onDone={async () => {
            setFiling(false);
            await reload();
          }}
          onCancel={() => setFiling(false)}
        />
      )}
      <FormError error={load.kind === 'failed' ? load.error : action.error} />
      {load.kind === 'ready' && challenges.length === 0 && (
        <p className="view-note">{t('innovation.challenges.empty')}</p>
      )}
      <ul className="innovation-list">
        {challenges.map((challenge) => (
          <li key={challenge.id}>
            <article className="innovation-card" aria-label={challenge.title}>
              <header>
                <h3>{challenge.title}</h3>
                <span className={`innovation-badge status-${challenge.status}`}>
                  {t(`innovation.challenges.status.${challenge.status}`)}
                </span>
                {challenge.confidentiality === 'program' && (
                  <span className="innovation-badge">
                    {t('innovation.challenges.confidential')}
                  </span>
                )}
              </header>
              <p className="innovation-meta">
                {challenge.company.name} · {challenge.operation} ·{' '}
                {t(`innovation.area.${challenge.area}`)} ·{' '}
                {t('innovation.challenges.filedBy', {
                  name: challenge.filedBy.name,
                  date: formatDate(challenge.filedAt, i18n.language, false),
                })}
              </p>
              <p>{challenge.problem}</p>
              <p className="innovation-meta">
                <strong>{t('innovation.challenges.impact')}:</strong> {challenge.expectedImpact}
              </p>
              <div className="innovation-actions">
                {program.isMember && (
                  <a className="button" href={docHref(program.groupId, challenge.docId)}>
                    {t('innovation.challenges.openDocument')}
                  </a>
                )}
                {program.isLead && challenge.status === 'filed' && (
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={action.busy}
                    onClick={() =>
                      void action.run(async () => {
                        await innovationApi.publishChallenge(api, challenge.id);
                        await reload();
                      })
                    }
                  >
                    {t('innovation.challenges.publish')}
                  </button>
                )}
                {program.isLead && challenge.status !== 'merged' && live.length > 1 && (
                  <MergeControl
                    challenge={challenge}
                    others={live.filter((c) => c.id !== challenge.id)}
                    onMerge={(into) =>
                      void action.run(async () => {
                        await innovationApi.mergeChallenge(api, challenge.id, { into });
                        await reload();
                      })
                    }
                  />
                )}
                {challenge.status === 'merged' && challenge.mergedInto !== null && (
                  <span className="innovation-meta">
                    {t('innovation.challenges.mergedInto', {
                      title: challenges.find((c) => c.id === challenge.mergedInto)?.title ?? '',
                    })}
                  </span>
                )}
              </div>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MergeControl({
  challenge,
  others,
  onMerge,
}: {
  challenge: Challenge;
  others: Challenge[];
  onMerge: (into: string) => void;
}) {
  const { t } = useTranslation();
  const [into, setInto] = useState('');
  return (
    <span className="innovation-inline">
      <label>
        <span className="visually-hidden">
          {t('innovation.challenges.mergeLabel', { title: challenge.title })}
        </span>
        <select value={into} onChange={(event) => setInto(event.target.value)}>
          <option value="">{t('innovation.challenges.mergeChoose')}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={into === ''} onClick={() => onMerge(into)}>
        {t('innovation.challenges.merge')}
      </button>
    </span>
  );
}

function ChallengeForm({
  program,
  onDone,
  onCancel,
}: {
  program: ProgramSummary;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { api, me } = useApp();
  const action = useAction();
  const [area, setArea] = useState<ChallengeArea>('agua');
  const [confidentiality, setConfidentiality] = useState<ChallengeConfidentiality>('workspace');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => String(data.get(name) ?? '');
    void action.run(async () => {
      await innovationApi.fileChallenge(api, program.id, {
        title: field('title'),
        operation: field('operation'),
        area,
        problem: field('problem'),
        currentPractice: field('currentPractice'),
        constraints: field('constraints'),
        expectedImpact: field('expectedImpact'),
        indicators: field('indicators'),
        dataAccess: field('dataAccess'),
        confidentiality,
      });
      await onDone();
    });
  };

  const text = (name: string, long = false, required = false) => (
    <label className="innovation-field">
      <span>{t(`innovation.challenges.form.${name}`)}</span>
      {long ? (
        <textarea name={name} rows={3} required={required} />
      ) : (
        <input name={name} required={required} />
      )}
    </label>
  );

  return (
    <form
      className="innovation-form"
      aria-label={t('innovation.challenges.formTitle')}
      onSubmit={submit}
    >
      <h3>{t('innovation.challenges.formTitle')}</h3>
      <p className="innovation-meta">
        {t('innovation.challenges.form.company', { company: me.user.organization.name })}
      </p>
      {text('title', false, true)}
      {text('operation', false, true)}
      <label className="innovation-field">
        <span>{t('innovation.challenges.form.area')}</span>
        <select value={area} onChange={(event) => setArea(event.target.value as ChallengeArea)}>
          {CHALLENGE_AREAS.map((name) => (
            <option key={name} value={name}>
              {t(`innovation.area.${name}`)}
            </option>
          ))}
        </select>
      </label>
      {text('problem', true, true)}
      {text('currentPractice', true)}
      {text('constraints', true)}
      {text('expectedImpact', true, true)}
      {text('indicators', true)}
      {text('dataAccess', true)}
      <fieldset className="innovation-field">
        <legend>{t('innovation.challenges.form.confidentiality')}</legend>
        {(['workspace', 'program'] as const).map((value) => (
          <label key={value} className="innovation-choice">
            <input
              type="radio"
              name="confidentiality"
              checked={confidentiality === value}
              onChange={() => setConfidentiality(value)}
            />
            {t(`innovation.challenges.form.confidentiality_${value}`)}
          </label>
        ))}
      </fieldset>
      <FormError error={action.error} />
      <div className="innovation-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('innovation.challenges.form.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('innovation.cancel')}
        </button>
      </div>
    </form>
  );
}
