/**
 * "Actividad": the inbox in the app header. A bell with the unread count opens the person's
 * notifications grouped by document (or board, or group), newest first; each one links to the
 * place it is about, at the thread or the card, and is marked read when opened.
 */
import { Bell, CheckCheck } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { BoardId, DocId, GroupId } from '../../../shared/model/ids';
import type { CardId } from '../../../shared/ydoc/boardDoc';
import type { Notification } from '../../../shared/protocol/notificationsApi';
import { useApp } from '../../app/AppContext';
import { GROUP_DIRECTORY_HREF, boardHref, docHref, membersHref } from '../../app/route';
import { useGroupIndex } from '../groups/useGroupIndex';
import { requestThreadFocus } from '../review/focusRequest';
import { describeNotification } from './describe';
import { useNotifications } from './useNotifications';
import '../review/review.css';

interface Group {
  key: string;
  first: Notification;
  items: Notification[];
}

function groupByTarget(notifications: readonly Notification[]): Group[] {
  const groups = new Map<string, Group>();
  for (const notification of notifications) {
    const key = `${notification.groupId}:${notification.target.kind}:${notification.target.id}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { key, first: notification, items: [notification] });
    else group.items.push(notification);
  }
  return [...groups.values()];
}

function hrefOf(notification: Notification): string {
  const groupId = notification.groupId as GroupId;
  switch (notification.target.kind) {
    case 'doc':
      return docHref(groupId, notification.target.id as DocId);
    case 'board':
      return boardHref(
        groupId,
        notification.target.id as BoardId,
        notification.target.cardId as CardId | null,
      );
    case 'group':
      return notification.kind === 'access_request' ? membersHref(groupId) : GROUP_DIRECTORY_HREF;
  }
}

/** The document's or board's title from the group's index, which members have locally. */
function MemberTargetTitle({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const { index } = useGroupIndex(notification.groupId as GroupId);
  const entry = index?.entries.find((candidate) => candidate.id === notification.target.id);
  const fallback =
    notification.target.kind === 'board' ? t('activity.aBoard') : t('activity.aDocument');
  return <>{entry?.title || fallback}</>;
}

function TargetTitle({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const { roleIn } = useApp();
  if (notification.target.kind === 'group') {
    return <>{notification.groupName ?? t('activity.aGroup')}</>;
  }
  if (roleIn(notification.groupId as GroupId) === null) {
    return <>{notification.groupName ?? t('activity.aGroup')}</>;
  }
  return <MemberTargetTitle notification={notification} />;
}

function formatWhen(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function ActivityPanel() {
  const { t, i18n } = useTranslation();
  const inbox = useNotifications();
  const groups = groupByTarget(inbox.notifications);

  const open = (notification: Notification) => {
    if (notification.target.threadId !== null) {
      requestThreadFocus(notification.target.id, notification.target.threadId);
    }
    if (!notification.read) inbox.markRead(notification.id);
  };

  return (
    <Popover.Root onOpenChange={(isOpen) => isOpen && inbox.refresh()}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="activity-trigger"
          aria-label={
            inbox.unread > 0
              ? t('activity.triggerUnread', { count: inbox.unread })
              : t('activity.trigger')
          }
        >
          <Bell aria-hidden="true" size={17} />
          {inbox.unread > 0 && (
            <span className="activity-badge" aria-hidden="true">
              {inbox.unread > 99 ? '99+' : inbox.unread}
            </span>
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="activity-panel"
          align="end"
          sideOffset={6}
          aria-labelledby="activity-title"
        >
          <div className="activity-head">
            <h2 id="activity-title">{t('activity.title')}</h2>
            {inbox.unread > 0 && (
              <button type="button" className="text-button" onClick={inbox.markAllRead}>
                <CheckCheck aria-hidden="true" size={14} />
                {t('activity.markAllRead')}
              </button>
            )}
          </div>
          {groups.length === 0 ? (
            <p className="activity-empty">{t('activity.empty')}</p>
          ) : (
            <div className="activity-groups">
              {groups.map((group) => (
                <section key={group.key} className="activity-group">
                  <h3>
                    <TargetTitle notification={group.first} />
                    {group.first.groupName !== null && group.first.target.kind !== 'group' && (
                      <span className="activity-group-name"> · {group.first.groupName}</span>
                    )}
                  </h3>
                  <ul>
                    {group.items.map((notification) => (
                      <li key={notification.id} className={notification.read ? '' : 'is-unread'}>
                        <Popover.Close asChild>
                          <a href={hrefOf(notification)} onClick={() => open(notification)}>
                            <span className="activity-text">
                              {describeNotification(notification, t)}
                            </span>
                            <time dateTime={notification.createdAt}>
                              {formatWhen(notification.createdAt, i18n.language)}
                            </time>
                          </a>
                        </Popover.Close>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
