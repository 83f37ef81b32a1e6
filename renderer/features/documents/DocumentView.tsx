import { Archive, ArchiveRestore } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocId, GroupId } from '../../../shared/model/ids';
import { docRoom, roomName } from '../../../shared/protocol/rooms';
import { readDocumentMeta } from '../../../shared/ydoc/documentDoc';
import { useApp } from '../../app/AppContext';
import { formatDate } from '../../i18n';
import { useDoc } from '../../sync/useDoc';
import { useYValue } from '../../sync/useYValue';
import { LinkedCards } from '../boards/LinkedCards';
import { useGroupIndex } from '../groups/useGroupIndex';
import { DocumentPresence } from '../review/DocumentPresence';
import { ReviewToolbar } from '../review/ReviewToolbar';
import { ThreadPanel } from '../review/ThreadPanel';
import { useDocumentReview } from '../review/useDocumentReview';
import { SchemaNotice } from '../sync/SchemaNotice';
import { RoomSyncIndicator } from '../sync/RoomSyncIndicator';
import { HistoryPanel } from '../versions/HistoryPanel';
import { SignoffBanner } from '../versions/SignoffBanner';
import { useSignoff } from '../versions/useSignoff';
import { useVersions } from '../versions/useVersions';
import { ArchiveButton } from './ArchiveButton';
import { DocumentEditor } from './DocumentEditor';
import { ExportMenu } from './export/ExportMenu';
import { useDocumentExport } from './export/useDocumentExport';
import { TitleField } from './TitleField';

export interface DocumentViewProps {
  groupId: GroupId;
  docId: DocId;
  /** False for viewers and commenters: the body and the title are shown read-only. */
  editable?: boolean;
  /** Commenters, editors and leads comment and suggest; viewers only read threads. */
  canComment?: boolean;
}

export function DocumentView({
  groupId,
  docId,
  editable = true,
  canComment = editable,
}: DocumentViewProps) {
  const { t, i18n } = useTranslation();
  const { profile, me, roleIn, isAdmin } = useApp();
  const { index, actions } = useGroupIndex(groupId);
  const { doc, provider, connection, schema } = useDoc(roomName(docRoom(groupId, docId)));
  const versions = useVersions(groupId, docId, doc);
  const signoff = useSignoff(doc, versions);
  const meta = useYValue(doc, readDocumentMeta, null);
  const user = useMemo(
    () => ({ name: profile.name, color: profile.colour }),
    [profile.name, profile.colour],
  );
  const entry = index?.entries.find((candidate) => candidate.id === docId) ?? null;
  const exporter = useDocumentExport(doc, entry?.title || t('document.untitled'));
  // A room from a newer Minka is read-only: neither its body nor its threads are written.
  const archived = entry?.archived === true || schema === 'tooNew';
  const review = useDocumentReview({
    groupId,
    docId,
    body: doc,
    canEdit: editable && !archived,
    canComment: canComment && !archived,
  });

  if (index === null || doc === null || connection === null || schema === null) {
    return <p className="view-note">{t('document.loading')}</p>;
  }
  if (entry === null || entry.kind !== 'doc') {
    return (
      <section className="empty-state" aria-labelledby="not-found-title">
        <h1 id="not-found-title">{t('document.notFoundTitle')}</h1>
        <p>{t('document.notFoundBody')}</p>
      </section>
    );
  }

  const canEdit = editable && !entry.archived && schema !== 'tooNew';
  const createdAt = meta !== null && meta.createdAt > 0 ? meta.createdAt : entry.createdAt;

  return (
    <div className={`document-layout${review.panelOpen ? ' with-panel' : ''}`}>
      <article className="document">
        <header className="document-header">
          <div className="document-header-row">
            <DocumentPresence awareness={provider?.awareness ?? null} />
            <RoomSyncIndicator connection={connection} />
            <HistoryPanel
              groupId={groupId}
              groupName={me.memberships.find((m) => m.group.id === groupId)?.group.name ?? ''}
              docId={docId}
              title={entry.title || t('document.untitled')}
              canEdit={canEdit}
              canLead={isAdmin || roleIn(groupId) === 'lead'}
              versions={versions}
            />
            <ExportMenu exporter={exporter} />
            {editable && actions !== null && !entry.archived && (
              <ArchiveButton title={entry.title} onConfirm={() => actions.archive(docId)} />
            )}
          </div>
          <TitleField
            key={docId}
            title={entry.title}
            editable={canEdit}
            onRename={(title) => actions?.rename(docId, title)}
            onEnter={() =>
              document
                .querySelector<HTMLElement>('.document .editor-content [contenteditable]')
                ?.focus()
            }
          />
          {createdAt > 0 && (
            <p className="document-meta">
              {entry.createdBy
                ? t('document.createdOn', {
                    date: formatDate(createdAt, i18n.language),
                    author: entry.createdBy,
                  })
                : t('document.createdOnAnonymous', { date: formatDate(createdAt, i18n.language) })}
            </p>
          )}
          <SchemaNotice schema={schema} />
          <SignoffBanner {...signoff} />
          {entry.archived && (
            <div className="notice" role="note">
              <Archive aria-hidden="true" size={16} />
              <span>{t('document.archivedNotice')}</span>
              {editable && (
                <button
                  type="button"
                  className="text-button"
                  onClick={() => actions?.restore(docId)}
                >
                  <ArchiveRestore aria-hidden="true" size={14} />
                  {t('document.restore')}
                </button>
              )}
            </div>
          )}
        </header>
        <ReviewToolbar
          canComment={canComment && !archived}
          suggesting={review.suggesting}
          canToggleSuggesting={review.canToggleSuggesting}
          onToggleSuggesting={review.setSuggesting}
          onComment={() => review.startDraft('comment')}
          onSuggest={() => review.startDraft('suggestion')}
          panelOpen={review.panelOpen}
          onTogglePanel={() => review.setPanelOpen(!review.panelOpen)}
          openCount={review.openCount}
        />
        {review.problem !== null && (
          <p className="notice" role="status">
            {t(`review.problem.${review.problem}`)}
          </p>
        )}
        <DocumentEditor
          key={docId}
          doc={doc}
          provider={provider}
          user={user}
          editable={canEdit}
          revealId={docId}
          review={{ state: review.editorState, attach: review.attachEditor }}
          onComment={canComment && !archived ? () => review.startDraft('comment') : undefined}
        />
        <LinkedCards groupId={groupId} docId={docId} />
      </article>
      {review.panelOpen && (
        <ThreadPanel
          threads={review.review.threads}
          states={review.review.states}
          me={review.review.me}
          canWrite={canComment}
          canDecide={canEdit}
          activeId={review.activeId}
          onActivate={review.activate}
          actions={review.review.actions}
          candidates={review.candidates}
          draft={review.draft}
          onDraftDone={review.finishDraft}
          onClose={() => review.setPanelOpen(false)}
        />
      )}
    </div>
  );
}
