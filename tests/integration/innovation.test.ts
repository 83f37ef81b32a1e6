/**
 * The open-innovation program through the real HTTP API and sync sockets on a real SQLite file,
 * with the server's clock in the test's hand: a mining company files a challenge, the program lead
 * publishes it in a call, a university and a METS supplier write a proposal in their private
 * space and submit it (a version frozen with its hash), evaluators score it blind, the lead
 * closes the evaluation and makes it a project. What the issue requires is asserted where it
 * could fail: server-time deadlines (and the offline submission kept as «fuera de plazo»),
 * conflicts of interest (403), scores hidden in every answer until closing, exact weighted
 * scores and ranking, drafts invisible to other applicants and to the challenge's company in the
 * API and in room access, and every evaluation step in the audit log.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { OrganizationKind } from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import type { AuditEntry } from '../../shared/protocol/api';
import {
  INNOVATION_PATHS as P,
  type Call,
  type Challenge,
  type EvaluationResponse,
  type MyEvaluation,
  type Project,
  type ProgramSummary,
  type Proposal,
  type SubmissionResponse,
} from '../../shared/protocol/innovationApi';
import { roomName } from '../../shared/protocol/rooms';
import { readBoard } from '../../shared/ydoc/boardDoc';
import { appendBlocks, readDocumentText } from '../../shared/ydoc/documentDoc';
import { call, errorOf, login } from './api';
import { addPerson, ensureGroup, openAccounts, type Person } from './fixtures';
import { connect, startServer, syncUrl, waitSaved, waitSynced, type TestServer } from './helpers';

const PROGRAM_GROUP = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' as GroupId;
const DAY = 24 * 60 * 60 * 1000;
const SECRET = 'JUSTIFICACION-RESERVADA-EVA';

type Org = { name: string; kind: OrganizationKind };
const ANDINA: Org = { name: 'Minera Andina del Sur', kind: 'mining_company' };
const UNSA: Org = { name: 'Universidad Nacional de San Agustín', kind: 'academia' };
const TACNA: Org = { name: 'Servicios Mineros Tacna', kind: 'mets_supplier' };
const OTHER_METS: Org = { name: 'Ingeniería Hídrica Moquegua', kind: 'mets_supplier' };

interface Cast {
  server: TestServer;
  clock: { now: number };
  admin: Person;
  lead: Person;
  mining: Person;
  university: Person;
  supplier: Person;
  otherApplicant: Person;
  evaluator1: Person;
  evaluator2: Person;
  /** Evaluator from the consortium's university. */
  evaluatorUnsa: Person;
  /** Evaluator from the challenge's company. */
  evaluatorAndina: Person;
}

async function cast(): Promise<Cast> {
  const clock = { now: Date.parse('2026-04-01T14:00:00Z') };
  const now = () => clock.now;
  const server = await startServer({ now });
  const store = openAccounts(server.dataDir, now);
  await ensureGroup(store, PROGRAM_GROUP, 'listed', 'Programa de innovación abierta');
  const person = (name: string, email: string, organization: Org, role?: 'lead' | 'editor') =>
    addPerson(store, {
      name,
      email,
      organization,
      groups: role === undefined ? {} : { [PROGRAM_GROUP]: role },
    });
  return {
    server,
    clock,
    admin: await addPerson(store, {
      name: 'Admin',
      email: 'admin@cluster.demo',
      admin: true,
      organization: { name: 'Cámara de Comercio', kind: 'association' },
    }),
    lead: await person(
      'Paula Coordinadora',
      'paula@cluster.demo',
      {
        name: 'Clúster Minero del Sur',
        kind: 'association',
      },
      'lead',
    ),
    mining: await person('Marco Minero', 'marco@andina.demo', ANDINA, 'editor'),
    university: await person('Ulises Docente', 'ulises@unsa.demo', UNSA, 'editor'),
    supplier: await person('Sara Proveedora', 'sara@tacna.demo', TACNA, 'editor'),
    otherApplicant: await person('Omar Ingeniero', 'omar@hidrica.demo', OTHER_METS, 'editor'),
    evaluator1: await person('Eva Evaluadora', 'eva@proinnovate.demo', {
      name: 'ProInnóvate',
      kind: 'government_national',
    }),
    evaluator2: await person('Ernesto Evaluador', 'ernesto@banco.demo', {
      name: 'Banco de Desarrollo',
      kind: 'other',
    }),
    evaluatorUnsa: await person('Irene Investigadora', 'irene@unsa.demo', UNSA),
    evaluatorAndina: await person('Andrés Geólogo', 'andres@andina.demo', ANDINA),
  };
}

const api = <T>(c: Cast, who: Person, method: string, path: string, body?: unknown) =>
  call<T>(c.server.url, method, path, { token: who.token, body });

async function ok<T>(c: Cast, who: Person, method: string, path: string, body?: unknown) {
  const answer = await api<T>(c, who, method, path, body);
  expect(
    answer.status,
    `${method} ${path}: ${JSON.stringify(answer.body)} ${c.server.logs.join('\n')}`,
  ).toBeLessThan(300);
  return answer.body;
}

