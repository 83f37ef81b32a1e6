/** The "Actividad" inbox (shared/protocol/notificationsApi.ts). */
import {
  NOTIFICATIONS_PATHS,
  type NotificationsResponse,
} from '../../shared/protocol/notificationsApi';
import type { ApiClient } from './client';

export const listNotifications = (api: ApiClient) =>
  api.request<NotificationsResponse>('GET', NOTIFICATIONS_PATHS.list);

export const markNotificationRead = (api: ApiClient, id: string) =>
  api.request<void>('POST', NOTIFICATIONS_PATHS.read(id));

export const markAllNotificationsRead = (api: ApiClient) =>
  api.request<void>('POST', NOTIFICATIONS_PATHS.readAll);
