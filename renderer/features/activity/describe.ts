import type { TFunction } from 'i18next';
import type { Notification } from '../../../shared/protocol/notificationsApi';

/** One sentence for a notification, in the UI language ("María Quispe le mencionó: …"). */
export function describeNotification(notification: Notification, t: TFunction): string {
  const name = notification.actor.name || t('activity.someone');
  const sentence = t(`activity.kind.${notification.kind}`, {
    name,
    group: notification.groupName ?? t('activity.aGroup'),
  });
  return notification.excerpt === '' ? sentence : `${sentence}: «${notification.excerpt}»`;
}
