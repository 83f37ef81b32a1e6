/**
 * The app's own way to run a desktop command (new document, new board, switch group) from
 * inside the renderer, e.g. from the Ctrl+K palette: the same handler as the menu's commands
 * (useDesktopIntegration) receives it, in Electron and in a browser alike.
 */
import { onAppCommand, type AppCommand } from '../platform/desktop';

const EVENT = 'minka:command';

export function runAppCommand(command: AppCommand): void {
  window.dispatchEvent(new CustomEvent<AppCommand>(EVENT, { detail: command }));
}

export function onLocalCommand(listener: (command: AppCommand) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<AppCommand>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}

/** Commands from the desktop menu and minka:// links, and those run inside the app. */
export function onAppOrLocalCommand(listener: (command: AppCommand) => void): () => void {
  const offDesktop = onAppCommand(listener);
  const offLocal = onLocalCommand(listener);
  return () => {
    offDesktop();
    offLocal();
  };
}
