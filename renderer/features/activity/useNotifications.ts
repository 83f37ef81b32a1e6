/**
 * The person's notifications, polled from the server (every 30 s, and at once when the window
 * regains focus or the network returns). Newly arrived unread ones are shown as OS
 * notifications through the desktop hook; offline the last list stays on screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../shared/protocol/notificationsApi';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../api/notifications';
import { useApp } from '../../app/AppContext';
import { notify } from '../../platform/desktop';
import { describeNotification } from './describe';

const POLL_MS = 30_000;

export interface Inbox {
  notifications: Notification[];
  unread: number;
  refresh: () => void;
  markRead: (id: string) => void;
  markAllRead: () => void;
}

export function useNotifications(): Inbox {
  const { api } = useApp();
  const { t } = useTranslation();
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const seen = useRef<Set<string> | null>(null);

  const refresh = useCallback(() => {
    listNotifications(api).then(
      (response) => {
        setNotifications(response.notifications);
        setUnread(response.unread);
        const known = seen.current;
        const fresh = response.notifications.filter((n) => !n.read && known?.has(n.id) === false);
        seen.current = new Set(response.notifications.map((n) => n.id));
        // Only what arrived while the app was open: the first list is not news.
        for (const notification of fresh.slice(0, 3)) {
          void notify({
            title: t('activity.osTitle'),
            body: describeNotification(notification, t),
          });
        }
      },
      () => undefined,
    );
  }, [api, t]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    window.addEventListener('online', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      window.removeEventListener('online', refresh);
    };
  }, [refresh]);

  const markRead = useCallback(
    (id: string) => {
      setNotifications((list) => list.map((n) => (n.id === id ? { ...n, read: true } : n)));
      setUnread((count) => Math.max(0, count - 1));
      markNotificationRead(api, id).then(refresh, () => undefined);
    },
    [api, refresh],
  );

  const markAllRead = useCallback(() => {
    setNotifications((list) => list.map((n) => ({ ...n, read: true })));
    setUnread(0);
    markAllNotificationsRead(api).then(refresh, () => undefined);
  }, [api, refresh]);

  return { notifications, unread, refresh, markRead, markAllRead };
}
