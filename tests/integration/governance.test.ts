/**
 * The governance register, the regulatory base and missions through the real HTTP API on a real
 * SQLite file, with stock y-websocket clients on the board room: approved minutes freeze their
 * agreements (409) and corrections are new entries; a confidential case never reaches another
 * organization (any answer, any room) yet is counted; an action card moved on one client drives
 * the agreement's status on the server and on another client.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardId, GroupId } from '../../shared/model/ids';
import {
  GOVERNANCE_PATHS,
  type Agreement,
  type GovernanceResponse,
  type Meeting,
  type RegisterResponse,
} from '../../shared/protocol/governanceApi';
import {
  REGULATION_PATHS,
  type ArticleDetail,
  type CasesResponse,
  type FrictionCase,
  type ProposalView,
  type RegulationView,
  type RegulationsResponse,
} from '../../shared/protocol/regulationApi';
import { MISSION_PATHS, type Mission } from '../../shared/protocol/missionsApi';
import { roomName } from '../../shared/protocol/rooms';
import { moveCard, readBoard, type CardId } from '../../shared/ydoc/boardDoc';
import { followUpStatus, readActionCards } from '../../shared/ydoc/governanceBoard';
import { readGroupIndex } from '../../shared/ydoc/groupIndexDoc';
import { call, errorOf } from './api';
import { addPerson, ensureGroup, openAccounts, type Person } from './fixtures';
import { connect, startServer, waitFor, waitSynced, type TestServer } from './helpers';
import { login } from './api';
import { DEMO_PASSWORD } from '../../sync-server/seed/demoAccounts';
import type { Workspace } from '../../shared/model/workspace';

const COUNCIL = '3c1e5a7b-9d2f-4e6a-8b0c-1d3e5f7a9b2c' as GroupId;

interface Cast {
  server: TestServer;
  lead: Person;
  secretary: Person;
  mining: Person;
  miningColleague: Person;
  supplier: Person;
  university: Person;
  region: Person;
  viewer: Person;
  outsider: Person;
  clock: { now: number };
}

async function cast(): Promise<Cast> {
  const clock = { now: Date.parse('2026-03-10T15:00:00Z') };
  const now = () => clock.now;
  const server = await startServer({ now });
  const store = openAccounts(server.dataDir, now);
  await ensureGroup(store, COUNCIL, 'private', 'Consejo Directivo del Clúster');
  const person = (
    name: string,
    email: string,
    role: 'lead' | 'editor' | 'commenter' | 'viewer' | null,
    organization: {
      name: string;
      kind: 'mining_company' | 'mets_supplier' | 'academia' | 'government_regional' | 'association';
    },
  ) =>
    addPerson(store, {
      name,
      email,
      organization,
      groups: role === null ? {} : { [COUNCIL]: role },
    });
  return {
    server,
    clock,
    lead: await person('Lucía Presidenta', 'lucia@cluster.demo', 'lead', {
      name: 'Clúster Minero del Sur',
      kind: 'association',
    }),
    secretary: await person('Sergio Secretario', 'sergio@cluster.demo', 'editor', {
      name: 'Clúster Minero del Sur',
      kind: 'association',
    }),
    mining: await person('Mara Minera', 'mara@andina.demo', 'commenter', {
      name: 'Minera Andina',
      kind: 'mining_company',
    }),
    miningColleague: await person('Mateo Minero', 'mateo@andina.demo', 'viewer', {
      name: 'Minera Andina',
      kind: 'mining_company',
    }),
    supplier: await person('Pablo Proveedor', 'pablo@metsur.demo', 'editor', {
      name: 'METS Sur',
      kind: 'mets_supplier',
    }),
    university: await person('Ulises Docente', 'ulises@unsa.demo', 'commenter', {
      name: 'Universidad Nacional de San Agustín',
      kind: 'academia',
    }),
    region: await person('Rita Regional', 'rita@gra.demo', 'viewer', {
      name: 'Gobierno Regional de Arequipa',
      kind: 'government_regional',
    }),
    viewer: await person('Vera Lectora', 'vera@metsur.demo', 'viewer', {
      name: 'METS Sur',
      kind: 'mets_supplier',
    }),
    outsider: await person('Omar Ajeno', 'omar@otra.demo', null, {
      name: 'Otra Minera',
      kind: 'mining_company',
    }),
  };
}

const org = (p: Person) => p.user.organization.id;

async function meetingWithAgreements(c: Cast) {
  const url = c.server.url;
  const convened = [c.lead, c.mining, c.supplier, c.university, c.region].map(org);
  const meeting = await call<Meeting>(url, 'POST', GOVERNANCE_PATHS.meetings(COUNCIL), {
    token: c.secretary.token,
    body: {
      title: 'Sesión ordinaria de marzo',
      startsAt: '2026-03-12T15:00:00.000Z',
      place: 'Cámara de Comercio de Arequipa',
      organizations: convened,
      agenda: ['Lectura del acta anterior', 'Plan hídrico 2026', 'Misión a Chile'],
    },
  });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  const agreement = await call<Agreement>(
    url,
    'POST',
    GOVERNANCE_PATHS.meetingAgreements(COUNCIL, meeting.body.id),
    {
      token: c.secretary.token,
      body: {
        title: 'Aprobar el plan hídrico 2026',
        text: 'El consejo aprueba el plan hídrico y encarga su difusión.',
        responsibleOrganizationId: org(c.mining),
        dueDate: '2026-06-30',
      },
    },
  );
  expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
  return { meeting: meeting.body, agreement: agreement.body, convened };
}

describe('governance register', () => {
  it('records a meeting, votes by organization with the body’s rules, and lists it in the register', async () => {
    const c = await cast();
    const url = c.server.url;
    const { meeting, agreement } = await meetingWithAgreements(c);
    expect(meeting.organizations.map((o) => o.name)).toContain('Minera Andina');
    expect(meeting.agenda).toHaveLength(3);
    expect(agreement.code).toBe('CDC-2026-001');
    expect(agreement.decision).toBe('pending');
    expect(agreement.status).toBeNull();

    const voted = await call<Agreement>(
      url,
      'POST',
      GOVERNANCE_PATHS.votes(COUNCIL, agreement.id),
      {
        token: c.secretary.token,
        body: {
          votes: [
            { organizationId: org(c.lead), vote: 'for' },
            { organizationId: org(c.mining), vote: 'for' },
            { organizationId: org(c.supplier), vote: 'against' },
            { organizationId: org(c.university), vote: 'abstain' },
          ],
        },
      },
    );
    expect(voted.status).toBe(200);
    // Gobierno Regional not recorded yet: pending, counted absent.
    expect(voted.body.decision).toBe('pending');
    expect(voted.body.tally).toMatchObject({ for: 2, against: 1, abstain: 1, absent: 1 });

    // A tie of two for, two against with one absent: not adopted.
    const tie = await call<Agreement>(url, 'POST', GOVERNANCE_PATHS.votes(COUNCIL, agreement.id), {
      token: c.secretary.token,
      body: {
        votes: [
          { organizationId: org(c.university), vote: 'against' },
          { organizationId: org(c.region), vote: 'absent' },
        ],
      },
    });
    expect(tie.body.tally).toMatchObject({ for: 2, against: 2, present: 4, absent: 1 });
    expect(tie.body.decision).toBe('rejected');

    const adopted = await call<Agreement>(
      url,
      'POST',
      GOVERNANCE_PATHS.votes(COUNCIL, agreement.id),
      {
        token: c.secretary.token,
        body: { votes: [{ organizationId: org(c.region), vote: 'for' }] },
      },
    );
    expect(adopted.body.decision).toBe('approved');
    expect(adopted.body.status).toBe('pendiente');

    // Only convened organizations vote; viewers do not record votes; outsiders see nothing.
    const stranger = await call(url, 'POST', GOVERNANCE_PATHS.votes(COUNCIL, agreement.id), {
      token: c.secretary.token,
      body: { votes: [{ organizationId: org(c.outsider), vote: 'for' }] },
    });
    expect(errorOf(stranger)).toEqual({ status: 400, code: 'organization_not_convened' });
    const byViewer = await call(url, 'POST', GOVERNANCE_PATHS.votes(COUNCIL, agreement.id), {
      token: c.viewer.token,
      body: { votes: [{ organizationId: org(c.region), vote: 'against' }] },
    });
    expect(errorOf(byViewer)).toEqual({ status: 403, code: 'forbidden' });
    const outside = await call(url, 'GET', GOVERNANCE_PATHS.register(COUNCIL), {
      token: c.outsider.token,
    });
    expect(errorOf(outside)).toEqual({ status: 404, code: 'group_not_found' });

    // The body's rule: unanimity turns the same votes into a rejection.
    const rules = await call(url, 'PATCH', GOVERNANCE_PATHS.governance(COUNCIL), {
      token: c.lead.token,
      body: { rule: 'all', quorum: 'majority' },
    });
    expect(rules.status).toBe(200);
    const strict = await call<Agreement>(
      url,
      'GET',
      GOVERNANCE_PATHS.agreement(COUNCIL, agreement.id),
      {
        token: c.viewer.token,
      },
    );
    expect(strict.body.decision).toBe('rejected');
    const back = await call(url, 'PATCH', GOVERNANCE_PATHS.governance(COUNCIL), {
      token: c.lead.token,
      body: { rule: 'majority', quorum: 'majority' },
    });
    expect(back.status).toBe(200);

    const register = await call<RegisterResponse>(url, 'GET', GOVERNANCE_PATHS.register(COUNCIL), {
      token: c.viewer.token,
    });
    expect(register.body.agreements.map((a) => a.code)).toEqual(['CDC-2026-001']);
    const filtered = await call<RegisterResponse>(
      url,
      'GET',
      `${GOVERNANCE_PATHS.register(COUNCIL)}?status=cumplido`,
      { token: c.viewer.token },
    );
    expect(filtered.body.agreements).toEqual([]);
    const byOrg = await call<RegisterResponse>(
      url,
      'GET',
      `${GOVERNANCE_PATHS.clusterRegister}?organization=${org(c.mining)}&q=hidrico`,
      { token: c.viewer.token },
    );
    expect(byOrg.body.agreements.map((a) => a.title)).toEqual(['Aprobar el plan hídrico 2026']);
    const badFilter = await call(url, 'GET', `${GOVERNANCE_PATHS.register(COUNCIL)}?from=marzo`, {
      token: c.viewer.token,
    });
    expect(errorOf(badFilter)).toEqual({ status: 400, code: 'invalid_query' });
  });

  it('approved minutes’ agreements cannot be edited (409) but can be corrected by a new entry', async () => {
    const c = await cast();
    const url = c.server.url;
    const { meeting, agreement } = await meetingWithAgreements(c);
    const notLead = await call(url, 'POST', GOVERNANCE_PATHS.approveMinutes(COUNCIL, meeting.id), {
      token: c.secretary.token,
    });
    expect(errorOf(notLead)).toEqual({ status: 403, code: 'forbidden' });
    const approved = await call<Meeting>(
      url,
      'POST',
      GOVERNANCE_PATHS.approveMinutes(COUNCIL, meeting.id),
      {
        token: c.lead.token,
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');
    // Votes not recorded become absences in the approved minutes.
    expect(approved.body.agreements[0]!.votes.every((v) => v.vote === 'absent')).toBe(true);
    expect(approved.body.agreements[0]!.decision).toBe('no_quorum');
    expect(approved.body.agreements[0]!.locked).toBe(true);

    for (const [method, path, body] of [
      ['PATCH', GOVERNANCE_PATHS.agreement(COUNCIL, agreement.id), { title: 'Otro título' }],
      [
        'POST',
        GOVERNANCE_PATHS.votes(COUNCIL, agreement.id),
        { votes: [{ organizationId: org(c.mining), vote: 'for' }] },
      ],
      [
        'POST',
        GOVERNANCE_PATHS.meetingAgreements(COUNCIL, meeting.id),
        { title: 'Acuerdo tardío' },
      ],
      ['PATCH', GOVERNANCE_PATHS.meeting(COUNCIL, meeting.id), { place: 'Otro lugar' }],
      ['POST', GOVERNANCE_PATHS.approveMinutes(COUNCIL, meeting.id), undefined],
    ] as const) {
      const refused = await call(url, method, path, { token: c.lead.token, body });
      expect(errorOf(refused), `${method} ${path}`).toEqual({
        status: 409,
        code: 'agreement_locked',
      });
    }
    const unchanged = await call<Agreement>(
      url,
      'GET',
      GOVERNANCE_PATHS.agreement(COUNCIL, agreement.id),
      {
        token: c.lead.token,
      },
    );
    expect(unchanged.body.title).toBe('Aprobar el plan hídrico 2026');

    const correction = await call<Agreement>(
      url,
      'POST',
      GOVERNANCE_PATHS.corrections(COUNCIL, agreement.id),
      {
        token: c.lead.token,
        body: {
          title: 'Aprobar el plan hídrico 2026 (plazo corregido)',
          text: 'Se corrige el plazo del acuerdo.',
          responsibleOrganizationId: org(c.mining),
          dueDate: '2026-09-30',
          reason: 'El acta consignó un plazo equivocado.',
        },
      },
    );
    expect(correction.status, JSON.stringify(correction.body)).toBe(201);
    expect(correction.body.corrects).toEqual({
      id: agreement.id,
      code: 'CDC-2026-001',
      reason: 'El acta consignó un plazo equivocado.',
    });
    expect(correction.body.code).toBe('CDC-2026-002');
    const old = await call<Agreement>(
      url,
      'GET',
      GOVERNANCE_PATHS.agreement(COUNCIL, agreement.id),
      {
        token: c.lead.token,
      },
    );
    expect(old.body.correctedBy?.id).toBe(correction.body.id);
    expect(old.body.dueDate).toBe('2026-06-30');
    const audit = await call<{ entries: Array<{ action: string }> }>(url, 'GET', '/api/audit', {
      token: c.lead.token,
    });
    // The lead is not an admin: the audit log stays with administrators.
    expect(audit.status).toBe(403);
  });

  it('an action item’s card status drives the agreement’s status across two clients', async () => {
    const c = await cast();
    const url = c.server.url;
    const { agreement } = await meetingWithAgreements(c);
    await call(url, 'POST', GOVERNANCE_PATHS.votes(COUNCIL, agreement.id), {
      token: c.secretary.token,
      body: {
        votes: [c.lead, c.mining, c.supplier, c.university, c.region].map((p) => ({
          organizationId: org(p),
          vote: 'for',
        })),
      },
    });
    const withAction = await call<Agreement>(
      url,
      'POST',
      GOVERNANCE_PATHS.actions(COUNCIL, agreement.id),
      {
        token: c.secretary.token,
        body: { title: 'Difundir el plan en las comunidades' },
      },
    );
    expect(withAction.status, JSON.stringify(withAction.body)).toBe(201);
    const [action] = withAction.body.actions;
    expect(action).toMatchObject({ column: 'Por hacer', done: false });
    expect(withAction.body.status).toBe('pendiente');

    const governance = await call<GovernanceResponse>(
      url,
      'GET',
      GOVERNANCE_PATHS.governance(COUNCIL),
      {
        token: c.viewer.token,
      },
    );
    const boardRoom = roomName({
      kind: 'board',
      groupId: COUNCIL,
      boardId: governance.body.boardId as BoardId,
    });
    const index = connect(
      { url, token: c.viewer.token },
      roomName({ kind: 'index', groupId: COUNCIL }),
    );
    const one = connect({ url, token: c.secretary.token }, boardRoom);
    const two = connect({ url, token: c.supplier.token }, boardRoom);
    await Promise.all([waitSynced(index), waitSynced(one), waitSynced(two)]);
    expect(readGroupIndex(index.doc).entries.map((e) => e.title)).toContain(
      'Seguimiento de acuerdos',
    );
    const columns = readBoard(one.doc).columns;
    expect(columns.map((col) => col.title)).toEqual([
      'Por hacer',
      'En curso',
      'En revisión',
      'Hecho',
    ]);

    const statusOn = (doc: Y.Doc) =>
      followUpStatus(readActionCards(doc, [action!.cardId]), withAction.body.dueDate, '2026-03-10');
    moveCard(one.doc, action!.cardId as CardId, columns[1]!.id, 0);
    await waitFor('the move on client two', () => statusOn(two.doc) === 'en_curso');
    const inProgress = await call<Agreement>(
      url,
      'GET',
      GOVERNANCE_PATHS.agreement(COUNCIL, agreement.id),
      {
        token: c.viewer.token,
      },
    );
    expect(inProgress.body.status).toBe('en_curso');

    moveCard(two.doc, action!.cardId as CardId, columns[3]!.id, 0);
    await waitFor('the move on client one', () => statusOn(one.doc) === 'cumplido');
    let done: Agreement | null = null;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      done = (
        await call<Agreement>(url, 'GET', GOVERNANCE_PATHS.agreement(COUNCIL, agreement.id), {
          token: c.viewer.token,
        })
      ).body;
      if (done.status === 'cumplido') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(done?.status).toBe('cumplido');
    expect(done?.actions[0]).toMatchObject({ column: 'Hecho', done: true });

    // Past its due date with the card moved back, it is overdue.
    moveCard(one.doc, action!.cardId as CardId, columns[1]!.id, 0);
    await waitFor('the move back on client two', () => statusOn(two.doc) === 'en_curso');
    const due = await call(url, 'PATCH', GOVERNANCE_PATHS.agreement(COUNCIL, agreement.id), {
      token: c.secretary.token,
      body: { dueDate: '2026-03-11' },
    });
    expect(due.status).toBe(200);
    c.clock.now = Date.parse('2026-03-12T15:00:00Z');
    let overdue: Agreement | null = null;
    const later = Date.now() + 5000;
    while (Date.now() < later) {
      overdue = (
        await call<Agreement>(url, 'GET', GOVERNANCE_PATHS.agreement(COUNCIL, agreement.id), {
          token: c.viewer.token,
        })
      ).body;
      if (overdue.status === 'vencido') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(overdue?.status).toBe('vencido');
  });
});

async function catalogue(c: Cast) {
  const created = await call<RegulationView>(
    c.server.url,
    'POST',
    REGULATION_PATHS.regulations(COUNCIL),
    {
      token: c.secretary.token,
      body: {
        kind: 'decreto_supremo',
        number: '040-2014-EM',
        title:
          'Reglamento de protección y gestión ambiental para actividades de explotación minera',
        issuer: 'Ministerio de Energía y Minas',
        validFrom: '2014-11-12',
        url: 'https://www.minem.gob.pe/',
        articles: [
          { number: '12', heading: 'Instrumentos de gestión ambiental' },
          { number: '47', heading: 'Modificación de componentes' },
        ],
      },
    },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

describe('regulatory base', () => {
  it('a confidential case is invisible to other organizations in every answer and room, yet counted', async () => {
    const c = await cast();
    const url = c.server.url;
    const regulation = await catalogue(c);
    const [article12, article47] = regulation.articles;
    const report = (
      who: Person,
      title: string,
      days: number,
      confidential: boolean,
      articleIds: string[],
    ) =>
      call<FrictionCase>(url, 'POST', REGULATION_PATHS.cases(COUNCIL), {
        token: who.token,
        body: {
          title,
          procedure: 'Informe técnico sustentatorio',
          daysLost: days,
          cost: days * 1000,
          confidential,
          articleIds,
          evidence: [{ label: 'Oficio de observaciones', url: 'https://example.org/oficio.pdf' }],
        },
      });
    const open = await report(c.supplier, 'Demora en la evaluación del ITS', 60, false, [
      article12!.id,
    ]);
    expect(open.status).toBe(201);
    const secretTitle = 'Paralización de la ampliación del tajo Norte';
    const secret = await report(c.mining, secretTitle, 120, true, [article12!.id, article47!.id]);
    expect(secret.status, JSON.stringify(secret.body)).toBe(201);
    expect(secret.body.confidential).toBe(true);

    // Viewers do not report; articles of other groups or made up are refused.
    const byViewer = await report(c.viewer, 'Caso', 1, false, []);
    expect(errorOf(byViewer)).toEqual({ status: 403, code: 'forbidden' });
    const badArticle = await report(c.supplier, 'Caso', 1, false, [
      '0f0e0d0c-0b0a-4908-8706-050403020100',
    ]);
    expect(errorOf(badArticle)).toEqual({ status: 404, code: 'regulation_not_found' });

    const others = [c.supplier, c.university, c.region, c.viewer, c.secretary];
    const allowed = [c.mining, c.miningColleague, c.lead];
    const answers = async (who: Person) => {
      const texts: string[] = [];
      const get = async (path: string) => {
        const answer = await call(url, 'GET', path, { token: who.token });
        texts.push(JSON.stringify(answer.body));
        return answer;
      };
      await get(REGULATION_PATHS.regulations(COUNCIL));
      await get(REGULATION_PATHS.regulation(COUNCIL, regulation.id));
      await get(REGULATION_PATHS.article(COUNCIL, article12!.id));
      await get(REGULATION_PATHS.article(COUNCIL, article47!.id));
      await get(REGULATION_PATHS.cases(COUNCIL));
      await get(REGULATION_PATHS.proposals(COUNCIL));
      await get(GOVERNANCE_PATHS.register(COUNCIL));
      await get(GOVERNANCE_PATHS.governance(COUNCIL));
      const single = await get(REGULATION_PATHS.case(COUNCIL, secret.body.id));
      return { text: texts.join('\n'), single };
    };
    for (const who of others) {
      const { text, single } = await answers(who);
      expect(text, who.user.name).not.toContain(secretTitle);
      expect(text, who.user.name).not.toContain(secret.body.id);
      expect(errorOf(single)).toEqual({ status: 404, code: 'case_not_found' });
      const cases = await call<CasesResponse>(url, 'GET', REGULATION_PATHS.cases(COUNCIL), {
        token: who.token,
      });
      expect(cases.body.cases.map((x) => x.title)).toEqual(['Demora en la evaluación del ITS']);
      expect(cases.body.hiddenCases).toBe(1);
      // Counted in the aggregates all the same.
      const detail = await call<ArticleDetail>(
        url,
        'GET',
        REGULATION_PATHS.article(COUNCIL, article12!.id),
        {
          token: who.token,
        },
      );
      expect(detail.body.article.aggregate).toEqual({
        cases: 2,
        organizations: 2,
        daysLost: 180,
        cost: 180000,
        hiddenCases: 1,
      });
      expect(detail.body.cases).toHaveLength(1);
      const patch = await call(url, 'PATCH', REGULATION_PATHS.case(COUNCIL, secret.body.id), {
        token: who.token,
        body: { title: 'x' },
      });
      expect(errorOf(patch)).toEqual({ status: 404, code: 'case_not_found' });
    }
    for (const who of allowed) {
      const { text, single } = await answers(who);
      expect(text, who.user.name).toContain(secretTitle);
      expect(single.status).toBe(200);
    }
    const list = await call<RegulationsResponse>(
      url,
      'GET',
      REGULATION_PATHS.regulations(COUNCIL),
      {
        token: c.region.token,
      },
    );
    expect(list.body.regulations[0]!.aggregate).toMatchObject({
      cases: 2,
      daysLost: 180,
      hiddenCases: 1,
    });
    expect(list.body.regulations[0]!.articles[1]!.aggregate).toMatchObject({
      cases: 1,
      organizations: 1,
    });

    // Nobody can cite a case they cannot see; a proposal citing it shows it only to those allowed.
    const docId = '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098';
    const blind = await call(url, 'POST', REGULATION_PATHS.proposals(COUNCIL), {
      token: c.secretary.token,
      body: { docId, title: 'Propuesta', caseIds: [secret.body.id] },
    });
    expect(errorOf(blind)).toEqual({ status: 404, code: 'case_not_found' });
    const proposal = await call<ProposalView>(url, 'POST', REGULATION_PATHS.proposals(COUNCIL), {
      token: c.lead.token,
      body: {
        docId,
        title: 'Propuesta de mejora del artículo 12',
        addressee: 'Ministerio de Energía y Minas',
        articleIds: [article12!.id],
        caseIds: [secret.body.id, open.body.id],
      },
    });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
    const seen = await call<{ proposals: ProposalView[] }>(
      url,
      'GET',
      REGULATION_PATHS.proposals(COUNCIL),
      {
        token: c.supplier.token,
      },
    );
    expect(seen.body.proposals[0]).toMatchObject({
      hiddenCases: 1,
      cases: [{ title: 'Demora en la evaluación del ITS' }],
    });
    const notSigned = await call(url, 'POST', REGULATION_PATHS.sendProposal(COUNCIL, docId), {
      token: c.lead.token,
    });
    expect(errorOf(notSigned)).toEqual({ status: 409, code: 'proposal_not_approved' });

    // No room of the group carries the confidential case: the server writes none of it anywhere.
    const governance = await call<GovernanceResponse>(
      url,
      'GET',
      GOVERNANCE_PATHS.governance(COUNCIL),
      {
        token: c.region.token,
      },
    );
    const rooms = [roomName({ kind: 'index', groupId: COUNCIL })];
    if (governance.body.boardId !== null) {
      rooms.push(
        roomName({ kind: 'board', groupId: COUNCIL, boardId: governance.body.boardId as BoardId }),
      );
    }
    for (const name of rooms) {
      const client = connect({ url, token: c.region.token }, name);
      await waitSynced(client);
      expect(Buffer.from(Y.encodeStateAsUpdate(client.doc)).toString('utf8')).not.toContain(
        secretTitle,
      );
    }
  });
});

describe('missions', () => {
  it('applications, selection, agenda and follow-up agreements that enter the register', async () => {
    const c = await cast();
    const url = c.server.url;
    const mission = await call<Mission>(url, 'POST', MISSION_PATHS.missions(COUNCIL), {
      token: c.secretary.token,
      body: {
        title: 'Misión tecnológica a Chile',
        destination: 'Antofagasta y Santiago, Chile',
        startsOn: '2026-05-11',
        endsOn: '2026-05-15',
        objectives: 'Conocer el programa de proveedores de clase mundial.',
        budget: 48000,
      },
    });
    expect(mission.status, JSON.stringify(mission.body)).toBe(201);
    const id = mission.body.id;
    const backwards = await call(url, 'POST', MISSION_PATHS.missions(COUNCIL), {
      token: c.secretary.token,
      body: { title: 'x', destination: 'y', startsOn: '2026-05-11', endsOn: '2026-05-01' },
    });
    expect(errorOf(backwards)).toEqual({ status: 400, code: 'invalid_body' });

    const applied = await call<Mission>(url, 'POST', MISSION_PATHS.applications(COUNCIL, id), {
      token: c.supplier.token,
      body: { motivation: 'Sensores para relaves.' },
    });
    expect(applied.status).toBe(201);
    const twice = await call(url, 'POST', MISSION_PATHS.applications(COUNCIL, id), {
      token: c.viewer.token,
      body: { motivation: 'Otra vez' },
    });
    expect(errorOf(twice)).toEqual({ status: 403, code: 'forbidden' });
    const again = await call(url, 'POST', MISSION_PATHS.applications(COUNCIL, id), {
      token: c.supplier.token,
      body: { motivation: 'Otra vez' },
    });
    expect(errorOf(again)).toEqual({ status: 409, code: 'already_applied' });
    const selectedByEditor = await call(
      url,
      'PATCH',
      MISSION_PATHS.participant(COUNCIL, id, org(c.supplier)),
      {
        token: c.secretary.token,
        body: { status: 'selected' },
      },
    );
    expect(errorOf(selectedByEditor)).toEqual({ status: 403, code: 'forbidden' });
    const confirmed = await call<Mission>(
      url,
      'PATCH',
      MISSION_PATHS.participant(COUNCIL, id, org(c.supplier)),
      {
        token: c.lead.token,
        body: { status: 'confirmed' },
      },
    );
    expect(confirmed.body.participants[0]).toMatchObject({
      status: 'confirmed',
      organization: { name: 'METS Sur' },
    });
    expect(confirmed.body.confirmed).toBe(1);

    const agenda = await call<Mission>(url, 'POST', MISSION_PATHS.agenda(COUNCIL, id), {
      token: c.secretary.token,
      body: {
        day: '2026-05-12',
        time: '09:00',
        kind: 'visit',
        title: 'Visita a Minera Escondida',
        place: 'Antofagasta',
      },
    });
    expect(agenda.body.agenda).toHaveLength(1);

    const followUp = await call<Mission>(url, 'POST', MISSION_PATHS.followUps(COUNCIL, id), {
      token: c.lead.token,
      body: {
        title: 'Replicar el programa de proveedores',
        responsibleOrganizationId: org(c.supplier),
        dueDate: '2026-08-31',
      },
    });
    expect(followUp.status, JSON.stringify(followUp.body)).toBe(201);
    expect(followUp.body.followUps[0]).toMatchObject({
      decision: 'recorded',
      status: 'pendiente',
      missionTitle: 'Misión tecnológica a Chile',
    });
    const register = await call<RegisterResponse>(url, 'GET', GOVERNANCE_PATHS.register(COUNCIL), {
      token: c.viewer.token,
    });
    expect(register.body.agreements.map((a) => a.title)).toContain(
      'Replicar el programa de proveedores',
    );
  });
});

describe('seeded demo', () => {
  it('holds the council’s two meetings (one agreement overdue), ten regulations with twelve cases and the mission to Chile', async () => {
    const server = await startServer({ seedDemo: true });
    const url = server.url;
    const patricia = await login(url, 'patricia.salas@camara-arequipa.demo', DEMO_PASSWORD);
    const workspace = await call<Workspace>(url, 'GET', '/api/workspace', {
      token: patricia.token,
    });
    const groupNamed = (name: string) => workspace.body.groups.find((g) => g.name === name)!.id;
    const council = groupNamed('Gobernanza del clúster');
    const governance = await call<GovernanceResponse>(
      url,
      'GET',
      GOVERNANCE_PATHS.governance(council),
      {
        token: patricia.token,
      },
    );
    expect(governance.body.meetings.map((m) => m.state).sort()).toEqual(['approved', 'held']);
    const register = await call<RegisterResponse>(url, 'GET', GOVERNANCE_PATHS.register(council), {
      token: patricia.token,
    });
    expect(register.body.agreements.map((a) => a.status).sort()).toEqual([
      'cumplido',
      'en_curso',
      'pendiente',
      'vencido',
    ]);
    expect(register.body.agreements.every((a) => a.decision === 'approved')).toBe(true);

    const carlos = await login(url, 'carlos.huaman@minem.demo', DEMO_PASSWORD);
    const regulationGroup = groupNamed('Base de conocimiento y regulación');
    const regulations = await call<RegulationsResponse>(
      url,
      'GET',
      REGULATION_PATHS.regulations(regulationGroup),
      {
        token: carlos.token,
      },
    );
    expect(regulations.body.regulations).toHaveLength(10);
    const cases = await call<CasesResponse>(url, 'GET', REGULATION_PATHS.cases(regulationGroup), {
      token: carlos.token,
    });
    expect(cases.body.cases).toHaveLength(12);
    const its = regulations.body.regulations.find((r) => r.number === '040-2014-EM')!;
    expect(its.articles.find((a) => a.number === '12')!.aggregate).toMatchObject({
      cases: 3,
      organizations: 3,
    });
    const jorge = await login(url, 'jorge.mamani@serviciosmineros-tacna.demo', DEMO_PASSWORD);
    const missionsGroup = groupNamed('Misiones internacionales');
    const list = await call<{ missions: Array<{ id: string; title: string }> }>(
      url,
      'GET',
      MISSION_PATHS.missions(missionsGroup),
      { token: jorge.token },
    );
    expect(list.body.missions.map((m) => m.title)).toEqual([
      'Misión de proveedores METS a Chile (Exponor)',
    ]);
    const mission = await call<Mission>(
      url,
      'GET',
      MISSION_PATHS.mission(missionsGroup, list.body.missions[0]!.id),
      {
        token: jorge.token,
      },
    );
    expect(mission.body.agenda).toHaveLength(6);
    expect(mission.body.participants.map((p) => p.status).sort()).toEqual([
      'applied',
      'confirmed',
      'selected',
    ]);
  });
});