const CRITERIA = [
  { name: 'Pertinencia', weight: 30 },
  { name: 'Viabilidad técnica', weight: 25 },
  { name: 'Equipo', weight: 20 },
  { name: 'Impacto', weight: 25 },
];

/** Program, one published challenge, one call open until `submissionsUntil`. */
async function program(c: Cast, options: { consortiumRequired?: boolean } = {}) {
  const made = await ok<ProgramSummary>(c, c.lead, 'POST', P.programs, {
    groupId: PROGRAM_GROUP,
    name: 'Programa de innovación abierta 2026',
  });
  const challenge = await ok<Challenge>(c, c.mining, 'POST', P.challenges(made.id), {
    title: 'Recuperación de agua en relaves espesados',
    operation: 'Unidad Cerro Rojo',
    area: 'agua',
    problem: 'Perdemos 120 L/s de agua por evaporación en la relavera.',
    currentPractice: 'Espesadores convencionales.',
    constraints: 'Altitud de 4 200 m.',
    expectedImpact: 'Recuperar 30 % del agua.',
    indicators: 'L/s recuperados',
    dataAccess: 'Datos de balance hídrico y visita a planta.',
    confidentiality: 'workspace',
  });
  await ok(c, c.lead, 'POST', P.publishChallenge(challenge.id));
  const start = c.clock.now;
  const theCall = await ok<Call>(c, c.lead, 'POST', P.calls(made.id), {
    title: 'Convocatoria 2026-I',
    challengeIds: [challenge.id],
    eligibleKinds: ['mets_supplier', 'academia'],
    consortiumRequired: options.consortiumRequired ?? true,
    excludeCompanyEvaluators: true,
    questionsUntil: new Date(start + 5 * DAY).toISOString(),
    submissionsUntil: new Date(start + 10 * DAY).toISOString(),
    evaluationUntil: new Date(start + 20 * DAY).toISOString(),
    criteria: CRITERIA,
  });
  return { program: made, challenge, call: theCall };
}

async function proposal(
  c: Cast,
  callId: string,
  challengeId: string,
  title = 'Espesador de pasta',
) {
  return ok<Proposal>(c, c.university, 'POST', P.proposals(callId), {
    challengeId,
    title,
    partnerEmails: [c.supplier.email],
  });
}

function refusedUpgrade(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const raw = new WebSocket(url);
    raw.on('open', () => reject(new Error(`upgrade accepted: ${url}`)));
    raw.on('error', () => {});
    raw.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
  });
}

/** Writes text into the proposal document through a real sync socket, as a consortium member. */
async function writeProposal(c: Cast, who: Person, made: Proposal, text: string) {
  const client = connect(
    { url: c.server.url, token: who.token },
    roomName({ kind: 'doc', groupId: made.groupId, docId: made.docId }),
  );
  await waitSynced(client);
  appendBlocks(client.doc, [{ type: 'paragraph', runs: [{ text }] }]);
  await waitSaved(client);
  client.provider.destroy();
}

const cardTitles = (board: Y.Doc) =>
  readBoard(board).columns.flatMap((column) => column.cards.map((card) => card.title));

const scoreAll = (call: Call, values: number[], justification = 'Bien fundamentado') => ({
  scores: call.criteria.map((criterion, i) => ({
    criterionId: criterion.id,
    score: values[i]!,
    justification: `${justification} (${criterion.name})`,
  })),
});

