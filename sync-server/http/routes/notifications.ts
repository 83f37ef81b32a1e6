/**
 * The "Actividad" inbox: a person lists and marks read only their own notifications. Another
 * person's notification id answers exactly like one that does not exist (404), and a group's
 * name is given only while the reader is still a member of it. Each session is rate-limited
 * (the app polls; a runaway client gets 429 with Retry-After, not a busy database).
 */
import {
  NOTIFICATIONS_PAGE,
  NOTIFICATIONS_PATHS,
  notificationsQuerySchema,
  type Notification,
  type NotificationsResponse,
} from '../../../shared/protocol/notificationsApi';
import type { NotificationRecord } from '../../accounts/notifications';
import { TokenBucket } from '../../rateLimit';
import { ApiFailure } from '../failure';
import { noContent, ok, type ApiContext, type AuthedCall, type Route } from '../route';

/** Requests per session: a burst for opening the app, then one every two seconds. */
const LIMIT = { perSecond: 0.5, burst: 30 };

const buckets = new WeakMap<ApiContext, Map<string, TokenBucket>>();

function throttle({ context, session }: AuthedCall): void {
  const perSession = buckets.get(context) ?? new Map<string, TokenBucket>();
  buckets.set(context, perSession);
  let bucket = perSession.get(session.id);
  if (bucket === undefined) {
    if (perSession.size > 10_000) perSession.clear();
    bucket = new TokenBucket(LIMIT, context.now);
    perSession.set(session.id, bucket);
  }
  if (!bucket.take()) {
    throw new ApiFailure(
      429,
      'too_many_requests',
      'Demasiadas solicitudes seguidas; espere unos segundos y vuelva a intentarlo.',
      { 'Retry-After': String(Math.ceil(1 / LIMIT.perSecond)) },
    );
  }
}

async function view(
  context: ApiContext,
  userId: string,
  record: NotificationRecord,
): Promise<Notification> {
  const member = (await context.store.groups.roleOf(userId, record.groupId)) !== null;
  const knowsGroup = member || record.kind === 'invitation';
  return {
    id: record.id,
    kind: record.kind,
    groupId: record.groupId,
    groupName: knowsGroup ? ((await context.store.groups.get(record.groupId))?.name ?? null) : null,
    target: {
      kind: record.targetKind,
      id: record.targetId,
      threadId: member ? record.threadId : null,
      cardId: member ? record.cardId : null,
    },
    actor: { id: record.actorId, name: record.actorName },
    excerpt: member || record.kind === 'invitation' ? record.excerpt : '',
    createdAt: new Date(record.createdAt).toISOString(),
    read: record.readAt !== null,
  };
}

export const notificationRoutes: Route[] = [
  {
    method: 'GET',
    path: NOTIFICATIONS_PATHS.list,
    async handle(call) {
      throttle(call);
      const { context, session, query } = call;
      const parsed = notificationsQuerySchema.safeParse(Object.fromEntries(query));
      if (!parsed.success) {
        throw new ApiFailure(400, 'invalid_query', '«unread» debe ser 0 o 1.');
      }
      const userId = session.user.id;
      await context.notificationsSettled?.();
      const notifications: Notification[] = [];
      const records = await context.store.notifications.list(
        userId,
        NOTIFICATIONS_PAGE,
        parsed.data.unread === '1',
      );
      for (const record of records) notifications.push(await view(context, userId, record));
      const body: NotificationsResponse = {
        notifications,
        unread: await context.store.notifications.unreadCount(userId),
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: NOTIFICATIONS_PATHS.readAll,
    async handle(call) {
      throttle(call);
      await call.context.store.notifications.markAllRead(call.session.user.id);
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/api/notifications/:notificationId/read',
    async handle(call) {
      throttle(call);
      const { context, session, params } = call;
      if (!(await context.store.notifications.markRead(session.user.id, params.notificationId!))) {
        throw new ApiFailure(404, 'notification_not_found', 'Esa notificación no existe.');
      }
      return noContent;
    },
  },
];
