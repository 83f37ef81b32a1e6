// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MinkaBridge } from '../../../../shared/ipc/bridge';
import {
  notify,
  onAppCommand,
  onQuitCheck,
  saveExport,
  setDesktopLanguage,
} from '../../../../renderer/platform/desktop';

const host = window as unknown as { minka?: MinkaBridge };

function installBridge(overrides: Partial<MinkaBridge>): void {
  host.minka = overrides as MinkaBridge;
}

afterEach(() => {
  delete host.minka;
  vi.restoreAllMocks();
});

describe('renderer/platform/desktop in Electron', () => {
  it('sends exports, notifications and the language through the bridge', async () => {
    const exportDocument = vi.fn(() =>
      Promise.resolve({ status: 'saved' as const, fileName: 'a.md' }),
    );
    const notifyBridge = vi.fn(() => Promise.resolve());
    const setLanguage = vi.fn(() => Promise.resolve());
    installBridge({ exportDocument, notify: notifyBridge, setLanguage });
    await expect(saveExport({ format: 'markdown', title: 'A', markdown: '#' })).resolves.toEqual({
      status: 'saved',
      fileName: 'a.md',
    });
    await notify({ title: 'T', body: 'B' });
    setDesktopLanguage('en');
    setDesktopLanguage('es-419');
    expect(notifyBridge).toHaveBeenCalledWith({ title: 'T', body: 'B' });
    expect(setLanguage.mock.calls).toEqual([['en'], ['es-419']]);
  });

  it('registers command listeners and the quit count with the bridge', () => {
    const unsubscribe = vi.fn();
    const onCommand = vi.fn(() => unsubscribe);
    const onQuitCheckBridge = vi.fn(() => unsubscribe);
    installBridge({ onCommand, onQuitCheck: onQuitCheckBridge });
    const listener = vi.fn();
    expect(onAppCommand(listener)).toBe(unsubscribe);
    const count = () => 2;
    expect(onQuitCheck(count)).toBe(unsubscribe);
    expect(onCommand).toHaveBeenCalledWith(listener);
    expect(onQuitCheckBridge).toHaveBeenCalledWith(count);
  });
});

describe('renderer/platform/desktop in a browser', () => {
  it('downloads HTML and Markdown with a safe file name', async () => {
    const clicks: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ href: this.href, download: this.download });
    });
    await expect(
      saveExport({ format: 'html', title: 'Acta / sesión', html: '<p>x</p>' }),
    ).resolves.toEqual({ status: 'saved', fileName: 'Acta sesión.html' });
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.href).toMatch(/^blob:/);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('prints for PDF', async () => {
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    await expect(saveExport({ format: 'pdf', title: 'A', html: '' })).resolves.toEqual({
      status: 'printing',
    });
    expect(print).toHaveBeenCalled();
  });

  it('asks the browser to confirm leaving only while changes are unsent', () => {
    let pending = 0;
    const stop = onQuitCheck(() => pending);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    pending = 2;
    expect(leave()).toBe(true);
    stop();
    expect(leave()).toBe(false);
  });

  it('reaches nothing of Electron: no command arrives, the language goes nowhere', () => {
    const listener = vi.fn();
    const stop = onAppCommand(listener);
    setDesktopLanguage('en');
    stop();
    expect(listener).not.toHaveBeenCalled();
    expect(host.minka).toBeUndefined();
  });

  it('names a download by the same rule as the save dialog, Windows device names included', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await expect(saveExport({ format: 'markdown', title: 'CON', markdown: '#' })).resolves.toEqual({
      status: 'saved',
      fileName: 'documento.md',
    });
  });
});
