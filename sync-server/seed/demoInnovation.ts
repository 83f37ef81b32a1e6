/**
 * The demo's running open-innovation program (issue 14), written on first seed after the
 * accounts: eight challenges from the four mining companies (agua, relaves, energía, seguridad,
 * mantenimiento), a closed call whose evaluation produced three portfolio projects, an open call
 * with a submitted proposal and a draft, each with its documents, private consortium groups,
 * frozen versions and milestone boards, as if people had done it through the API.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { DocId, GroupId } from '../../shared/model/ids';
import type { ChallengeArea, FileChallengeBody } from '../../shared/protocol/innovationApi';
import type { Block } from '../../shared/ydoc/documentDoc';
import type { AccountStore } from '../accounts/accountStore';
import {
  addLinkedCard,
  AREA_NAMES,
  challengeBlocks,
  committedDocument,
  createBoard,
  createGroupDocument,
  moveCardToColumn,
  type RoomWriter,
} from '../innovation/documents';
import { InnovationStore } from '../innovation/store';
import type { Storage } from '../storage/storage';
import { storedRooms } from './seedRooms';
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE } from './demoAccounts';

const DAY = 24 * 60 * 60 * 1000;
const PROGRAM_GROUP = 'Programa de innovación abierta';
const AUTHOR = 'Secretaría técnica del clúster';

interface DemoChallenge extends FileChallengeBody {
  company: string;
  filer: string;
  published: boolean;
}

const ANDINA = 'Minera Andina del Sur (demo)';
const PUCARA = 'Minera Pucará del Sur (demo)';
const TAMBO = 'Compañía Minera Tambo Alto (demo)';
const RIO_SECO = 'Sociedad Minera Río Seco (demo)';

const challenge = (
  company: string,
  filer: string,
  area: ChallengeArea,
  fields: Omit<FileChallengeBody, 'area' | 'confidentiality'> & {
    confidentiality?: 'workspace' | 'program';
  },
  published = true,
): DemoChallenge => ({
  company,
  filer,
  area,
  published,
  confidentiality: fields.confidentiality ?? 'workspace',
  ...fields,
});

const ANA = 'ana.quispe@minera-andina.demo';
const RAUL = 'raul.choque@minera-pucara.demo';
const ELENA = 'elena.mamani@tamboalto.demo';
const OSCAR = 'oscar.huanca@rioseco.demo';

export const DEMO_CHALLENGES: DemoChallenge[] = [
  challenge(ANDINA, ANA, 'agua', {
    title: 'Recuperación de agua en relaves espesados',
    operation: 'Concentradora Cerro Rojo (Arequipa)',
    problem:
      'La concentradora pierde cerca de 120 L/s de agua por evaporación e infiltración en el depósito de relaves; en estiaje el abastecimiento desde el río compite con la agricultura del valle.',
    currentPractice:
      'Espesadores convencionales con relaves al 55 % de sólidos y agua recuperada del espejo de la relavera.',
    constraints: 'Altitud de 2 700 m, sismicidad alta, sin ampliar la huella del depósito.',
    expectedImpact:
      'Recuperar al menos 30 % del agua que hoy se pierde y reducir la captación de río en estiaje.',
    indicators: 'L/s de agua recuperada; m³ captados del río por tonelada tratada.',
    dataAccess:
      'Balance hídrico de 3 años, curvas de sedimentación y visita guiada a planta con inducción.',
  }),
  challenge(ANDINA, ANA, 'relaves', {
    title: 'Monitoreo continuo de la estabilidad de la presa de relaves',
    operation: 'Depósito Quebrada Honda',
    problem:
      'Las lecturas de piezómetros son manuales y quincenales; un cambio de presión de poros puede pasar semanas sin detectarse.',
    currentPractice: 'Lectura manual de 18 piezómetros de cuerda vibrante y topografía mensual.',
    constraints: 'Sin energía eléctrica en el talud; comunicación celular intermitente.',
    expectedImpact: 'Alertas tempranas en horas, no semanas; cumplimiento del estándar GISTM.',
    indicators: 'Frecuencia de lectura; tiempo de detección de anomalías.',
    dataAccess: 'Registros históricos de instrumentación (bajo acuerdo de confidencialidad).',
  }),
  challenge(PUCARA, RAUL, 'energia', {
    title: 'Reducción del consumo de diésel en la flota de acarreo',
    operation: 'Tajo Pucará Norte (Moquegua)',
    problem:
      'El diésel de 42 camiones de 220 t es el 38 % del costo energético y la mayor fuente de emisiones de la unidad.',
    currentPractice: 'Despacho por turnos sin datos de consumo por ciclo.',
    constraints: 'Rampas de 10 % a 4 000 m de altitud; la flota no se renueva antes de 2029.',
    expectedImpact: 'Bajar 8 % el consumo de diésel por tonelada movida.',
    indicators: 'Litros de diésel por tonelada; t CO₂e evitadas.',
    dataAccess: 'Telemetría de 6 meses del sistema de despacho.',
  }),
  challenge(PUCARA, RAUL, 'seguridad', {
    title: 'Detección de fatiga en operadores de camiones',
    operation: 'Tajo Pucará Norte (Moquegua)',
    problem: 'Dos incidentes en 2025 se asociaron a somnolencia en el turno de noche.',
    currentPractice: 'Pausas activas y autoevaluación al inicio del turno.',
    constraints: 'Respeto de la privacidad de los trabajadores y acuerdo con el sindicato.',
    expectedImpact: 'Cero incidentes por fatiga.',
    indicators: 'Alertas atendidas; incidentes por fatiga.',
    dataAccess: 'Estadísticas de incidentes anonimizadas.',
    confidentiality: 'program',
  }),
  challenge(TAMBO, ELENA, 'mantenimiento', {
    title: 'Mantenimiento predictivo de molinos SAG',
    operation: 'Planta Tambo Alto (Tacna)',
    problem: 'Las paradas no programadas del molino SAG cuestan 36 horas de producción al año.',
    currentPractice: 'Mantenimiento preventivo por calendario y análisis de aceite mensual.',
    constraints:
      'Integración con el sistema de control existente, sin detener el molino para instalar.',
    expectedImpact: 'Reducir a la mitad las paradas no programadas.',
    indicators: 'Horas de parada no programada; MTBF.',
    dataAccess: 'Históricos de vibración y potencia de 2 años.',
  }),
  challenge(TAMBO, ELENA, 'energia', {
    title: 'Energía solar para campamento y planta',
    operation: 'Planta Tambo Alto (Tacna)',
    problem: 'El campamento de 600 personas depende de grupos electrógenos en horas punta.',
    currentPractice: 'Grupos electrógenos diésel y contrato con la red en horas fuera de punta.',
    constraints: 'Terrenos con concesión superficial limitada; vientos fuertes por la tarde.',
    expectedImpact: 'Cubrir 40 % de la demanda diurna del campamento con solar.',
    indicators: 'MWh solares; litros de diésel evitados.',
    dataAccess: 'Curvas de carga horarias del último año.',
  }),
  challenge(RIO_SECO, OSCAR, 'agua', {
    title: 'Tratamiento pasivo del drenaje ácido de una bocamina antigua',
    operation: 'Bocamina Santa Inés (Arequipa)',
    problem:
      'Una bocamina cerrada en 1998 descarga 4 L/s de agua con pH 3 hacia una quebrada de uso ganadero.',
    currentPractice: 'Neutralización con cal en una planta pequeña con operador permanente.',
    constraints: 'Sitio remoto sin energía; compromiso con la comunidad campesina.',
    expectedImpact: 'Agua que cumpla el ECA categoría 3 sin operador permanente.',
    indicators: 'pH y metales disueltos; costo por m³ tratado.',
    dataAccess: 'Monitoreo trimestral desde 2015 y acceso al sitio con la comunidad.',
  }),
  challenge(
    RIO_SECO,
    OSCAR,
    'mantenimiento',
    {
      title: 'Inspección de fajas transportadoras con drones',
      operation: 'Faja overland de 7 km',
      problem: 'La inspección a pie de 7 km de faja toma dos días y expone al personal.',
      currentPractice: 'Recorridos semanales con termografía manual.',
      constraints: 'Vuelos en zona de operación; permisos de la DGAC.',
      expectedImpact: 'Inspección en dos horas y detección temprana de polines dañados.',
      indicators: 'Horas-hombre de inspección; fallas detectadas a tiempo.',
      dataAccess: 'Planos de la faja y registros de fallas.',
    },
    false,
  ),
];

const SUPPLIER = 'hector.vilca@hidrica-moquegua.demo';
const UNIVERSITY = 'carmen.ticona@unjbg.demo';
const EVALUATORS = ['victor.paredes@innovacion.demo', 'sofia.ramos@ucsm.demo'];

const p = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const h = (text: string): Block => ({ type: 'heading', level: 2, text });

function proposalText(
  title: string,
  challengeTitle: string,
  plan: string,
  budget: string,
): Block[] {
  return [
    p(`Desafío: ${challengeTitle}`),
    h('Resumen'),
    p(title + '. ' + plan),
    h('Consorcio'),
    {
      type: 'table',
      rows: [
        ['Organización', 'Rol', 'Aporte'],
        [
          'Ingeniería Hídrica Moquegua (demo)',
          'Proveedor METS, líder técnico',
          'Ingeniería y equipos',
        ],
        [
          'Universidad Nacional Jorge Basadre Grohmann (demo)',
          'Universidad',
          'Laboratorio y tesistas',
        ],
      ],
    },
    h('Plan de trabajo'),
    {
      type: 'orderedList',
      items: [
        'Línea base y diseño (meses 1–3)',
        'Piloto en sitio (meses 4–9)',
        'Evaluación y escalamiento (meses 10–12)',
      ],
    },
    h('Presupuesto'),
    p(budget),
    h('Indicadores'),
    p('Los del desafío, con línea base medida en el mes 1.'),
    h('Sitio del piloto'),
    p('Instalaciones de la empresa que planteó el desafío, con inducción de seguridad.'),
  ];
}

interface SeedProposal {
  title: string;
  challenge: number;
  lead: string;
  plan: string;
  budget: string;
  status: 'draft' | 'submitted' | 'selected';
  /** Eva and Ernesto's scores per criterion, for the closed call. */
  scores?: [number[], number[]];
  project?: {
    status: 'piloto' | 'escalamiento' | 'cerrado';
    region: string;
    budget: number;
    cofinancing: Array<[string, number]>;
    indicators: Array<[string, string, number, number | null]>;
    milestones: Array<[string, string, 0 | 1 | 2]>;
  };
}

