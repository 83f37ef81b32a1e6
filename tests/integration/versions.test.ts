/**
 * Versions and institutional sign-off through the real HTTP API on a real SQLite file: who may
 * see, create and answer; answers are final and bound to the frozen version's content hash; the
 * deadline closes the record; every step is in the audit log; the server keeps automatic versions
 * while people edit (through a real sync socket) and before a restore.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId, GroupId } from '../../shared/model/ids';
import { roomName } from '../../shared/protocol/rooms';
import type {
  DocumentAuthorsResponse,
  GroupSignoffsResponse,
  SignoffResponse,
  VersionResponse,
  VersionSummary,
  VersionsResponse,
} from '../../shared/protocol/versionsApi';
import { VERSIONS_PATHS } from '../../shared/protocol/versionsApi';
import { appendBlocks, readDocumentText } from '../../shared/ydoc/documentDoc';
import {
  commentText,
  plainTextBetween,
  readThreads,
  resolveTextAnchor,
} from '../../shared/ydoc/threadsDoc';
import { captureVersionState, compareVersions, openVersion } from '../../shared/ydoc/versions';
import { call, errorOf } from './api';
import { addPerson, ensureGroup, openAccounts, type Person } from './fixtures';
import { connect, startServer, waitSaved, waitSynced, type TestServer } from './helpers';

const PRIVATE = '5d2e8f31-7a4b-4c6d-8e9f-0a1b2c3d4e5f' as GroupId;
const DOC = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const HOUR = 60 * 60 * 1000;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

interface Cast {
  server: TestServer;
  lead: Person;
  editor: Person;
  viewer: Person;
  outsider: Person;
  /** Members answering for their organizations. */
  mining: Person;
  university: Person;
  region: Person;
  clock: { now: number };
}

async function cast(): Promise<Cast> {
  const clock = { now: Date.parse('2026-03-10T15:00:00Z') };
  const now = () => clock.now;
  const server = await startServer({ now });
  const store = openAccounts(server.dataDir, now);
  await ensureGroup(store, PRIVATE, 'private', 'Lineamientos hídricos');
  const person = (
    name: string,
    email: string,
    role: 'lead' | 'editor' | 'viewer' | null,
    organization: {
      name: string;
      kind: 'mining_company' | 'academia' | 'government_regional' | 'association';
    },
  ) =>
    addPerson(store, {
      name,
      email,
      organization,
      groups: role === null ? {} : { [PRIVATE]: role },
    });
  return {
    server,
    clock,
    lead: await person('Lucía Líder', 'lucia@cluster.demo', 'lead', {
      name: 'Clúster Minero del Sur',
      kind: 'association',
    }),
    editor: await person('Eduardo Editor', 'eduardo@cluster.demo', 'editor', {
      name: 'Clúster Minero del Sur',
      kind: 'association',
    }),
    viewer: await person('Vera Lectora', 'vera@unsa.demo', 'viewer', {
      name: 'Universidad Nacional de San Agustín',
      kind: 'academia',
    }),
    university: await person('Ulises Docente', 'ulises@unsa.demo', 'viewer', {
      name: 'Universidad Nacional de San Agustín',
      kind: 'academia',
    }),
    mining: await person('Mara Minera', 'mara@andina.demo', 'editor', {
      name: 'Minera Andina',
      kind: 'mining_company',
    }),
    region: await person('Rita Regional', 'rita@gra.demo', 'viewer', {
      name: 'Gobierno Regional de Arequipa',
      kind: 'government_regional',
    }),
    outsider: await person('Omar Ajeno', 'omar@otro.demo', null, {
      name: 'Minera Andina',
      kind: 'mining_company',
    }),
  };
}

function documentState(text: string) {
  const doc = new Y.Doc();
  appendBlocks(doc, [
    { type: 'heading', level: 1, text: 'Lineamiento estratégico' },
    { type: 'paragraph', runs: [{ text }] },
  ]);
  return { doc, ...captureVersionState(doc) };
}

async function createVersion(c: Cast, who: Person, name = 'Versión para consulta con la DREM') {
  const { update, stateVector } = documentState('Reúso de agua en la concentradora.');
  return call<VersionSummary>(c.server.url, 'POST', VERSIONS_PATHS.versions(PRIVATE, DOC), {
    token: who.token,
    body: { name, note: 'Consulta 12/03', update: b64(update), stateVector: b64(stateVector) },
  });
}

