/**
 * The preload: the whole of what the renderer can ask of Electron, exposed as `window.minka`
 * (shape in shared/ipc/bridge). It runs sandboxed, so it imports only electron and shared/ipc's
 * zod-free modules, and it hands the page named values and functions: never ipcRenderer, never
 * a function that takes a channel name. Main validates every argument again (shared/ipc/schemas);
 * the preload checks what main pushes (shared/ipc/events) before a page listener sees it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { MinkaBridge } from '../../shared/ipc/bridge';
import { IpcChannel, readServerUrlSwitch } from '../../shared/ipc/channels';
import { isAppCommand, MainEvent, type AppCommand } from '../../shared/ipc/events';

const serverUrl = readServerUrlSwitch(process.argv);
if (serverUrl === null) {
  throw new Error(
    'no_server_url: la ventana se abrió sin la URL del servidor; ábrala desde Minka, no a mano.',
  );
}

// A deep link that launched the app arrives before React has mounted: keep commands until the
// first listener exists, then replay them in order.
const commandListeners = new Set<(command: AppCommand) => void>();
const earlyCommands: AppCommand[] = [];
const MAX_EARLY_COMMANDS = 20;

ipcRenderer.on(MainEvent.command, (_event, command: unknown) => {
  if (!isAppCommand(command)) return;
  if (commandListeners.size === 0) {
    if (earlyCommands.length < MAX_EARLY_COMMANDS) earlyCommands.push(command);
    return;
  }
  for (const listener of commandListeners) listener(command);
});

let countPending: (() => number | Promise<number>) | null = null;

ipcRenderer.on(MainEvent.quitCheck, (_event, requestId: unknown) => {
  if (typeof requestId !== 'number') return;
  const answer = async (): Promise<number> => {
    if (countPending === null) return 0;
    const count = await countPending();
    return Number.isInteger(count) && count >= 0 ? count : 0;
  };
  // Main waits with a timeout, so a failed count only means "quit without asking".
  answer()
    .then((count) => ipcRenderer.invoke(IpcChannel.answerQuitCheck, requestId, count))
    .catch(() => undefined);
});

const bridge: MinkaBridge = {
  serverUrl,
  getInfo: () => ipcRenderer.invoke(IpcChannel.getInfo),
  setLanguage: (language) => ipcRenderer.invoke(IpcChannel.setLanguage, language),
  loadToken: (server) => ipcRenderer.invoke(IpcChannel.loadToken, server),
  saveToken: (server, token) => ipcRenderer.invoke(IpcChannel.saveToken, server, token),
  clearToken: (server) => ipcRenderer.invoke(IpcChannel.clearToken, server),
  exportDocument: (request) => ipcRenderer.invoke(IpcChannel.exportDocument, request),
  notify: (notification) => ipcRenderer.invoke(IpcChannel.notify, notification),
  onCommand: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onCommand needs a function');
    commandListeners.add(listener);
    for (const command of earlyCommands.splice(0)) listener(command);
    return () => {
      commandListeners.delete(listener);
    };
  },
  onQuitCheck: (handler) => {
    if (typeof handler !== 'function') throw new TypeError('onQuitCheck needs a function');
    countPending = handler;
    return () => {
      if (countPending === handler) countPending = null;
    };
  },
};

contextBridge.exposeInMainWorld('minka', bridge);
