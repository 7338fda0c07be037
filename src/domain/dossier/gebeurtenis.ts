/**
 * What an officer records in a dossier (issue 9 item 2; opvolging.md "Case work"), each kind
 * with its fields, checked here before anything is stored. Pure. Bad input gets every reason,
 * naming the field. docs/opvolging.md, "Dossiers".
 */
export const KANALEN = ['telefoon', 'e-mail', 'brief', 'huisbezoek', 'sms-of-app', 'via-school', 'anders'] as const;
export const CONTACTRESULTATEN = ['bereikt', 'niet-bereikt', 'bericht-achtergelaten', 'gegevens-onjuist'] as const;
/** the outcome categories of the RMC effect report (opvolging.md) */
export const UITKOMSTEN = ['opleiding', 'bbl-of-combinatie', 'werk', 'zorg', 'geen-dagbesteding', 'verhuisd-onvindbaar', 'overig'] as const;
/** a trajectory's goal: the outcome it works towards */
export const TRAJECTDOELEN = ['opleiding', 'bbl-of-combinatie', 'werk', 'zorg'] as const;
export const CONTACTGEGEVENSOORTEN = ['adres', 'telefoon', 'e-mail', 'ouder-of-voogd'] as const;
export const BRONNEN = ['jongere', 'ouder-of-voogd', 'school', 'gemeente-brp', 'partner', 'anders'] as const;
/** why a note is kept (purpose-bound: a note without a purpose is not kept) */
export const NOTITIEDOELEN = ['contact', 'begeleiding', 'overdracht', 'zorgsignaal'] as const;

export const GEBEURTENISSOORTEN = [
  'contactpoging', 'eerste-contact', 'intake', 'traject', 'uitkomst', 'contactgegeven', 'notitie', 'volgend-contact', 'gedeeld',
] as const;
export type Gebeurtenissoort = (typeof GEBEURTENISSOORTEN)[number];

/**
 * The parts of a dossier's record that can be passed on in a handover (overdracht.ts) or
 * shared with a school or partner (`gedeeld`): each kind of recorded event, and notes per
 * purpose (a note kept for `overdracht` can go without the `zorgsignaal` notes).
 */
export const DELEN: readonly string[] = [
  ...GEBEURTENISSOORTEN.filter((s) => s !== 'notitie'),
  ...NOTITIEDOELEN.map((d) => `notitie:${d}`),
];
/** What can be shared with a school or partner: name and date of birth, the deliveries' timeline, and the recorded parts. */
export const GEDEELDE_DELEN: readonly string[] = ['personalia', 'tijdlijn', ...DELEN.filter((d) => d !== 'gedeeld')];
export const ORGANISATIESOORTEN = ['school', 'partner'] as const;

/**
 * The legal ground for sharing with a school or partner organisation, and the roles whose task
 * it is: consent serves both; the RMC task only rmc, the Leerplichtwet only leerplicht.
 */
export const GRONDSLAGEN = {
  toestemming: { rollen: ['rmc', 'leerplicht'], omschrijving: 'toestemming van de jongere (16 jaar of ouder) of de ouder of voogd (AVG art. 6 lid 1 onder a)' },
  'wettelijke-taak': { rollen: ['rmc'], omschrijving: 'de RMC-taak: voortijdig schoolverlaters begeleiden (WEB art. 8.3.1, WVO art. 118h; AVG art. 6 lid 1 onder e)' },
  leerplichtwet: { rollen: ['leerplicht'], omschrijving: 'toezicht op leerplicht en kwalificatieplicht (Leerplichtwet 1969; AVG art. 6 lid 1 onder e)' },
} as const satisfies Record<string, { rollen: readonly string[]; omschrijving: string }>;
export type Grondslag = keyof typeof GRONDSLAGEN;

/** A choice from a list, free text up to n characters, a date, or a comma-separated list of choices (`lijst`). */
type Veld = {
  readonly naam: string; readonly keuzes?: readonly string[]; readonly vrij?: number; readonly datum?: true; readonly optioneel?: true;
  readonly lijst?: readonly string[];
};