describe('open-innovation program', () => {
  it("keeps a consortium's draft invisible to other applicants, evaluators and the challenge's company (API and rooms)", async () => {
    const c = await cast();
    const { call: theCall, challenge } = await program(c);
    const draft = await proposal(c, theCall.id, challenge.id);
    expect(draft.status).toBe('draft');
    expect(draft.consortium.map((o) => o.name).sort()).toEqual([TACNA.name, UNSA.name].sort());
    await ok(c, c.lead, 'POST', P.evaluators(theCall.id), { email: c.evaluator1.email });

    // The consortium co-writes in its room.
    await writeProposal(c, c.supplier, draft, 'Plan de trabajo del consorcio');

    for (const outsider of [c.otherApplicant, c.mining, c.evaluator1, c.lead]) {
      const list = await ok<{ proposals: Proposal[] }>(c, outsider, 'GET', P.proposals(theCall.id));
      expect(list.proposals, outsider.email).toEqual([]);
      expect(errorOf(await api(c, outsider, 'GET', P.proposal(draft.id)))).toEqual({
        status: 404,
        code: 'proposal_not_found',
      });
      expect(errorOf(await api(c, outsider, 'GET', P.submission(draft.id))).status).toBe(404);
      for (const kind of ['doc', 'index'] as const) {
        const room =
          kind === 'doc'
            ? roomName({ kind, groupId: draft.groupId, docId: draft.docId })
            : roomName({ kind, groupId: draft.groupId });
        const status = await refusedUpgrade(
          syncUrl({ url: c.server.url, token: outsider.token }, room),
        );
        expect(status, `${outsider.email} ${kind}`).toBe(403);
      }
      // The private group does not exist for them either.
      expect((await api(c, outsider, 'GET', `/api/groups/${draft.groupId}`)).status).toBe(404);
    }
    // Both consortium members see it.
    for (const member of [c.university, c.supplier]) {
      const seen = await ok<Proposal>(c, member, 'GET', P.proposal(draft.id));
      expect(seen.mine).toBe(true);
    }

    // After submission the company, the lead and evaluators read the frozen version.
    await ok(c, c.university, 'POST', P.submit(draft.id));
    for (const reader of [c.mining, c.lead, c.evaluator1]) {
      const frozen = await ok<SubmissionResponse>(c, reader, 'GET', P.submission(draft.id));
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Buffer.from(frozen.update, 'base64'));
      expect(readDocumentText(doc)).toContain('Plan de trabajo del consorcio');
    }
    // …but still not the live room, and another applicant not at all.
    const room = roomName({ kind: 'doc', groupId: draft.groupId, docId: draft.docId });
    expect(await refusedUpgrade(syncUrl({ url: c.server.url, token: c.mining.token }, room))).toBe(
      403,
    );
    expect((await api(c, c.otherApplicant, 'GET', P.proposal(draft.id))).status).toBe(404);
  });

  it('refuses a submission after the server-time deadline, and keeps one prepared offline as «fuera de plazo»', async () => {
    const c = await cast();
    const { call: theCall, challenge } = await program(c);
    const online = await proposal(c, theCall.id, challenge.id, 'Propuesta tardía en línea');
    const offline = await proposal(c, theCall.id, challenge.id, 'Propuesta preparada sin red');
    await writeProposal(c, c.university, offline, 'Escrito en la mina, sin red');

    const deadline = Date.parse(theCall.submissionsUntil);
    const preparedAt = new Date(deadline - 2 * 60 * 60 * 1000).toISOString();
    c.clock.now = deadline + 60 * 1000; // one minute late on the server's clock

    const refused = await api(c, c.university, 'POST', P.submit(online.id), {});
    expect(errorOf(refused)).toEqual({ status: 409, code: 'deadline_passed' });
    expect((await ok<Proposal>(c, c.university, 'GET', P.proposal(online.id))).status).toBe(
      'draft',
    );
    // A client claiming it prepared it after the deadline is refused as well.
    const tooLate = await api(c, c.university, 'POST', P.submit(online.id), {
      preparedAt: new Date(deadline + 1000).toISOString(),
    });
    expect(errorOf(tooLate).code).toBe('deadline_passed');

    const late = await ok<Proposal>(c, c.university, 'POST', P.submit(offline.id), { preparedAt });
    expect(late.status).toBe('late');
    expect(late.preparedAt).toBe(preparedAt);
    expect(late.submittedAt).toBe(new Date(c.clock.now).toISOString());
    // Not lost: its frozen version holds what was written offline, under its content hash.
    const frozen = await ok<SubmissionResponse>(c, c.lead, 'GET', P.submission(offline.id));
    const bytes = Buffer.from(frozen.update, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(frozen.hash);
    expect(frozen.hash).toBe(late.hash);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    expect(readDocumentText(doc)).toContain('Escrito en la mina, sin red');
    // The version is in the document's history too (versions API, for the consortium).
    const versions = await ok<{ versions: Array<{ id: string; name: string; hash: string }> }>(
      c,
      c.supplier,
      'GET',
      `/api/groups/${offline.groupId}/docs/${offline.docId}/versions`,
    );
    expect(versions.versions).toContainEqual(
      expect.objectContaining({
        id: late.versionId,
        hash: late.hash,
        name: 'Propuesta enviada (fuera de plazo)',
      }),
    );

    // Late proposals are not scored until the lead admits them.
    await ok(c, c.lead, 'POST', P.evaluators(theCall.id), { email: c.evaluator1.email });
    const early = await api(
      c,
      c.evaluator1,
      'POST',
      P.scores(offline.id),
      scoreAll(theCall, [5, 5, 5, 5]),
    );
    expect(errorOf(early)).toEqual({ status: 409, code: 'proposal_not_evaluable' });
    expect(errorOf(await api(c, c.university, 'POST', P.admit(offline.id))).status).toBe(403);
    expect((await ok<Proposal>(c, c.lead, 'POST', P.admit(offline.id))).status).toBe('submitted');
    await ok(c, c.evaluator1, 'POST', P.scores(offline.id), scoreAll(theCall, [5, 5, 5, 5]));
    // A second submission never replaces the frozen version.
    expect(
      errorOf(await api(c, c.university, 'POST', P.submit(offline.id), { preparedAt })).code,
    ).toBe('already_submitted');
  });

  it('freezes a submission only once the edits made before pressing «Enviar» have reached the server', async () => {
    const c = await cast();
    const { call: theCall, challenge } = await program(c);
    const made = await proposal(c, theCall.id, challenge.id, 'Propuesta escrita sin red');
    await writeProposal(c, c.university, made, 'Primer párrafo, ya en el servidor');

    // The university's copy goes offline, gets a paragraph, and «Enviar» is pressed there.
    const client = connect(
      { url: c.server.url, token: c.university.token },
      roomName({ kind: 'doc', groupId: made.groupId, docId: made.docId }),
    );
    await waitSynced(client);
    client.provider.disconnect();
    appendBlocks(client.doc, [
      { type: 'paragraph', runs: [{ text: 'Presupuesto escrito en la mina' }] },
    ]);
    const stateVector = Buffer.from(Y.encodeStateVector(client.doc)).toString('base64');

    const early = await api(c, c.university, 'POST', P.submit(made.id), { stateVector });
    expect(errorOf(early)).toEqual({ status: 409, code: 'proposal_not_synced' });
    expect((await ok<Proposal>(c, c.university, 'GET', P.proposal(made.id))).status).toBe('draft');
    const malformed = await api(c, c.university, 'POST', P.submit(made.id), {
      stateVector: Buffer.from([0xff, 0xff, 0xff]).toString('base64'),
    });
    expect(errorOf(malformed)).toEqual({ status: 400, code: 'invalid_body' });

    client.provider.connect();
    await waitSaved(client);
    const submitted = await ok<Proposal>(c, c.university, 'POST', P.submit(made.id), {
      stateVector,
    });
    expect(submitted.status).toBe('submitted');
    const frozen = await ok<SubmissionResponse>(c, c.lead, 'GET', P.submission(made.id));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(frozen.update, 'base64'));
    expect(readDocumentText(doc)).toContain('Primer párrafo, ya en el servidor');
    expect(readDocumentText(doc)).toContain('Presupuesto escrito en la mina');
    client.provider.destroy();
  });

  it('requires the consortium the rules ask for, and only eligible organizations apply', async () => {
    const c = await cast();
    const { call: theCall, challenge } = await program(c, { consortiumRequired: true });
    const alone = await ok<Proposal>(c, c.otherApplicant, 'POST', P.proposals(theCall.id), {
      challengeId: challenge.id,
      title: 'Sin socios',
    });
    expect(errorOf(await api(c, c.otherApplicant, 'POST', P.submit(alone.id)))).toEqual({
      status: 409,
      code: 'consortium_required',
    });
    const company = await api(c, c.mining, 'POST', P.proposals(theCall.id), {
      challengeId: challenge.id,
      title: 'La minera no postula',
    });
    expect(errorOf(company)).toEqual({ status: 403, code: 'not_eligible' });
  });

  it('excludes evaluators in conflict of interest automatically (403) and on declaration', async () => {
    const c = await cast();
    const { call: theCall, challenge } = await program(c);
    const made = await proposal(c, theCall.id, challenge.id);
    await ok(c, c.university, 'POST', P.submit(made.id));
    for (const evaluator of [c.evaluator1, c.evaluatorUnsa, c.evaluatorAndina]) {
      await ok(c, c.lead, 'POST', P.evaluators(theCall.id), { email: evaluator.email });
    }
    expect(
      errorOf(await api(c, c.lead, 'POST', P.evaluators(theCall.id), { email: c.evaluator1.email }))
        .code,
    ).toBe('evaluator_exists');
    // Not an evaluator at all.
    expect(
      errorOf(
        await api(c, c.evaluator2, 'POST', P.scores(made.id), scoreAll(theCall, [1, 1, 1, 1])),
      ),
    ).toEqual({ status: 404, code: 'proposal_not_found' });

    const conflicted = [
      [c.evaluatorUnsa, 'consortium'],
      [c.evaluatorAndina, 'company'],
    ] as const;
    for (const [evaluator, reason] of conflicted) {
      const refused = await api(
        c,
        evaluator,
        'POST',
        P.scores(made.id),
        scoreAll(theCall, [9, 9, 9, 9]),
      );
      expect(errorOf(refused), evaluator.email).toEqual({
        status: 403,
        code: 'conflict_of_interest',
      });
      expect(errorOf(await api(c, evaluator, 'GET', P.submission(made.id))).code).toBe(
        'conflict_of_interest',
      );
      const view = await ok<EvaluationResponse>(c, evaluator, 'GET', P.evaluation(theCall.id));
      expect(view.mine[0]!.conflict?.reason).toBe(reason);
    }
    // Declared: the scores already given stop counting, and no new ones are taken.
    await ok(c, c.evaluator1, 'POST', P.scores(made.id), scoreAll(theCall, [8, 8, 8, 8]));
    await ok(c, c.evaluator1, 'POST', P.conflict(made.id), {
      note: 'Asesoré a la universidad en 2025.',
    });
    expect(
      errorOf(
        await api(c, c.evaluator1, 'POST', P.scores(made.id), scoreAll(theCall, [8, 8, 8, 8])),
      ),
    ).toEqual({ status: 403, code: 'conflict_of_interest' });
    const lead = await ok<EvaluationResponse>(c, c.lead, 'GET', P.evaluation(theCall.id));
    expect(lead.progress[0]).toMatchObject({ eligible: 0, completed: 0 });
    expect(lead.progress[0]!.conflicts.map((x) => x.reason).sort()).toEqual(
      ['company', 'consortium', 'declared'].sort(),
    );
  });

  it('hides scores from other evaluators and applicants in every answer until closing, then ranks exactly', async () => {
    const c = await cast();
    const { call: theCall, challenge, program: made } = await program(c);
    const first = await proposal(c, theCall.id, challenge.id, 'Espesador de pasta');
    const second = await ok<Proposal>(c, c.otherApplicant, 'POST', P.proposals(theCall.id), {
      challengeId: challenge.id,
      title: 'Geomembranas con sensores',
      partnerEmails: [c.university.email],
    });
    await ok(c, c.university, 'POST', P.submit(first.id));
    c.clock.now += 1000;
    await ok(c, c.otherApplicant, 'POST', P.submit(second.id));
    for (const evaluator of [c.evaluator1, c.evaluator2]) {
      await ok(c, c.lead, 'POST', P.evaluators(theCall.id), { email: evaluator.email });
    }
    // Eva: first 9/8/7/9, second 6/6/6/6. Ernesto: first 5/6/4/5, second 7/7/7/7.
    await ok(c, c.evaluator1, 'POST', P.scores(first.id), scoreAll(theCall, [9, 8, 7, 9], SECRET));
    await ok(c, c.evaluator1, 'POST', P.scores(second.id), scoreAll(theCall, [6, 6, 6, 6], SECRET));
    const own = await ok<EvaluationResponse>(c, c.evaluator1, 'GET', P.evaluation(theCall.id));
    expect(own.mine.find((m) => m.proposalId === first.id)!.scores.map((s) => s.score)).toEqual([
      9, 8, 7, 9,
    ]);
    await ok<MyEvaluation>(
      c,
      c.evaluator2,
      'POST',
      P.scores(first.id),
      scoreAll(theCall, [5, 6, 4, 5]),
    );
    await ok(c, c.evaluator2, 'POST', P.scores(second.id), scoreAll(theCall, [7, 7, 7, 7]));

    // Every GET each person can make, before closing: no trace of Eva's justification or results.
    const reads = (callId: string, proposals: Proposal[]) => [
      P.programs,
      P.challenges(made.id),
      P.calls(made.id),
      P.call(callId),
      P.questions(callId),
      P.proposals(callId),
      P.evaluation(callId),
      P.projects(made.id),
      ...proposals.flatMap((p) => [P.proposal(p.id), P.submission(p.id)]),
    ];
    for (const who of [
      c.evaluator2,
      c.university,
      c.supplier,
      c.otherApplicant,
      c.mining,
      c.lead,
      c.admin,
    ]) {
      for (const path of reads(theCall.id, [first, second])) {
        const answer = await api(c, who, 'GET', path);
        const text = JSON.stringify(answer.body);
        expect(text, `${who.email} GET ${path}`).not.toContain(SECRET);
        if (answer.status === 200 && path === P.evaluation(theCall.id)) {
          const body = answer.body as EvaluationResponse;
          expect(body.results, who.email).toBeNull();
          for (const mine of body.mine) {
            expect(mine.scores.every((s) => !s.justification.includes(SECRET))).toBe(true);
          }
        }
        if (answer.status === 200 && path.startsWith('/api/innovation/proposals/')) {
          expect((answer.body as Proposal).result ?? null).toBeNull();
        }
      }
    }
    // The admin reads the audit log: steps are there, values are not.
    const audit = await ok<{ entries: AuditEntry[] }>(c, c.admin, 'GET', '/api/audit?limit=500');
    expect(JSON.stringify(audit.entries)).not.toContain(SECRET);

    // Closing needs the submission deadline behind.
    expect(errorOf(await api(c, c.lead, 'POST', P.closeEvaluation(theCall.id)))).toEqual({
      status: 409,
      code: 'evaluation_open',
    });
    expect(errorOf(await api(c, c.evaluator1, 'POST', P.closeEvaluation(theCall.id))).status).toBe(
      403,
    );
    c.clock.now = Date.parse(theCall.submissionsUntil) + 1;
    await ok(c, c.lead, 'POST', P.closeEvaluation(theCall.id));
    expect(
      errorOf(
        await api(c, c.evaluator1, 'POST', P.scores(first.id), scoreAll(theCall, [1, 1, 1, 1])),
      ),
    ).toEqual({ status: 409, code: 'evaluation_closed' });

    // first: Eva (9·30+8·25+7·20+9·25)/100 = 8.35, Ernesto (5·30+6·25+4·20+5·25)/100 = 5.05;
    // mean 6.70, spread 3.30 > 2 → disagreement. second: 6.00 and 7.00; mean 6.50, spread 1.00.
    const closed = await ok<EvaluationResponse>(c, c.evaluator2, 'GET', P.evaluation(theCall.id));
    expect(
      closed.results!.map(({ title, rank, score, spread, disagreement }) => ({
        title,
        rank,
        score,
        spread,
        disagreement,
      })),
    ).toEqual([
      { title: 'Espesador de pasta', rank: 1, score: 6.7, spread: 3.3, disagreement: true },
      { title: 'Geomembranas con sensores', rank: 2, score: 6.5, spread: 1, disagreement: false },
    ]);
    const eva = closed.results![0]!.evaluations.find(
      (e) => e.evaluator.id === c.evaluator1.user.id,
    );
    expect(eva?.weighted).toBe(8.35);
    expect(JSON.stringify(closed)).toContain(SECRET);
    // Applicants learn their own result, never the evaluators' sheets.
    const mine = await ok<Proposal>(c, c.supplier, 'GET', P.proposal(first.id));
    expect(mine.result).toEqual({ score: 6.7, rank: 1, of: 2 });
    expect(JSON.stringify(mine)).not.toContain(SECRET);
    expect(errorOf(await api(c, c.supplier, 'GET', P.evaluation(theCall.id)))).toEqual({
      status: 403,
      code: 'not_an_evaluator',
    });
  });

  it('turns the selected proposal into a portfolio project with a milestone board, filterable, and audits every step', async () => {
    const c = await cast();
    const { call: theCall, challenge, program: made } = await program(c);
    const chosen = await proposal(c, theCall.id, challenge.id);
    await ok(c, c.university, 'POST', P.submit(chosen.id));
    await ok(c, c.lead, 'POST', P.evaluators(theCall.id), { email: c.evaluator1.email });
    await ok(c, c.lead, 'POST', P.evaluators(theCall.id), { email: c.evaluatorUnsa.email });
    await api(c, c.evaluatorUnsa, 'POST', P.scores(chosen.id), scoreAll(theCall, [9, 9, 9, 9]));
    await ok(c, c.evaluator1, 'POST', P.conflict(chosen.id), { note: 'Prueba de declaración.' });
    await ok(c, c.lead, 'POST', P.evaluators(theCall.id), { email: c.evaluator2.email });
    await ok(c, c.evaluator2, 'POST', P.scores(chosen.id), scoreAll(theCall, [8, 7, 8, 9]));
    expect(
      errorOf(
        await api(c, c.lead, 'POST', P.createProject(chosen.id), {
          region: 'Arequipa',
          budget: 1,
          cofinancing: [],
        }),
      ),
    ).toEqual({ status: 409, code: 'evaluation_open' });
    c.clock.now = Date.parse(theCall.submissionsUntil) + 1;
    await ok(c, c.lead, 'POST', P.closeEvaluation(theCall.id));

    const store = openAccounts(c.server.dataDir);
    const andina = (await store.organizations.byName(ANDINA.name))!;
    const unsa = (await store.organizations.byName(UNSA.name))!;
    const tacna = (await store.organizations.byName(TACNA.name))!;
    const project = await ok<Project>(c, c.lead, 'POST', P.createProject(chosen.id), {
      region: 'Arequipa',
      budget: 450_000,
      cofinancing: [
        { organizationId: andina.id, amount: 200_000 },
        { organizationId: tacna.id, amount: 50_000 },
      ],
      indicators: [{ name: 'Agua recuperada', unit: 'L/s', target: 36 }],
      milestones: [{ title: 'Piloto en planta', due: '2026-09-30' }],
    });
    expect(project).toMatchObject({
      status: 'piloto',
      budget: 450_000,
      score: 8,
      region: 'Arequipa',
    });
    expect(project.boardId).not.toBeNull();
    // The lead joined the project's group to follow its board; the consortium stays as submitted.
    expect(project.consortium.map((o) => o.name).sort()).toEqual([TACNA.name, UNSA.name].sort());
    // Milestones are cards on the project's board, in the consortium's group.
    const board = connect(
      { url: c.server.url, token: c.university.token },
      roomName({ kind: 'board', groupId: project.groupId, boardId: project.boardId! }),
    );
    await waitSynced(board);
    expect(cardTitles(board.doc)).toContain('Piloto en planta');

    const updated = await ok<Project>(c, c.university, 'PATCH', P.project(project.id), {
      status: 'escalamiento',
      indicators: [
        {
          id: project.indicators[0]!.id,
          name: 'Agua recuperada',
          unit: 'L/s',
          target: 36,
          reported: 21.5,
        },
      ],
    });
    expect(updated.status).toBe('escalamiento');
    expect(updated.indicators[0]!.reported).toBe(21.5);
    expect(
      errorOf(
        await api(c, c.otherApplicant, 'PATCH', P.project(project.id), { status: 'cerrado' }),
      ),
    ).toEqual({
      status: 403,
      code: 'forbidden',
    });

    const filter = async (query: string) =>
      (await ok<{ projects: Project[] }>(c, c.mining, 'GET', `${P.projects(made.id)}?${query}`))
        .projects.length;
    expect(await filter('')).toBe(1);
    expect(await filter('status=escalamiento')).toBe(1);
    expect(await filter('status=piloto')).toBe(0);
    expect(await filter(`company=${andina.id}`)).toBe(1);
    expect(await filter(`university=${unsa.id}`)).toBe(1);
    expect(await filter(`supplier=${tacna.id}`)).toBe(1);
    expect(await filter(`supplier=${andina.id}`)).toBe(0);
    expect(await filter('region=Moquegua')).toBe(0);

    const audit = await ok<{ entries: AuditEntry[] }>(c, c.admin, 'GET', '/api/audit?limit=500');
    const actions = audit.entries.map((e) => e.action);
    for (const step of [
      'innovation_program_created',
      'innovation_challenge_filed',
      'innovation_challenge_published',
      'innovation_call_opened',
      'innovation_proposal_created',
      'innovation_proposal_submitted',
      'version_created',
      'innovation_evaluator_assigned',
      'innovation_score_refused',
      'innovation_conflict_declared',
      'innovation_scores_recorded',
      'innovation_evaluation_closed',
      'innovation_ranking_published',
      'innovation_project_created',
      'innovation_project_updated',
    ] as const) {
      expect(actions, step).toContain(step);
    }
    const refusal = audit.entries.find((e) => e.action === 'innovation_score_refused')!;
    expect(refusal.actor?.id).toBe(c.evaluatorUnsa.user.id);
    expect(JSON.parse(refusal.detail)).toMatchObject({
      proposalId: chosen.id,
      reason: 'consortium',
    });
    const assigned = audit.entries.filter((e) => e.action === 'innovation_evaluator_assigned');
    expect(assigned.map((e) => e.targetUserId).sort()).toEqual(
      [c.evaluator1.user.id, c.evaluatorUnsa.user.id, c.evaluator2.user.id].sort(),
    );
  });

  it('files challenges as records with a document and a card, and keeps confidential ones to the program group', async () => {
    const c = await cast();
    const made = await ok<ProgramSummary>(c, c.lead, 'POST', P.programs, {
      groupId: PROGRAM_GROUP,
      name: 'Programa',
    });
    const filed = await ok<Challenge>(c, c.mining, 'POST', P.challenges(made.id), {
      title: 'Detección de fatiga en operadores de acarreo',
      operation: 'Tajo Norte',
      area: 'seguridad',
      problem: 'Incidentes por somnolencia en turno noche.',
      expectedImpact: 'Cero incidentes por fatiga.',
      confidentiality: 'program',
    });
    expect(filed.status).toBe('filed');
    expect(filed.company.name).toBe(ANDINA.name);
    // Its document, in the program group, says what the form said.
    const doc = connect(
      { url: c.server.url, token: c.supplier.token },
      roomName({ kind: 'doc', groupId: PROGRAM_GROUP, docId: filed.docId }),
    );
    await waitSynced(doc);
    expect(readDocumentText(doc.doc)).toContain('Incidentes por somnolencia en turno noche.');
    const board = connect(
      { url: c.server.url, token: c.supplier.token },
      roomName({ kind: 'board', groupId: PROGRAM_GROUP, boardId: made.boardId! }),
    );
    await waitSynced(board);
    expect(cardTitles(board.doc)).toContain('Detección de fatiga en operadores de acarreo');

    // Filed: only the lead and the company see it; a supplier may not file.
    const list = (who: Person) =>
      ok<{ challenges: Challenge[] }>(c, who, 'GET', P.challenges(made.id)).then(
        (b) => b.challenges.length,
      );
    expect(await list(c.supplier)).toBe(0);
    expect(await list(c.lead)).toBe(1);
    expect(
      errorOf(
        await api(c, c.supplier, 'POST', P.challenges(made.id), {
          title: 'x',
          operation: 'x',
          area: 'agua',
          problem: 'x',
          expectedImpact: 'x',
          confidentiality: 'workspace',
        }),
      ).status,
    ).toBe(403);
    expect(errorOf(await api(c, c.mining, 'POST', P.publishChallenge(filed.id))).status).toBe(403);
    await ok(c, c.lead, 'POST', P.publishChallenge(filed.id));
    // Published but confidential: program members yes, people outside the program group no.
    expect(await list(c.supplier)).toBe(1);
    expect(await list(c.evaluator1)).toBe(0);
    expect(errorOf(await api(c, c.evaluator1, 'GET', P.challenge(filed.id))).status).toBe(404);

    // A duplicate is merged into the first.
    const duplicate = await ok<Challenge>(c, c.mining, 'POST', P.challenges(made.id), {
      title: 'Fatiga de operadores',
      operation: 'Tajo Sur',
      area: 'seguridad',
      problem: 'Lo mismo en otro tajo.',
      expectedImpact: 'Menos incidentes.',
      confidentiality: 'workspace',
    });
    const merged = await ok<Challenge>(c, c.lead, 'POST', P.mergeChallenge(duplicate.id), {
      into: filed.id,
    });
    expect(merged).toMatchObject({ status: 'merged', mergedInto: filed.id });
    const opened = await api(c, c.lead, 'POST', P.calls(made.id), {
      title: 'Con un fusionado',
      challengeIds: [duplicate.id],
      eligibleKinds: ['academia'],
      consortiumRequired: false,
      questionsUntil: new Date(c.clock.now + DAY).toISOString(),
      submissionsUntil: new Date(c.clock.now + 2 * DAY).toISOString(),
      evaluationUntil: new Date(c.clock.now + 3 * DAY).toISOString(),
      criteria: CRITERIA,
    });
    expect(errorOf(opened)).toEqual({ status: 409, code: 'challenge_not_published' });
    const badWeights = await api(c, c.lead, 'POST', P.calls(made.id), {
      title: 'Pesos que no suman',
      challengeIds: [filed.id],
      eligibleKinds: ['academia'],
      consortiumRequired: false,
      questionsUntil: new Date(c.clock.now + DAY).toISOString(),
      submissionsUntil: new Date(c.clock.now + 2 * DAY).toISOString(),
      evaluationUntil: new Date(c.clock.now + 3 * DAY).toISOString(),
      criteria: [{ name: 'Único', weight: 90 }],
    });
    expect(errorOf(badWeights).code).toBe('invalid_body');
  });

  it('takes questions until the server-time limit and publishes the answers to every applicant', async () => {
    const c = await cast();
    const { call: theCall } = await program(c);
    await ok(c, c.supplier, 'POST', P.questions(theCall.id), {
      text: '¿Se puede visitar la planta antes de postular?',
    });
    const asked = await ok<{ questions: Array<{ id: string }> }>(
      c,
      c.otherApplicant,
      'GET',
      P.questions(theCall.id),
    );
    expect(asked.questions).toHaveLength(1);
    expect(
      errorOf(
        await api(c, c.supplier, 'POST', P.answer(theCall.id, asked.questions[0]!.id), {
          text: 'Sí',
        }),
      ).status,
    ).toBe(403);
    await ok(c, c.lead, 'POST', P.answer(theCall.id, asked.questions[0]!.id), {
      text: 'Sí, el 15 de abril con inducción de seguridad.',
    });
    const answered = await ok<{ questions: Array<{ answer: { text: string } | null }> }>(
      c,
      c.university,
      'GET',
      P.questions(theCall.id),
    );
    expect(answered.questions[0]!.answer?.text).toContain('15 de abril');
    c.clock.now = Date.parse(theCall.questionsUntil) + 1;
    expect(
      errorOf(await api(c, c.supplier, 'POST', P.questions(theCall.id), { text: '¿Otra?' })),
    ).toEqual({
      status: 409,
      code: 'questions_closed',
    });
  });
});

