/**
 * The notifications API (the "Actividad" inbox): what the server tells a person happened to
 * them (a mention, a reply, a decided suggestion, a card assignment, an access request or an
 * invitation). A person reads and marks only their own; nothing here names a group the reader
 * is no longer a member of (`groupName` is null then).
 */
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'suggestion_accepted',
  'suggestion_rejected',
  'card_assigned',
  'access_request',
  'invitation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATIONS_PATHS = {
  list: '/api/notifications',
  read: (id: string) => `/api/notifications/${encodeURIComponent(id)}/read`,
  readAll: '/api/notifications/read-all',
} as const;

/** Most notifications one GET returns (newest first). */
export const NOTIFICATIONS_PAGE = 100;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  groupId: z.string(),
  groupName: z.string().nullable(),
  target: z.object({
    kind: z.enum(['doc', 'board', 'group']),
    id: z.string(),
    threadId: z.string().nullable(),
    cardId: z.string().nullable(),
  }),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  /** A short quote of what happened (the comment, the card's title). */
  excerpt: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsResponseSchema = z.object({
  notifications: z.array(notificationSchema),
  unread: z.number().int().nonnegative(),
});
export type NotificationsResponse = z.infer<typeof notificationsResponseSchema>;

export const notificationsQuerySchema = z.object({
  unread: z.enum(['0', '1']).optional(),
});