const CLOSED_PROPOSALS: SeedProposal[] = [
  {
    title: 'Espesador de pasta con recirculación de agua',
    challenge: 0,
    lead: SUPPLIER,
    plan: 'Un espesador de pasta piloto de 50 t/h con floculante de baja dosis y retorno del agua clarificada al circuito.',
    budget: 'S/ 480 000, de los cuales la empresa minera aporta S/ 200 000.',
    status: 'selected',
    scores: [
      [9, 8, 8, 9],
      [8, 8, 7, 9],
    ],
    project: {
      status: 'piloto',
      region: 'Arequipa',
      budget: 480_000,
      cofinancing: [
        [ANDINA, 200_000],
        ['Ingeniería Hídrica Moquegua (demo)', 80_000],
        ['Banco de Desarrollo (promotor)', 200_000],
      ],
      indicators: [
        ['Agua recuperada', 'L/s', 36, 14],
        ['Captación de río por tonelada', 'm³/t', 0.45, 0.58],
      ],
      milestones: [
        ['Línea base del balance hídrico', '2026-02-28', 2],
        ['Montaje del espesador piloto', '2026-05-31', 1],
        ['Informe de resultados del piloto', '2026-09-30', 0],
      ],
    },
  },
  {
    title: 'Red de piezómetros inalámbricos para la presa de relaves',
    challenge: 1,
    lead: UNIVERSITY,
    plan: 'Nodos LoRaWAN con panel solar en 18 piezómetros existentes y un tablero de alertas con umbrales del diseño.',
    budget: 'S/ 310 000.',
    status: 'selected',
    scores: [
      [8, 9, 8, 8],
      [9, 8, 9, 8],
    ],
    project: {
      status: 'escalamiento',
      region: 'Arequipa',
      budget: 310_000,
      cofinancing: [
        [ANDINA, 150_000],
        ['Universidad Nacional Jorge Basadre Grohmann (demo)', 40_000],
        ['Programa Nacional de Innovación (demo)', 120_000],
      ],
      indicators: [
        ['Frecuencia de lectura', 'lecturas/día', 24, 24],
        ['Tiempo de detección de anomalías', 'horas', 6, 4],
      ],
      milestones: [
        ['Piloto en 6 piezómetros', '2025-12-15', 2],
        ['Extensión a los 18 piezómetros', '2026-04-30', 1],
      ],
    },
  },
  {
    title: 'Humedal artificial para el drenaje ácido de Santa Inés',
    challenge: 6,
    lead: SUPPLIER,
    plan: 'Humedal anaerobio con sustrato orgánico local y canal de caliza, diseñado con la comunidad.',
    budget: 'S/ 260 000.',
    status: 'selected',
    scores: [
      [7, 7, 8, 8],
      [6, 5, 7, 6],
    ],
    project: {
      status: 'cerrado',
      region: 'Arequipa',
      budget: 260_000,
      cofinancing: [
        [RIO_SECO, 160_000],
        ['Gobierno Regional de Arequipa', 100_000],
      ],
      indicators: [
        ['pH a la salida', 'pH', 6.5, 6.8],
        ['Costo de tratamiento', 'S/ por m³', 1.2, 0.9],
      ],
      milestones: [
        ['Construcción del humedal', '2025-08-31', 2],
        ['Seis meses de monitoreo', '2026-02-28', 2],
      ],
    },
  },
];

