/**
 * The main window and the only webPreferences any Minka window gets. The renderer is treated as
 * a web page that may be compromised: no Node, sandboxed, isolated from the preload's world, and
 * the server URL handed over as a command-line switch the preload reads (shared/ipc/channels).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { serverUrlSwitch } from '../../shared/ipc/channels';
import { APP_ENTRY_URL } from './appOrigin';
import { DEFAULT_SIZE, MIN_SIZE, type WindowState } from './windowState';

export interface WindowOptions {
  /** Absolute path of out/preload/index.cjs. */
  readonly preloadPath: string;
  readonly serverOrigin: string;
}

/** Electron's security checklist as webPreferences: every window starts from these. */
export const LOCKED_DOWN: Readonly<WebPreferences> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
};

export function secureWebPreferences(options: WindowOptions): WebPreferences {
  return {
    ...LOCKED_DOWN,
    spellcheck: true,
    preload: options.preloadPath,
    additionalArguments: [serverUrlSwitch(options.serverOrigin)],
  };
}

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(
  BrowserWindowCtor: BrowserWindowClass,
  options: WindowOptions,
  /** Where the window was last time, already clamped to today's screens (./windowState). */
  restored?: WindowState,
): BrowserWindow {
  const window = new BrowserWindowCtor({
    ...(restored?.bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Minka',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options),
  });
  window.once('ready-to-show', () => {
    if (restored?.maximized === true) window.maximize();
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(
      `app_load_failed: no se pudo cargar ${APP_ENTRY_URL}; ejecute "npm run build"`,
      error,
    );
  });
  return window;
}
