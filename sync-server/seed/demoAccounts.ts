/**
 * The demo's people: one organization of each kind, one person in each, and an admin, with roles
 * mixed across the four groups so every access case can be tried by signing in as someone else:
 * every group has a lead and an editor, there are commenters and viewers, and some people are not
 * in the private group at all. One password for all, printed at first seed and in the README.
 */
import type { GroupRole, OrganizationKind, WorkspaceRole } from '../../shared/model/accounts';

export const DEMO_PASSWORD = 'minka-demo-2026';

export interface DemoOrganization {
  name: string;
  kind: OrganizationKind;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { name: 'Minera Andina del Sur (demo)', kind: 'mining_company' },
  { name: 'Servicios Mineros Tacna', kind: 'mets_supplier' },
  { name: 'Universidad Nacional de San Agustín', kind: 'academia' },
  { name: 'Ministerio de Energía y Minas', kind: 'government_national' },
  { name: 'Gobierno Regional de Arequipa', kind: 'government_regional' },
  { name: 'Municipalidad Provincial de Ilo', kind: 'government_local' },
  { name: 'Cámara de Comercio e Industria de Arequipa', kind: 'association' },
  { name: 'Banco de Desarrollo (promotor)', kind: 'other' },
  // Issue 15: more companies, so the regulatory base aggregates cases across several of them.
  { name: 'Minera Pampa de Cobre (demo)', kind: 'mining_company' },
  { name: 'Tecnologías Andinas METS (demo)', kind: 'mets_supplier' },
  // The open-innovation program (issue 14): four mining companies, more suppliers and
  // universities, and an innovation agency whose staff evaluate.
  { name: 'Minera Pucará del Sur (demo)', kind: 'mining_company' },
  { name: 'Compañía Minera Tambo Alto (demo)', kind: 'mining_company' },
  { name: 'Sociedad Minera Río Seco (demo)', kind: 'mining_company' },
  { name: 'Ingeniería Hídrica Moquegua (demo)', kind: 'mets_supplier' },
  { name: 'Universidad Nacional Jorge Basadre Grohmann (demo)', kind: 'academia' },
  { name: 'Programa Nacional de Innovación (demo)', kind: 'government_national' },
  { name: 'Universidad Católica de Santa María (demo)', kind: 'academia' },
];

/** Group names as in demoContent.ts DEMO_GROUPS. */
type GroupName =
  | 'Gobernanza del clúster'
  | 'Programa de innovación abierta'
  | 'Base de conocimiento y regulación'
  | 'Misiones internacionales';

export const DEMO_PRIVATE_GROUPS: readonly string[] = [
  'Base de conocimiento y regulación',
] satisfies GroupName[];

