import { ROLLEN, scopeTekst, type Gebruiker, type Rol, type Scope } from './rollen.js';

/**
 * The one declarative access policy (opvolging.md, section Access). For every action
 * (`handeling`) it says who may do it and how the request's scope must relate to the
 * user's. The API hook, the web app (through `GET /api/v1/rechten`) and the command line
 * ask this table and nothing else. Pure: no HTTP, no SQL.
 */
export type Regel =
  /** everyone, anonymous included */
  | { wie: 'iedereen' }
  /** a logged-in user with one of these roles; the request names no scope */
  | { wie: 'rollen'; rollen: readonly Rol[] }
  /** a logged-in user with one of these roles, and only within the user's own scope */
  | { wie: 'rollen-eigen-scope'; rollen: readonly Rol[] }
  /**
   * a logged-in user with one of these roles within the user's own scope; with `ookOpdrachtregel`
   * also the command line's operator (the same action, e.g. a monthly list, on both sides)
   */
  | { wie: 'rollen-eigen-scope'; rollen: readonly Rol[]; ookOpdrachtregel: true }
  /** the command line only: the operator who holds the database itself; always audited */
  | { wie: 'opdrachtregel' };

export const BELEID = {
  'api.beschrijving': { wie: 'iedereen' },
  'cijfers.lezen': { wie: 'iedereen' },
  'sessie.lezen': { wie: 'iedereen' },
  'sessie.inloggen': { wie: 'iedereen' },
  'sessie.uitloggen': { wie: 'iedereen' },
  'account.beheren': { wie: 'rollen', rollen: ['beheer'] },
  'audit.lezen': { wie: 'rollen', rollen: ['privacy'] },
  'persoon.lezen': { wie: 'rollen-eigen-scope', rollen: ['rmc', 'leerplicht', 'school'] },
  /** `binnenboord verklaar`: one person's count, rule by rule */
  'persoon.verklaren': { wie: 'opdrachtregel' },
  /** `binnenboord afgewezen`: rejected delivery rows with their raw content */
  'afwijzing.lezen': { wie: 'opdrachtregel' },
  /** `binnenboord telling --uitvoer`: personen.csv of a stored run */
  'telling.personen.uitvoeren': { wie: 'opdrachtregel' },
  /** `binnenboord audit controleer` and `bewaartermijnen toepassen` */
  'beheer.opdrachtregel': { wie: 'opdrachtregel' },
  /** absence reports filed in bulk from a CSV file by the operator (`binnenboord verzuim importeer`) */
  'verzuim.importeren': { wie: 'opdrachtregel' },
  /** a school files absence reports of its own pupils (form, API, CSV) and finds the pupil among its own enrolments */
  'verzuim.melden': { wie: 'rollen-eigen-scope', rollen: ['school'] },
  /** absence reports: leerplicht and RMC those routed to them (all fields), a school its own (status and contact person only) */
  'verzuim.lezen': { wie: 'rollen-eigen-scope', rollen: ['leerplicht', 'rmc', 'school'] },
  /**
   * absence figures of one's own scope per school year (counts, no person): leerplicht and RMC of
   * the reports routed to them, a school of its own reports (docs/rules/verzuim-cijfers.md)
   */
  'verzuim.cijfers': { wie: 'rollen-eigen-scope', rollen: ['leerplicht', 'rmc', 'school'] },
  /** leerplicht and RMC handle the reports routed to them: status, contact person, actions, closing */
  'verzuim.behandelen': { wie: 'rollen-eigen-scope', rollen: ['leerplicht', 'rmc'] },
  /** a monthly person list (lijsten.md): `binnenboord lijst`, and POST /lijsten/_zoek for the roles within their scope */
  'lijst.lezen': { wie: 'rollen-eigen-scope', rollen: ['rmc', 'leerplicht', 'school'], ookOpdrachtregel: true },
  /** a dossier (opvolging.md, case work): search, read, timeline; RMC (18+) and leerplicht (under 18) of the person's residence */
  'dossier.lezen': { wie: 'rollen-eigen-scope', rollen: ['rmc', 'leerplicht'] },
  /** recording in a dossier: contact attempts, intake, trajectory, outcome, contact details, notes, next contact */
  'dossier.schrijven': { wie: 'rollen-eigen-scope', rollen: ['rmc', 'leerplicht'] },
  /**
   * the handovers of the own scope (docs/opvolging.md "Overdracht"): outgoing (the holder's) and
   * incoming (sent to the scope; only the request until accepted)
   */
  'overdracht.lezen': { wie: 'rollen-eigen-scope', rollen: ['rmc', 'leerplicht'] },
  /** the holder sends a proposed (or refused) handover: the parts to pass on and a reason */
  'overdracht.verzenden': { wie: 'rollen-eigen-scope', rollen: ['rmc', 'leerplicht'] },
  /** the receiver accepts a sent handover (and becomes the holder) or refuses it with a reason */
  'overdracht.beslissen': { wie: 'rollen-eigen-scope', rollen: ['rmc', 'leerplicht'] },
  /** the officer's worklist (new names, contacts due, intakes overdue, periodic contact) and open-work counts */
  'werklijst.lezen': { wie: 'rollen-eigen-scope', rollen: ['rmc', 'leerplicht'] },
  /** the RMC annual effect report of the own region (counts from the dossiers, no persons) */
  'effectrapportage.lezen': { wie: 'rollen-eigen-scope', rollen: ['rmc'] },
  /** the region's settings for case work (the interval of periodic contact with oud-vsv'ers): its own RMC region only */
  'regio.instellen': { wie: 'rollen-eigen-scope', rollen: ['rmc'] },
} as const satisfies Record<string, Regel>;

