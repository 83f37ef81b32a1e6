/**
 * The history of a document: save a named version (offline too), the named and automatic
 * versions, one version read-only, the comparison of a version with another or with the current
 * text, restore as new edits, export as Word, and the institutional sign-off of a version.
 */
import { FileText, History, RotateCcw } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared/model/ids';
import type { VersionSummary } from '../../../shared/protocol/versionsApi';
import { compareVersions, openVersion, type ComparedBlock } from '../../../shared/ydoc/versions';
import { downloadFile } from '../../platform/desktop';
import { apiErrorText } from '../../api/client';
import { ConfirmButton } from '../common/ConfirmButton';
import { DOCX_TYPE, documentJson, docxBytes } from '../documents/export/docx';
import { outcomeText } from './expediente';
import { SignoffPanel } from './SignoffPanel';
import { useDocumentAuthors } from './useDocumentAuthors';
import type { VersionsState } from './useVersions';
import { VersionDiff } from './VersionDiff';
import './versions.css';

const NOW = 'now';
const NONE = '';

export interface HistoryPanelProps {
  groupId: GroupId;
  groupName: string;
  docId: string;
  title: string;
  canEdit: boolean;
  canLead: boolean;
  versions: VersionsState;
}

export function HistoryPanel(props: HistoryPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void props.versions.refresh();
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className="button button-quiet">
          <History aria-hidden="true" size={15} />
          {t('versions.open')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog history-dialog">
          <Dialog.Title className="dialog-title">{t('versions.title')}</Dialog.Title>
          <Dialog.Description className="dialog-description">
            {t('versions.description')}
          </Dialog.Description>
          <HistoryBody {...props} />
          <Dialog.Close asChild>
            <button type="button" className="button button-quiet history-close">
              {t('versions.close')}
            </button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SaveVersionForm({ versions }: { versions: VersionsState }) {
  const { t } = useTranslation();
  const nameId = useId();
  const noteId = useId();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="save-version"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') return;
        setBusy(true);
        void versions
          .save(name.trim(), note.trim())
          .then(() => {
            setName('');
            setNote('');
          })
          .finally(() => setBusy(false));
      }}
    >
      <div className="field">
        <label htmlFor={nameId}>{t('versions.save.name')}</label>
        <input
          id={nameId}
          value={name}
          required
          maxLength={120}
          placeholder={t('versions.save.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={noteId}>{t('versions.save.note')}</label>
        <textarea
          id={noteId}
          rows={2}
          value={note}
          maxLength={2000}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={busy || name.trim() === ''}>
        {t('versions.save.submit')}
      </button>
    </form>
  );
}

function useWhen() {
  const { i18n } = useTranslation();
  return (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
}

function HistoryBody(props: HistoryPanelProps) {
  const { versions, canEdit } = props;
  const { t, i18n } = useTranslation();
  const when = useWhen();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = versions.versions ?? [];
  const selected = list.find((version) => version.id === selectedId) ?? null;

  return (
    <div className="history">
      <div className="history-list">
        {canEdit && <SaveVersionForm versions={versions} />}
        {versions.error !== null && (
          <p className="notice" role="status">
            {apiErrorText(versions.error, t)}
          </p>
        )}
        {versions.queued.length > 0 && (
          <ul className="version-list" aria-label={t('versions.queuedLabel')}>
            {versions.queued.map((queued) => (
              <li key={queued.seq} className="version-item version-queued">
                <span className="version-name">{queued.name}</span>
                <span className="version-meta">
                  {queued.failed === null
                    ? t('versions.queued', { date: when(queued.capturedAt) })
                    : t('versions.refused', { code: queued.failed })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {versions.versions === null ? (
          versions.error === null && <p className="view-note">{t('versions.loading')}</p>
        ) : list.length === 0 ? (
          <p className="view-note">{t('versions.empty')}</p>
        ) : (
          <ul className="version-list" aria-label={t('versions.listLabel')}>
            {list.map((version) => (
              <li key={version.id}>
                <button
                  type="button"
                  className="version-item"
                  aria-pressed={version.id === selectedId}
                  onClick={() => setSelectedId(version.id)}
                >
                  <span className="version-name">
                    {version.name === '' ? t('versions.hourly') : version.name}
                    {version.kind === 'auto' && (
                      <span className="version-badge">{t('versions.auto')}</span>
                    )}
                  </span>
                  <span className="version-meta">
                    {version.author === null
                      ? when(version.createdAt)
                      : t('versions.by', {
                          date: when(version.createdAt),
                          name: version.author.name,
                          organization: version.author.organization,
                        })}
                  </span>
                  {version.note !== '' && <span className="version-note">{version.note}</span>}
                  {version.signoff !== null && (
                    <span className={`signoff-chip signoff-outcome-${version.signoff.outcome}`}>
                      {outcomeText(version.signoff, t, i18n.language)}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="history-view">
        {selected === null ? (
          <p className="view-note">{t('versions.pick')}</p>
        ) : (
          <VersionView key={selected.id} {...props} version={selected} all={list} />
        )}
      </div>
    </div>
  );
}

function VersionView({
  version,
  all,
  ...props
}: HistoryPanelProps & { version: VersionSummary; all: VersionSummary[] }) {
  const { versions, canEdit, title } = props;
  const { content, current } = versions;
  const { t, i18n } = useTranslation();
  const name = version.name === '' ? t('versions.hourly') : version.name;
  const when = useWhen();
  const compareId = useId();
  const [against, setAgainst] = useState<string>(NONE);
  const [shown, setShown] = useState<{ key: string; blocks: ComparedBlock[] } | null>(null);
  const key = `${version.id}|${against}`;
  const blocks = shown !== null && shown.key === key ? shown.blocks : null;
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const authors = useDocumentAuthors(props.groupId, props.docId, against !== NONE);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const mine = await content(version.id);
      if (against === NONE) return compareVersions(mine, mine);
      if (against === NOW) return compareVersions(mine, current());
      const other = all.find((candidate) => candidate.id === against)!;
      const theirs = await content(other.id);
      return Date.parse(other.createdAt) < Date.parse(version.createdAt)
        ? compareVersions(theirs, mine)
        : compareVersions(mine, theirs);
    };
    load().then(
      (result) => {
        if (!cancelled) setShown({ key: `${version.id}|${against}`, blocks: result });
      },
      (caught: unknown) => {
        if (!cancelled) setError(apiErrorText(caught, t));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [against, all, content, current, t, version]);

  const exportDocx = async () => {
    const opened = openVersion(await versions.content(version.id));
    const bytes = await docxBytes({
      title,
      body: documentJson(opened),
      language: i18n.language,
      cover: {
        lines: [t('versions.expediente.version', { name }), when(version.createdAt)],
      },
    });
    opened.destroy();
    downloadFile(`${title} — ${name}`, 'docx', bytes, DOCX_TYPE);
  };

  const label =
    against === NONE
      ? t('versions.textOf', { name })
      : t('versions.comparisonOf', {
          name,
          other:
            against === NOW
              ? t('versions.now')
              : (all.find((candidate) => candidate.id === against)?.name ?? ''),
        });

  return (
    <div className="version-view">
      <div className="version-toolbar">
        <div className="field field-inline">
          <label htmlFor={compareId}>{t('versions.compareWith')}</label>
          <select
            id={compareId}
            value={against}
            onChange={(event) => setAgainst(event.target.value)}
          >
            <option value={NONE}>{t('versions.compareNone')}</option>
            <option value={NOW}>{t('versions.now')}</option>
            {all
              .filter((candidate) => candidate.id !== version.id)
              .map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {`${candidate.name} · ${when(candidate.createdAt)}`}
                </option>
              ))}
          </select>
        </div>
        <button type="button" className="button button-quiet" onClick={() => void exportDocx()}>
          <FileText aria-hidden="true" size={15} />
          {t('versions.exportDocx')}
        </button>
        {canEdit && (
          <ConfirmButton
            title={t('versions.restore.title', { name })}
            description={t('versions.restore.description')}
            cancelLabel={t('versions.restore.cancel')}
            confirmLabel={t('versions.restore.confirm')}
            onConfirm={() => {
              versions.restore(version.id).then(
                () => setRestored(true),
                (caught: unknown) => setError(apiErrorText(caught, t)),
              );
            }}
          >
            <RotateCcw aria-hidden="true" size={15} />
            {t('versions.restore.button')}
          </ConfirmButton>
        )}
      </div>
      {restored && (
        <p className="notice" role="status">
          {t('versions.restore.done', { name })}
        </p>
      )}
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {version.kind === 'named' && (
        <SignoffPanel
          groupId={props.groupId}
          groupName={props.groupName}
          docId={props.docId}
          title={title}
          version={version}
          canLead={props.canLead}
          content={versions.content}
          onChanged={() => void versions.refresh()}
        />
      )}
      {against !== NONE && (
        <p className="diff-legend">
          <ins className="diff-inserted">{t('versions.legendInserted')}</ins>{' '}
          <del className="diff-deleted">{t('versions.legendDeleted')}</del>
        </p>
      )}
      {blocks === null ? (
        <p className="view-note">{t('versions.loading')}</p>
      ) : (
        <VersionDiff blocks={blocks} label={label} authors={authors} />
      )}
    </div>
  );
}
