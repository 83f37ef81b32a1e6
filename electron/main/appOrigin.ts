/**
 * The one origin Minka's own pages live at. Navigation, IPC and permission checks all ask
 * "is this app://minka?" through {@link isAppUrl}, so there is one answer to get right.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'minka';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