export type Handeling = keyof typeof BELEID;
export const HANDELINGEN = Object.keys(BELEID) as Handeling[];

export function isHandeling(naam: unknown): naam is Handeling {
  return typeof naam === 'string' && Object.hasOwn(BELEID, naam);
}

/**
 * The purpose (`doel`) of a read of person data, bound to the role whose task it is:
 * a role may read persons only for a purpose of its own task, and the purpose goes into
 * the audit trail with the read.
 */
export const DOELEN = {
  trajectbegeleiding: { rollen: ['rmc'], omschrijving: 'contact zoeken met een voortijdig schoolverlater en begeleiden naar school of werk (RMC)' },
  leerplichthandhaving: { rollen: ['leerplicht'], omschrijving: 'toezicht op de leerplicht en kwalificatieplicht (leerplichtwet)' },
  'controle-inschrijvingen': { rollen: ['school'], omschrijving: 'de eigen inschrijvingen in de telling controleren en corrigeren' },
  toezicht: { rollen: ['privacy'], omschrijving: 'toezicht op de inzage in persoonsgegevens (functionaris gegevensbescherming)' },
  'uitleg-telling': { rollen: [], omschrijving: 'uitleggen waarom een persoon wel of niet als vsv\'er telt (opdrachtregel)' },
  'levering-corrigeren': { rollen: [], omschrijving: 'afgewezen rijen van een levering corrigeren (opdrachtregel)' },
  'telling-uitvoer': { rollen: [], omschrijving: 'de uitvoerbestanden van een telling maken (opdrachtregel)' },
  maandlijst: {
    rollen: ['rmc', 'leerplicht', 'school'], handelingen: ['lijst.lezen'],
    omschrijving: 'een maandlijst van een regio, gemeente of school opvragen (lijsten.md)',
  },
  'verzuim-melden': {
    rollen: ['school'], handelingen: ['verzuim.importeren', 'verzuim.melden', 'verzuim.lezen'],
    omschrijving: 'verzuim van de eigen leerlingen melden aan de gemeente en de afhandeling volgen (Leerplichtwet 1969 art. 21a)',
  },
  verzuimafhandeling: {
    rollen: ['leerplicht', 'rmc'], handelingen: ['verzuim.lezen', 'verzuim.behandelen'],
    omschrijving: 'verzuimmeldingen behandelen die naar de eigen gemeente of RMC-regio zijn gestuurd (Leerplichtwet 1969 art. 21a)',
  },
} as const satisfies Record<string, { rollen: readonly Rol[]; omschrijving: string; handelingen?: readonly Handeling[] }>;

export type Doel = keyof typeof DOELEN;

/**
 * The purposes of a role; with `handeling`, only those that may serve that action. A purpose
 * with `handelingen` serves only those actions: the absence and monthly-list purposes never
 * open the person search of a count, and the person search's purposes never an absence report.
 */
export function doelenVoor(rol: Rol, handeling?: Handeling): Doel[] {
  return (Object.keys(DOELEN) as Doel[]).filter((d) => {
    const doel: { rollen: readonly Rol[]; handelingen?: readonly Handeling[] } = DOELEN[d];
    if (!doel.rollen.includes(rol)) return false;
    return handeling === undefined || doel.handelingen === undefined || doel.handelingen.includes(handeling);
  });
}

/**
 * What a request asks for, in terms of scope: the areas or institution it narrows to.
 * `regioVanGemeente` says in which RMC region a municipality lies (from the stored
 * classification), so that an RMC user may narrow to a municipality of the region.
 */
