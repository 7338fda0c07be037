import { isGeldigeDatum, leeftijdOp, type Datum } from '../datum.js';
import { dagenTussen, maandagVan, plusDagen } from './kalender.js';
import type { Schoolkalender, Vakantieregio } from './schooldagen.js';

/**
 * The absence report (verzuimmelding) as a validated record: the data set of the Besluit
 * Verzuimmelding (BWBR0027085) as opvolging.md lists it, and the rules per type of
 * Leerplichtwet 1969 art. 21a (docs/rules/verzuim-melding.md). Every field is checked and
 * every problem is returned with the field it concerns; nothing is corrected or guessed.
 */
export const MELDINGSOORTEN = ['16u4w', 'lrv', 'rmc', 'luxe', 'overig'] as const;
export type Meldingsoort = (typeof MELDINGSOORTEN)[number];

export const MELDINGBRONNEN = ['school', 'duo-verzuimloket'] as const;
export type Meldingbron = (typeof MELDINGBRONNEN)[number];

/** The fields of a report as text, as they arrive from a form or a CSV row. */
export const MELDINGVELDEN = [
  'bron', 'soort', 'persoon_id', 'brin', 'vestiging', 'lesplaats', 'meldingsdatum', 'startdatum', 'einddatum',
  'verzuim_dagen', 'verzuim_uren', 'alle_lessen_gemist', 'vermoedelijke_reden', 'ondernomen_actie',
  'gemeente_gevraagd_te_handelen', 'reden_niet_handelen', 'melder_naam', 'melder_functie', 'melder_telefoon',
  'melder_email', 'telefoon_leerling_of_ouder', 'verblijfadres', 'verblijf_gemeente_code',
] as const;
export type Meldingveld = (typeof MELDINGVELDEN)[number];
export type MeldingInvoer = Readonly<Record<Meldingveld, string>>;

export interface Verzuimmelding {
  readonly bron: Meldingbron;
  readonly soort: Meldingsoort;
  readonly persoonId: string;
  readonly brin: string;
  readonly vestiging: string;
  readonly lesplaats: string;
  readonly meldingsdatum: Datum;
  readonly startdatum: Datum;
  readonly einddatum: Datum | null;
  readonly verzuimDagen: number;
  readonly verzuimUren: number;
  readonly alleLessenGemist: boolean;
  readonly vermoedelijkeReden: string;
  readonly ondernomenActie: string;
  readonly gemeenteGevraagdTeHandelen: boolean;
  readonly redenNietHandelen: string | null;
  readonly melderNaam: string;
  readonly melderFunctie: string;
  readonly melderTelefoon: string;
  readonly melderEmail: string;
  readonly telefoonLeerlingOfOuder: string | null;
  readonly verblijfadres: string | null;
  readonly verblijfGemeenteCode: string | null;
}

export interface Veldfout {
  readonly veld: Meldingveld;
  readonly reden: string;
}

/** An earlier report of the same pupil, for the 7-day rule of `16u4w`. */
export interface EerdereMelding {
  readonly soort: Meldingsoort;
  readonly meldingsdatum: Datum;
  readonly startdatum: Datum;
  readonly einddatum: Datum | null;
}

export interface Meldingcontext {
  /** today: a report cannot be dated in the future */
  readonly vandaag: Datum;
  /** date of birth of the pupil, when known (for `rmc`) */
  readonly geboortedatum: Datum | null;
  /** holiday region of the school location, when known (for `16u4w`, `lrv` timeliness and `luxe`) */
  readonly regio: Vakantieregio | null;
  readonly kalender: Schoolkalender;
  readonly eerdereMeldingen: readonly EerdereMelding[];
}

export type Meldingsuitkomst =
  | { readonly ok: true; readonly melding: Verzuimmelding; readonly opmerkingen: readonly string[] }
  | { readonly ok: false; readonly fouten: readonly Veldfout[] };

