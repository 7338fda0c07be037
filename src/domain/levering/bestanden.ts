import {
  DIPLOMASOORTEN, GEBEURTENISSOORTEN, GESLACHTEN, INSTELLINGSOORTEN, LEERWEGEN, ONDERWIJSTYPEN,
  VRIJSTELLINGSGRONDEN,
} from '../onderwijs.js';
import * as t from './veldtypen.js';
import type { Veldtype, Veldwaarde } from './veldtypen.js';

/**
 * The files of a delivery, exactly as levering.md describes them: columns, types and
 * the key by which a later row replaces an earlier one. One entry per file; the import,
 * the database tables and the documentation all follow this list.
 */
export interface Kolom {
  readonly naam: string;
  readonly type: Veldtype;
  /** an optional column may be absent from the header; its value is then null */
  readonly optioneel?: boolean;
}

/** A check across the fields of one row; returns the column and the reason, or null. */
export type Rijcontrole = (rij: Record<string, Veldwaarde>) => { kolom: string; reden: string } | null;

export interface Bestandsdefinitie {
  /** file name in the delivery folder, e.g. `personen.csv` */
  readonly bestand: string;
  /** database table that holds the rows */
  readonly tabel: string;
  readonly kolommen: readonly Kolom[];
  /** column names that identify a row; a later row with the same key replaces the earlier */
  readonly sleutel: readonly string[];
  readonly rijcontroles: readonly Rijcontrole[];
}

/** `tot` (or another end column) may not lie before `vanaf`. */
function eindNietVoorBegin(begin: string, eind: string): Rijcontrole {
  return (rij) => {
    const b = rij[begin];
    const e = rij[eind];
    if (b && e && e < b) return { kolom: eind, reden: `${eind} ${e} ligt vóór ${begin} ${b}` };
    return null;
  };
}

/** inschrijvingen.csv: `niveau` and `leerweg` are "required for mbo". */
const mboVereistNiveauEnLeerweg: Rijcontrole = (rij) => {
  if (rij.onderwijstype !== 'mbo') return null;
  if (rij.niveau === null) return { kolom: 'niveau', reden: 'niveau is verplicht bij onderwijstype mbo (1 tot en met 4)' };
  if (rij.leerweg === null) return { kolom: 'leerweg', reden: 'leerweg is verplicht bij onderwijstype mbo (bol, bbl of ex)' };
  return null;
};

