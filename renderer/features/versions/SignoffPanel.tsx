/**
 * Institutional sign-off of one frozen version: the lead asks the group's organizations (with a
 * rule and a deadline); each organization answers once through one of its members; everyone sees
 * the table by organization and kind; the record (expediente) downloads as DOCX or PDF.
 */
import { FileDown, FileText } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared/model/ids';
import type { Organization } from '../../../shared/model/accounts';
import {
  SIGNOFF_ANSWERS,
  SIGNOFF_RULES,
  type SignoffAnswer,
  type SignoffResponse,
  type SignoffRule,
  type VersionSummary,
} from '../../../shared/protocol/versionsApi';
import { versionsApi } from '../../api/versions';
import { useApp } from '../../app/AppContext';
import { downloadFile, printHtml } from '../../platform/desktop';
import { ApiRequestError, apiErrorText } from '../../api/client';
import { listMembers } from '../../api/groups';
import { DOCX_TYPE } from '../documents/export/docx';
import { expedienteDocx, expedienteHtml, outcomeText } from './expediente';
import { signoffsChanged } from './useGroupSignoffs';

export interface SignoffPanelProps {
  groupId: GroupId;
  groupName: string;
  docId: string;
  title: string;
  version: VersionSummary;
  canLead: boolean;
  content: (versionId: string) => Promise<Uint8Array>;
  onChanged: () => void;
}

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

export function SignoffPanel(props: SignoffPanelProps) {
  const { groupId, docId, version, canLead, onChanged } = props;
  const { t } = useTranslation();
  const { api } = useApp();
  const [signoff, setSignoff] = useState<SignoffResponse | null | 'none'>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    versionsApi.signoff(api, groupId, docId, version.id).then(
      (found) => {
        if (!cancelled) setSignoff(found);
      },
      (caught: unknown) => {
        if (cancelled) return;
        if (caught instanceof ApiRequestError && caught.code === 'signoff_not_found')
          setSignoff('none');
        else setError(apiErrorText(caught, t));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, docId, groupId, t, version.id]);

  const updated = (next: SignoffResponse) => {
    setSignoff(next);
    setError(null);
    onChanged();
    signoffsChanged(groupId);
  };

  return (
    <section className="signoff" aria-labelledby={`signoff-${version.id}`}>
      <h3 id={`signoff-${version.id}`} className="signoff-title">
        {t('versions.signoff.title')}
      </h3>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {signoff === null ? (
        <p className="view-note">{t('versions.loading')}</p>
      ) : signoff === 'none' ? (
        canLead ? (
          <AskSignoff {...props} onAsked={updated} onError={setError} />
        ) : (
          <p className="view-note">{t('versions.signoff.notAsked')}</p>
        )
      ) : (
        <SignoffStatusView {...props} signoff={signoff} onAnswered={updated} onError={setError} />
      )}
    </section>
  );
}