/** Lesson hours in one school day that we still call plausible (docs/rules/verzuim-melding.md). */
export const MAX_UREN_PER_DAG = 10;
export const MAX_TEKST = 2000;
export const MAX_KORTE_TEKST = 200;
/** `16u4w`: at least this many hours … */
export const DREMPEL_UREN = 16;
/** … within this many consecutive school weeks. */
export const DREMPEL_SCHOOLWEKEN = 4;
/** `16u4w`: during continuous absence at most one report per this many days. */
export const DAGEN_TUSSEN_MELDINGEN = 7;
/** `lrv`: more than 4 consecutive weeks, i.e. at least 29 calendar days start to end inclusive. */
export const LRV_MINIMUM_DAGEN = 29;
/** `rmc`: aged 18 up to and including 22 on the report date. */
export const RMC_LEEFTIJD = { van: 18, tot: 22 } as const;

const BRIN = /^\d{2}[A-Z]{2}$/;
const VESTIGING = /^\d{2}$/;
const GEMEENTECODE = /^GM\d{4}$/;
const PERSOON_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[A-Za-z]{2,}$/;
/** Dutch numbers: 0 + 9 digits, or +31 / 0031 + 9 digits (spaces and dashes allowed). */
const TELEFOON = /^(?:0|\+31|0031)[1-9]\d{8}$/;
const GETAL = /^\d{1,4}(?:[.]\d{1,2})?$/;

