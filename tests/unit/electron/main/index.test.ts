// Boots electron/main/index.ts against a recording fake of the electron module, so the wiring
// (not just the pure modules) is checked: what every window gets, what is registered before and
// after `ready`.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => {
  const calls: { name: string; args: unknown[] }[] = [];
  const windows: {
    options: { webPreferences?: Record<string, unknown> };
    loadURL: ReturnType<typeof vi.fn>;
  }[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  return { calls, windows, appListeners };
});

vi.mock('electron', () => {
  const record =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      recorded.calls.push({ name, args });
      return result;
    };
  class BrowserWindow {
    static getAllWindows = () => recorded.windows;
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    show = vi.fn();
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      recorded.windows.push(this);
    }
  }
  return {
    app: {
      on: (name: string, listener: (...args: unknown[]) => void) =>
        recorded.appListeners.set(name, listener),
      whenReady: () => Promise.resolve(),
      enableSandbox: record('app.enableSandbox'),
      getVersion: () => '0.1.0',
      exit: record('app.exit'),
      quit: record('app.quit'),
    },
    BrowserWindow,
    ipcMain: { handle: record('ipcMain.handle') },
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: record('protocol.handle'),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
        setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
        setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
      },
    },
    shell: { openExternal: record('shell.openExternal', Promise.resolve()) },
  };
});

const names = () => recorded.calls.map((call) => call.name);
const argsOf = (name: string) =>
  recorded.calls.filter((call) => call.name === name).map((call) => call.args);

describe('electron/main/index', () => {
  beforeAll(async () => {
    vi.stubEnv('MINKA_SERVER_URL', 'http://127.0.0.1:4999');
    await import('../../../../electron/main/index');
    await new Promise((resolve) => setImmediate(resolve));
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('gives every window exactly the secure webPreferences', () => {
    recorded.appListeners.get('activate')?.();
    expect(recorded.windows.length).toBeGreaterThanOrEqual(1);
    const outDir = path.resolve(import.meta.dirname, '../../../../electron');
    for (const window of recorded.windows) {
      expect(window.options.webPreferences).toEqual({
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
    const [[channel, listener]] = argsOf('ipcMain.handle') as [
      [string, (event: unknown) => unknown],
    ];
    expect(channel).toBe('app:getInfo');
    expect(() => listener({ senderFrame: { url: 'https://evil.example/', parent: null } })).toThrow(
      /MINKA_IPC_FOREIGN_SENDER/,
    );
    expect(listener({ senderFrame: { url: 'app://minka/index.html', parent: null } })).toEqual({
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
});
