/**
 * Electron main: wires the modules beside it to Electron and does nothing else. The order is
 * Electron's: the single-instance lock, the app:// scheme and the sandbox come before `ready`;
 * the protocol handler, the permission policy, IPC, the menu and the window come after it.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { IpcChannel } from '../../shared/ipc/channels';
import { MainEvent, type AppCommand, type UiLanguage } from '../../shared/ipc/events';
import { APP_SCHEME } from './appOrigin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { readMainConfig } from './config';
import { DEEP_LINK_SCHEME, deepLinksInArgv, parseDeepLink } from './deepLink';
import {
  createPrintProtocolHandler,
  exportDocument,
  isPrintRequestAllowed,
  PRINT_URL,
  printWindowOptions,
} from './documentExport';
import { registerIpcHandlers, type IpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { guardWebContents } from './navigation';
import { installPermissionPolicy } from './permissions';
import { createPendingQuestion, createQuitGuard } from './quitGuard';
import { languageFromLocale, quitDialogText } from './strings';
import { createTokenVault } from './tokenVault';
import { createMainWindow } from './window';
import {
  parseWindowState,
  restoreBounds,
  serializeWindowState,
  type WindowState,
} from './windowState';

/** How long quitting waits for the renderer to count its unsent changes. */
const QUIT_CHECK_TIMEOUT_MS = 4000;

function readTextOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, file);
}