function AskSignoff({
  groupId,
  docId,
  version,
  onAsked,
  onError,
}: SignoffPanelProps & {
  onAsked: (signoff: SignoffResponse) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const deadlineId = useId();
  const [organizations, setOrganizations] = useState<Organization[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [rule, setRule] = useState<SignoffRule>('all');
  const [deadline, setDeadline] = useState(inDays(7));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    listMembers(api, groupId).then(
      ({ members }) => {
        if (cancelled) return;
        const unique = new Map(
          members.map((member) => [member.user.organization.id, member.user.organization]),
        );
        const list = [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
        setOrganizations(list);
        setChosen(new Set(list.map((organization) => organization.id)));
      },
      (caught: unknown) => onError(apiErrorText(caught, t)),
    );
    return () => {
      cancelled = true;
    };
  }, [api, groupId, onError, t]);

  if (organizations === null) return <p className="view-note">{t('versions.loading')}</p>;
  return (
    <form
      className="signoff-ask"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        versionsApi
          .askSignoff(api, groupId, docId, version.id, {
            organizations: [...chosen],
            rule,
            deadline: new Date(`${deadline}T23:59:59`).toISOString(),
          })
          .then(onAsked, (caught: unknown) => onError(apiErrorText(caught, t)))
          .finally(() => setBusy(false));
      }}
    >
      <p className="dialog-description">{t('versions.signoff.askIntro', { name: version.name })}</p>
      <fieldset className="signoff-fieldset">
        <legend className="field-label">{t('versions.signoff.organizations')}</legend>
        {organizations.map((organization) => (
          <label key={organization.id} className="checkbox-row">
            <input
              type="checkbox"
              checked={chosen.has(organization.id)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(organization.id);
                else next.delete(organization.id);
                setChosen(next);
              }}
            />
            {organization.name}
            <span className="signoff-kind">{t(`account.kinds.${organization.kind}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="signoff-fieldset">
        <legend className="field-label">{t('versions.signoff.rule')}</legend>
        {SIGNOFF_RULES.map((option) => (
          <label key={option} className="checkbox-row">
            <input
              type="radio"
              name={`rule-${version.id}`}
              checked={rule === option}
              onChange={() => setRule(option)}
            />
            {t(`versions.signoff.rules.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={deadlineId}>{t('versions.signoff.deadline')}</label>
        <input
          id={deadlineId}
          type="date"
          value={deadline}
          min={inDays(0)}
          required
          onChange={(event) => setDeadline(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={busy || chosen.size === 0}>
        {t('versions.signoff.ask')}
      </button>
    </form>
  );
}

function SignoffStatusView({
  groupId,
  groupName,
  docId,
  title,
  version,
  signoff,
  content,
  onAnswered,
  onError,
}: SignoffPanelProps & {
  signoff: SignoffResponse;
  onAnswered: (signoff: SignoffResponse) => void;
  onError: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { me } = useApp();
  const language = i18n.language;
  const myOrganization = me.organization.id;
  const mine = signoff.organizations.find((row) => row.organization.id === myOrganization);
  // The server decides: an expired record (the deadline passed) takes no more answers.
  const canAnswer =
    mine !== undefined && mine.answer === null && signoff.status.outcome !== 'expired';
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  const expediente = useMemo(
    () => async () => ({
      title,
      groupName,
      signoff,
      content: await content(version.id),
      language,
      t,
    }),
    [content, groupName, language, signoff, t, title, version.id],
  );

  return (
    <>
      <p className={`signoff-outcome signoff-outcome-${signoff.status.outcome}`} role="status">
        {outcomeText(signoff.status, t, language)}
      </p>
      <p className="signoff-facts">
        {t('versions.signoff.facts', {
          rule: t(`versions.signoff.rules.${signoff.status.rule}`),
          deadline: when(signoff.status.deadline),
          name: signoff.requestedBy.name,
        })}
      </p>
      <p className="signoff-hash">
        {t('versions.signoff.hash')} <code title={signoff.hash}>{signoff.hash.slice(0, 16)}…</code>
      </p>
      <table className="signoff-table">
        <caption className="visually-hidden">{t('versions.signoff.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.signoff.table.organization')}</th>
            <th scope="col">{t('versions.signoff.table.kind')}</th>
            <th scope="col">{t('versions.signoff.table.answer')}</th>
            <th scope="col">{t('versions.signoff.table.person')}</th>
            <th scope="col">{t('versions.signoff.table.observations')}</th>
          </tr>
        </thead>
        <tbody>
          {signoff.organizations.map((row) => (
            <tr key={row.organization.id}>
              <th scope="row">{row.organization.name}</th>
              <td>{t(`account.kinds.${row.organization.kind}`)}</td>
              <td>
                <span className={`answer-chip answer-${row.answer?.answer ?? 'none'}`}>
                  {t(`versions.signoff.answers.${row.answer?.answer ?? 'none'}`)}
                </span>
              </td>
              <td>
                {row.answer === null ? '—' : `${row.answer.by.name} · ${when(row.answer.at)}`}
              </td>
              <td>{row.answer?.text || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canAnswer && (
        <AnswerForm
          groupId={groupId}
          docId={docId}
          versionId={version.id}
          organization={mine.organization.name}
          onAnswered={onAnswered}
          onError={onError}
        />
      )}
      <div className="signoff-actions">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            void expediente()
              .then(expedienteDocx)
              .then((bytes) =>
                downloadFile(
                  t('versions.expediente.fileName', { title }),
                  'docx',
                  bytes,
                  DOCX_TYPE,
                ),
              )
              .catch((caught: unknown) => onError(apiErrorText(caught, t)));
          }}
        >
          <FileText aria-hidden="true" size={15} />
          {t('versions.expediente.docx')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            void expediente()
              .then((input) =>
                printHtml(t('versions.expediente.fileName', { title }), expedienteHtml(input)),
              )
              .catch((caught: unknown) => onError(apiErrorText(caught, t)));
          }}
        >
          <FileDown aria-hidden="true" size={15} />
          {t('versions.expediente.pdf')}
        </button>
      </div>
    </>
  );
}

function AnswerForm({
  groupId,
  docId,
  versionId,
  organization,
  onAnswered,
  onError,
}: {
  groupId: GroupId;
  docId: string;
  versionId: string;
  organization: string;
  onAnswered: (signoff: SignoffResponse) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const textId = useId();
  const [answer, setAnswer] = useState<SignoffAnswer>('approve');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const needsText = answer !== 'approve';

  return (
    <form
      className="signoff-answer"
      onSubmit={(event) => {
        event.preventDefault();
        if (needsText && text.trim() === '') return;
        setBusy(true);
        versionsApi
          .answer(api, groupId, docId, versionId, {
            answer,
            text: text.trim() === '' ? undefined : text.trim(),
          })
          .then(onAnswered, (caught: unknown) => onError(apiErrorText(caught, t)))
          .finally(() => setBusy(false));
      }}
    >
      <fieldset className="signoff-fieldset">
        <legend className="field-label">{t('versions.signoff.answerFor', { organization })}</legend>
        {SIGNOFF_ANSWERS.map((option) => (
          <label key={option} className="checkbox-row">
            <input
              type="radio"
              name={`answer-${versionId}`}
              checked={answer === option}
              onChange={() => setAnswer(option)}
            />
            {t(`versions.signoff.answers.${option}`)}
          </label>
        ))}
      </fieldset>
      {needsText && (
        <div className="field">
          <label htmlFor={textId}>
            {answer === 'object'
              ? t('versions.signoff.reason')
              : t('versions.signoff.observations')}
          </label>
          <textarea
            id={textId}
            rows={3}
            required
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      )}
      <p className="field-hint">{t('versions.signoff.final')}</p>
      <button type="submit" className="button" disabled={busy}>
        {t('versions.signoff.send')}
      </button>
    </form>
  );
}