/** The fields of each kind: a choice from a list, free text up to n characters, or a date. */
export const VELDEN: Readonly<Record<Gebeurtenissoort, readonly Veld[]>> = {
  contactpoging: [{ naam: 'kanaal', keuzes: KANALEN }, { naam: 'resultaat', keuzes: CONTACTRESULTATEN }, { naam: 'toelichting', vrij: 500, optioneel: true }],
  'eerste-contact': [{ naam: 'kanaal', keuzes: KANALEN }, { naam: 'toelichting', vrij: 500, optioneel: true }],
  intake: [{ naam: 'toelichting', vrij: 1000, optioneel: true }],
  traject: [{ naam: 'doel', keuzes: TRAJECTDOELEN }, { naam: 'partner', vrij: 200 }, { naam: 'toelichting', vrij: 1000, optioneel: true }],
  uitkomst: [{ naam: 'categorie', keuzes: UITKOMSTEN }, { naam: 'toelichting', vrij: 500, optioneel: true }],
  contactgegeven: [
    { naam: 'soort', keuzes: CONTACTGEGEVENSOORTEN }, { naam: 'waarde', vrij: 300 }, { naam: 'bron', keuzes: BRONNEN }, { naam: 'bronDatum', datum: true },
  ],
  notitie: [{ naam: 'doel', keuzes: NOTITIEDOELEN }, { naam: 'tekst', vrij: 2000 }],
  'volgend-contact': [{ naam: 'op', datum: true }],
  gedeeld: [
    { naam: 'organisatie', vrij: 200 }, { naam: 'soortOrganisatie', keuzes: ORGANISATIESOORTEN }, { naam: 'delen', lijst: GEDEELDE_DELEN },
    { naam: 'grondslag', keuzes: Object.keys(GRONDSLAGEN) }, { naam: 'toelichting', vrij: 500, optioneel: true },
  ],
};

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

export function isDatum(tekst: string): boolean {
  if (!DATUM.test(tekst)) return false;
  const d = new Date(`${tekst}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === tekst;
}

export interface Veldfout { readonly naam: string; readonly reden: string }

export function grondslagenVoor(rol: string): Grondslag[] {
  return (Object.keys(GRONDSLAGEN) as Grondslag[]).filter((g) => (GRONDSLAGEN[g].rollen as readonly string[]).includes(rol));
}

/** A comma-separated list: at least one item, each a choice, none twice. */
function controleerLijst(plek: string, w: string, keuzes: readonly string[]): Veldfout[] {
  const items = w.split(',').map((x) => x.trim());
  const fouten: Veldfout[] = [];
  items.forEach((x, i) => {
    if (x === '') fouten.push({ naam: plek, reden: `deel ${i + 1} is leeg (twee komma's achter elkaar, of een komma aan het begin of eind)` });
    else if (!keuzes.includes(x)) fouten.push({ naam: plek, reden: `'${x}' is geen keuze; kies een of meer uit ${keuzes.join(', ')}, gescheiden door komma's` });
    else if (items.indexOf(x) !== i) fouten.push({ naam: plek, reden: `'${x}' staat er twee keer in` });
  });
  return fouten;
}

/**
 * Checks one event: its date (not after `vandaag`: what happened is recorded afterwards; only
 * `volgend-contact.op` looks ahead) and its fields. Returns every error; empty when valid.
 * With `rol`, a `gedeeld` event's legal ground must belong to that role's task (GRONDSLAGEN).
 */
export function controleerGebeurtenis(soort: Gebeurtenissoort, datum: string, gegevens: Readonly<Record<string, unknown>>, vandaag: string, rol?: string): Veldfout[] {
  const fouten: Veldfout[] = [];
  if (!isDatum(datum)) fouten.push({ naam: 'datum', reden: `'${datum}' is geen datum JJJJ-MM-DD` });
  else if (datum > vandaag) fouten.push({ naam: 'datum', reden: `${datum} ligt na vandaag (${vandaag}); leg vast wat er gebeurd is` });
  const velden = VELDEN[soort];
  for (const naam of Object.keys(gegevens)) {
    if (!velden.some((v) => v.naam === naam)) fouten.push({ naam: `gegevens.${naam}`, reden: `hoort niet bij ${soort}; wel: ${velden.map((v) => v.naam).join(', ')}` });
  }
  for (const v of velden) {
    const w = gegevens[v.naam];
    const plek = `gegevens.${v.naam}`;
    if (w === undefined || w === '') {
      if (!v.optioneel) fouten.push({ naam: plek, reden: 'is verplicht' });
      continue;
    }
    if (typeof w !== 'string') fouten.push({ naam: plek, reden: 'moet tekst zijn' });
    else if (v.keuzes && !v.keuzes.includes(w)) fouten.push({ naam: plek, reden: `'${w}' is geen keuze; kies uit ${v.keuzes.join(', ')}` });
    else if (v.lijst) fouten.push(...controleerLijst(plek, w, v.lijst));
    else if (v.naam === 'grondslag' && rol !== undefined && !(GRONDSLAGEN[w as Grondslag].rollen as readonly string[]).includes(rol)) {
      fouten.push({ naam: plek, reden: `'${w}' is geen grondslag van de rol ${rol}; kies uit ${grondslagenVoor(rol).join(', ')}` });
    }
    else if (v.vrij !== undefined && w.length > v.vrij) fouten.push({ naam: plek, reden: `is langer dan ${v.vrij} tekens` });
    else if (v.datum && !isDatum(w)) fouten.push({ naam: plek, reden: `'${w}' is geen datum JJJJ-MM-DD` });
    else if (v.datum && soort === 'contactgegeven' && w > vandaag) fouten.push({ naam: plek, reden: 'ligt na vandaag' });
    else if (v.datum && soort === 'volgend-contact' && w < datum) fouten.push({ naam: plek, reden: 'ligt vóór de datum van vastleggen' });
  }
  return fouten;
}
