/**
 * «Propuestas»: for a call, the proposals the person may see. An applicant from an eligible
 * organization starts one for a challenge with their partners; the consortium co-writes it in its
 * private group (the link opens the document) and submits it, which freezes the version
 * evaluators read. A submission pressed offline waits on this computer and is sent on reconnect.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roomName } from '../../../shared/protocol/rooms';
import type { Call, ProgramSummary, Proposal } from '../../../shared/protocol/innovationApi';
import { innovationApi } from '../../api/innovation';
import { useApp } from '../../app/AppContext';
import { docHref } from '../../app/route';
import { useRegistry } from '../../sync/RegistryContext';
import { localStateVector } from '../../sync/localStateVector';
import { FormError } from '../common/Field';
import { useAction } from '../common/useAction';
import { CallSummary } from './CallsSection';
import { flushQueue, queuedSubmissions, submitOrQueue } from './submissionQueue';
import { formatDate, formatScore, useLoad } from './useProgram';

const RETRY_MS = 15_000;

export function CallPicker({
  calls,
  value,
  onChange,
}: {
  calls: Call[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="innovation-field innovation-picker">
      <span>{t('innovation.calls.pick')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {calls.map((call) => (
          <option key={call.id} value={call.id}>
            {call.title} ({t(`innovation.calls.phase.${call.phase}`)})
          </option>
        ))}
      </select>
    </label>
  );
}

/** The calls of the program and the one picked (the newest open one first). */
export function useCalls(program: ProgramSummary) {
  const [calls, reloadCalls] = useLoad(
    useCallback((api) => innovationApi.calls(api, program.id), [program.id]),
  );
  const list = calls.kind === 'ready' ? calls.value.calls : [];
  const [picked, setPicked] = useState('');
  const fallback = list.find((c) => c.phase === 'open') ?? list[0];
  const call = list.find((c) => c.id === picked) ?? fallback;
  return { calls, list, call, setPicked, reloadCalls };
}

export function ProposalsSection({ program }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const { list, call, setPicked, calls } = useCalls(program);
  return (
    <section aria-labelledby="proposals-title" className="innovation-section">
      <div className="innovation-section-head">
        <h2 id="proposals-title">{t('innovation.proposals.title')}</h2>
      </div>
      <FormError error={calls.kind === 'failed' ? calls.error : null} />
      {calls.kind === 'ready' && list.length === 0 && (
        <p className="view-note">{t('innovation.calls.empty')}</p>
      )}
      {call !== undefined && (
        <>
          <CallPicker calls={list} value={call.id} onChange={setPicked} />
          <CallSummary call={call} />
          <CallProposals key={call.id} call={call} program={program} />
        </>
      )}
    </section>
  );
}

