import { describe, expect, it, vi } from 'vitest';
import {
  installPermissionPolicy,
  isPermissionGranted,
} from '../../../../electron/main/permissions';

describe('isPermissionGranted', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'midiSysex',
    'openExternal',
    'clipboard-read',
    'hid',
    'fullscreen',
  ])('denies %s even to app://minka', (permission) => {
    expect(isPermissionGranted(permission, 'app://minka/index.html')).toBe(false);
  });

  it('lets app://minka write to the clipboard, and nobody else', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://minka')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://www.gob.pe/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

describe('installPermissionPolicy', () => {
  it('denies requests, checks and devices', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    installPermissionPolicy(session as never);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const callback = vi.fn();
    request({}, 'media', callback, { requestingUrl: 'app://minka/index.html' });
    request({}, 'geolocation', callback, { requestingUrl: 'https://evil.example/' });
    expect(callback.mock.calls).toEqual([[false], [false]]);

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    expect(check({}, 'notifications', 'app://minka', {})).toBe(false);
    expect(check({}, 'clipboard-sanitized-write', 'app://minka', {})).toBe(true);

    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0];
    expect(device({ deviceType: 'usb', origin: 'app://minka' })).toBe(false);
  });
});
