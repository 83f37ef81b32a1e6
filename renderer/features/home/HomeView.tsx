/**
 * Home: what this person opened last (on this computer), the cards assigned to them across all
 * their boards, and, per group, whether everything is on this computer for work without a
 * connection ("Disponible sin conexión"), how much space it takes, and a switch to keep it so.
 * Everything here is read from the offline search index and the local database: home works
 * offline too.
 */
import './home.css';
import { FileText, KanbanSquare, SquareCheckBig } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardId, DocId, GroupId } from '../../../shared/model/ids';
import type { CardId } from '../../../shared/ydoc/boardDoc';
import { useApp } from '../../app/AppContext';
import { boardHref, docHref } from '../../app/route';
import { fetchGroupStorage } from '../../api/storage';
import type { RoomSize } from '../../../shared/protocol/storageApi';
import { useSearchService, useSearchVersion } from '../search/SearchContext';
import { readRecents } from './recents';

function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

export function HomeView() {
  const { t } = useTranslation();
  const { me, profile } = useApp();
  const service = useSearchService();
  useSearchVersion(service);
  const groupName = new Map(me.memberships.map((m) => [m.group.id as string, m.group.name]));

  const recents = readRecents(profile.id)
    .filter((recent) => groupName.has(recent.groupId))
    .map((recent) => ({ ...recent, title: service.title(recent.groupId, recent.id) }))
    .filter((recent) => recent.title !== null)
    .slice(0, 8);
  const assigned = service.assignedTo(profile.name);

  return (
    <div className="home">
      <h1>{t('home.title', { name: profile.name.split(' ')[0] })}</h1>
      <div className="home-grid">
        <section className="home-card" aria-labelledby="home-recent">
          <h2 id="home-recent">{t('home.recent')}</h2>
          {recents.length === 0 ? (
            <p className="home-empty">{t('home.recentEmpty')}</p>
          ) : (
            <ul className="home-list">
              {recents.map((recent) => (
                <li key={recent.id}>
                  <a
                    href={
                      recent.kind === 'doc'
                        ? docHref(recent.groupId as GroupId, recent.id as DocId)
                        : boardHref(recent.groupId as GroupId, recent.id as BoardId)
                    }
                  >
                    {recent.kind === 'doc' ? (
                      <FileText aria-hidden="true" size={16} />
                    ) : (
                      <KanbanSquare aria-hidden="true" size={16} />
                    )}
                    <span>{recent.title || t('document.untitled')}</span>
                  </a>
                  <span className="home-detail">{groupName.get(recent.groupId)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="home-card" aria-labelledby="home-assigned">
          <h2 id="home-assigned">{t('home.assigned')}</h2>
          {assigned.length === 0 ? (
            <p className="home-empty">{t('home.assignedEmpty')}</p>
          ) : (
            <ul className="home-list">
              {assigned.map((card) => (
                <li key={card.id}>
                  <a
                    href={boardHref(
                      card.groupId as GroupId,
                      card.targetId as BoardId,
                      (card.cardId ?? null) as CardId | null,
                    )}
                  >
                    <SquareCheckBig aria-hidden="true" size={16} />
                    <span>{card.title}</span>
                  </a>
                  <span className="home-detail">
                    {service.title(card.groupId, card.targetId) || t('document.untitled')} ·{' '}
                    {groupName.get(card.groupId)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <OfflineGroups />
    </div>
  );
}

type ServerSizes = Record<string, RoomSize[]> | 'unavailable' | null;

function OfflineGroups() {
  const { t, i18n } = useTranslation();
  const { me, api } = useApp();
  const service = useSearchService();
  const version = useSearchVersion(service);
  const [bytes, setBytes] = useState<Record<string, number>>({});
  const [serverSizes, setServerSizes] = useState<ServerSizes>(null);
  /** A group whose switch was turned on and waits for "Descargar …". */
  const [confirming, setConfirming] = useState<string | null>(null);
  const pending = service.offlineDecisionPending();
  const asking = pending || confirming !== null;

  useEffect(() => {
    let cancelled = false;
    void Promise.all(
      me.memberships.map(
        async (m) => [m.group.id as string, await service.storedBytes(m.group.id)] as const,
      ),
    ).then((sizes) => {
      if (!cancelled) setBytes(Object.fromEntries(sizes));
    });
    return () => {
      cancelled = true;
    };
  }, [me.memberships, service, version]);

  // What the server stores, asked only while a download waits for a yes.
  useEffect(() => {
    if (!asking) return;
    let cancelled = false;
    Promise.all(
      me.memberships.map(
        async (m) =>
          [m.group.id as string, (await fetchGroupStorage(api, m.group.id)).rooms] as const,
      ),
    )
      .then((sizes) => {
        if (!cancelled) setServerSizes(Object.fromEntries(sizes));
      })
      .catch(() => {
        if (!cancelled) setServerSizes('unavailable');
      });
    return () => {
      cancelled = true;
    };
  }, [asking, api, me.memberships]);

  const format = (value: number) => formatBytes(value, i18n.language);
  const downloadSize = (groupIds: string[]): string | null => {
    if (serverSizes === null || serverSizes === 'unavailable') return null;
    return format(
      groupIds.reduce((sum, id) => sum + service.downloadBytes(id, serverSizes[id] ?? []), 0),
    );
  };
  const sizeNote =
    serverSizes === 'unavailable' ? t('home.offline.sizeUnknown') : t('home.offline.calculating');

  const total = Object.values(bytes).reduce((sum, value) => sum + value, 0);
  const allGroups = me.memberships.map((m) => m.group.id as string);
  const allSize = downloadSize(allGroups);
  return (
    <section className="home-card home-offline" aria-labelledby="home-offline">
      <h2 id="home-offline">{t('home.offline.title')}</h2>
      {pending && (
        <div className="offline-ask" role="group" aria-labelledby="offline-ask-title">
          <h3 id="offline-ask-title">{t('home.offline.askTitle')}</h3>
          <p>{t('home.offline.askBody', { count: allGroups.length })}</p>
          {allSize === null && <p className="home-detail">{sizeNote}</p>}
          <div className="offline-ask-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void service.decideOffline(true)}
            >
              {allSize === null
                ? t('home.offline.downloadUnknown')
                : t('home.offline.download', { size: allSize })}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void service.decideOffline(false)}
            >
              {t('home.offline.notNow')}
            </button>
          </div>
        </div>
      )}
      <p className="home-empty">{t('home.offline.description', { size: format(total) })}</p>
      <ul className="home-list">
        {me.memberships.map((membership) => {
          const groupId = membership.group.id as string;
          const { total: listed, local } = service.availability(groupId);
          const kept = service.isKeptOffline(groupId);
          const complete = listed > 0 && local >= listed;
          const groupSize = confirming === groupId ? downloadSize([groupId]) : null;
          return (
            <li key={groupId} className="offline-row">
              <span className="offline-name">{membership.group.name}</span>
              <span className="home-detail" role="status">
                {listed === 0
                  ? t('home.offline.empty')
                  : complete
                    ? t('home.offline.complete', { count: listed })
                    : t('home.offline.partial', { local, count: listed })}
                {bytes[groupId] !== undefined && ` · ${format(bytes[groupId])}`}
              </span>
              <label className="offline-switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={kept || confirming === groupId}
                  onChange={(event) => {
                    const keep = event.target.checked;
                    // Turning a group on shows what it will download first (unless it is all here).
                    if (keep && !complete && !pending) {
                      setConfirming(groupId);
                      return;
                    }
                    if (confirming === groupId) setConfirming(null);
                    void service.setKeptOffline(groupId, keep);
                  }}
                />
                <span>{t('home.offline.keep', { group: membership.group.name })}</span>
              </label>
              {confirming === groupId && (
                <div className="offline-confirm" role="group" aria-label={membership.group.name}>
                  <span>
                    {groupSize === null
                      ? sizeNote
                      : t('home.offline.confirmGroup', {
                          size: groupSize,
                          group: membership.group.name,
                        })}
                  </span>
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => {
                      setConfirming(null);
                      void service.setKeptOffline(groupId, true);
                    }}
                  >
                    {groupSize === null
                      ? t('home.offline.downloadUnknown')
                      : t('home.offline.download', { size: groupSize })}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => setConfirming(null)}
                  >
                    {t('home.offline.cancel')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
