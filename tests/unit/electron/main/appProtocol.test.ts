import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  createAppProtocolHandler,
  resolveAppRequest,
} from '../../../../electron/main/appProtocol';

const root = path.resolve('/srv/minka/out/renderer');
const SERVER = 'http://127.0.0.1:4455';

describe('resolveAppRequest', () => {
  it.each([
    ['app://minka/index.html', 'index.html'],
    ['app://minka/', 'index.html'],
    ['app://minka', 'index.html'],
    ['app://minka/assets/main-abc123.js', 'assets/main-abc123.js'],
    ['app://minka/assets/inter%20latin.woff2', 'assets/inter latin.woff2'],
    ['app://minka/assets/app.css?v=3#x', 'assets/app.css'],
    ['app://minka/g/4f1c/doc/9a2b', 'index.html'],
    ['app://minka/g/4f1c/', 'index.html'],
  ])('serves %s from %s under the root', (url, relative) => {
    expect(resolveAppRequest(url, root)).toEqual({
      kind: 'file',
      filePath: path.join(root, relative),
    });
  });

  it.each([
    'app://minka/../etc/passwd',
    'app://minka/assets/../../etc/passwd',
    'app://minka/%2e%2e/etc/passwd',
    'app://minka/%2E%2E/%2E%2E/etc/passwd',
    'app://minka/.%2e/etc/passwd',
    'app://minka/..%2fetc%2fpasswd',
    'app://minka/assets/..%5c..%5cwindows%5cwin.ini',
    'app://minka/assets%2f..%2f..%2fetc%2fpasswd',
    'app://minka/./index.html',
    'app://minka/.env',
    'app://minka//etc/passwd',
    'app://minka/%2fetc%2fpasswd',
    'app://minka/C:/Windows/win.ini',
    'app://minka/index.html%00.png',
    'app://minka/%E0%A4%A',
    '/etc/passwd',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://minka.evil.com/index.html',
    'app://minkaa/index.html',
    'app://minka:8080/index.html',
    'app://user@minka/index.html',
    'https://minka/index.html',
  ])('refuses %s with a 404', (url) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'notFound' });
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app and network only to the app and the sync server', () => {
    const csp = contentSecurityPolicy(SERVER);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`connect-src 'self' ${SERVER} ws://127.0.0.1:4455`);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*(https?:|\*|unsafe-inline)/);
  });

  it('uses wss for an https server', () => {
    expect(contentSecurityPolicy('https://sync.cluster.pe')).toContain(
      "connect-src 'self' https://sync.cluster.pe wss://sync.cluster.pe",
    );
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'minka-app-protocol-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Minka</title>');
    await writeFile(path.join(dir, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), 'secret');
    handle = createAppProtocolHandler({
      root: dir,
      serverOrigin: SERVER,
      readFile: (file) => readFile(file),
    });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), { force: true });
  });

  it.each([
    ['app://minka/index.html', 200, 'text/html; charset=utf-8'],
    ['app://minka/g/1/doc/2', 200, 'text/html; charset=utf-8'],
    ['app://minka/assets/main.js', 200, 'text/javascript; charset=utf-8'],
    ['app://minka/assets/missing.js', 404, 'text/plain; charset=utf-8'],
    ['app://minka/assets', 200, 'text/html; charset=utf-8'],
    ['app://other/index.html', 404, 'text/plain; charset=utf-8'],
  ])('answers %s with %i and the CSP header', async (url, status, contentType) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(SERVER));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  // Electron hands the handler the URL as the page asked for it. `new Request()` would normalize
  // `..` away before the code sees it, so these requests carry the raw text, and they name a file
  // that really exists beside the root: a handler that followed them would answer with it.
  it.each([
    (secret: string) => `app://minka/../${secret}`,
    (secret: string) => `app://minka/%2e%2e/${secret}`,
    (secret: string) => `app://minka/assets/%2E%2E/..%2F${secret}`,
    (secret: string) => `app://minka/assets/..\\..\\${secret}`,
  ])('never serves a file outside the root (%#)', async (link) => {
    const url = link(`${path.basename(dir)}-secret.txt`);
    const response = await handle({ method: 'GET', url } as Request);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('serves the file bytes', async () => {
    const response = await handle(new Request('app://minka/assets/main.js'));
    expect(await response.text()).toBe('console.log(1)');
  });

  it('refuses writes with the CSP header too', async () => {
    const response = await handle(
      new Request('app://minka/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(SERVER));
  });
});