export function valideerMelding(invoer: MeldingInvoer, ctx: Meldingcontext): Meldingsuitkomst {
  const fouten: Veldfout[] = [];
  const opmerkingen: string[] = [];
  const fout = (veld: Meldingveld, reden: string): void => {
    fouten.push({ veld, reden });
  };
  const tekst = (veld: Meldingveld, verplicht: boolean, max = MAX_TEKST): string | null => {
    const w = invoer[veld].trim();
    if (w === '') {
      if (verplicht) fout(veld, 'is verplicht en ontbreekt');
      return null;
    }
    if (w.length > max) fout(veld, `is te lang (${w.length} tekens, hoogstens ${max})`);
    return w;
  };
  const janee = (veld: Meldingveld): boolean | null => {
    const w = invoer[veld].trim();
    if (w === 'ja') return true;
    if (w === 'nee') return false;
    fout(veld, w === '' ? "is verplicht: 'ja' of 'nee'" : `'${w}' is geen 'ja' of 'nee'`);
    return null;
  };
  const datum = (veld: Meldingveld, verplicht: boolean): Datum | null => {
    const w = invoer[veld].trim();
    if (w === '') {
      if (verplicht) fout(veld, 'is verplicht en ontbreekt (JJJJ-MM-DD)');
      return null;
    }
    if (!isGeldigeDatum(w)) {
      fout(veld, `'${w}' is geen bestaande datum in de vorm JJJJ-MM-DD`);
      return null;
    }
    return w;
  };
  const getal = (veld: Meldingveld): number | null => {
    const w = invoer[veld].trim();
    if (w === '') {
      fout(veld, 'is verplicht en ontbreekt (0 als er niets te melden is)');
      return null;
    }
    if (!GETAL.test(w)) {
      fout(veld, `'${w}' is geen getal ≥ 0 met hoogstens twee decimalen (punt als decimaalteken)`);
      return null;
    }
    return Number(w);
  };
  // The pupil's or parent's number is not repeated in the message: it is their personal data.
  const telefoon = (veld: Meldingveld, verplicht: boolean, herhaal: boolean): string | null => {
    const w = tekst(veld, verplicht, 30);
    if (w === null) return null;
    if (!TELEFOON.test(w.replace(/[\s-]/g, ''))) {
      fout(veld, `${herhaal ? `'${w}' ` : ''}is geen Nederlands telefoonnummer (10 cijfers beginnend met 0, of +31 met 9 cijfers)`);
    }
    return w;
  };

  const bronTekst = invoer.bron.trim() || 'school';
  const bron = (MELDINGBRONNEN as readonly string[]).includes(bronTekst) ? (bronTekst as Meldingbron) : null;
  if (!bron) fout('bron', `'${bronTekst}' is onbekend; kies ${MELDINGBRONNEN.join(' of ')}`);

  const soortTekst = invoer.soort.trim();
  const soort = (MELDINGSOORTEN as readonly string[]).includes(soortTekst) ? (soortTekst as Meldingsoort) : null;
  if (!soort) fout('soort', soortTekst === '' ? `is verplicht; kies uit ${MELDINGSOORTEN.join(', ')}` : `'${soortTekst}' is onbekend; kies uit ${MELDINGSOORTEN.join(', ')}`);

  const persoonId = invoer.persoon_id.trim();
  if (!PERSOON_ID.test(persoonId)) fout('persoon_id', persoonId === '' ? 'is verplicht en ontbreekt' : 'is geen geldige persoonsaanduiding (letters, cijfers, - of _, hoogstens 64 tekens)');
  const brin = invoer.brin.trim();
  if (!BRIN.test(brin)) fout('brin', `'${brin}' is geen BRIN-code (2 cijfers en 2 hoofdletters, bijv. 25LX)`);
  const vestiging = invoer.vestiging.trim();
  if (!VESTIGING.test(vestiging)) fout('vestiging', `'${vestiging}' is geen vestigingsnummer (2 cijfers, bijv. 00)`);
  const lesplaats = tekst('lesplaats', true, MAX_KORTE_TEKST);

  const meldingsdatum = datum('meldingsdatum', true);
  const startdatum = datum('startdatum', true);
  const eindVerplicht = soort === '16u4w' || soort === 'lrv' || soort === 'rmc';
  const einddatum = datum('einddatum', eindVerplicht);
  if (startdatum && einddatum && einddatum < startdatum) fout('einddatum', `${einddatum} ligt vóór de startdatum ${startdatum}`);
  if (meldingsdatum && startdatum && meldingsdatum < startdatum) fout('meldingsdatum', `${meldingsdatum} ligt vóór de startdatum ${startdatum}: er valt dan nog niets te melden`);
  if (meldingsdatum && einddatum && soort !== 'luxe' && einddatum > meldingsdatum) fout('einddatum', `${einddatum} ligt na de meldingsdatum ${meldingsdatum}: meld alleen verzuim dat al heeft plaatsgevonden`);
  if (meldingsdatum && meldingsdatum > ctx.vandaag) fout('meldingsdatum', `${meldingsdatum} ligt in de toekomst`);

  const dagen = getal('verzuim_dagen');
  const uren = getal('verzuim_uren');
  if (dagen !== null && uren !== null && dagen === 0 && uren === 0) fout('verzuim_uren', 'er is geen verzuim opgegeven: dagen en uren zijn allebei 0');
  const periodeEinde = einddatum ?? (soort === 'luxe' || soort === 'overig' ? startdatum : null);
  if (startdatum && periodeEinde && periodeEinde >= startdatum) {
    const kalenderdagen = dagenTussen(startdatum, periodeEinde) + 1;
    if (dagen !== null && dagen > kalenderdagen) fout('verzuim_dagen', `${dagen} dagen verzuim past niet in de periode van ${kalenderdagen} kalenderdag(en)`);
    if (uren !== null && uren > kalenderdagen * MAX_UREN_PER_DAG) fout('verzuim_uren', `${uren} uur past niet in ${kalenderdagen} kalenderdag(en) van hoogstens ${MAX_UREN_PER_DAG} lesuren`);
  }

  const alleLessen = janee('alle_lessen_gemist');
  const reden = tekst('vermoedelijke_reden', true);
  const actie = tekst('ondernomen_actie', true);
  const gevraagd = janee('gemeente_gevraagd_te_handelen');
  const redenNiet = tekst('reden_niet_handelen', gevraagd === false);
  if (gevraagd === true && redenNiet !== null) fout('reden_niet_handelen', 'moet leeg zijn als de gemeente wordt gevraagd te handelen');
  const melderNaam = tekst('melder_naam', true, MAX_KORTE_TEKST);
  const melderFunctie = tekst('melder_functie', true, MAX_KORTE_TEKST);
  const melderTelefoon = telefoon('melder_telefoon', true, true);
  const melderEmail = tekst('melder_email', true, 254);
  if (melderEmail !== null && !EMAIL.test(melderEmail)) fout('melder_email', `'${melderEmail}' is geen e-mailadres`);
  const telefoonLeerling = telefoon('telefoon_leerling_of_ouder', false, false);
  const verblijfadres = tekst('verblijfadres', false, MAX_KORTE_TEKST);
  const verblijfGemeente = invoer.verblijf_gemeente_code.trim() || null;
  if (verblijfGemeente !== null && !GEMEENTECODE.test(verblijfGemeente)) fout('verblijf_gemeente_code', `'${verblijfGemeente}' is geen gemeentecode (GM en 4 cijfers)`);
  if (verblijfadres !== null && verblijfGemeente === null) fout('verblijf_gemeente_code', 'is verplicht als er een verblijfadres is opgegeven');
  if (verblijfadres === null && verblijfGemeente !== null) fout('verblijfadres', 'is verplicht als er een verblijfgemeente is opgegeven');

  // The rules of each type, only once the fields they need are sound.
  if (soort && startdatum && meldingsdatum && fouten.length === 0) {
    regelsPerSoort(soort, { startdatum, einddatum, meldingsdatum, uren: uren ?? 0, persoonId }, ctx, fout, opmerkingen);
  }

  if (fouten.length > 0) return { ok: false, fouten };
  return {
    ok: true,
    opmerkingen,
    melding: {
      bron: bron!, soort: soort!, persoonId, brin, vestiging, lesplaats: lesplaats!,
      meldingsdatum: meldingsdatum!, startdatum: startdatum!, einddatum,
      verzuimDagen: dagen!, verzuimUren: uren!, alleLessenGemist: alleLessen!,
      vermoedelijkeReden: reden!, ondernomenActie: actie!, gemeenteGevraagdTeHandelen: gevraagd!,
      redenNietHandelen: redenNiet, melderNaam: melderNaam!, melderFunctie: melderFunctie!,
      melderTelefoon: melderTelefoon!, melderEmail: melderEmail!, telefoonLeerlingOfOuder: telefoonLeerling,
      verblijfadres, verblijfGemeenteCode: verblijfGemeente,
    },
  };
}

