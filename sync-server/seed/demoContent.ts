/**
 * The demo workspace's words: a plausible first month of the Mining Cluster of Southern Peru,
 * so a first run shows real documents to work on. Data only; seed/demo.ts writes it.
 */
import type { Block } from '../../shared/ydoc/documentDoc';

export interface DemoDocument {
  title: string;
  blocks: Block[];
}

export interface DemoGroup {
  name: string;
  purpose: string;
  documents: DemoDocument[];
}

export const DEMO_WORKSPACE_NAME = 'Clúster Minero del Sur del Perú';

export const DEMO_AUTHOR = 'Secretaría técnica del clúster';

const p = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'Gobernanza del clúster',
    purpose: 'Lineamientos, actas y acuerdos del comité directivo del clúster.',
    documents: [
      {
        title: 'Lineamientos estratégicos del clúster — borrador',
        blocks: [
          { type: 'heading', level: 1, text: 'Lineamientos estratégicos 2026–2030' },
          {
            type: 'paragraph',
            runs: [
              { text: 'Borrador para comentarios. ', marks: ['bold'] },
              {
                text:
                  'El Clúster Minero del Sur del Perú reúne a empresas mineras, proveedores METS, universidades, ' +
                  'gremios y gobiernos de Arequipa, Moquegua y Tacna para convertir la demanda de la minería en ' +
                  'capacidades locales de innovación, empleo calificado y exportación de servicios.',
              },
            ],
          },
          { type: 'heading', level: 2, text: 'Visión' },
          p(
            'Al 2030, el sur del Perú es reconocido como un polo de proveedores de bienes y servicios mineros ' +
              'de clase mundial, que resuelve desafíos de agua, relaves y productividad con soluciones ' +
              'desarrolladas y validadas en la región.',
          ),
          { type: 'heading', level: 2, text: 'Ejes estratégicos' },
          {
            type: 'orderedList',
            items: [
              'Desarrollo de proveedores: programas de calificación y escalamiento para empresas METS regionales.',
              'Innovación abierta: desafíos operacionales publicados por las mineras y resueltos con pilotos en faena.',
              'Talento: formación técnica y de posgrado articulada con UNSA, UCSM, UNAM y UNJBG.',
              'Agua y relaves: gestión responsable como condición de licencia social.',
              'Internacionalización: misiones comerciales y alianzas con clústeres de Chile y Australia.',
            ],
          },
          { type: 'heading', level: 2, text: 'Gobernanza propuesta' },
          p(
            'Un comité directivo con representación de las cuatro hélices (empresa, academia, Estado y ' +
              'sociedad civil), una secretaría técnica con sede rotativa y mesas de trabajo por eje. Las ' +
              'decisiones se toman por consenso y, de no lograrse, por mayoría calificada de dos tercios.',
          ),
          { type: 'heading', level: 2, text: 'Pendientes antes de la aprobación' },
          {
            type: 'taskList',
            items: [
              {
                text: 'Recoger comentarios de los gobiernos regionales de Moquegua y Tacna',
                checked: true,
              },
              {
                text: 'Validar los indicadores de desarrollo de proveedores con los gremios',
                checked: false,
              },
              {
                text: 'Definir el presupuesto de la secretaría técnica para el primer año',
                checked: false,
              },
            ],
          },
        ],
      },
      {
        title: 'Acta de la sesión de instalación',
        blocks: [
          {
            type: 'heading',
            level: 1,
            text: 'Acta de la sesión de instalación del comité directivo',
          },
          p(
            'En la ciudad de Arequipa, en el auditorio de la Universidad Nacional de San Agustín, se reunieron ' +
              'los representantes de las empresas mineras, proveedores METS, universidades y gobiernos regionales ' +
              'para instalar el comité directivo del clúster.',
          ),
          { type: 'heading', level: 2, text: 'Asistentes' },
          {
            type: 'bulletList',
            items: [
              'Empresas mineras de Arequipa, Moquegua y Tacna (gerencias de abastecimiento y de innovación)',
              'Asociación de proveedores METS del sur',
              'UNSA, Universidad Católica de Santa María y Universidad Nacional Jorge Basadre Grohmann',
              'Gobiernos regionales de Arequipa, Moquegua y Tacna',
              'Cámara de Comercio e Industria de Arequipa',
            ],
          },
          { type: 'heading', level: 2, text: 'Acuerdos' },
          {
            type: 'orderedList',
            items: [
              'Instalar el comité directivo y elegir a la presidencia por un periodo de dos años.',
              'Encargar a la secretaría técnica el borrador de lineamientos estratégicos en un plazo de 30 días.',
              'Crear las mesas de innovación abierta, regulación y misiones internacionales.',
              'Sesionar de forma ordinaria cada mes, alternando la sede entre las tres regiones.',
            ],
          },
          { type: 'heading', level: 2, text: 'Compromisos' },
          {
            type: 'taskList',
            items: [
              { text: 'Circular el acta firmada a todas las instituciones', checked: true },
              { text: 'Proponer el reglamento interno del comité', checked: false },
              {
                text: 'Convocar a la primera mesa de innovación abierta en Moquegua',
                checked: false,
              },
            ],
          },
        ],
      },
    ],
  },
  {
    name: 'Programa de innovación abierta',
    purpose:
      'Desafíos de las operaciones mineras y propuestas conjuntas de I+D con proveedores y universidades.',
    documents: [
      {
        title: 'Desafíos operacionales 2027',
        blocks: [
          { type: 'heading', level: 1, text: 'Desafíos operacionales 2027' },
          p(
            'Las operaciones del clúster priorizaron los siguientes desafíos para la convocatoria de innovación ' +
              'abierta. Cada desafío tiene un dueño en la operación, acceso a datos y un sitio para el piloto.',
          ),
          { type: 'heading', level: 2, text: 'Agua' },
          {
            type: 'bulletList',
            items: [
              'Reducir el consumo de agua fresca por tonelada procesada en la concentradora.',
              'Detectar en tiempo real fugas en las líneas de conducción de agua recuperada.',
            ],
          },
          { type: 'heading', level: 2, text: 'Relaves' },
          {
            type: 'bulletList',
            items: [
              'Monitorear la estabilidad de los depósitos de relaves con sensores de bajo costo.',
              'Encontrar usos productivos para relaves (materiales de construcción, recuperación de metales).',
            ],
          },
          { type: 'heading', level: 2, text: 'Productividad y seguridad' },
          {
            type: 'bulletList',
            items: [
              'Mantenimiento predictivo de chancadoras y molinos con datos ya disponibles.',
              'Reducir la exposición de personas en zonas de voladura y de equipos autónomos.',
            ],
          },
          {
            type: 'paragraph',
            runs: [
              { text: 'Criterio de selección: ', marks: ['bold'] },
              {
                text: 'se privilegian propuestas de proveedores regionales en alianza con una universidad del sur.',
              },
            ],
          },
        ],
      },
      {
        title: 'Propuesta conjunta de I+D: relaves',
        blocks: [
          {
            type: 'heading',
            level: 1,
            text: 'Propuesta conjunta de I+D: relaves como materia prima',
          },
          p(
            'Consorcio propuesto: una empresa minera de Moquegua, dos proveedores METS de Arequipa y el ' +
              'laboratorio de materiales de la UNSA. El objetivo es validar, a escala piloto, la fabricación de ' +
              'bloques y adoquines con relaves filtrados de cobre.',
          ),
          { type: 'heading', level: 2, text: 'Objetivos' },
          {
            type: 'orderedList',
            items: [
              'Caracterizar química y mineralógicamente los relaves de dos operaciones.',
              'Diseñar mezclas que cumplan la norma técnica de albañilería.',
              'Evaluar la lixiviación de metales de los productos terminados.',
              'Estimar costos y mercado regional de los materiales.',
            ],
          },
          { type: 'heading', level: 2, text: 'Financiamiento' },
          p(
            'Se postulará a fondos concursables de innovación (ProInnóvate / CONCYTEC) con aporte de ' +
              'contrapartida de las empresas. Duración estimada: 18 meses.',
          ),
          { type: 'heading', level: 2, text: 'Próximos pasos' },
          {
            type: 'taskList',
            items: [
              { text: 'Firmar el acuerdo de confidencialidad del consorcio', checked: true },
              { text: 'Tomar muestras de relaves en ambas operaciones', checked: false },
              { text: 'Redactar el plan de trabajo y el presupuesto', checked: false },
            ],
          },
        ],
      },
    ],
  },
  {
    name: 'Base de conocimiento y regulación',
    purpose: 'Normas, guías y fichas que los miembros consultan y mantienen al día.',
    documents: [
      {
        title: 'Matriz normativa: relaves y agua',
        blocks: [
          { type: 'heading', level: 1, text: 'Matriz normativa: relaves y agua' },
          p(
            'Resumen de referencia para proveedores que trabajan en depósitos de relaves y sistemas de agua. ' +
              'No reemplaza la lectura de las normas vigentes ni la asesoría legal.',
          ),
          { type: 'heading', level: 2, text: 'Agua' },
          {
            type: 'bulletList',
            items: [
              'Ley de Recursos Hídricos (Ley N.° 29338): licencias de uso y autorizaciones de vertimiento ante la ANA.',
              'Estándares de Calidad Ambiental para agua (D.S. N.° 004-2017-MINAM).',
              'Límites máximos permisibles para efluentes minero-metalúrgicos (D.S. N.° 010-2010-MINAM).',
            ],
          },
          { type: 'heading', level: 2, text: 'Relaves' },
          {
            type: 'bulletList',
            items: [
              'Reglamento de protección y gestión ambiental para actividades mineras (D.S. N.° 040-2014-EM).',
              'Fiscalización ambiental a cargo del OEFA; certificación ambiental de grandes proyectos ante SENACE.',
              'Estándar Global de la Industria para la Gestión de Relaves (GISTM) como referencia voluntaria.',
            ],
          },
          { type: 'heading', level: 2, text: 'Mantenimiento de esta matriz' },
          {
            type: 'taskList',
            items: [
              {
                text: 'Revisar cada trimestre las normas publicadas en El Peruano',
                checked: false,
              },
              {
                text: 'Añadir la normativa regional de Tacna sobre recursos hídricos',
                checked: false,
              },
            ],
          },
        ],
      },
      {
        title: 'Guía para proveedores: homologación',
        blocks: [
          { type: 'heading', level: 1, text: 'Guía para proveedores: homologación' },
          p(
            'Las mineras del clúster exigen la homologación de sus proveedores antes de la primera orden de ' +
              'compra. Esta guía reúne los requisitos comunes para que una empresa METS regional se prepare una ' +
              'sola vez.',
          ),
          { type: 'heading', level: 2, text: 'Documentos habituales' },
          {
            type: 'bulletList',
            items: [
              'Ficha RUC activa y vigencia de poder del representante legal',
              'Estados financieros de los dos últimos ejercicios',
              'Sistema de gestión de seguridad y salud en el trabajo',
              'Pólizas de seguro y certificados de calidad vigentes',
            ],
          },
          p(
            'Consejo de la mesa: mantenga una carpeta única con estos documentos actualizados; reduce la ' +
              'homologación de semanas a días.',
          ),
        ],
      },
    ],
  },
  {
    name: 'Misiones internacionales',
    purpose: 'Misiones comerciales, ferias y alianzas con clústeres mineros de otros países.',
    documents: [
      {
        title: 'Agenda de la misión a Chile (Exponor)',
        blocks: [
          { type: 'heading', level: 1, text: 'Agenda de la misión a Chile (Exponor, Antofagasta)' },
          p(
            'Delegación de doce proveedores METS del sur del Perú, con acompañamiento de la secretaría técnica ' +
              'y de los gobiernos regionales. Objetivo: reuniones de negocio con mineras y proveedores chilenos y ' +
              'conocer los programas de desarrollo de proveedores de la región de Antofagasta.',
          ),
          { type: 'heading', level: 2, text: 'Programa' },
          {
            type: 'orderedList',
            items: [
              'Día 1: viaje por tierra Tacna – Arica – Antofagasta; reunión de coordinación de la delegación.',
              'Día 2: inauguración de Exponor y recorrido por el pabellón de innovación.',
              'Día 3: ronda de negocios con compradores de compañías mineras.',
              'Día 4: visita a un centro tecnológico y a una operación minera de la región.',
              'Día 5: reunión con el clúster minero de Antofagasta y regreso.',
            ],
          },
          { type: 'heading', level: 2, text: 'Preparación' },
          {
            type: 'taskList',
            items: [
              { text: 'Confirmar la lista de empresas participantes', checked: true },
              { text: 'Preparar el catálogo bilingüe de la delegación', checked: false },
              { text: 'Agendar reuniones previas con compradores', checked: false },
            ],
          },
        ],
      },
      {
        title: 'Lecciones de misiones anteriores',
        blocks: [
          { type: 'heading', level: 1, text: 'Lecciones de misiones anteriores' },
          p(
            'Notas reunidas por los participantes de misiones comerciales previas, para que cada nueva ' +
              'delegación llegue mejor preparada.',
          ),
          {
            type: 'bulletList',
            items: [
              'Las reuniones agendadas con anticipación rinden más que las visitas espontáneas al stand.',
              'Llevar casos de éxito medibles (ahorro, seguridad, disponibilidad) y no solo catálogos.',
              'Hacer seguimiento dentro de las dos semanas posteriores a la feria.',
            ],
          },
          {
            type: 'paragraph',
            runs: [
              { text: 'Pendiente: ', marks: ['italic'] },
              { text: 'sumar las lecciones de la última misión a Australia.' },
            ],
          },
        ],
      },
    ],
  },
];
