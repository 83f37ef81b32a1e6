// Boots electron/main/index.ts against a recording fake of the electron module, so the wiring
// (not just the pure modules) is checked: what every window gets, what is registered before and
// after `ready`, how deep links, the menu, exports and the quit guard reach the renderer.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => {
  const calls: { name: string; args: unknown[] }[] = [];
  const windows: FakeWindow[] = [];
  const appListeners = new Map<string, Listener>();
  const state = { messageBoxResponse: 0, saveDialogPath: '' as string | undefined };
  interface FakeWindow {
    options: { webPreferences?: Record<string, unknown> };
    loadURL: ReturnType<typeof vi.fn>;
    listeners: Map<string, Listener>;
    webContents: {
      listeners: Map<string, Listener>;
      send: ReturnType<typeof vi.fn>;
      printToPDF: ReturnType<typeof vi.fn>;
    };
    close: ReturnType<typeof vi.fn>;
    destroy: ReturnType<typeof vi.fn>;
    focus: ReturnType<typeof vi.fn>;
  }
  return { calls, windows, appListeners, state };
});

vi.mock('electron', () => {
  const record =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      recorded.calls.push({ name, args });
      return typeof result === 'function' ? (result as Listener)(...args) : result;
    };
  class BrowserWindow {
    static getAllWindows = () => recorded.windows;
    static fromWebContents = (contents: unknown) =>
      recorded.windows.find((window) => window.webContents === contents) ?? null;
    listeners = new Map<string, Listener>();
    webContents = {
      listeners: new Map<string, Listener>(),
      on: (name: string, listener: Listener) => this.webContents.listeners.set(name, listener),
      send: vi.fn(),
      printToPDF: vi.fn(() => Promise.resolve(new Uint8Array([37, 80, 68, 70]))),
    };
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    on = (name: string, listener: Listener) => this.listeners.set(name, listener);
    show = vi.fn();
    maximize = vi.fn();
    close = vi.fn();
    destroy = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      recorded.windows.push(this as never);
    }
  }
  const fakeSession = (name: string) => ({
    setPermissionRequestHandler: record(`${name}.setPermissionRequestHandler`),
    setPermissionCheckHandler: record(`${name}.setPermissionCheckHandler`),
    setDevicePermissionHandler: record(`${name}.setDevicePermissionHandler`),
    webRequest: { onBeforeRequest: record(`${name}.webRequest.onBeforeRequest`) },
    protocol: {
      handle: record(`${name}.protocol.handle`),
      unhandle: record(`${name}.protocol.unhandle`),
    },
  });
  const userData = mkdtempSync(path.join(tmpdir(), 'minka-main-test-'));
  return {
    app: {
      on: (name: string, listener: Listener) => recorded.appListeners.set(name, listener),
      whenReady: () => Promise.resolve(),
      enableSandbox: record('app.enableSandbox'),
      requestSingleInstanceLock: record('app.requestSingleInstanceLock', true),
      setAsDefaultProtocolClient: record('app.setAsDefaultProtocolClient', true),
      getLocale: () => 'es-PE',
      getPath: (name: string) => path.join(userData, name === 'userData' ? '' : name),
      getVersion: () => '0.1.0',
      exit: record('app.exit'),
      quit: record('app.quit'),
    },
    BrowserWindow,
    dialog: {
      showSaveDialog: record('dialog.showSaveDialog', () =>
        Promise.resolve({
          canceled: recorded.state.saveDialogPath === undefined,
          filePath: recorded.state.saveDialogPath,
        }),
      ),
      showMessageBox: record('dialog.showMessageBox', () =>
        Promise.resolve({ response: recorded.state.messageBoxResponse }),
      ),
    },
    ipcMain: { handle: record('ipcMain.handle') },
    Menu: {
      buildFromTemplate: record('Menu.buildFromTemplate', (template: unknown) => ({ template })),
      setApplicationMenu: record('Menu.setApplicationMenu'),
    },
    Notification: class {
      static isSupported = () => true;
      constructor(readonly options: unknown) {
        recorded.calls.push({ name: 'Notification', args: [options] });
      }
      show = record('Notification.show');
    },
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: record('protocol.handle'),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      // Scrambled like real ciphertext: the plaintext token must not survive in the bytes.
      encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
      decryptString: (data: Buffer) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    session: {
      defaultSession: fakeSession('session'),
      fromPartition: (partition: string) => fakeSession(`partition:${partition}`),
    },
    shell: { openExternal: record('shell.openExternal', Promise.resolve()) },
  };
});

const names = () => recorded.calls.map((call) => call.name);
const argsOf = (name: string) =>
  recorded.calls.filter((call) => call.name === name).map((call) => call.args);
const appFrame = { url: 'app://minka/index.html', parent: null };
const tick = () => new Promise((resolve) => setImmediate(resolve));