interface Kern {
  startdatum: Datum;
  einddatum: Datum | null;
  meldingsdatum: Datum;
  uren: number;
  persoonId: string;
}

function regelsPerSoort(
  soort: Meldingsoort, m: Kern, ctx: Meldingcontext,
  fout: (veld: Meldingveld, reden: string) => void, opmerkingen: string[],
): void {
  const { kalender, regio } = ctx;
  switch (soort) {
    case '16u4w': {
      const eind = m.einddatum!;
      if (m.uren < DREMPEL_UREN) fout('verzuim_uren', `een 16u4w-melding vraagt minstens ${DREMPEL_UREN} uur ongeoorloofd verzuim; opgegeven ${m.uren}`);
      const weken = schoolweken(m.startdatum, eind, regio, kalender);
      if (weken === null) {
        // Calendar weeks can only over-count school weeks; within 4 calendar weeks is certainly fine.
        const kalenderweken = Math.floor(dagenTussen(maandagVan(m.startdatum), maandagVan(eind)) / 7) + 1;
        if (kalenderweken > DREMPEL_SCHOOLWEKEN) {
          opmerkingen.push(`schoolweken niet te tellen (schoolkalender onbekend voor deze periode); de periode beslaat ${kalenderweken} kalenderweken`);
        }
      } else if (weken > DREMPEL_SCHOOLWEKEN) {
        fout('einddatum', `de periode ${m.startdatum} tot en met ${eind} beslaat ${weken} schoolweken; een 16u4w-melding gaat over hoogstens ${DREMPEL_SCHOOLWEKEN} aaneengesloten schoolweken`);
      }
      for (const e of ctx.eerdereMeldingen) {
        if (e.soort !== '16u4w' || e.einddatum === null) continue;
        const aaneengesloten = m.startdatum <= plusDagen(e.einddatum, 3) && e.startdatum <= eind;
        const afstand = Math.abs(dagenTussen(e.meldingsdatum, m.meldingsdatum));
        if (aaneengesloten && afstand < DAGEN_TUSSEN_MELDINGEN) {
          fout('meldingsdatum', `bij aaneengesloten verzuim hoogstens één 16u4w-melding per ${DAGEN_TUSSEN_MELDINGEN} dagen; er is al een melding van ${e.meldingsdatum}`);
          break;
        }
      }
      break;
    }
    case 'lrv': {
      const dagen = dagenTussen(m.startdatum, m.einddatum!) + 1;
      if (dagen < LRV_MINIMUM_DAGEN) fout('einddatum', `langdurig relatief verzuim is meer dan 4 aaneengesloten weken; de periode duurt ${dagen} dag(en), minstens ${LRV_MINIMUM_DAGEN} nodig`);
      break;
    }
    case 'rmc': {
      if (ctx.geboortedatum === null) {
        fout('persoon_id', 'de geboortedatum van de jongere is onbekend, dus de leeftijd voor een rmc-melding is niet te toetsen');
        break;
      }
      const leeftijd = leeftijdOp(ctx.geboortedatum, m.meldingsdatum);
      if (leeftijd < RMC_LEEFTIJD.van || leeftijd > RMC_LEEFTIJD.tot) {
        fout('soort', `een rmc-melding gaat over jongeren van ${RMC_LEEFTIJD.van} tot en met ${RMC_LEEFTIJD.tot} jaar; deze jongere is op de meldingsdatum ${leeftijd}`);
      }
      break;
    }
    case 'luxe': {
      const eind = m.einddatum ?? m.startdatum;
      if (regio === null || !kalender.kent(regio, m.startdatum) || !kalender.kent(regio, eind)) {
        opmerkingen.push('niet getoetst of de periode buiten de schoolvakantie valt: de schoolkalender is voor deze periode of school onbekend');
        break;
      }
      for (let dag = m.startdatum; dag <= eind; dag = plusDagen(dag, 1)) {
        const vakantie = kalender.vakantieOp(regio, dag);
        if (vakantie !== null) {
          fout('startdatum', `een luxe-verzuimmelding gaat over verzuim buiten de schoolvakanties; ${dag} valt in de ${vakantie} van regio ${regio}`);
          break;
        }
      }
      break;
    }
    case 'overig':
      break;
  }
}

/**
 * Number of school weeks (Monday–Sunday weeks with at least one school day) from the week of
 * `van` to the week of `tot`; null when the calendar cannot tell.
 */
export function schoolweken(van: Datum, tot: Datum, regio: Vakantieregio | null, kalender: Schoolkalender): number | null {
  if (regio === null) return null;
  const eersteMaandag = maandagVan(van);
  const laatsteZondag = plusDagen(maandagVan(tot), 6);
  if (!kalender.kent(regio, eersteMaandag) || !kalender.kent(regio, laatsteZondag)) return null;
  let weken = 0;
  for (let maandag = eersteMaandag; maandag <= tot; maandag = plusDagen(maandag, 7)) {
    for (let i = 0; i < 5; i += 1) {
      if (kalender.isSchooldag(regio, plusDagen(maandag, i))) {
        weken += 1;
        break;
      }
    }
  }
  return weken;
}