export interface DemoPerson {
  email: string;
  name: string;
  organization: string;
  workspaceRole: WorkspaceRole;
  groups: Partial<Record<GroupName, GroupRole>>;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: 'ana.quispe@minera-andina.demo',
    name: 'Ana Quispe',
    organization: 'Minera Andina del Sur (demo)',
    workspaceRole: 'member',
    groups: {
      'Gobernanza del clúster': 'editor',
      'Programa de innovación abierta': 'lead',
      'Base de conocimiento y regulación': 'viewer',
      'Misiones internacionales': 'commenter',
    },
  },
  {
    email: 'jorge.mamani@serviciosmineros-tacna.demo',
    name: 'Jorge Mamani',
    organization: 'Servicios Mineros Tacna',
    workspaceRole: 'member',
    groups: { 'Programa de innovación abierta': 'editor', 'Misiones internacionales': 'editor' },
  },
  {
    email: 'lucia.flores@unsa.demo',
    name: 'Lucía Flores',
    organization: 'Universidad Nacional de San Agustín',
    workspaceRole: 'member',
    groups: { 'Gobernanza del clúster': 'viewer', 'Programa de innovación abierta': 'editor' },
  },
  {
    email: 'carlos.huaman@minem.demo',
    name: 'Carlos Huamán',
    organization: 'Ministerio de Energía y Minas',
    workspaceRole: 'member',
    groups: { 'Gobernanza del clúster': 'commenter', 'Base de conocimiento y regulación': 'lead' },
  },
  {
    email: 'rosa.condori@regionarequipa.demo',
    name: 'Rosa Condori',
    organization: 'Gobierno Regional de Arequipa',
    workspaceRole: 'member',
    groups: { 'Gobernanza del clúster': 'editor', 'Base de conocimiento y regulación': 'editor' },
  },
  {
    email: 'miguel.torres@muniilo.demo',
    name: 'Miguel Torres',
    organization: 'Municipalidad Provincial de Ilo',
    workspaceRole: 'member',
    groups: {
      'Programa de innovación abierta': 'commenter',
      'Base de conocimiento y regulación': 'editor',
    },
  },
  {
    email: 'patricia.salas@camara-arequipa.demo',
    name: 'Patricia Salas',
    organization: 'Cámara de Comercio e Industria de Arequipa',
    workspaceRole: 'member',
    groups: {
      'Gobernanza del clúster': 'lead',
      'Base de conocimiento y regulación': 'commenter',
      'Misiones internacionales': 'editor',
    },
  },
  {
    email: 'diego.vargas@bancodesarrollo.demo',
    name: 'Diego Vargas',
    organization: 'Banco de Desarrollo (promotor)',
    workspaceRole: 'member',
    groups: { 'Programa de innovación abierta': 'viewer', 'Misiones internacionales': 'lead' },
  },
  // The open-innovation program (issue 14): its coordinator, a mining company member who files
  // challenges, a supplier and a university in the seeded consortia, and two evaluators who
  // belong to no group (they read frozen proposals through the program's API).
  {
    email: 'gabriela.nunez@camara-arequipa.demo',
    name: 'Gabriela Núñez',
    organization: 'Cámara de Comercio e Industria de Arequipa',
    workspaceRole: 'member',
    groups: { 'Programa de innovación abierta': 'lead' },
  },
  {
    email: 'raul.choque@minera-pucara.demo',
    name: 'Raúl Choque',
    organization: 'Minera Pucará del Sur (demo)',
    workspaceRole: 'member',
    groups: { 'Programa de innovación abierta': 'editor' },
  },
  {
    email: 'elena.mamani@tamboalto.demo',
    name: 'Elena Mamani',
    organization: 'Compañía Minera Tambo Alto (demo)',
    workspaceRole: 'member',
    groups: { 'Programa de innovación abierta': 'editor' },
  },
  {
    email: 'oscar.huanca@rioseco.demo',
    name: 'Óscar Huanca',
    organization: 'Sociedad Minera Río Seco (demo)',
    workspaceRole: 'member',
    groups: { 'Programa de innovación abierta': 'editor' },
  },
  {
    email: 'hector.vilca@hidrica-moquegua.demo',
    name: 'Héctor Vilca',
    organization: 'Ingeniería Hídrica Moquegua (demo)',
    workspaceRole: 'member',
    groups: { 'Programa de innovación abierta': 'editor' },
  },
  {
    email: 'carmen.ticona@unjbg.demo',
    name: 'Carmen Ticona',
    organization: 'Universidad Nacional Jorge Basadre Grohmann (demo)',
    workspaceRole: 'member',
    groups: { 'Programa de innovación abierta': 'editor' },
  },
  {
    email: 'victor.paredes@innovacion.demo',
    name: 'Víctor Paredes',
    organization: 'Programa Nacional de Innovación (demo)',
    workspaceRole: 'member',
    groups: {},
  },
  {
    email: 'sofia.ramos@ucsm.demo',
    name: 'Sofía Ramos',
    organization: 'Universidad Católica de Santa María (demo)',
    workspaceRole: 'member',
    groups: {},
  },
  {
    email: 'elena.ccori@pampacobre.demo',
    name: 'Elena Ccori',
    organization: 'Minera Pampa de Cobre (demo)',
    workspaceRole: 'member',
    groups: { 'Base de conocimiento y regulación': 'commenter' },
  },
  {
    email: 'raul.apaza@tecandinas.demo',
    name: 'Raúl Apaza',
    organization: 'Tecnologías Andinas METS (demo)',
    workspaceRole: 'member',
    groups: {
      'Base de conocimiento y regulación': 'commenter',
      'Misiones internacionales': 'commenter',
    },
  },
  {
    email: 'admin@minka.demo',
    name: 'Administración Minka',
    organization: 'Cámara de Comercio e Industria de Arequipa',
    workspaceRole: 'admin',
    groups: { 'Gobernanza del clúster': 'lead' },
  },
];