export const BESTANDEN: readonly Bestandsdefinitie[] = [
  {
    bestand: 'personen.csv',
    tabel: 'persoon',
    kolommen: [
      { naam: 'persoon_id', type: t.identificatie },
      { naam: 'geboortedatum', type: t.datum },
      { naam: 'geslacht', type: t.keuze(GESLACHTEN, false) },
      { naam: 'voornamen', type: t.tekst(false), optioneel: true },
      { naam: 'voorvoegsel', type: t.tekst(false), optioneel: true },
      { naam: 'geslachtsnaam', type: t.tekst(false), optioneel: true },
    ],
    sleutel: ['persoon_id'],
    rijcontroles: [],
  },
  {
    bestand: 'verblijf.csv',
    tabel: 'verblijf',
    kolommen: [
      { naam: 'persoon_id', type: t.identificatie },
      { naam: 'gemeente_code', type: t.gemeenteCode },
      { naam: 'postcode', type: t.postcodeOfLeeg },
      { naam: 'vanaf', type: t.datum },
      { naam: 'tot', type: t.datumOfLeeg },
    ],
    sleutel: ['persoon_id', 'vanaf'],
    rijcontroles: [eindNietVoorBegin('vanaf', 'tot')],
  },
  {
    bestand: 'brp_gebeurtenissen.csv',
    tabel: 'brp_gebeurtenis',
    kolommen: [
      { naam: 'persoon_id', type: t.identificatie },
      { naam: 'soort', type: t.keuze(GEBEURTENISSOORTEN, true) },
      { naam: 'datum', type: t.datum },
    ],
    sleutel: ['persoon_id', 'soort', 'datum'],
    rijcontroles: [],
  },
  {
    bestand: 'instellingen.csv',
    tabel: 'instelling',
    kolommen: [
      { naam: 'brin', type: t.brin },
      { naam: 'vestiging', type: t.vestiging },
      { naam: 'naam', type: t.tekst(true) },
      { naam: 'gemeente_code', type: t.gemeenteCode },
      { naam: 'soort', type: t.keuze(INSTELLINGSOORTEN, true) },
    ],
    sleutel: ['brin', 'vestiging'],
    rijcontroles: [],
  },
  {
    bestand: 'inschrijvingen.csv',
    tabel: 'inschrijving',
    kolommen: [
      { naam: 'inschrijving_id', type: t.identificatie },
      { naam: 'persoon_id', type: t.identificatie },
      { naam: 'brin', type: t.brin },
      { naam: 'vestiging', type: t.vestiging },
      { naam: 'onderwijstype', type: t.keuze(ONDERWIJSTYPEN, true) },
      { naam: 'leerjaar', type: t.leerjaarOfLeeg },
      { naam: 'niveau', type: t.niveauOfLeeg },
      { naam: 'leerweg', type: t.keuze(LEERWEGEN, false) },
      { naam: 'crebo', type: t.creboOfLeeg },
      // levering.md: "empty = nee", so an empty field is stored as the value it means
      { naam: 'nieuwkomer', type: t.keuze(['ja', 'nee'], false, 'nee') },
      { naam: 'begindatum', type: t.datum },
      { naam: 'einddatum', type: t.datumOfLeeg },
    ],
    sleutel: ['inschrijving_id'],
    rijcontroles: [mboVereistNiveauEnLeerweg, eindNietVoorBegin('begindatum', 'einddatum')],
  },
  {
    bestand: 'diplomas.csv',
    tabel: 'diploma',
    kolommen: [
      { naam: 'persoon_id', type: t.identificatie },
      { naam: 'soort', type: t.keuze(DIPLOMASOORTEN, true) },
      { naam: 'datum', type: t.datum },
      { naam: 'brin', type: t.brinOfLeeg },
    ],
    sleutel: ['persoon_id', 'soort', 'datum'],
    rijcontroles: [],
  },
  {
    bestand: 'vrijstellingen.csv',
    tabel: 'vrijstelling',
    kolommen: [
      { naam: 'persoon_id', type: t.identificatie },
      { naam: 'grond', type: t.keuze(VRIJSTELLINGSGRONDEN, true) },
      { naam: 'vanaf', type: t.datum },
      { naam: 'tot', type: t.datumOfLeeg },
    ],
    sleutel: ['persoon_id', 'grond', 'vanaf'],
    rijcontroles: [eindNietVoorBegin('vanaf', 'tot')],
  },
  {
    bestand: 'werk.csv',
    tabel: 'werk',
    kolommen: [
      { naam: 'persoon_id', type: t.identificatie },
      { naam: 'vanaf', type: t.datum },
      { naam: 'tot', type: t.datumOfLeeg },
      { naam: 'uren_per_week', type: t.urenPerWeek },
    ],
    sleutel: ['persoon_id', 'vanaf'],
    rijcontroles: [eindNietVoorBegin('vanaf', 'tot')],
  },
  {
    bestand: 'rmc_indeling.csv',
    tabel: 'rmc_indeling',
    kolommen: [
      { naam: 'gemeente_code', type: t.gemeenteCode },
      { naam: 'gemeente_naam', type: t.tekst(true) },
      { naam: 'rmc_code', type: t.rmcCode },
      { naam: 'rmc_naam', type: t.tekst(true) },
      { naam: 'schooljaar_vanaf', type: t.schooljaar },
      { naam: 'schooljaar_tot', type: t.schooljaarOfLeeg },
    ],
    sleutel: ['gemeente_code', 'schooljaar_vanaf'],
    rijcontroles: [eindNietVoorBegin('schooljaar_vanaf', 'schooljaar_tot')],
  },
];

export function bestandsdefinitie(bestand: string): Bestandsdefinitie | undefined {
  return BESTANDEN.find((b) => b.bestand === bestand);
}
