/**
 * The demo of issue 15, written after the demo accounts: the cluster council ("Gobernanza del
 * clúster") with two past meetings, their minutes and agreements voted by organization, action
 * cards on its "Seguimiento de acuerdos" board (one agreement done, one overdue, one in progress,
 * one pending); ten Peruvian regulations with twelve friction cases from the demo companies (two
 * confidential); and the mission to Chile with its participants and agenda. Dates are relative to
 * the seed's `now`, so the overdue agreement is overdue whenever the demo is started.
 */
import { randomUUID } from 'node:crypto';
import type { BoardId, GroupId } from '../../shared/model/ids';
import type { Vote } from '../../shared/model/orgVotes';
import type { RegulationKind } from '../../shared/protocol/regulationApi';
import { indexRoom, roomName } from '../../shared/protocol/rooms';
import { moveCard, readBoard, type CardId } from '../../shared/ydoc/boardDoc';
import { addActionCard, initFollowUpBoard } from '../../shared/ydoc/governanceBoard';
import { minutesBlocks, minutesTitle } from '../../shared/ydoc/governanceDocs';
import { addEntry } from '../../shared/ydoc/groupIndexDoc';
import { Origin } from '../../shared/ydoc/origins';
import type { AccountStore } from '../accounts/accountStore';
import { GovernanceStore } from '../governance/governanceStore';
import { MissionStore } from '../governance/missionStore';
import { RegulationStore } from '../governance/regulationStore';
import type { Storage } from '../storage/storage';
import { storedRooms, writeRoom } from './seedRooms';
import { createGroupDocument } from '../innovation/documents';
import { agreementCode } from '../governance/register';
import { DEMO_AUTHOR } from './demoContent';

