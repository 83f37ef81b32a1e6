/**
 * Opens a web or mail link outside the app. On the desktop, main's window-open handler checks the
 * address against its allowlist and hands it to the system browser (shell.openExternal); in a
 * browser it opens a new tab. Either way the app's own page never navigates away.
 */
export function openExternalLink(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}