const OPEN_PROPOSALS: SeedProposal[] = [
  {
    title: 'Gestión de combustible con telemetría de flota',
    challenge: 2,
    lead: SUPPLIER,
    plan: 'Modelo de consumo por ciclo con la telemetría existente y recomendaciones de despacho en tiempo real.',
    budget: 'S/ 350 000.',
    status: 'submitted',
  },
  {
    title: 'Gemelo digital de molinos SAG',
    challenge: 4,
    lead: UNIVERSITY,
    plan: 'Modelo híbrido físico-estadístico de vibración y potencia para anticipar fallas de revestimientos.',
    budget: 'Por definir con el consorcio.',
    status: 'draft',
  },
];

const CRITERIA = [
  { name: 'Pertinencia', weight: 30 },
  { name: 'Viabilidad técnica', weight: 25 },
  { name: 'Equipo', weight: 20 },
  { name: 'Impacto', weight: 25 },
];

export async function seedInnovationProgram(
  storage: Storage,
  store: AccountStore,
  now: number,
): Promise<void> {
  const programGroup = (await store.groups.all()).find((group) => group.name === PROGRAM_GROUP);
  if (programGroup === undefined) return;
  const userIds = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const found = await store.users.withPassword(person.email);
    if (found !== null) userIds.set(person.email, found.user.id);
  }
  const orgIds = new Map<string, string>();
  for (const organization of DEMO_ORGANIZATIONS) {
    const found = await store.organizations.byName(organization.name);
    if (found !== null) orgIds.set(organization.name, found.id);
  }
  const userId = (email: string) => userIds.get(email)!;
  const orgId = (name: string) => orgIds.get(name)!;
  const innovation = new InnovationStore(store.sql, () => now);
  const lead = userId('gabriela.nunez@camara-arequipa.demo');

  const rooms = storedRooms(storage, now);

  // The program board, from the «Programa de innovación abierta» template.
  const boardId = await createBoard(
    rooms,
    programGroup.id,
    'Programa de innovación abierta 2026',
    AUTHOR,
    'openInnovation',
  );
  const programId = randomUUID();
  await innovation.transaction((tx) =>
    innovation.createProgram(
      tx,
      {
        id: programId,
        group_id: programGroup.id,
        name: 'Programa de innovación abierta 2026',
        board_id: boardId,
      },
      lead,
    ),
  );

  // Challenges: documents, cards, records.
  const challengeIds: string[] = [];
  for (const [index, item] of DEMO_CHALLENGES.entries()) {
    const docId = await createGroupDocument(
      rooms,
      programGroup.id,
      item.title,
      AUTHOR,
      challengeBlocks(item.company, item),
    );
    const cardId = await addLinkedCard(
      rooms,
      programGroup.id,
      boardId,
      {
        title: item.title,
        createdBy: AUTHOR,
        docId,
        fields: {
          miningCompany: item.company,
          operationalArea: AREA_NAMES[item.area],
          expectedImpact: item.expectedImpact,
        },
      },
      index < 2 || index === 6 ? 3 : index < 6 ? 1 : 0,
    );
    const id = randomUUID();
    challengeIds.push(id);
    await innovation.transaction(async (tx) => {
      await innovation.insertChallenge(tx, {
        id,
        programId,
        title: item.title,
        companyId: orgId(item.company),
        operation: item.operation,
        area: item.area,
        problem: item.problem,
        currentPractice: item.currentPractice ?? '',
        constraints: item.constraints ?? '',
        expectedImpact: item.expectedImpact,
        indicators: item.indicators ?? '',
        dataAccess: item.dataAccess ?? '',
        confidentiality: item.confidentiality,
        status: item.published ? 'published' : 'filed',
        docId,
        cardId,
        filedBy: userId(item.filer),
      });
    });
  }

  const evaluatorIds = EVALUATORS.map(userId);
  const openCall = async (
    title: string,
    challenges: number[],
    start: number,
    closed: boolean,
    proposals: SeedProposal[],
  ) => {
    const callId = randomUUID();
    const criteria = CRITERIA.map((c) => ({ id: randomUUID(), ...c }));
    await innovation.transaction(async (tx) => {
      await innovation.insertCall(
        tx,
        {
          id: callId,
          program_id: programId,
          title,
          description:
            'Convocatoria del programa de innovación abierta del clúster para proveedores METS y universidades, con cofinanciamiento de las empresas mineras y del Banco de Desarrollo.',
          eligible_kinds: 'mets_supplier,academia',
          consortium_required: 1,
          exclude_company_evaluators: 1,
          questions_until: start + 15 * DAY,
          submissions_until: start + 30 * DAY,
          evaluation_until: start + 50 * DAY,
          opened_by: lead,
        },
        challenges.map((i) => challengeIds[i]!),
        criteria,
      );
      for (const evaluator of closed ? evaluatorIds : evaluatorIds.slice(0, 1)) {
        await innovation.assignEvaluator(tx, callId, evaluator, lead);
      }
    });
    for (const [index, item] of proposals.entries()) {
      const leadUser = userId(item.lead);
      const partner = userId(item.lead === SUPPLIER ? UNIVERSITY : SUPPLIER);
      const group = await store.transaction(async (tx) => {
        const made = await tx.groups.create({
          name: `Propuesta: ${item.title}`.slice(0, 120),
          purpose: `Espacio privado del consorcio para «${DEMO_CHALLENGES[item.challenge]!.title}» (${title}).`,
          visibility: 'private',
        });
        await tx.groups.addMember(made.id, leadUser, 'lead');
        await tx.groups.addMember(made.id, partner, 'editor');
        return made;
      });
      const docId = await createGroupDocument(
        rooms,
        group.id,
        item.title,
        AUTHOR,
        proposalText(item.title, DEMO_CHALLENGES[item.challenge]!.title, item.plan, item.budget),
      );
      const submittedAt = start + (20 + index) * DAY;
      let versionId: string | null = null;
      let hash: string | null = null;
      if (item.status !== 'draft') {
        const doc = await committedDocument(rooms, group.id, docId);
        const state = Y.encodeStateAsUpdate(doc);
        versionId = randomUUID();
        hash = createHash('sha256').update(state).digest('hex');
        await store.versions.create({
          id: versionId,
          groupId: group.id,
          docId,
          kind: 'named',
          name: 'Propuesta enviada',
          note: title,
          authorId: leadUser,
          createdAt: submittedAt,
          stateVector: Y.encodeStateVector(doc),
          state,
          hash,
        });
        doc.destroy();
      }
      const proposalId = randomUUID();
      await innovation.transaction(async (tx) => {
        await innovation.insertProposal(tx, {
          id: proposalId,
          call_id: callId,
          challenge_id: challengeIds[item.challenge]!,
          title: item.title,
          group_id: group.id,
          doc_id: docId,
          status: item.status,
          created_by: leadUser,
          submitted_at: item.status === 'draft' ? null : submittedAt,
          prepared_at: null,
          version_id: versionId,
          hash,
        });
        if (item.status !== 'draft') {
          await innovation.freezeConsortium(tx, proposalId, [
            orgId('Ingeniería Hídrica Moquegua (demo)'),
            orgId('Universidad Nacional Jorge Basadre Grohmann (demo)'),
          ]);
        }
        for (const [e, values] of (item.scores ?? []).entries()) {
          for (const [c, score] of values.entries()) {
            await innovation.writeScore(tx, proposalId, evaluatorIds[e]!, {
              criterionId: criteria[c]!.id,
              score,
              justification:
                score >= 8
                  ? `${criteria[c]!.name}: sólido, con evidencia de campo y un equipo con experiencia en el sitio.`
                  : `${criteria[c]!.name}: aceptable; faltan datos de línea base y un cronograma más realista.`,
            });
          }
        }
      });
      if (item.project !== undefined) {
        await seedProject(rooms, store, innovation, {
          programId,
          proposalId,
          groupId: group.id,
          docId,
          title: item.title,
          lead,
          scores: item.scores!,
          criteria,
          project: item.project,
          orgId,
          now,
        });
      }
    }
    if (closed) {
      await innovation.transaction((tx) =>
        tx.run('UPDATE innovation_calls SET closed_at = ? WHERE id = ?', [
          start + 52 * DAY,
          callId,
        ]),
      );
    }
  };
  await openCall(
    'Convocatoria 2025-II: agua y relaves',
    [0, 1, 6],
    now - 120 * DAY,
    true,
    CLOSED_PROPOSALS,
  );
  await openCall(
    'Convocatoria 2026-I: energía, seguridad y mantenimiento',
    [2, 3, 4, 5],
    now - 10 * DAY,
    false,
    OPEN_PROPOSALS,
  );
}

