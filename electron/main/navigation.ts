/**
 * What a Minka window may load and open. The window only ever shows app://minka: every other
 * navigation, redirect, popup and <webview> is refused. A link the user clicks to an allowlisted
 * https site (or a mailto: address) opens in the OS browser instead, so documents can cite
 * regulations without the app ever rendering a remote page with the bridge attached.
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

/**
 * Hosts whose https pages open in the OS browser; subdomains included. gob.pe covers the
 * Peruvian state sites a mining cluster cites (MINEM, INGEMMET, OSINERGMIN, OEFA, SUNAT).
 */
export const EXTERNAL_HOSTS: readonly string[] = ['gob.pe'];

export function isExternalUrlAllowed(
  value: string,
  hosts: readonly string[] = EXTERNAL_HOSTS,
): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.includes('@');
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '' || url.port !== '') return false;
  const host = url.hostname;
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

export type NavigationDecision = 'allow' | 'openExternal' | 'deny';

/** A navigation of the window itself: stays on app://minka, or leaves for the OS browser, or nothing. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isExternalUrlAllowed(url) ? 'openExternal' : 'deny';
}

/** `window.open` and target=_blank: never a new Electron window, even for app://minka. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isExternalUrlAllowed(url) ? 'openExternal' : 'deny';
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Attaches the rules above to one WebContents; main calls it for every one that is created. */
export function guardWebContents(
  contents: GuardedContents,
  openExternal: (url: string) => Promise<void>,
): void {
  const openOutside = (url: string): void => {
    openExternal(url).catch((error: unknown) => {
      console.error(
        `open_external_failed: no se pudo abrir ${url} en el navegador del sistema`,
        error,
      );
    });
  };
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'openExternal') openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'openExternal') openOutside(url);
    return { action: 'deny' };
  });
}
