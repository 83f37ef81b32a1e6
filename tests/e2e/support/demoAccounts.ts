/**
 * The demo accounts the sync server seeds with `--seed-demo` (sync-server/seed/demoAccounts.ts),
 * as end-to-end tests sign in with them. Every e2e test uses these, never its own sign-in.
 */
export interface Person {
  name: string;
  organization: string;
  email: string;
  password: string;
}

export const DEMO_PASSWORD = 'minka-demo-2026';

const person = (name: string, organization: string, email: string): Person => ({
  name,
  organization,
  email,
  password: DEMO_PASSWORD,
});

/** Workspace admin; lead of «Gobernanza del clúster». */
export const ADMIN = person(
  'Administración Minka',
  'Cámara de Comercio e Industria de Arequipa',
  'admin@minka.demo',
);
/** Editor of «Gobernanza del clúster», lead of «Programa de innovación abierta», viewer of the private group. */
export const ANA = person(
  'Ana Quispe',
  'Minera Andina del Sur (demo)',
  'ana.quispe@minera-andina.demo',
);
/** METS supplier: editor of «Programa de innovación abierta» and «Misiones internacionales»; not in the private group. */
export const JORGE = person(
  'Jorge Mamani',
  'Servicios Mineros Tacna',
  'jorge.mamani@serviciosmineros-tacna.demo',
);
/** Academia: viewer of «Gobernanza del clúster», editor of «Programa de innovación abierta». */
export const LUCIA = person(
  'Lucía Flores',
  'Universidad Nacional de San Agustín',
  'lucia.flores@unsa.demo',
);
/** Lead of the private group «Base de conocimiento y regulación». */
export const CARLOS = person(
  'Carlos Huamán',
  'Ministerio de Energía y Minas',
  'carlos.huaman@minem.demo',
);
/** Editor of «Gobernanza del clúster» and of the private group. */
export const ROSA = person(
  'Rosa Condori',
  'Gobierno Regional de Arequipa',
  'rosa.condori@regionarequipa.demo',
);
/** Editor of the private group; commenter of «Programa de innovación abierta». */
export const MIGUEL = person(
  'Miguel Torres',
  'Municipalidad Provincial de Ilo',
  'miguel.torres@muniilo.demo',
);
/** Lead of «Gobernanza del clúster». */
export const PATRICIA = person(
  'Patricia Salas',
  'Cámara de Comercio e Industria de Arequipa',
  'patricia.salas@camara-arequipa.demo',
);
/** Lead of «Misiones internacionales»; viewer of «Programa de innovación abierta». */
export const DIEGO = person(
  'Diego Vargas',
  'Banco de Desarrollo (promotor)',
  'diego.vargas@bancodesarrollo.demo',
);

/** Coordinator of the open-innovation program: lead of «Programa de innovación abierta». */
export const GABRIELA = person(
  'Gabriela Núñez',
  'Cámara de Comercio e Industria de Arequipa',
  'gabriela.nunez@camara-arequipa.demo',
);
/** Mining company member of the program (files challenges): editor of «Programa de innovación abierta». */
export const RAUL = person(
  'Raúl Choque',
  'Minera Pucará del Sur (demo)',
  'raul.choque@minera-pucara.demo',
);
/** Evaluator of the program; in no working group. */
export const VICTOR = person(
  'Víctor Paredes',
  'Programa Nacional de Innovación (demo)',
  'victor.paredes@innovacion.demo',
);
/** Evaluator of the program; in no working group. */
export const SOFIA = person(
  'Sofía Ramos',
  'Universidad Católica de Santa María (demo)',
  'sofia.ramos@ucsm.demo',
);

export const DEMO_GROUPS = {
  governance: 'Gobernanza del clúster',
  innovation: 'Programa de innovación abierta',
  /** Private: invisible to non-members. */
  knowledge: 'Base de conocimiento y regulación',
  missions: 'Misiones internacionales',
} as const;
