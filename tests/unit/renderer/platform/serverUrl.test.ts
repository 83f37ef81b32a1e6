import { afterEach, describe, expect, it, vi } from 'vitest';
import { getServerUrl, toWebSocketUrl } from '../../../../renderer/platform/serverUrl';

function stubWindow(href: string, bridge?: { serverUrl: string }) {
  const storage = new Map<string, string>();
  const url = new URL(href);
  vi.stubGlobal('window', {
    location: { search: url.search, origin: url.origin },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
    },
    minka: bridge,
  });
  return (next: string) => {
    const nextUrl = new URL(next);
    (window.location as { search: string }).search = nextUrl.search;
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('getServerUrl', () => {
  it('prefers the preload bridge', () => {
    stubWindow('app://minka/index.html?server=http://127.0.0.1:1', {
      serverUrl: 'http://127.0.0.1:4455/',
    });
    expect(getServerUrl()).toBe('http://127.0.0.1:4455');
  });

  it('takes ?server= and keeps it for a reload without the parameter', () => {
    const navigate = stubWindow('http://127.0.0.1:8080/?server=http%3A%2F%2F127.0.0.1%3A4455');
    expect(getServerUrl()).toBe('http://127.0.0.1:4455');
    navigate('http://127.0.0.1:8080/');
    expect(getServerUrl()).toBe('http://127.0.0.1:4455');
  });

  it('falls back to the page origin and ignores unusable values', () => {
    stubWindow('http://localhost:4455/?server=javascript:alert(1)');
    expect(getServerUrl()).toBe('http://localhost:4455');
  });

  it('derives the WebSocket origin', () => {
    expect(toWebSocketUrl('http://127.0.0.1:4455')).toBe('ws://127.0.0.1:4455');
    expect(toWebSocketUrl('https://minka.example.pe/')).toBe('wss://minka.example.pe');
  });
});
