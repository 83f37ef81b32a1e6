/**
 * Chromium permission requests (camera, microphone, geolocation, notifications, MIDI, HID, …)
 * are all refused. The one exception is writing to the clipboard from app://minka, which the
 * "copy link" actions need; reading the clipboard still needs the user's own paste.
 */
import type { Session } from 'electron';
import { isAppUrl } from './appOrigin';

const GRANTED_TO_APP: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return requestingUrl !== undefined && isAppUrl(requestingUrl) && GRANTED_TO_APP.has(permission);
}

type PolicySession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function installPermissionPolicy(session: PolicySession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
