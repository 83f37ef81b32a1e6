/** The "Actividad" inbox over HTTP (shared/protocol/notificationsApi.ts). */
import {
  NOTIFICATIONS_PATHS,
  type NotificationsResponse,
} from '../../shared/protocol/notificationsApi';
import type { ApiClient } from '../features/account/api';

export function listNotifications(api: ApiClient): Promise<NotificationsResponse> {
  return api.request('GET', NOTIFICATIONS_PATHS.list);
}

export function markNotificationRead(api: ApiClient, id: string): Promise<void> {
  return api.request('POST', NOTIFICATIONS_PATHS.read(id));
}

export function markAllNotificationsRead(api: ApiClient): Promise<void> {
  return api.request('POST', NOTIFICATIONS_PATHS.readAll);
}