async function askSignoff(c: Cast, versionId: string, organizations: string[], rule = 'all') {
  return call<SignoffResponse>(
    c.server.url,
    'POST',
    VERSIONS_PATHS.signoff(PRIVATE, DOC, versionId),
    {
      token: c.lead.token,
      body: { organizations, rule, deadline: new Date(c.clock.now + 48 * HOUR).toISOString() },
    },
  );
}

const answer = (c: Cast, who: Person, versionId: string, body: object) =>
  call<SignoffResponse>(
    c.server.url,
    'POST',
    VERSIONS_PATHS.signoffAnswers(PRIVATE, DOC, versionId),
    {
      token: who.token,
      body,
    },
  );

describe('versions API', () => {
  it('hides the versions of a private group from non-members (404) and lets viewers read but not create', async () => {
    const c = await cast();
    const made = await createVersion(c, c.editor);
    expect(made.status).toBe(201);
    expect(made.body.kind).toBe('named');
    expect(made.body.author?.name).toBe('Eduardo Editor');

    for (const path of [
      VERSIONS_PATHS.versions(PRIVATE, DOC),
      VERSIONS_PATHS.version(PRIVATE, DOC, made.body.id),
      VERSIONS_PATHS.signoff(PRIVATE, DOC, made.body.id),
    ]) {
      expect(errorOf(await call(c.server.url, 'GET', path, { token: c.outsider.token }))).toEqual({
        status: 404,
        code: 'group_not_found',
      });
    }
    expect(errorOf(await createVersion(c, c.outsider))).toEqual({
      status: 404,
      code: 'group_not_found',
    });

    const list = await call<VersionsResponse>(
      c.server.url,
      'GET',
      VERSIONS_PATHS.versions(PRIVATE, DOC),
      {
        token: c.viewer.token,
      },
    );
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v) => [v.name, v.note, v.kind])).toEqual([
      ['Versión para consulta con la DREM', 'Consulta 12/03', 'named'],
    ]);
    const one = await call<VersionResponse>(
      c.server.url,
      'GET',
      VERSIONS_PATHS.version(PRIVATE, DOC, made.body.id),
      { token: c.viewer.token },
    );
    expect(one.status).toBe(200);
    expect(readDocumentText(openVersion(Buffer.from(one.body.update, 'base64')))).toContain(
      'Reúso de agua',
    );
    expect(errorOf(await createVersion(c, c.viewer))).toEqual({ status: 403, code: 'forbidden' });
  });

  it('refuses a state that does not match its state vector, and accepts an outbox resend once', async () => {
    const c = await cast();
    const early = documentState('Primera redacción.');
    const earlyVector = early.stateVector;
    appendBlocks(early.doc, [{ type: 'paragraph', runs: [{ text: 'Más tarde.' }] }]);
    const late = captureVersionState(early.doc);
    const bad = await call(c.server.url, 'POST', VERSIONS_PATHS.versions(PRIVATE, DOC), {
      token: c.editor.token,
      body: { name: 'Mal', update: b64(late.update), stateVector: b64(earlyVector) },
    });
    expect(errorOf(bad)).toEqual({ status: 400, code: 'invalid_version_state' });

    const id = crypto.randomUUID();
    const body = {
      id,
      name: 'Sin conexión',
      update: b64(late.update),
      stateVector: b64(late.stateVector),
      capturedAt: new Date(c.clock.now - HOUR).toISOString(),
    };
    const first = await call<VersionSummary>(
      c.server.url,
      'POST',
      VERSIONS_PATHS.versions(PRIVATE, DOC),
      { token: c.editor.token, body },
    );
    const again = await call<VersionSummary>(
      c.server.url,
      'POST',
      VERSIONS_PATHS.versions(PRIVATE, DOC),
      { token: c.editor.token, body },
    );
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(first.body.createdAt).toBe(new Date(c.clock.now - HOUR).toISOString());
    const list = await call<VersionsResponse>(
      c.server.url,
      'GET',
      VERSIONS_PATHS.versions(PRIVATE, DOC),
      { token: c.editor.token },
    );
    expect(list.body.versions).toHaveLength(1);
  });

  it('runs a sign-off: lead only, asked organizations only, one final answer each, bound to the hash, audited', async () => {
    const c = await cast();
    const version = (await createVersion(c, c.editor)).body;
    const orgs = {
      mining: c.mining.user.organization.id,
      university: c.university.user.organization.id,
      cluster: c.lead.user.organization.id,
    };
    const byEditor = await call(
      c.server.url,
      'POST',
      VERSIONS_PATHS.signoff(PRIVATE, DOC, version.id),
      {
        token: c.editor.token,
        body: {
          organizations: [orgs.mining],
          rule: 'all',
          deadline: new Date(c.clock.now + HOUR).toISOString(),
        },
      },
    );
    expect(errorOf(byEditor)).toEqual({ status: 403, code: 'forbidden' });
    const outsideOrg = await askSignoff(c, version.id, [orgs.mining, 'no-such-org']);
    expect(errorOf(outsideOrg)).toEqual({ status: 400, code: 'organization_not_in_group' });

    const asked = await askSignoff(
      c,
      version.id,
      [orgs.mining, orgs.university, orgs.cluster],
      'two_thirds',
    );
    expect(asked.status).toBe(201);
    expect(asked.body.status).toMatchObject({ outcome: 'pending', required: 2, asked: 3 });
    expect(errorOf(await askSignoff(c, version.id, [orgs.mining]))).toEqual({
      status: 409,
      code: 'signoff_exists',
    });

    // The record's hash is the SHA-256 of the version's content, as served.
    const content = await call<VersionResponse>(
      c.server.url,
      'GET',
      VERSIONS_PATHS.version(PRIVATE, DOC, version.id),
      { token: c.viewer.token },
    );
    const hash = createHash('sha256')
      .update(Buffer.from(content.body.update, 'base64'))
      .digest('hex');
    expect(asked.body.hash).toBe(hash);
    expect(version.hash).toBe(hash);

    expect(errorOf(await answer(c, c.region, version.id, { answer: 'approve' }))).toEqual({
      status: 403,
      code: 'organization_not_asked',
    });
    expect(errorOf(await answer(c, c.mining, version.id, { answer: 'object' }))).toEqual({
      status: 400,
      code: 'invalid_body',
    });

    const withObservations = await answer(c, c.university, version.id, {
      answer: 'approve_with_observations',
      text: 'Precisar el indicador de reúso.',
    });
    expect(withObservations.status).toBe(201);
    // Another member of the same organization cannot answer again, nor change the answer.
    expect(
      errorOf(await answer(c, c.viewer, version.id, { answer: 'object', text: 'No.' })),
    ).toEqual({ status: 409, code: 'already_answered' });
    expect(errorOf(await answer(c, c.university, version.id, { answer: 'approve' }))).toEqual({
      status: 409,
      code: 'already_answered',
    });

    c.clock.now += HOUR;
    const decided = await answer(c, c.mining, version.id, { answer: 'approve' });
    expect(decided.body.status).toMatchObject({ outcome: 'approved', approvals: 2, required: 2 });
    expect(decided.body.status.decidedAt).toBe(new Date(c.clock.now).toISOString());

    const table = await call<SignoffResponse>(
      c.server.url,
      'GET',
      VERSIONS_PATHS.signoff(PRIVATE, DOC, version.id),
      { token: c.viewer.token },
    );
    expect(
      table.body.organizations.map((row) => [
        row.organization.name,
        row.organization.kind,
        row.answer?.answer ?? null,
        row.answer?.by.name ?? null,
        row.answer?.text ?? null,
      ]),
    ).toEqual([
      [
        'Universidad Nacional de San Agustín',
        'academia',
        'approve_with_observations',
        'Ulises Docente',
        'Precisar el indicador de reúso.',
      ],
      ['Clúster Minero del Sur', 'association', null, null, null],
      ['Minera Andina', 'mining_company', 'approve', 'Mara Minera', ''],
    ]);

    // After the deadline nothing is accepted, and the open record reads as decided (approved stays).
    c.clock.now += 48 * HOUR;
    expect(errorOf(await answer(c, c.lead, version.id, { answer: 'approve' }))).toEqual({
      status: 409,
      code: 'signoff_closed',
    });

    const audit = await openAccounts(c.server.dataDir).audit.list(100);
    const steps = audit
      .filter((entry) => entry.groupId === PRIVATE)
      .map((entry) => [
        entry.action,
        entry.actor?.name,
        (JSON.parse(entry.detail) as { hash?: string }).hash,
      ])
      .reverse();
    expect(steps).toEqual([
      ['version_created', 'Eduardo Editor', hash],
      ['signoff_requested', 'Lucía Líder', hash],
      ['signoff_answered', 'Ulises Docente', hash],
      ['signoff_answered', 'Mara Minera', hash],
      ['signoff_decided', 'Mara Minera', hash],
    ]);
  });

  it('turns observations into a thread on the whole document that members see live; an approval or objection opens none', async () => {
    const c = await cast();
    const docRoom = roomName({ kind: 'doc', groupId: PRIVATE, docId: DOC as DocId });
    const threadsRoom = roomName({ kind: 'threads', groupId: PRIVATE, docId: DOC as DocId });
    const body = connect({ url: c.server.url, token: c.editor.token }, docRoom);
    await waitSynced(body);
    appendBlocks(body.doc, [{ type: 'paragraph', runs: [{ text: 'Reúso de agua.' }] }]);
    await waitSaved(body);
    // The lead follows the document's threads live while the organizations answer.
    const threads = connect({ url: c.server.url, token: c.lead.token }, threadsRoom);
    await waitSynced(threads);

    const version = (await createVersion(c, c.editor)).body;
    const orgs = [c.mining, c.university, c.region].map((p) => p.user.organization.id);
    expect((await askSignoff(c, version.id, orgs)).status).toBe(201);
    expect((await answer(c, c.mining, version.id, { answer: 'approve' })).status).toBe(201);
    expect(
      (await answer(c, c.region, version.id, { answer: 'object', text: 'Falta el anexo.' })).status,
    ).toBe(201);

    const arrived = new Promise<void>((resolve) => {
      const check = () => {
        if (readThreads(threads.doc).length > 0) resolve();
        else threads.doc.once('update', check);
      };
      check();
    });
    // The university only reads the group, yet its observations reach the threads room.
    const observed = await answer(c, c.university, version.id, {
      answer: 'approve_with_observations',
      text: 'Precisar el indicador de reúso.',
    });
    expect(observed.status).toBe(201);
    await arrived;
    const [thread, ...others] = readThreads(threads.doc);
    expect(others).toEqual([]);
    expect(thread!.createdBy).toEqual({
      id: c.university.user.id,
      name: 'Ulises Docente',
      organization: 'Universidad Nacional de San Agustín',
    });
    expect(thread!.quote).toBe('');
    expect(commentText(thread!.comments[0]!.parts)).toBe(
      'Observación de Universidad Nacional de San Agustín sobre «Versión para consulta con la DREM»\n' +
        'Precisar el indicador de reúso.',
    );
    // Anchored at the start of the live document's first text.
    const range = resolveTextAnchor(body.doc, thread!.anchor);
    expect(range && plainTextBetween(range.text, 0, range.text.length)).toBe('Reúso de agua.');
    expect(range?.from).toBe(0);

    // The thread is stored: a member who joins later gets it from the server.
    await waitSaved(threads);
    const later = connect({ url: c.server.url, token: c.viewer.token }, threadsRoom);
    await waitSynced(later);
    expect(readThreads(later.doc).map((t) => t.id)).toEqual([thread!.id]);
  });

  it('marks an unanswered sign-off expired after its deadline and refuses late answers', async () => {
    const c = await cast();
    const version = (await createVersion(c, c.editor)).body;
    await askSignoff(c, version.id, [c.mining.user.organization.id]);
    c.clock.now += 49 * HOUR;
    expect(errorOf(await answer(c, c.mining, version.id, { answer: 'approve' }))).toEqual({
      status: 409,
      code: 'signoff_closed',
    });
    const table = await call<SignoffResponse>(
      c.server.url,
      'GET',
      VERSIONS_PATHS.signoff(PRIVATE, DOC, version.id),
      { token: c.lead.token },
    );
    expect(table.body.status.outcome).toBe('expired');
  });

  it('keeps an automatic version at most once an hour of editing, and one before a restore', async () => {
    const c = await cast();
    const target = { url: c.server.url, token: c.editor.token };
    const client = connect(
      target,
      roomName({ kind: 'doc', groupId: PRIVATE, docId: DOC as never }),
    );
    await waitSynced(client);
    const edit = async (text: string) => {
      appendBlocks(client.doc, [{ type: 'paragraph', runs: [{ text }] }]);
      await waitSaved(client);
    };
    const list = async () =>
      (
        await call<VersionsResponse>(c.server.url, 'GET', VERSIONS_PATHS.versions(PRIVATE, DOC), {
          token: c.editor.token,
        })
      ).body.versions;

    await edit('Primera línea.');
    await edit('Segunda línea.');
    expect((await list()).map((v) => v.kind)).toEqual(['auto']);
    c.clock.now += HOUR;
    await edit('Una hora después.');
    const autos = await list();
    expect(autos.map((v) => v.kind)).toEqual(['auto', 'auto']);
    const latest = await call<VersionResponse>(
      c.server.url,
      'GET',
      VERSIONS_PATHS.version(PRIVATE, DOC, autos[0]!.id),
      { token: c.editor.token },
    );
    expect(readDocumentText(openVersion(Buffer.from(latest.body.update, 'base64')))).toBe(
      'Primera línea.\nSegunda línea.\nUna hora después.',
    );

    const restore = await call<VersionSummary>(
      c.server.url,
      'POST',
      VERSIONS_PATHS.restore(PRIVATE, DOC, autos[1]!.id),
      { token: c.editor.token },
    );
    expect(restore.status).toBe(201);
    expect(restore.body).toMatchObject({
      kind: 'auto',
      name: 'Antes de restaurar «copia automática»',
    });
    expect(
      errorOf(
        await call(c.server.url, 'POST', VERSIONS_PATHS.restore(PRIVATE, DOC, autos[1]!.id), {
          token: c.viewer.token,
        }),
      ),
    ).toEqual({ status: 403, code: 'forbidden' });
  });
  it('names the author of each client id of the room, for members only', async () => {
    const c = await cast();
    const authors = (who: Person) =>
      call<DocumentAuthorsResponse>(c.server.url, 'GET', VERSIONS_PATHS.authors(PRIVATE, DOC), {
        token: who.token,
      });
    expect((await authors(c.viewer)).body).toEqual({ authors: [] });

    const room = roomName({ kind: 'doc', groupId: PRIVATE, docId: DOC as never });
    const eduardo = connect({ url: c.server.url, token: c.editor.token }, room);
    await waitSynced(eduardo);
    const older = captureVersionState(eduardo.doc).update;
    appendBlocks(eduardo.doc, [{ type: 'paragraph', runs: [{ text: 'Texto de Eduardo.' }] }]);
    await waitSaved(eduardo);
    const mara = connect({ url: c.server.url, token: c.mining.token }, room);
    await waitSynced(mara);
    appendBlocks(mara.doc, [{ type: 'paragraph', runs: [{ text: 'Texto de Mara.' }] }]);
    await waitSaved(mara);

    const answer = await authors(c.viewer);
    expect(answer.status).toBe(200);
    expect(answer.body.authors).toEqual(
      [
        {
          clientId: eduardo.doc.clientID,
          userId: c.editor.user.id,
          name: 'Eduardo Editor',
          organization: 'Clúster Minero del Sur',
        },
        {
          clientId: mara.doc.clientID,
          userId: c.mining.user.id,
          name: 'Mara Minera',
          organization: 'Minera Andina',
        },
      ].sort((a, b) => a.clientId - b.clientId),
    );
    // The comparison's client ids resolve through the answer to the people who typed.
    const byClient = new Map(answer.body.authors.map((author) => [author.clientId, author.name]));
    const runs = compareVersions(older, captureVersionState(mara.doc).update).flatMap(
      (block) => block.runs,
    );
    expect(runs.map((run) => [run.text, run.change, byClient.get(run.client!)])).toEqual([
      ['Texto de Eduardo.', 'inserted', 'Eduardo Editor'],
      ['Texto de Mara.', 'inserted', 'Mara Minera'],
    ]);

    expect(errorOf(await authors(c.outsider))).toEqual({ status: 404, code: 'group_not_found' });
  });

  it("lists the newest sign-off of each document for the group's members, with its outcome after every answer", async () => {
    const c = await cast();
    const OTHER_DOC = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    const signoffs = async (who: Person) =>
      call<GroupSignoffsResponse>(c.server.url, 'GET', VERSIONS_PATHS.groupSignoffs(PRIVATE), {
        token: who.token,
      });
    const outcomes = async () =>
      (await signoffs(c.viewer)).body.signoffs.map((row) => [
        row.docId,
        row.versionName,
        row.status,
        row.approvals,
        row.total,
        row.decidedAt,
      ]);

    expect(errorOf(await signoffs(c.outsider))).toEqual({ status: 404, code: 'group_not_found' });
    expect((await signoffs(c.viewer)).body).toEqual({ signoffs: [] });

    const first = (await createVersion(c, c.editor, 'Borrador 1')).body;
    const orgs = [c.mining.user.organization.id, c.university.user.organization.id];
    expect((await askSignoff(c, first.id, orgs)).status).toBe(201);
    expect(await outcomes()).toEqual([[DOC, 'Borrador 1', 'pending', 0, 2, null]]);
    expect((await signoffs(c.viewer)).body.signoffs[0]).toMatchObject({
      versionId: first.id,
      deadline: new Date(c.clock.now + 48 * HOUR).toISOString(),
    });
    expect(errorOf(await signoffs(c.outsider))).toEqual({ status: 404, code: 'group_not_found' });

    await answer(c, c.mining, first.id, { answer: 'approve' });
    expect(await outcomes()).toEqual([[DOC, 'Borrador 1', 'pending', 1, 2, null]]);
    c.clock.now += HOUR;
    await answer(c, c.university, first.id, { answer: 'approve_with_observations', text: 'Ok.' });
    const decided = new Date(c.clock.now).toISOString();
    expect(await outcomes()).toEqual([[DOC, 'Borrador 1', 'approved', 2, 2, decided]]);

    // A second round on a newer version replaces the first in the list: one row per document.
    c.clock.now += HOUR;
    const second = (await createVersion(c, c.editor, 'Borrador 2')).body;
    await askSignoff(c, second.id, orgs);
    expect(await outcomes()).toEqual([[DOC, 'Borrador 2', 'pending', 0, 2, null]]);

    // Another document of the group: one objection under "all" decides it rejected.
    const other = documentState('Plan de cierre.');
    const otherVersion = await call<VersionSummary>(
      c.server.url,
      'POST',
      VERSIONS_PATHS.versions(PRIVATE, OTHER_DOC),
      {
        token: c.editor.token,
        body: { name: 'Plan', update: b64(other.update), stateVector: b64(other.stateVector) },
      },
    );
    await call(
      c.server.url,
      'POST',
      VERSIONS_PATHS.signoff(PRIVATE, OTHER_DOC, otherVersion.body.id),
      {
        token: c.lead.token,
        body: {
          organizations: orgs,
          rule: 'all',
          deadline: new Date(c.clock.now + HOUR).toISOString(),
        },
      },
    );
    await call(
      c.server.url,
      'POST',
      VERSIONS_PATHS.signoffAnswers(PRIVATE, OTHER_DOC, otherVersion.body.id),
      { token: c.mining.token, body: { answer: 'object', text: 'Falta el balance hídrico.' } },
    );
    const objected = new Date(c.clock.now).toISOString();
    expect(await outcomes()).toEqual(
      [
        [OTHER_DOC, 'Plan', 'rejected', 0, 2, objected],
        [DOC, 'Borrador 2', 'pending', 0, 2, null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    // Past its deadline the undecided round reads as expired.
    c.clock.now += 49 * HOUR;
    const rows = (await signoffs(c.lead)).body.signoffs;
    expect(rows.find((row) => row.docId === DOC)?.status).toBe('expired');
    expect(rows.find((row) => row.docId === OTHER_DOC)?.status).toBe('rejected');
  });
});