function CallProposals({ call, program }: { call: Call; program: ProgramSummary }) {
  const { t, i18n } = useTranslation();
  const { api, me, serverUrl } = useApp();
  const registry = useRegistry();
  const [load, reload] = useLoad(
    useCallback((client) => innovationApi.proposals(client, call.id), [call.id]),
  );
  const action = useAction();
  const { run } = action;
  const [creating, setCreating] = useState(false);
  const [queued, setQueued] = useState(() => queuedSubmissions(serverUrl, me.user.id));

  // Queued submissions go out when the server answers again.
  useEffect(() => {
    if (queued.length === 0) return;
    const flush = () =>
      void flushQueue(api, serverUrl, me.user.id).then(async (errors) => {
        setQueued(queuedSubmissions(serverUrl, me.user.id));
        if (errors.length > 0) void run(() => Promise.reject(errors[0]));
        await reload();
      });
    const timer = setInterval(flush, RETRY_MS);
    window.addEventListener('online', flush);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', flush);
    };
  }, [queued.length, api, serverUrl, me.user.id, reload, run]);

  const eligible = call.eligibleKinds.includes(me.user.organization.kind);
  const proposals = load.kind === 'ready' ? load.value.proposals : [];

  const submit = (proposal: Proposal) =>
    void action.run(async () => {
      const stateVector = await localStateVector(
        registry,
        roomName({ kind: 'doc', groupId: proposal.groupId, docId: proposal.docId }),
      );
      const outcome = await submitOrQueue(api, serverUrl, me.user.id, proposal.id, stateVector);
      setQueued(queuedSubmissions(serverUrl, me.user.id));
      if (outcome !== 'queued') await reload();
    });

  return (
    <>
      {call.phase === 'open' && eligible && !creating && (
        <div className="innovation-actions">
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('innovation.proposals.new')}
          </button>
        </div>
      )}
      {call.phase === 'open' && !eligible && (
        <p className="view-note">
          {t('innovation.proposals.notEligible', {
            kind: t(`innovation.kind.${me.user.organization.kind}`),
          })}
        </p>
      )}
      {creating && (
        <ProposalForm
          call={call}
          onCancel={() => setCreating(false)}
          onDone={async () => {
            setCreating(false);
            await reload();
          }}
        />
      )}
      <FormError error={load.kind === 'failed' ? load.error : action.error} />
      {load.kind === 'ready' && proposals.length === 0 && (
        <p className="view-note">{t('innovation.proposals.empty')}</p>
      )}
      <ul className="innovation-list">
        {proposals.map((proposal) => {
          const waiting = queued.find((q) => q.proposalId === proposal.id);
          return (
            <li key={proposal.id}>
              <article className="innovation-card" aria-label={proposal.title}>
                <header>
                  <h3>{proposal.title}</h3>
                  <span className={`innovation-badge status-${proposal.status}`}>
                    {t(`innovation.proposals.status.${proposal.status}`)}
                  </span>
                </header>
                <p className="innovation-meta">
                  {t('innovation.proposals.forChallenge', {
                    title: proposal.challenge.title,
                    company: proposal.challenge.company.name,
                  })}
                </p>
                <p className="innovation-meta">
                  {t('innovation.proposals.consortium')}:{' '}
                  {proposal.consortium.map((o) => o.name).join(', ')}
                </p>
                {proposal.submittedAt !== null && (
                  <p className="innovation-meta">
                    {t('innovation.proposals.submittedAt', {
                      date: formatDate(proposal.submittedAt, i18n.language),
                    })}{' '}
                    {proposal.preparedAt !== null &&
                      t('innovation.proposals.preparedAt', {
                        date: formatDate(proposal.preparedAt, i18n.language),
                      })}{' '}
                    <span className="innovation-hash" title={proposal.hash ?? ''}>
                      {t('innovation.proposals.hash', { hash: (proposal.hash ?? '').slice(0, 12) })}
                    </span>
                  </p>
                )}
                {proposal.result !== null && (
                  <p className="innovation-meta">
                    {t('innovation.proposals.result', {
                      score: formatScore(proposal.result.score, i18n.language),
                      rank: proposal.result.rank,
                      of: proposal.result.of,
                    })}
                  </p>
                )}
                {waiting !== undefined && (
                  <p role="status" className="innovation-waiting">
                    {t('innovation.proposals.queued', {
                      date: formatDate(waiting.preparedAt, i18n.language),
                    })}
                  </p>
                )}
                <div className="innovation-actions">
                  {proposal.mine && (
                    <a className="button" href={docHref(proposal.groupId, proposal.docId)}>
                      {t('innovation.proposals.openDocument')}
                    </a>
                  )}
                  {proposal.mine && proposal.status === 'draft' && waiting === undefined && (
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={action.busy}
                      onClick={() => submit(proposal)}
                    >
                      {t('innovation.proposals.submit')}
                    </button>
                  )}
                  {program.isLead && proposal.status === 'late' && call.phase !== 'closed' && (
                    <button
                      type="button"
                      className="button"
                      onClick={() =>
                        void action.run(async () => {
                          await innovationApi.admit(api, proposal.id);
                          await reload();
                        })
                      }
                    >
                      {t('innovation.proposals.admit')}
                    </button>
                  )}
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ProposalForm({
  call,
  onDone,
  onCancel,
}: {
  call: Call;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { api, refreshMe } = useApp();
  const action = useAction();
  const [challengeId, setChallengeId] = useState(call.challenges[0]?.id ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const partners = String(data.get('partners') ?? '')
      .split(/[\s,;]+/)
      .map((email) => email.trim())
      .filter((email) => email !== '');
    void action.run(async () => {
      await innovationApi.createProposal(api, call.id, {
        challengeId,
        title: String(data.get('title') ?? ''),
        partnerEmails: partners,
      });
      // The consortium's private group is new: the sidebar and the document route need it.
      await refreshMe();
      await onDone();
    });
  };
  return (
    <form
      className="innovation-form"
      aria-label={t('innovation.proposals.formTitle')}
      onSubmit={submit}
    >
      <h3>{t('innovation.proposals.formTitle')}</h3>
      <label className="innovation-field">
        <span>{t('innovation.proposals.form.challenge')}</span>
        <select value={challengeId} onChange={(event) => setChallengeId(event.target.value)}>
          {call.challenges.map((challenge) => (
            <option key={challenge.id} value={challenge.id}>
              {challenge.title} — {challenge.company.name}
            </option>
          ))}
        </select>
      </label>
      <label className="innovation-field">
        <span>{t('innovation.proposals.form.title')}</span>
        <input name="title" required />
      </label>
      <label className="innovation-field">
        <span>{t('innovation.proposals.form.partners')}</span>
        <input name="partners" placeholder="nombre@organizacion.pe" />
      </label>
      <p className="view-note">{t('innovation.proposals.form.privacy')}</p>
      <FormError error={action.error} />
      <div className="innovation-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('innovation.proposals.form.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('innovation.cancel')}
        </button>
      </div>
    </form>
  );
}
