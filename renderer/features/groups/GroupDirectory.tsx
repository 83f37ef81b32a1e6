/**
 * The directory of working groups: every listed group, and the private ones the person is in.
 * A non-member asks to join with "Solicitar acceso"; the group's leads answer in its members
 * panel. While a request waits, the page re-reads the directory so approval shows up by itself.
 */
import { Check, Lock, Send, Users } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared/model/ids';
import type { GroupDirectoryEntry } from '../../../shared/protocol/api';
import { canManageMembers, useApp } from '../../app/AppContext';
import { membersHref } from '../../app/route';
import { apiErrorText } from '../../api/client';
import { listGroups, requestAccess } from '../../api/groups';
import { RoleBadge } from './RoleBadge';

const WAITING_REFRESH_MS = 4_000;

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; groups: GroupDirectoryEntry[] }
  | { kind: 'failed'; error: unknown };

export function GroupDirectory() {
  const { t } = useTranslation();
  const { api, refreshMe } = useApp();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const reload = useCallback(async () => {
    try {
      const { groups } = await listGroups(api);
      setLoad({ kind: 'ready', groups });
      return groups;
    } catch (error) {
      setLoad((current) => (current.kind === 'ready' ? current : { kind: 'failed', error }));
      return null;
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const waiting =
    load.kind === 'ready' &&
    load.groups.some((group) => group.accessRequested && group.myRole === null);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      void reload().then((groups) => {
        if (groups?.some((group) => group.myRole !== null)) void refreshMe();
      });
    }, WAITING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, reload, refreshMe]);

  const askToJoin = async (groupId: GroupId) => {
    setErrors((current) => ({ ...current, [groupId]: '' }));
    try {
      await requestAccess(api, groupId);
      await reload();
    } catch (error) {
      setErrors((current) => ({ ...current, [groupId]: apiErrorText(error, t) }));
    }
  };

  return (
    <section className="page" aria-labelledby="directory-title">
      <h1 id="directory-title" className="page-title">
        {t('directory.title')}
      </h1>
      <p className="page-intro">{t('directory.intro')}</p>
      {load.kind === 'loading' && <p className="view-note">{t('directory.loading')}</p>}
      {load.kind === 'failed' && (
        <div className="form-error" role="alert">
          <p>{apiErrorText(load.error, t)}</p>
          <button type="button" className="button" onClick={() => void reload()}>
            {t('directory.retry')}
          </button>
        </div>
      )}
      {load.kind === 'ready' &&
        (load.groups.length === 0 ? (
          <p className="view-note">{t('directory.none')}</p>
        ) : (
          <ul className="directory-list" aria-label={t('directory.listLabel')}>
            {load.groups.map((group) => (
              <DirectoryCard
                key={group.id}
                group={group}
                error={errors[group.id] ?? ''}
                onRequest={() => void askToJoin(group.id)}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}

function DirectoryCard({
  group,
  error,
  onRequest,
}: {
  group: GroupDirectoryEntry;
  error: string;
  onRequest: () => void;
}) {
  const { t } = useTranslation();
  const { isAdmin } = useApp();
  const headingId = `directory-${group.id}`;
  return (
    <li className="directory-card" aria-labelledby={headingId}>
      <div className="directory-card-head">
        <h2 id={headingId} className="directory-card-title">
          {group.name}
        </h2>
        {group.visibility === 'private' && (
          <span className="tag">
            <Lock aria-hidden="true" size={12} />
            {t('directory.private')}
          </span>
        )}
        {group.myRole !== null && <RoleBadge role={group.myRole} />}
      </div>
      <p className="directory-purpose">{group.purpose}</p>
      <p className="directory-meta">
        <span className="directory-meta-label">{t('directory.organizations')}: </span>
        {group.organizations.length === 0
          ? t('directory.noOrganizations')
          : group.organizations.map((organization) => organization.name).join(' · ')}
      </p>
      <p className="directory-meta">{t('directory.memberCount', { count: group.memberCount })}</p>
      <div className="directory-actions">
        {canManageMembers(group.myRole, isAdmin) && (
          <a
            className="button"
            href={membersHref(group.id)}
            aria-label={t('members.linkNamed', { group: group.name })}
          >
            <Users aria-hidden="true" size={15} />
            {t('members.link')}
          </a>
        )}
        {group.myRole === null && !group.accessRequested && (
          <button
            type="button"
            className="button button-primary"
            aria-label={t('directory.requestNamed', { group: group.name })}
            onClick={onRequest}
          >
            <Send aria-hidden="true" size={15} />
            {t('directory.request')}
          </button>
        )}
        {group.myRole === null && group.accessRequested && (
          <p className="directory-requested" role="status">
            <Check aria-hidden="true" size={15} />
            <span>
              <strong>{t('directory.requested')}</strong> {t('directory.requestedNote')}
            </span>
          </p>
        )}
      </div>
      {error !== '' && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