async function seedProject(
  rooms: RoomWriter,
  store: AccountStore,
  innovation: InnovationStore,
  input: {
    programId: string;
    proposalId: string;
    groupId: GroupId;
    docId: DocId;
    title: string;
    lead: string;
    scores: [number[], number[]];
    criteria: Array<{ id: string; weight: number }>;
    project: NonNullable<SeedProposal['project']>;
    orgId: (name: string) => string;
    now: number;
  },
): Promise<void> {
  const { project } = input;
  // The lead follows the project from its board, in the consortium's group.
  await store.groups.addMember(input.groupId, input.lead, 'editor');
  const boardId = await createBoard(
    rooms,
    input.groupId,
    `Hitos: ${input.title}`.slice(0, 120),
    AUTHOR,
    ['Por iniciar', 'En curso', 'Logrado'],
  );
  for (const [title, dueDate, column] of project.milestones) {
    const cardId = await addLinkedCard(rooms, input.groupId, boardId, {
      title,
      createdBy: AUTHOR,
      docId: input.docId,
      dueDate,
    });
    if (column !== 0) await moveCardToColumn(rooms, input.groupId, boardId, cardId!, column);
  }
  const weighted = input.scores.map((sheet) =>
    sheet.reduce((sum, score, i) => sum + score * input.criteria[i]!.weight, 0),
  );
  const hundredths = Math.round(
    (weighted.reduce((a, b) => a + b, 0) / weighted.length / 100) * 100,
  );
  const projectId = randomUUID();
  await innovation.transaction(async (tx) => {
    await innovation.insertProject(
      tx,
      {
        id: projectId,
        program_id: input.programId,
        proposal_id: input.proposalId,
        title: input.title,
        status: project.status,
        region: project.region,
        budget: project.budget,
        score_hundredths: hundredths,
        board_id: boardId,
      },
      input.lead,
    );
    await innovation.replaceCofinancing(
      tx,
      projectId,
      project.cofinancing.map(([name, amount]) => ({ organizationId: input.orgId(name), amount })),
    );
    await innovation.replaceIndicators(
      tx,
      projectId,
      project.indicators.map(([name, unit, target, reported]) => ({
        id: randomUUID(),
        name,
        unit,
        target,
        reported,
      })),
    );
  });
}