describe('the seeded demo program', () => {
  it('runs a program: eight challenges, a closed evaluation with three projects, an open call with two proposals', async () => {
    const server = await startServer({ seedDemo: true });
    const as = async (email: string) => (await login(server.url, email, 'minka-demo-2026')).token;
    const get = async <T>(token: string, path: string) => {
      const answer = await call<T>(server.url, 'GET', path, { token });
      expect(answer.status, path).toBe(200);
      return answer.body;
    };
    const lead = await as('gabriela.nunez@camara-arequipa.demo');
    const [program] = (await get<{ programs: ProgramSummary[] }>(lead, P.programs)).programs;
    expect(program).toMatchObject({ isLead: true, name: 'Programa de innovación abierta 2026' });
    const challenges = (await get<{ challenges: Challenge[] }>(lead, P.challenges(program!.id)))
      .challenges;
    expect(challenges).toHaveLength(8);
    expect(new Set(challenges.map((c) => c.company.name)).size).toBe(4);
    expect(new Set(challenges.map((c) => c.area))).toEqual(
      new Set(['agua', 'relaves', 'energia', 'seguridad', 'mantenimiento']),
    );
    const calls = (await get<{ calls: Call[] }>(lead, P.calls(program!.id))).calls;
    expect(calls.map((c) => c.phase).sort()).toEqual(['closed', 'open']);
    const closed = calls.find((c) => c.phase === 'closed')!;
    const open = calls.find((c) => c.phase === 'open')!;
    const evaluator = await as('victor.paredes@innovacion.demo');
    const results = (await get<EvaluationResponse>(evaluator, P.evaluation(closed.id))).results!;
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(results.every((r) => r.evaluations.length === 2)).toBe(true);
    const projects = (await get<{ projects: Project[] }>(lead, P.projects(program!.id))).projects;
    expect(projects.map((p) => p.status).sort()).toEqual(['cerrado', 'escalamiento', 'piloto']);
    // The open call: the lead sees the submitted proposal, its consortium also sees the draft.
    expect(
      (await get<{ proposals: Proposal[] }>(lead, P.proposals(open.id))).proposals,
    ).toHaveLength(1);
    const carmen = await as('carmen.ticona@unjbg.demo');
    const theirs = (await get<{ proposals: Proposal[] }>(carmen, P.proposals(open.id))).proposals;
    expect(theirs.map((p) => p.status).sort()).toEqual(['draft', 'submitted']);
    const frozen = await get<SubmissionResponse>(
      lead,
      P.submission(theirs.find((p) => p.status === 'submitted')!.id),
    );
    expect(createHash('sha256').update(Buffer.from(frozen.update, 'base64')).digest('hex')).toBe(
      frozen.hash,
    );
  });
});
