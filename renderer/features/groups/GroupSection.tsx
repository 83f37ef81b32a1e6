import { ArchiveRestore, ChevronRight, Gavel, Plane, Plus, Scale, Users } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupRole } from '../../../shared/model/accounts';
import type { BoardId, DocId } from '../../../shared/model/ids';
import type { WorkingGroup } from '../../../shared/model/workspace';
import { canEditContent } from '../../app/AppContext';
import { membersHref, routeHref } from '../../app/route';
import { GroupBoards } from '../boards/GroupBoards';
import { NewDocumentDialog } from '../documents/NewDocumentDialog';
import { useCreateDocument } from '../documents/useCreateDocument';
import { SignoffBadge } from '../versions/SignoffBadge';
import { useGroupSignoffs } from '../versions/useGroupSignoffs';
import { EntryLink } from './EntryLink';
import { RoleBadge } from './RoleBadge';
import { useGroupIndex } from './useGroupIndex';

export interface GroupSectionProps {
  group: WorkingGroup;
  activeDocId: DocId | null;
  /** The person's role: shown as a badge; only leads and editors get "new document". */
  role: GroupRole;
  membersActive?: boolean;
  /** Which governance screen of this group is open (issue 15), for aria-current. */
  governanceActive?: 'register' | 'regulations' | 'missions' | null;
}

export function GroupSection({
  group,
  activeDocId,
  role,
  membersActive = false,
  governanceActive = null,
}: GroupSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { index, documents, actions } = useGroupIndex(group.id);
  const createDocument = useCreateDocument(group.id);
  const signoffs = useGroupSignoffs(group.id);
  const [choosing, setChoosing] = useState(false);
  const visible = documents?.filter((entry) => !entry.archived) ?? [];
  // Documents and boards alike: one "Archivados" per group.
  const archived = index?.entries.filter((entry) => entry.archived) ?? [];
  const newLabel = t('groups.newDocumentIn', { group: group.name });
  const canEdit = canEditContent(role);
  const membersLabel = t('members.linkNamed', { group: group.name });

  return (
    <section className="group" aria-labelledby={headingId}>
      <div className="group-header">
        <h2 id={headingId} className="group-name" title={group.purpose}>
          {group.name}
        </h2>
        <RoleBadge role={role} />
        <a
          className="icon-button"
          href={membersHref(group.id)}
          aria-label={membersLabel}
          title={membersLabel}
          aria-current={membersActive ? 'page' : undefined}
        >
          <Users aria-hidden="true" size={15} />
        </a>
        {canEdit && visible.length > 0 && (
          <button
            type="button"
            className="icon-button"
            aria-label={newLabel}
            title={newLabel}
            disabled={actions === null}
            onClick={() => setChoosing(true)}
          >
            <Plus aria-hidden="true" size={16} />
          </button>
        )}
      </div>
      {index === null ? (
        <p className="group-note">{t('groups.loadingDocuments')}</p>
      ) : visible.length === 0 ? (
        <div className="group-empty">
          <p className="group-note">{t('groups.noDocuments')}</p>
          {canEdit && (
            <button
              type="button"
              className="text-button"
              aria-label={newLabel}
              disabled={actions === null}
              onClick={() => setChoosing(true)}
            >
              <Plus aria-hidden="true" size={14} />
              {t('groups.newDocument')}
            </button>
          )}
        </div>
      ) : (
        <ul className="doc-list" aria-label={t('groups.documentsOf', { group: group.name })}>
          {visible.map((entry) => {
            const signoff = signoffs.get(entry.id);
            return (
              <li key={entry.id} className="doc-entry">
                <EntryLink groupId={group.id} entry={entry} current={entry.id === activeDocId} />
                {signoff !== undefined && <SignoffBadge signoff={signoff} />}
              </li>
            );
          })}
        </ul>
      )}
      <NewDocumentDialog
        open={choosing}
        groupName={group.name}
        onOpenChange={setChoosing}
        onCreate={(choice) => {
          setChoosing(false);
          void createDocument(choice);
        }}
      />
      {/* Governance (issue 15): the register, the regulatory base and missions of the group. */}
      <ul
        className="doc-list gov-links"
        aria-label={t('governance.linksOf', { group: group.name })}
      >
        <li>
          <a
            className="doc-link"
            href={routeHref({ kind: 'register', groupId: group.id })}
            aria-current={governanceActive === 'register' ? 'page' : undefined}
          >
            <Gavel aria-hidden="true" size={14} />
            <span>{t('governance.link')}</span>
          </a>
        </li>
        <li>
          <a
            className="doc-link"
            href={routeHref({ kind: 'regulations', groupId: group.id })}
            aria-current={governanceActive === 'regulations' ? 'page' : undefined}
          >
            <Scale aria-hidden="true" size={14} />
            <span>{t('regulations.link')}</span>
          </a>
        </li>
        <li>
          <a
            className="doc-link"
            href={routeHref({ kind: 'missions', groupId: group.id, missionId: null })}
            aria-current={governanceActive === 'missions' ? 'page' : undefined}
          >
            <Plane aria-hidden="true" size={14} />
            <span>{t('missions.link')}</span>
          </a>
        </li>
      </ul>
      {/* Boards (issue 4): the group's boards and "Nuevo tablero". */}
      <GroupBoards group={group} canCreate={canEdit} />
      {archived.length > 0 && (
        <details className="archived">
          <summary>
            <ChevronRight aria-hidden="true" size={14} className="archived-chevron" />
            {t('groups.archived', { count: archived.length })}
          </summary>
          <ul className="doc-list">
            {archived.map((entry) => (
              <li key={entry.id} className="archived-item">
                <EntryLink groupId={group.id} entry={entry} />
                {canEdit && (
                  <button
                    type="button"
                    className="text-button"
                    aria-label={t('groups.restoreNamed', { title: entry.title })}
                    onClick={() => actions?.restore(entry.id as DocId | BoardId)}
                  >
                    <ArchiveRestore aria-hidden="true" size={14} />
                    {t('groups.restore')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