function ipc(channel: string): (event: unknown, ...args: unknown[]) => unknown {
  const found = argsOf('ipcMain.handle').find(([name]) => name === channel);
  if (found === undefined) throw new Error(`no handler for ${channel}`);
  return found[1] as (event: unknown, ...args: unknown[]) => unknown;
}

const mainWindow = () => recorded.windows[0]!;
const docCommand = {
  kind: 'open',
  path: '/g/0b7e7c1e-2f4a-4c1d-9d7e-1a2b3c4d5e6f/d/6f5e4d3c-2b1a-4e7d-9d1c-4a2f1e7c7e0b',
};
const mainPreferences = (outDir: string) => ({
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
  spellcheck: true,
  preload: path.join(outDir, 'preload', 'index.cjs'),
  additionalArguments: ['--minka-server-url=http://127.0.0.1:4999'],
});

describe('electron/main/index', () => {
  beforeAll(async () => {
    vi.stubEnv('MINKA_SERVER_URL', 'http://127.0.0.1:4999');
    vi.spyOn(process, 'argv', 'get').mockReturnValue([
      '/opt/Minka/minka',
      `minka:/${docCommand.path}`,
    ]);
    await import('../../../../electron/main/index');
    await tick();
    vi.restoreAllMocks();
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes the single-instance lock and registers minka:// before ready', () => {
    expect(names()).toContain('app.requestSingleInstanceLock');
    expect(argsOf('app.setAsDefaultProtocolClient')[0]?.[0]).toBe('minka');
    expect(recorded.appListeners.has('second-instance')).toBe(true);
    expect(recorded.appListeners.has('open-url')).toBe(true);
  });

  it('gives every app window exactly the secure webPreferences', () => {
    recorded.appListeners.get('activate')?.();
    expect(recorded.windows.length).toBeGreaterThanOrEqual(1);
    const outDir = path.resolve(import.meta.dirname, '../../../../electron');
    for (const window of recorded.windows) {
      expect(window.options.webPreferences).toEqual(mainPreferences(outDir));
      expect(window.loadURL).toHaveBeenCalledWith('app://minka/index.html');
    }
  });

  it('declares app:// privileged and enables the sandbox before ready', () => {
    expect(argsOf('protocol.registerSchemesAsPrivileged')).toEqual([
      [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    ]);
    expect(names()).toContain('app.enableSandbox');
    expect(names().indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(
      names().indexOf('protocol.handle'),
    );
  });

  it('serves app:// with the CSP naming the configured server', async () => {
    const [[scheme, handler]] = argsOf('protocol.handle') as [
      [string, (request: Request) => Promise<Response>],
    ];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://minka/%2e%2e/package.json'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://127.0.0.1:4999 ws://127.0.0.1:4999",
    );
  });

  it('installs the deny-by-default permission policy', () => {
    expect(names()).toEqual(
      expect.arrayContaining([
        'session.setPermissionRequestHandler',
        'session.setPermissionCheckHandler',
        'session.setDevicePermissionHandler',
      ]),
    );
  });

  it('registers the IPC contract with sender checks', () => {
    const getInfo = ipc('app:getInfo');
    expect(() => getInfo({ senderFrame: { url: 'https://evil.example/', parent: null } })).toThrow(
      /ipc_foreign_sender/,
    );
    expect(getInfo({ senderFrame: appFrame })).toEqual({
      version: '0.1.0',
      platform: process.platform,
    });
  });

  it('guards every web contents that is created', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    recorded.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map(([name]) => name)).toEqual([
      'will-navigate',
      'will-redirect',
      'will-attach-webview',
    ]);
  });

  it('delivers the launch deep link once the page has loaded, and a second launch’s too', () => {
    const window = mainWindow();
    expect(window.webContents.send).not.toHaveBeenCalled();
    window.webContents.listeners.get('did-finish-load')?.();
    expect(window.webContents.send).toHaveBeenCalledWith('app:command', docCommand);
    recorded.appListeners.get('second-instance')?.({}, [
      '/opt/Minka/minka',
      'minka://invitation/ABCdef123_-x',
      'minka://doc/../../etc/passwd',
    ]);
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenLastCalledWith('app:command', {
      kind: 'open',
      path: '/invitacion/ABCdef123_-x',
    });
    expect(window.webContents.send).toHaveBeenCalledTimes(2);
  });

  it('builds a Spanish menu from the OS locale and rebuilds it in English when asked', () => {
    const first = argsOf('Menu.buildFromTemplate')[0]![0] as { label: string }[];
    expect(first.map((item) => item.label)).toContain('Archivo');
    ipc('app:setLanguage')({ senderFrame: appFrame, sender: {} }, 'en');
    const last = argsOf('Menu.buildFromTemplate').at(-1)![0] as { label: string }[];
    expect(last.map((item) => item.label)).toContain('File');
    ipc('app:setLanguage')({ senderFrame: appFrame, sender: {} }, 'es-419');
  });

  it('keeps tokens encrypted under userData and never in plaintext', async () => {
    const event = { senderFrame: appFrame, sender: {} };
    const server = 'http://127.0.0.1:4999';
    await expect(ipc('token:save')(event, server, 'secret-token')).resolves.toEqual({
      stored: true,
    });
    await expect(ipc('token:load')(event, server)).resolves.toBe('secret-token');
    const userData = (await import('electron')).app.getPath('userData');
    const stored = readdirSync(userData, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)));
    expect(stored.length).toBeGreaterThan(0);
    for (const bytes of stored) expect(bytes.includes('secret-token')).toBe(false);
    await ipc('token:clear')(event, server);
    await expect(ipc('token:load')(event, server)).resolves.toBeNull();
  });

  it('prints a PDF in a hidden window without JavaScript, preload or network', async () => {
    recorded.state.saveDialogPath = path.join(tmpdir(), `minka-export-test-${process.pid}.pdf`);
    const before = recorded.windows.length;
    const result = await ipc('document:export')(
      { senderFrame: appFrame, sender: mainWindow().webContents },
      { format: 'pdf', title: 'Acta / sesión 3', html: '<!doctype html><p>Hola</p>' },
    );
    expect(result).toEqual({
      status: 'saved',
      fileName: path.basename(recorded.state.saveDialogPath),
    });
    const [parent, options] = argsOf('dialog.showSaveDialog').at(-1)!;
    expect(parent).toBe(mainWindow());
    expect((options as { defaultPath: string }).defaultPath).toMatch(/Acta sesión 3\.pdf$/);
    const printWindow = recorded.windows[before]!;
    expect(printWindow.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(printWindow.options.webPreferences).not.toHaveProperty('preload');
    expect(printWindow.webContents.printToPDF).toHaveBeenCalled();
    expect(printWindow.destroy).toHaveBeenCalled();
    expect(printWindow.loadURL).toHaveBeenCalledWith('app://print/documento.html');
    const partitionCalls = names().filter((name) => name.startsWith('partition:'));
    expect(partitionCalls).toEqual([
      'partition:minka-export-1.setPermissionRequestHandler',
      'partition:minka-export-1.setPermissionCheckHandler',
      'partition:minka-export-1.setDevicePermissionHandler',
      'partition:minka-export-1.protocol.handle',
      'partition:minka-export-1.webRequest.onBeforeRequest',
      'partition:minka-export-1.protocol.unhandle',
    ]);
  });

  it('shows OS notifications through main', () => {
    ipc('os:notify')({ senderFrame: appFrame, sender: {} }, { title: 'Minka', body: 'Nuevo' });
    expect(argsOf('Notification')).toEqual([[{ title: 'Minka', body: 'Nuevo' }]]);
    expect(names()).toContain('Notification.show');
  });

  it('on quit asks the renderer, waits when told to, then quits and remembers the window', async () => {
    const window = mainWindow();
    const quitEvent = { preventDefault: vi.fn() };
    recorded.state.messageBoxResponse = 1;
    recorded.appListeners.get('before-quit')?.(quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    const [channel, requestId] = window.webContents.send.mock.calls.at(-1)!;
    expect(channel).toBe('app:quitCheck');
    ipc('app:answerQuitCheck')({ senderFrame: appFrame, sender: {} }, requestId, 3);
    await tick();
    const [, box] = argsOf('dialog.showMessageBox').at(-1)!;
    expect(box).toMatchObject({
      message: 'Hay 3 cambios guardados solo en este equipo.',
      buttons: ['Salir de todos modos', 'Esperar'],
      cancelId: 1,
    });
    expect((box as { detail: string }).detail).toContain(
      'Están a salvo y se enviarán al servidor cuando vuelva a estar disponible.',
    );
    expect(names()).not.toContain('app.quit');

    recorded.state.messageBoxResponse = 0;
    recorded.appListeners.get('before-quit')?.({ preventDefault: vi.fn() });
    const [, secondId] = window.webContents.send.mock.calls.at(-1)!;
    ipc('app:answerQuitCheck')({ senderFrame: appFrame, sender: {} }, secondId, 3);
    await tick();
    await tick();
    expect(names()).toContain('app.quit');
    const passThrough = { preventDefault: vi.fn() };
    recorded.appListeners.get('before-quit')?.(passThrough);
    expect(passThrough.preventDefault).not.toHaveBeenCalled();

    // Having chosen to quit, the window closes without asking again and remembers where it was.
    const closeEvent = { preventDefault: vi.fn() };
    window.listeners.get('close')?.(closeEvent);
    expect(closeEvent.preventDefault).not.toHaveBeenCalled();
    const userData = (await import('electron')).app.getPath('userData');
    await vi.waitFor(() =>
      expect(JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toEqual({
        bounds: { x: 10, y: 20, width: 1000, height: 700 },
        maximized: false,
      }),
    );
  });
});
