/**
 * Electron main: wires the modules beside it to Electron and does nothing else. The order is
 * Electron's: the app:// scheme and the sandbox must be declared before `ready`; the protocol
 * handler, the permission policy, IPC and the window come after it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { IpcChannel } from '../../shared/ipc/channels';
import { APP_SCHEME } from './appOrigin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { readMainConfig } from './config';
import { registerIpcHandlers } from './ipc';
import { guardWebContents } from './navigation';
import { installPermissionPolicy } from './permissions';
import { createMainWindow } from './window';

function main(): void {
  const configResult = readMainConfig(process.argv, process.env);
  if (!configResult.ok) {
    console.error(`${configResult.code}: ${configResult.message}`);
    app.exit(1);
    return;
  }
  const { serverOrigin } = configResult.config;
  const outDir = path.resolve(import.meta.dirname, '..');
  const windowOptions = { preloadPath: path.join(outDir, 'preload', 'index.cjs'), serverOrigin };

  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (url) => shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
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
      });
      createMainWindow(BrowserWindow, windowOptions);
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0)
          createMainWindow(BrowserWindow, windowOptions);
      });
    })
    .catch((error: unknown) => {
      console.error(
        'MINKA_STARTUP_FAILED: Minka no pudo iniciar; vuelva a compilar con "npm run build".',
        error,
      );
      app.exit(1);
    });
}

main();