const DAY = 24 * 60 * 60 * 1000;
const COUNCIL = 'Gobernanza del clúster';
const REGULATION = 'Base de conocimiento y regulación';
const MISSIONS = 'Misiones internacionales';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedGovernanceDemo(
  storage: Storage,
  store: AccountStore,
  now: number,
): Promise<void> {
  const groups = new Map((await store.groups.all()).map((g) => [g.name, g.id as GroupId]));
  const council = groups.get(COUNCIL);
  const regulation = groups.get(REGULATION);
  const missions = groups.get(MISSIONS);
  if (council === undefined || regulation === undefined || missions === undefined) return;
  const clock = () => now;
  const governance = new GovernanceStore(store.sql, clock);
  const regulations = new RegulationStore(store.sql, clock);
  const missionStore = new MissionStore(store.sql, clock);
  const users = new Map((await store.users.list()).map((user) => [user.email, user]));
  const userByEmail = (email: string) => users.get(email)!;
  const boardRoom = (groupId: GroupId, boardId: BoardId) => ({
    kind: 'board' as const,
    groupId,
    boardId,
  });
  const secretary = userByEmail('patricia.salas@camara-arequipa.demo');
  const organizationsByName = new Map(
    (await store.organizations.list()).map((organization) => [organization.name, organization.id]),
  );
  const orgId = (name: string) => organizationsByName.get(name)!;
  const convened = (await governance.groupOrganizations(council)).map((o) => o.id);

  // --- the council's follow-up board and two meetings ---------------------------------------
  const boardId = randomUUID();
  await writeRoom(storage, roomName(boardRoom(council, boardId as BoardId)), (doc) =>
    initFollowUpBoard(doc, 'es-419', Origin.seed),
  );
  const first = {
    id: randomUUID(),
    title: 'Sesión ordinaria n.º 1 — 2026',
    startsAt: now - 62 * DAY,
    place: 'Cámara de Comercio e Industria de Arequipa',
    agenda: [
      'Instalación del consejo y reglas de votación',
      'Plan de trabajo 2026 del clúster',
      'Mesa técnica con la DREM sobre informes técnicos sustentatorios',
    ],
  };
  const second = {
    id: randomUUID(),
    title: 'Sesión ordinaria n.º 2 — 2026',
    startsAt: now - 20 * DAY,
    place: 'Universidad Nacional de San Agustín (aula magna)',
    agenda: ['Lectura del acta anterior', 'Comité de agua y relaves', 'Misión a Chile (Exponor)'],
  };
  const organizations = await governance.organizations(convened);
  const minutes = new Map<string, string>();
  for (const meeting of [first, second]) {
    const docId = await createGroupDocument(
      storedRooms(storage, now),
      council,
      minutesTitle(meeting, 'es-419'),
      DEMO_AUTHOR,
      minutesBlocks(
        { ...meeting, startsAt: new Date(meeting.startsAt).toISOString(), link: '', organizations },
        COUNCIL,
        'es-419',
      ),
    );
    minutes.set(meeting.id, docId);
  }
  await writeRoom(storage, roomName(indexRoom(council)), (index) => {
    addEntry(
      index,
      {
        id: boardId as BoardId,
        kind: 'board',
        title: 'Seguimiento de acuerdos',
        createdBy: DEMO_AUTHOR,
        createdAt: now,
      },
      Origin.seed,
    );
  });

  const agreements = [
    {
      meeting: first,
      title: 'Aprobar el plan de trabajo 2026 del clúster',
      text: 'El consejo aprueba el plan de trabajo 2026 y encarga a la secretaría técnica su difusión.',
      responsible: 'Cámara de Comercio e Industria de Arequipa',
      due: now - 30 * DAY,
      votes: ['for', 'for', 'for', 'for', 'abstain'],
      actions: [{ title: 'Publicar el plan de trabajo en el portal del clúster', column: 3 }],
    },
    {
      meeting: first,
      title: 'Instalar una mesa técnica con la DREM sobre los ITS',
      text: 'Solicitar a la Dirección Regional de Energía y Minas una mesa técnica mensual sobre los plazos de evaluación de informes técnicos sustentatorios.',
      responsible: 'Gobierno Regional de Arequipa',
      due: now - 7 * DAY,
      votes: ['for', 'for', 'against', 'for', 'for'],
      actions: [
        { title: 'Enviar el oficio de solicitud a la DREM', column: 3 },
        { title: 'Proponer el calendario de la mesa técnica', column: 1 },
      ],
    },
    {
      meeting: second,
      title: 'Conformar el comité de agua y relaves',
      text: 'Conformar un comité técnico con empresas, academia y gobierno regional para el reúso de agua y la gestión de relaves.',
      responsible: 'Universidad Nacional de San Agustín',
      due: now + 45 * DAY,
      votes: ['for', 'for', 'for', 'absent', 'for'],
      actions: [{ title: 'Convocar a las organizaciones del comité', column: 0 }],
    },
    {
      meeting: second,
      title: 'Organizar la misión de proveedores METS a Chile',
      text: 'Aprobar la misión a Exponor (Antofagasta) y su convocatoria a proveedores METS del sur.',
      responsible: 'Cámara de Comercio e Industria de Arequipa',
      due: now + 20 * DAY,
      votes: ['for', 'for', 'for', 'for', 'for'],
      actions: [{ title: 'Cerrar la lista de empresas participantes', column: 1 }],
    },
  ];
  const cards: Array<{
    id: string;
    title: string;
    column: number;
    responsible: string;
    due: string;
  }> = [];
  await store.sql.transaction(async (tx) => {
    for (const meeting of [first, second]) {
      await governance.createMeeting(tx, {
        id: meeting.id,
        groupId: council,
        title: meeting.title,
        startsAt: meeting.startsAt,
        place: meeting.place,
        link: '',
        agenda: meeting.agenda,
        organizations: convened,
        createdBy: secretary.id,
      });
      await governance.updateMeeting(tx, meeting.id, { minutesDocId: minutes.get(meeting.id)! });
    }
    await governance.setBoard(tx, council, boardId);
    for (const agreement of agreements) {
      const id = randomUUID();
      const number = await governance.createAgreement(tx, {
        id,
        groupId: council,
        meetingId: agreement.meeting.id,
        missionId: null,
        title: agreement.title,
        text: agreement.text,
        responsibleOrganizationId: orgId(agreement.responsible),
        dueDate: day(agreement.due),
        createdBy: secretary.id,
      });
      for (const [index, organizationId] of convened.entries()) {
        await governance.setVote(tx, {
          agreementId: id,
          organizationId,
          vote: (agreement.votes[index] ?? 'for') as Vote,
          userId: secretary.id,
        });
      }
      for (const action of agreement.actions) {
        const cardId = randomUUID();
        await governance.addAction(tx, { agreementId: id, cardId, boardId, title: action.title });
        cards.push({
          id: cardId,
          title: `${agreementCode(COUNCIL, new Date(agreement.meeting.startsAt).getUTCFullYear(), number)} · ${action.title}`,
          column: action.column,
          responsible: agreement.responsible,
          due: day(agreement.due),
        });
      }
    }
    await governance.approveMinutes(tx, first.id, secretary.id);
  });
  await writeRoom(storage, roomName(boardRoom(council, boardId as BoardId)), (doc) => {
    const columns = readBoard(doc).columns;
    for (const card of cards) {
      addActionCard(
        doc,
        {
          id: card.id,
          title: card.title,
          createdBy: DEMO_AUTHOR,
          responsibleOrg: card.responsible,
          dueDate: card.due,
        },
        Origin.seed,
        now,
      );
      if (card.column > 0) {
        doc.transact(
          () => moveCard(doc, card.id as CardId, columns[card.column]!.id, Infinity),
          Origin.seed,
        );
      }
    }
  });

  // --- the regulatory base ----------------------------------------------------------------
  const catalogue: Array<{
    kind: RegulationKind;
    number: string;
    title: string;
    issuer: string;
    validFrom: string;
    url: string;
    articles: Array<[string, string]>;
  }> = [
    {
      kind: 'decreto_supremo',
      number: '040-2014-EM',
      title:
        'Reglamento de protección y gestión ambiental para las actividades de explotación, beneficio, labor general, transporte y almacenamiento minero',
      issuer: 'Ministerio de Energía y Minas',
      validFrom: '2014-11-13',
      url: 'https://www.gob.pe/minem',
      articles: [
        ['12', 'Evaluación de los instrumentos de gestión ambiental'],
        ['131', 'Modificaciones de componentes con impacto no significativo'],
      ],
    },
    {
      kind: 'decreto_supremo',
      number: '024-2016-EM',
      title: 'Reglamento de seguridad y salud ocupacional en minería',
      issuer: 'Ministerio de Energía y Minas',
      validFrom: '2016-07-29',
      url: 'https://www.gob.pe/minem',
      articles: [
        ['28', 'Obligaciones de los contratistas'],
        ['130', 'Exámenes médicos ocupacionales'],
      ],
    },
    {
      kind: 'decreto_supremo',
      number: '020-2020-EM',
      title: 'Reglamento de procedimientos mineros',
      issuer: 'Ministerio de Energía y Minas',
      validFrom: '2020-08-10',
      url: 'https://www.gob.pe/minem',
      articles: [['45', 'Autorización de inicio de actividades']],
    },
    {
      kind: 'decreto_supremo',
      number: '019-2009-MINAM',
      title: 'Reglamento de la Ley del Sistema Nacional de Evaluación del Impacto Ambiental',
      issuer: 'Ministerio del Ambiente',
      validFrom: '2009-09-26',
      url: 'https://www.gob.pe/minam',
      articles: [['52', 'Plazos de evaluación']],
    },
    {
      kind: 'ley',
      number: '29785',
      title: 'Ley del derecho a la consulta previa a los pueblos indígenas u originarios',
      issuer: 'Congreso de la República',
      validFrom: '2011-09-07',
      url: 'https://www.gob.pe/minem',
      articles: [['9', 'Identificación de medidas objeto de consulta']],
    },
    {
      kind: 'ley',
      number: '30327',
      title:
        'Ley de promoción de las inversiones para el crecimiento económico y el desarrollo sostenible',
      issuer: 'Congreso de la República',
      validFrom: '2015-05-21',
      url: 'https://www.gob.pe/minam',
      articles: [['7', 'Certificación ambiental global']],
    },
    {
      kind: 'decreto_supremo',
      number: '014-92-EM',
      title: 'Texto único ordenado de la Ley General de Minería',
      issuer: 'Ministerio de Energía y Minas',
      validFrom: '1992-06-04',
      url: 'https://www.gob.pe/minem',
      articles: [['37', 'Derechos de los titulares de concesiones']],
    },
    {
      kind: 'decreto_supremo',
      number: '004-2017-MINAM',
      title: 'Estándares de calidad ambiental para agua',
      issuer: 'Ministerio del Ambiente',
      validFrom: '2017-06-08',
      url: 'https://www.gob.pe/minam',
      articles: [['5', 'Asignación de categorías a cuerpos de agua']],
    },
    {
      kind: 'decreto_supremo',
      number: '010-2010-MINAM',
      title:
        'Límites máximos permisibles para la descarga de efluentes líquidos de actividades minero-metalúrgicas',
      issuer: 'Ministerio del Ambiente',
      validFrom: '2010-08-21',
      url: 'https://www.gob.pe/minam',
      articles: [['4', 'Cumplimiento de los LMP']],
    },
    {
      kind: 'ley',
      number: '28090',
      title: 'Ley que regula el cierre de minas',
      issuer: 'Congreso de la República',
      validFrom: '2003-10-14',
      url: 'https://www.gob.pe/minem',
      articles: [['11', 'Garantías del plan de cierre']],
    },
  ];
  const articleIds = new Map<string, string>();
  const reporter = new Map([
    ['Minera Andina del Sur (demo)', userByEmail('ana.quispe@minera-andina.demo')],
    ['Servicios Mineros Tacna', userByEmail('jorge.mamani@serviciosmineros-tacna.demo')],
    ['Minera Pampa de Cobre (demo)', userByEmail('elena.ccori@pampacobre.demo')],
    ['Tecnologías Andinas METS (demo)', userByEmail('raul.apaza@tecandinas.demo')],
  ]);
  const cases: Array<{
    org: string;
    title: string;
    procedure: string;
    days: number;
    cost: number;
    articles: string[];
    confidential?: boolean;
  }> = [
    {
      org: 'Minera Andina del Sur (demo)',
      title: 'ITS de planta de filtrado de relaves observado dos veces',
      procedure: 'Informe técnico sustentatorio',
      days: 45,
      cost: 180000,
      articles: ['040-2014-EM/131'],
    },
    {
      org: 'Minera Pampa de Cobre (demo)',
      title: 'Evaluación de la modificación del EIA fuera de plazo',
      procedure: 'Modificación de EIA-d',
      days: 60,
      cost: 420000,
      articles: ['040-2014-EM/12', '019-2009-MINAM/52'],
      confidential: true,
    },
    {
      org: 'Servicios Mineros Tacna',
      title: 'Exámenes médicos repetidos por cada unidad minera',
      procedure: 'Acreditación de personal de contratista',
      days: 12,
      cost: 38000,
      articles: ['024-2016-EM/130'],
    },
    {
      org: 'Tecnologías Andinas METS (demo)',
      title: 'Acreditación de contratista con requisitos distintos por empresa',
      procedure: 'Registro de contratistas',
      days: 20,
      cost: 25000,
      articles: ['024-2016-EM/28'],
    },
    {
      org: 'Minera Andina del Sur (demo)',
      title: 'Autorización de inicio de actividades de exploración demorada',
      procedure: 'Autorización de inicio de actividades',
      days: 30,
      cost: 150000,
      articles: ['020-2020-EM/45'],
    },
    {
      org: 'Minera Pampa de Cobre (demo)',
      title: 'ITS para reemplazo de chancadora sin impacto nuevo',
      procedure: 'Informe técnico sustentatorio',
      days: 35,
      cost: 90000,
      articles: ['040-2014-EM/131'],
    },
    {
      org: 'Servicios Mineros Tacna',
      title: 'Observaciones no previstas al plan de monitoreo de agua',
      procedure: 'Actualización de plan de monitoreo',
      days: 25,
      cost: 40000,
      articles: ['004-2017-MINAM/5', '040-2014-EM/12'],
    },
    {
      org: 'Minera Andina del Sur (demo)',
      title: 'Consulta previa para ampliación sobre área ya intervenida',
      procedure: 'Consulta previa',
      days: 120,
      cost: 300000,
      articles: ['29785/9'],
      confidential: true,
    },
    {
      org: 'Tecnologías Andinas METS (demo)',
      title: 'Certificación ambiental global sin ventanilla única efectiva',
      procedure: 'Certificación ambiental global',
      days: 40,
      cost: 60000,
      articles: ['30327/7', '040-2014-EM/12'],
    },
    {
      org: 'Minera Pampa de Cobre (demo)',
      title: 'Actualización de garantías del plan de cierre',
      procedure: 'Actualización del plan de cierre',
      days: 28,
      cost: 75000,
      articles: ['28090/11'],
    },
    {
      org: 'Servicios Mineros Tacna',
      title: 'Pruebas de efluentes repetidas por cambio de laboratorio',
      procedure: 'Reporte de monitoreo de efluentes',
      days: 10,
      cost: 18000,
      articles: ['010-2010-MINAM/4'],
    },
    {
      org: 'Minera Andina del Sur (demo)',
      title: 'Servidumbre minera sin procedimiento claro de acuerdo',
      procedure: 'Servidumbre',
      days: 90,
      cost: 110000,
      articles: ['014-92-EM/37'],
    },
  ];
  const lead = userByEmail('carlos.huaman@minem.demo');
  await store.sql.transaction(async (tx) => {
    for (const item of catalogue) {
      const articles = item.articles.map(([number, heading]) => {
        const id = randomUUID();
        articleIds.set(`${item.number}/${number}`, id);
        return { id, number, heading };
      });
      await regulations.createRegulation(tx, {
        id: randomUUID(),
        groupId: regulation,
        kind: item.kind,
        number: item.number,
        title: item.title,
        issuer: item.issuer,
        inForce: true,
        validFrom: item.validFrom,
        url: item.url,
        createdBy: lead.id,
        articles,
      });
    }
    for (const [index, item] of cases.entries()) {
      const person = reporter.get(item.org)!;
      await regulations.createCase(tx, {
        id: randomUUID(),
        groupId: regulation,
        organizationId: orgId(item.org),
        reportedBy: person.id,
        title: item.title,
        procedure: item.procedure,
        description: '',
        daysLost: item.days,
        cost: item.cost,
        evidence: [{ label: `Expediente ${2026 - (index % 2)}-${String(310 + index * 17)}` }],
        confidential: item.confidential === true,
        articleIds: item.articles.map((key) => articleIds.get(key)!),
      });
    }
  });

  // --- the mission to Chile ---------------------------------------------------------------
  const missionId = randomUUID();
  const start = now + 35 * DAY;
  await store.sql.transaction(async (tx) => {
    await missionStore.create(tx, {
      id: missionId,
      groupId: missions,
      title: 'Misión de proveedores METS a Chile (Exponor)',
      destination: 'Antofagasta y Santiago, Chile',
      startsOn: day(start),
      endsOn: day(start + 4 * DAY),
      objectives:
        'Conocer el programa de proveedores de clase mundial de la región de Antofagasta.\n' +
        'Reuniones de negocio con compradores de compañías mineras chilenas.\n' +
        'Acuerdos de cooperación con el clúster minero de Antofagasta.',
      budget: 48000,
      currency: 'USD',
      createdBy: userByEmail('diego.vargas@bancodesarrollo.demo').id,
    });
    for (const [email, status, motivation] of [
      [
        'jorge.mamani@serviciosmineros-tacna.demo',
        'confirmed',
        'Mantenimiento de equipos de acarreo; buscamos socios en Antofagasta.',
      ],
      ['raul.apaza@tecandinas.demo', 'selected', 'Sensores para monitoreo de relaves.'],
      [
        'ana.quispe@minera-andina.demo',
        'applied',
        'Conocer prácticas de desarrollo de proveedores.',
      ],
    ] as const) {
      const person = userByEmail(email);
      await missionStore.apply(tx, {
        missionId,
        organizationId: person.organization.id,
        motivation,
        userId: person.id,
      });
      if (status !== 'applied')
        await missionStore.setStatus(tx, missionId, person.organization.id, status);
    }
    const agenda: Array<
      [number, string, 'visit' | 'workshop' | 'meeting' | 'contact', string, string, string]
    > = [
      [0, '08:00', 'meeting', 'Coordinación de la delegación', 'Arica', ''],
      [
        1,
        '10:00',
        'visit',
        'Inauguración de Exponor y pabellón de innovación',
        'Recinto Exponor, Antofagasta',
        '',
      ],
      [
        2,
        '09:00',
        'meeting',
        'Ronda de negocios con compradores mineros',
        'Recinto Exponor, Antofagasta',
        'Asociación de Industriales de Antofagasta',
      ],
      [
        2,
        '15:00',
        'workshop',
        'Taller: programas de proveedores de clase mundial',
        'Antofagasta',
        'Clúster minero de Antofagasta',
      ],
      [
        3,
        '08:30',
        'visit',
        'Visita a una operación minera y su centro de innovación',
        'Región de Antofagasta',
        '',
      ],
      [
        4,
        '11:00',
        'contact',
        'Reunión con la agencia de fomento productivo',
        'Santiago',
        'Oficina regional de fomento',
      ],
    ];
    for (const [offset, time, kind, title, place, contact] of agenda) {
      await missionStore.addAgendaItem(tx, missionId, {
        id: randomUUID(),
        day: day(start + offset * DAY),
        time,
        kind,
        title,
        place,
        contact,
      });
    }
  });
}
