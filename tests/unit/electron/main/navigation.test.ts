import { describe, expect, it, vi } from 'vitest';
import {
  decideNavigation,
  decideWindowOpen,
  guardWebContents,
  isExternalUrlAllowed,
} from '../../../../electron/main/navigation';

const refusedEverywhere = [
  'file:///etc/passwd',
  'file://minka/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'smb://fileserver/share',
  'app://other/index.html',
  'app://minka.evil.com/index.html',
  'app://user@minka/index.html',
  'http://www.gob.pe/minem',
  'http://127.0.0.1:4455/',
  'https://gob.pe.evil.com/',
  'https://evilgob.pe/',
  'https://gob.pe@evil.com/',
  'https://user:pw@www.gob.pe/',
  'https://www.gob.pe:8443/',
  'https://www.gob.pe./',
  'https://xn--gb-wka.pe/',
  'mailto:',
  'ms-msdt:/id PCWDiagnostic',
  'not a url',
];

describe('isExternalUrlAllowed', () => {
  it.each([
    'https://gob.pe/',
    'https://www.gob.pe/minem',
    'https://www.gob.pe/institucion/ingemmet?x=1#y',
    'mailto:secretaria@cluster.pe',
  ])('opens %s in the OS browser', (url) => {
    expect(isExternalUrlAllowed(url)).toBe(true);
  });

  it.each(refusedEverywhere)('refuses %s', (url) => {
    expect(isExternalUrlAllowed(url)).toBe(false);
  });
});

describe('decideNavigation', () => {
  it.each(['app://minka/index.html', 'app://minka/g/1/doc/2'])('lets the window load %s', (url) => {
    expect(decideNavigation(url)).toBe('allow');
  });

  it('sends an allowlisted https link to the OS browser instead of the window', () => {
    expect(decideNavigation('https://www.gob.pe/minem')).toBe('openExternal');
  });

  it.each(refusedEverywhere)('refuses %s', (url) => {
    expect(decideNavigation(url)).toBe('deny');
  });
});

describe('decideWindowOpen', () => {
  it('never opens a second app window', () => {
    expect(decideWindowOpen('app://minka/index.html')).toBe('deny');
  });

  it('opens allowlisted links outside', () => {
    expect(decideWindowOpen('https://www.gob.pe/minem')).toBe('openExternal');
  });

  it.each(refusedEverywhere)('refuses %s', (url) => {
    expect(decideWindowOpen(url)).toBe('deny');
  });
});

type Listener = (event: { url: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    }),
  };
  const emit = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)?.(event);
    return event;
  };
  const open = (url: string) => openHandler?.({ url });
  return { contents, emit, open };
}

describe('guardWebContents', () => {
  function setup() {
    const fake = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    guardWebContents(fake.contents as never, openExternal);
    return { ...fake, openExternal };
  }

  it('keeps in-app navigation and blocks the rest', () => {
    const { emit, openExternal } = setup();
    expect(emit('will-navigate', 'app://minka/g/1/doc/2').preventDefault).not.toHaveBeenCalled();
    expect(emit('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(emit('will-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens an allowlisted link in the OS browser and not in the window', () => {
    const { emit, openExternal } = setup();
    expect(emit('will-navigate', 'https://www.gob.pe/minem').preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://www.gob.pe/minem');
  });

  it('blocks redirects away from the app and every webview', () => {
    const { emit } = setup();
    expect(emit('will-redirect', 'https://www.gob.pe/').preventDefault).toHaveBeenCalled();
    expect(emit('will-redirect', 'app://minka/index.html').preventDefault).not.toHaveBeenCalled();
    expect(emit('will-attach-webview', 'app://minka/index.html').preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, opening only allowlisted links outside', () => {
    const { open, openExternal } = setup();
    for (const url of [
      'app://minka/index.html',
      'https://www.gob.pe/minem',
      'javascript:alert(1)',
      'https://evil.example/',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://www.gob.pe/minem']]);
  });
});
