import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../shared/protocol/api';
import { DATABASE_FILE } from '../../sync-server/server';
import type { Workspace } from '../../shared/model/workspace';
import { docRoom, indexRoom, roomName } from '../../shared/protocol/rooms';
import { readDocumentText } from '../../shared/ydoc/documentDoc';
import { readGroupIndex } from '../../shared/ydoc/groupIndexDoc';
import type { DocId } from '../../shared/model/ids';
import { DEMO_PASSWORD } from '../../sync-server/seed/demoAccounts';
import { bearer, login } from './api';
import { connect, startServer, tempDir, waitSynced } from './helpers';
import { InstrumentedStorage } from './instrumentedStorage';

/** GET with the path sent exactly as written (fetch would normalize `..` away). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

function rawGetBytes(
  url: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    request({ hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('HTTP', () => {
  it('answers /healthz, and 503 when the database cannot be read', async () => {
    const dataDir = tempDir();
    const storage = new InstrumentedStorage(dataDir);
    const server = await startServer({ dataDir, storage });
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });

    storage.check = () => Promise.reject(new Error('SQLITE_IOERR'));
    const broken = await fetch(`${server.url}/healthz`);
    expect(broken.status).toBe(503);
    expect(await broken.json()).toMatchObject({ error: { code: 'storage_unavailable' } });
  });

  it('seeds the demo workspace once, with its groups, accounts, indexes and Spanish documents', async () => {
    const dataDir = tempDir();
    const server = await startServer({ dataDir, seedDemo: true });
    expect(server.logs.join('\n')).toContain('ana.quispe@minera-andina.demo');
    expect(server.logs.join('\n')).toContain(DEMO_PASSWORD);
    const ana = await login(server.url, 'ana.quispe@minera-andina.demo', DEMO_PASSWORD);
    const response = await fetch(`${server.url}/api/workspace`, { headers: bearer(ana.token) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const workspace = (await response.json()) as Workspace;
    expect(workspace.name).toBe('Clúster Minero del Sur del Perú');
    expect(workspace.groups.map((group) => group.name)).toEqual([
      'Gobernanza del clúster',
      'Programa de innovación abierta',
      'Base de conocimiento y regulación',
      'Misiones internacionales',
    ]);

    const group = workspace.groups[0]!;
    const target = { url: server.url, token: ana.token };
    const index = connect(target, roomName(indexRoom(group.id)));
    await waitSynced(index);
    const entries = readGroupIndex(index.doc).entries;
    expect(entries.map((entry) => entry.title)).toEqual([
      'Lineamientos estratégicos del clúster — borrador',
      'Acta de la sesión de instalación',
      // The council's demo meetings and follow-up board (issue 15, seed/governanceDemo.ts).
      'Acta — Sesión ordinaria n.º 1 — 2026',
      'Acta — Sesión ordinaria n.º 2 — 2026',
      'Seguimiento de acuerdos',
    ]);
    const document = connect(target, roomName(docRoom(group.id, entries[0]!.id as DocId)));
    await waitSynced(document);
    expect(readDocumentText(document.doc)).toContain('Arequipa, Moquegua y Tacna');
    await server.close();

    const again = await startServer({ dataDir, seedDemo: true });
    expect(again.logs.join('\n')).not.toContain(DEMO_PASSWORD);
    const anaAgain = await login(again.url, 'ana.quispe@minera-andina.demo', DEMO_PASSWORD);
    expect(
      await (await fetch(`${again.url}/api/workspace`, { headers: bearer(anaAgain.token) })).json(),
    ).toEqual(workspace);
  });

  it('adds the demo accounts to a demo workspace seeded before accounts existed', async () => {
    const dataDir = tempDir();
    const old = new Database(join(dataDir, DATABASE_FILE));
    old.exec(`CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX updates_by_room ON updates (room, id);
      CREATE TABLE workspace (id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE working_groups (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspace (id),
        position INTEGER NOT NULL, name TEXT NOT NULL, purpose TEXT NOT NULL);
      INSERT INTO workspace VALUES ('ws-1', 'Clúster Minero del Sur del Perú');
      INSERT INTO working_groups VALUES ('6f1c2a9e-3b4d-4e5f-8a7b-000000000001', 'ws-1', 0, 'Gobernanza del clúster', '');
      INSERT INTO working_groups VALUES ('6f1c2a9e-3b4d-4e5f-8a7b-000000000002', 'ws-1', 1, 'Base de conocimiento y regulación', '');
      PRAGMA user_version = 1;`);
    old.close();
    const server = await startServer({ dataDir, seedDemo: true });
    expect(server.logs.join('\n')).toContain('cuentas de demostración añadidas');
    const carlos = await login(server.url, 'carlos.huaman@minem.demo', DEMO_PASSWORD);
    const me = (await (
      await fetch(`${server.url}/api/me`, { headers: bearer(carlos.token) })
    ).json()) as MeResponse;
    expect(me.memberships.map(({ group, role }) => [group.name, group.visibility, role])).toEqual([
      ['Gobernanza del clúster', 'listed', 'commenter'],
      ['Base de conocimiento y regulación', 'private', 'lead'],
    ]);
  });

  it('answers API errors as { error: { code, message } }', async () => {
    const server = await startServer();
    const anonymous = await fetch(`${server.url}/api/workspace`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      error: { code: 'unauthenticated', message: expect.any(String) },
    });
    const unknown = await fetch(`${server.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const post = await fetch(`${server.url}/api/workspace`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toContain('GET');
  });

  it('allows CORS from loopback dev origins and app://minka only', async () => {
    const server = await startServer({ seedDemo: true });
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:41234', 'app://minka']) {
      const response = await fetch(`${server.url}/api/workspace`, { headers: { Origin: origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const foreign = await fetch(`${server.url}/api/workspace`, {
      headers: { Origin: 'http://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    const preflight = await fetch(`${server.url}/api/workspace`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
  });

  it('serves the renderer with MIME types and caching, falls back to index.html, refuses traversal', async () => {
    const root = tempDir();
    const staticDir = join(root, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Minka</title>');
    writeFileSync(join(staticDir, 'assets', 'main-3f2a.js'), 'console.log("minka")');
    writeFileSync(join(root, 'secret.txt'), 'no debe salir');
    const server = await startServer({ staticDir });

    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>Minka</title>');

    const script = await fetch(`${server.url}/assets/main-3f2a.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');

    const route = await fetch(`${server.url}/g/some-group/doc/some-doc`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Minka</title>');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);

    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..',
    ]) {
      const { status, body } = await rawGet(server.url, path);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(body).not.toContain('no debe salir');
    }
  });

  it('gzips text files for browsers that accept it, and only those', async () => {
    const staticDir = tempDir();
    const script = `console.log(${JSON.stringify('Clúster Minero del Sur del Perú '.repeat(400))});`;
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Minka</title>');
    writeFileSync(join(staticDir, 'app.js'), script);
    writeFileSync(join(staticDir, 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    const server = await startServer({ staticDir });

    const gzipped = await rawGetBytes(server.url, '/app.js', {
      'Accept-Encoding': 'gzip, deflate',
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toContain('Accept-Encoding');
    expect(gzipped.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(gunzipSync(gzipped.body).toString()).toBe(script);

    const plain = await rawGetBytes(server.url, '/app.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    const font = await rawGetBytes(server.url, '/font.woff2', { 'Accept-Encoding': 'gzip' });
    expect(font.headers['content-encoding']).toBeUndefined();
  });
});