function main(): void {
  const configResult = readMainConfig(process.argv, process.env);
  if (!configResult.ok) {
    console.error(`${configResult.code}: ${configResult.message}`);
    app.exit(1);
    return;
  }
  // A second launch (a deep link clicked while Minka runs) hands its arguments to this one.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const { serverOrigin } = configResult.config;
  const outDir = path.resolve(import.meta.dirname, '..');
  const windowOptions = { preloadPath: path.join(outDir, 'preload', 'index.cjs'), serverOrigin };

  let mainWindow: BrowserWindow | null = null;
  let pageLoaded = false;
  let language: UiLanguage = 'es-419';
  const waitingCommands: AppCommand[] = [...deepLinksInArgv(process.argv)];

  const sendCommand = (command: AppCommand): void => {
    if (mainWindow === null || !pageLoaded) {
      waitingCommands.push(command);
      return;
    }
    mainWindow.webContents.send(MainEvent.command, command);
  };
  const focusWindow = (): void => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };
  const applyMenu = (): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate(language, process.platform, sendCommand)),
    );
  };

  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.enableSandbox();
  if (process.defaultApp && process.argv[1] !== undefined) {
    // Development (`electron .`): the OS must start Electron with the app folder.
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [
      path.resolve(process.argv[1]),
    ]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
  app.on('second-instance', (_event, argv) => {
    focusWindow();
    for (const command of deepLinksInArgv(argv)) sendCommand(command);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const command = parseDeepLink(url);
    if (command !== null) sendCommand(command);
    focusWindow();
  });
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (url) => shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const quitQuestion = createPendingQuestion(QUIT_CHECK_TIMEOUT_MS);
  const quitGuard = createQuitGuard({
    countPending: () => {
      const window = mainWindow;
      if (window === null || !pageLoaded) return Promise.resolve(null);
      return quitQuestion.ask((requestId) =>
        window.webContents.send(MainEvent.quitCheck, requestId),
      );
    },
    confirmQuit: async (pending) => {
      const text = quitDialogText(language, pending);
      const options = {
        type: 'warning' as const,
        title: text.title,
        message: text.message,
        detail: text.detail,
        buttons: [text.quit, text.wait],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const { response } =
        mainWindow === null
          ? await dialog.showMessageBox(options)
          : await dialog.showMessageBox(mainWindow, options);
      return response === 0;
    },
  });
  app.on('before-quit', (event) => quitGuard.intercept(event, () => app.quit()));

  app
    .whenReady()
    .then(() => {
      language = languageFromLocale(app.getLocale());
      const userData = app.getPath('userData');
      const windowStateFile = path.join(userData, 'window-state.json');
      const tokenVault = createTokenVault(
        {
          read: () =>
            readFile(path.join(userData, 'session-tokens.json'), 'utf8').catch(() => null),
          write: (text) => writeAtomically(path.join(userData, 'session-tokens.json'), text),
        },
        safeStorage,
        process.platform,
      );
      let exportCount = 0;
      const printToPdf = async (html: string): Promise<Uint8Array> => {
        const partition = `minka-export-${++exportCount}`;
        const printSession = session.fromPartition(partition);
        installPermissionPolicy(printSession);
        printSession.protocol.handle(APP_SCHEME, createPrintProtocolHandler(html));
        printSession.webRequest.onBeforeRequest((details, callback) =>
          callback({ cancel: !isPrintRequestAllowed(details.url) }),
        );
        const printWindow = new BrowserWindow(printWindowOptions(partition));
        try {
          await printWindow.loadURL(PRINT_URL);
          return await printWindow.webContents.printToPDF({
            printBackground: true,
            pageSize: 'A4',
          });
        } finally {
          printWindow.destroy();
          printSession.protocol.unhandle(APP_SCHEME);
        }
      };

      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({
          root: path.join(outDir, 'renderer'),
          serverOrigin,
          readFile: (file) => readFile(file),
        }),
      );
      installPermissionPolicy(session.defaultSession);
      registerIpcHandlers(ipcMain, {
        [IpcChannel.getInfo]: () => ({ version: app.getVersion(), platform: process.platform }),
        [IpcChannel.setLanguage]: (next) => {
          language = next;
          applyMenu();
        },
        [IpcChannel.loadToken]: (server) => tokenVault.load(server),
        [IpcChannel.saveToken]: (server, token) => tokenVault.save(server, token),
        [IpcChannel.clearToken]: (server) => tokenVault.clear(server),
        [IpcChannel.exportDocument]: (request, { sender }) => {
          const parent = BrowserWindow.fromWebContents(sender);
          return exportDocument(request, {
            showSaveDialog: (options) =>
              parent === null
                ? dialog.showSaveDialog(options)
                : dialog.showSaveDialog(parent, options),
            writeFile: (file, data) => writeFile(file, data),
            printToPdf,
            language: () => language,
            defaultDir: app.getPath('documents'),
          });
        },
        [IpcChannel.notify]: ({ title, body }) => {
          if (Notification.isSupported()) new Notification({ title, body }).show();
        },
        [IpcChannel.answerQuitCheck]: (requestId, pending) =>
          quitQuestion.answer(requestId, pending),
      } satisfies IpcHandlers);
      applyMenu();

      const openWindow = (): void => {
        const saved = parseWindowState(readTextOrNull(windowStateFile));
        const primary = screen.getPrimaryDisplay();
        const workAreas = [
          primary.workArea,
          ...screen
            .getAllDisplays()
            .filter((display) => display.id !== primary.id)
            .map((display) => display.workArea),
        ];
        const bounds = restoreBounds(saved, workAreas);
        const restored: WindowState | undefined =
          bounds === undefined ? undefined : { bounds, maximized: saved?.maximized === true };
        const window = createMainWindow(BrowserWindow, windowOptions, restored);
        mainWindow = window;
        pageLoaded = false;
        window.webContents.on('did-finish-load', () => {
          pageLoaded = true;
          for (const command of waitingCommands.splice(0)) sendCommand(command);
        });
        window.on('close', (event) => {
          const state = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
          writeAtomically(windowStateFile, serializeWindowState(state)).catch(() => undefined);
          quitGuard.intercept(event, () => window.close());
        });
        window.on('closed', () => {
          if (mainWindow === window) mainWindow = null;
        });
      };
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      console.error(
        'app_load_failed: Minka no pudo iniciar; vuelva a compilar con "npm run build".',
        error,
      );
      app.exit(1);
    });
}

main();