export interface GevraagdeScope {
  rmcCode?: string;
  gemeenteCode?: string;
  brin?: string;
}

export interface Context {
  gevraagd?: GevraagdeScope;
  /** the purpose the request states; must belong to the role's task (DOELEN) */
  doel?: string;
  regioVanGemeente?: (gemeenteCode: string) => string | null;
}

export type Besluit =
  | { toegestaan: true }
  | { toegestaan: false; status: 401 | 403; reden: string };

const JA: Besluit = { toegestaan: true };
const nietIngelogd = (): Besluit => ({ toegestaan: false, status: 401, reden: 'U bent niet ingelogd. Log in om dit te mogen doen.' });
const verboden = (reden: string): Besluit => ({ toegestaan: false, status: 403, reden });

/** Decides one request: allowed, 401 (not logged in) or 403 (not this role, or another scope), with a Dutch reason. */
export function beslis(gebruiker: Gebruiker | null, handeling: Handeling, context: Context = {}): Besluit {
  const regel: Regel = BELEID[handeling];
  switch (regel.wie) {
    case 'iedereen':
      return JA;
    case 'opdrachtregel':
      if (!gebruiker) return nietIngelogd();
      return gebruiker.soort === 'cli' ? JA : verboden(`'${handeling}' kan alleen op de opdrachtregel (binnenboord), niet via de API of de webapp.`);
    case 'rollen':
    case 'rollen-eigen-scope': {
      if (!gebruiker) return nietIngelogd();
      if ('ookOpdrachtregel' in regel && gebruiker.soort === 'cli') return JA;
      if (!regel.rollen.includes(gebruiker.rol)) {
        return verboden(`Met de rol '${gebruiker.rol}' mag u '${handeling}' niet; dat mag alleen de rol ${regel.rollen.map((r) => `'${r}'`).join(' of ')}.`);
      }
      if (regel.wie === 'rollen') return JA;
      const fout = buitenScope(gebruiker.rol, gebruiker.scope, context);
      if (fout) return verboden(fout);
      if (context.doel !== undefined && !(doelenVoor(gebruiker.rol, handeling) as string[]).includes(context.doel)) {
        return verboden(`Het doel '${context.doel}' hoort niet bij de taak van de rol '${gebruiker.rol}'; kies uit: ${doelenVoor(gebruiker.rol, handeling).join(', ')}.`);
      }
      return JA;
    }
  }
}

/**
 * The scope rule of lijsten.md ("Who sees which rows"): a request may narrow the user's
 * scope, never widen or leave it. Returns why not, or null.
 * - rmc: another region is refused; a municipality must lie in the region; a BRIN narrows
 *   (persons living in the region enrolled there).
 * - leerplicht: another municipality or any region is refused; a BRIN narrows.
 * - school: another BRIN is refused; a region or municipality is refused outright, since a
 *   school does not see where its pupils live.
 */
export function buitenScope(rol: Rol, scope: Scope, { gevraagd = {}, regioVanGemeente }: Context): string | null {
  const eigen = scopeTekst(scope);
  if (scope.soort === 'landelijk') return `De rol '${rol}' heeft geen eigen gebied of instelling en ziet dus geen personen.`;
  const { rmcCode, gemeenteCode, brin } = gevraagd;
  if (scope.soort === 'rmc-regio') {
    if (rmcCode !== undefined && rmcCode !== scope.code) return `RMC-regio ${rmcCode} valt buiten uw scope (${eigen}).`;
    if (gemeenteCode !== undefined && regioVanGemeente?.(gemeenteCode) !== scope.code) {
      return `Gemeente ${gemeenteCode} ligt niet in uw RMC-regio (${eigen}).`;
    }
    return null;
  }
  if (scope.soort === 'gemeente') {
    if (rmcCode !== undefined) return `Een RMC-regio is breder dan uw scope (${eigen}); vraag alleen naar uw gemeente.`;
    if (gemeenteCode !== undefined && gemeenteCode !== scope.code) return `Gemeente ${gemeenteCode} valt buiten uw scope (${eigen}).`;
    return null;
  }
  if (rmcCode !== undefined || gemeenteCode !== undefined) {
    return `Een school ziet niet waar haar leerlingen wonen; filteren op RMC-regio of gemeente kan niet (${eigen}).`;
  }
  if (brin !== undefined && brin !== scope.code) return `Instelling ${brin} valt buiten uw scope (${eigen}).`;
  return null;
}

/** Every action this user may do (for the web app's menu and pages: the same table, asked once). */
export function magVoor(gebruiker: Gebruiker | null): Handeling[] {
  return HANDELINGEN.filter((h) => beslis(gebruiker, h).toegestaan);
}

export { ROLLEN };
