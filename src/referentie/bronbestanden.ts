import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The official files `binnenboord referentie bijwerken` reads, in the layouts their publishers
 * use (the assumptions are listed in docs and in the report of this change):
 *
 * - DUO open onderwijsdata "02. alle vestigingen vo": semicolon-separated, upper-case headers.
 *   Recent files name the school INSTELLINGSCODE and the location VESTIGINGSCODE; older ones
 *   BRIN NUMMER and VESTIGINGSNUMMER (the location code then includes the BRIN, e.g. 16SW03).
 * - CBS "gemeentelijke indeling" (gemeenten alfabetisch): Gemeentecode, GemeentecodeGM,
 *   Gemeentenaam, Provinciecode, ProvinciecodePV, Provincienaam, separated by ';' or ','.
 *
 * A file is recognised by its header, not its name. The text is UTF-8 (with or without a
 * byte-order mark); a file that is not valid UTF-8 is read as Windows-1252, the encoding CBS
 * and DUO use for their spreadsheet exports. Header names are compared without regard to case
 * or surrounding spaces.
 */
export type Bronsoort = 'duo-vo' | 'cbs-gemeenten';

export const BRONSOORT_NAAM: Readonly<Record<Bronsoort, string>> = {
  'duo-vo': 'DUO "02. alle vestigingen vo"',
  'cbs-gemeenten': 'CBS gemeentelijke indeling',
};

/** Columns the update needs, per source; each entry lists the accepted names (first: the current one). */
export const VERPLICHTE_KOLOMMEN: Readonly<Record<Bronsoort, Readonly<Record<string, readonly string[]>>>> = {
  'duo-vo': {
    brin: ['INSTELLINGSCODE', 'BRIN NUMMER'],
    vestiging: ['VESTIGINGSCODE', 'VESTIGINGSNUMMER'],
    naam: ['VESTIGINGSNAAM'],
    gemeentenummer: ['GEMEENTENUMMER'],
    gemeentenaam: ['GEMEENTENAAM'],
    onderwijsstructuur: ['ONDERWIJSSTRUCTUUR'],
    rmcCode: ['RMC-REGIO CODE'],
    rmcNaam: ['RMC-REGIO NAAM'],
  },
  'cbs-gemeenten': {
    gemeentecodeGM: ['GemeentecodeGM'],
    gemeentenaam: ['Gemeentenaam'],
    provinciecodePV: ['ProvinciecodePV'],
    provincienaam: ['Provincienaam'],
  },
};

/** Columns taken over when present. */
export const OPTIONELE_KOLOMMEN: Readonly<Record<Bronsoort, Readonly<Record<string, readonly string[]>>>> = {
  'duo-vo': {
    provincie: ['PROVINCIE'],
    straat: ['STRAATNAAM'],
    huisnummer: ['HUISNUMMER-TOEVOEGING'],
    postcode: ['POSTCODE'],
    plaats: ['PLAATSNAAM'],
    denominatie: ['DENOMINATIE'],
    website: ['INTERNETADRES'],
  },
  'cbs-gemeenten': {
    gemeentecode: ['Gemeentecode'],
    provinciecode: ['Provinciecode'],
  },
};

/** One data row, with its line number in the file (the header is line 1). */
export interface Bronrij {
  readonly regel: number;
  readonly waarden: Readonly<Record<string, string>>;
}

export interface Bronbestand {
  readonly bestand: string;
  readonly soort: Bronsoort;
  readonly rijen: readonly Bronrij[];
}

export function decodeer(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const normaliseer = (kop: string) => kop.trim().toUpperCase();

function herkenSoort(kop: readonly string[]): Bronsoort | null {
  const k = new Set(kop.map(normaliseer));
  if (k.has('RMC-REGIO CODE') && (k.has('VESTIGINGSCODE') || k.has('VESTIGINGSNUMMER'))) return 'duo-vo';
  if (k.has('GEMEENTECODEGM')) return 'cbs-gemeenten';
  return null;
}

/** The separator of a file: ';' when the header line has one, else ','. */
function scheidingsteken(tekst: string): ';' | ',' {
  const eersteRegel = tekst.slice(0, tekst.search(/\r?\n|$/));
  return eersteRegel.includes(';') ? ';' : ',';
}

/**
 * Reads one source file. Returns the problems instead of throwing, so that the update can
 * list every reason at once.
 */
export function leesBrontekst(bestand: string, tekst: string): { bron: Bronbestand } | { fouten: string[]; soort: Bronsoort | null } | { onbekend: true } {
  let records: string[][];
  try {
    records = parse(tekst, { delimiter: scheidingsteken(tekst), bom: true, skip_empty_lines: true, relax_quotes: false });
  } catch (e) {
    return { fouten: [`${bestand}: geen geldig CSV-bestand: ${(e as Error).message}`], soort: null };
  }
  const kop = records[0] ?? [];
  const soort = herkenSoort(kop);
  if (!soort) return { onbekend: true };
  const index = new Map(kop.map((k, i) => [normaliseer(k), i]));
  const fouten: string[] = [];
  const kolommen: [string, number][] = [];
  for (const [veld, namen] of Object.entries(VERPLICHTE_KOLOMMEN[soort])) {
    const i = namen.map((n) => index.get(normaliseer(n))).find((x) => x !== undefined);
    if (i === undefined) fouten.push(`${bestand} (${BRONSOORT_NAAM[soort]}): kolom ${namen.join(' of ')} ontbreekt`);
    else kolommen.push([veld, i]);
  }
  for (const [veld, namen] of Object.entries(OPTIONELE_KOLOMMEN[soort])) {
    const i = namen.map((n) => index.get(normaliseer(n))).find((x) => x !== undefined);
    if (i !== undefined) kolommen.push([veld, i]);
  }
  if (fouten.length) return { fouten, soort };
  // csv-parse counts records, not lines; the files have no line breaks inside fields, and
  // skip_empty_lines drops blank lines, so a record's position is its line in all but those cases.
  const rijen = records.slice(1).map((r, i) => ({
    regel: i + 2,
    waarden: Object.fromEntries(kolommen.map(([veld, k]) => [veld, (r[k] ?? '').trim()])),
  }));
  return { bron: { bestand, soort, rijen } };
}

/** Reads every CSV file of the source folder and sorts them by kind. */
export async function leesBronmap(map: string): Promise<{ duo: Bronbestand | null; cbs: Bronbestand | null; fouten: string[] }> {
  let namen: string[];
  try {
    namen = (await readdir(map)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  } catch {
    return { duo: null, cbs: null, fouten: [`de bronmap ${map} bestaat niet of is niet leesbaar`] };
  }
  const fouten: string[] = [];
  const gevonden: Record<Bronsoort, Bronbestand[]> = { 'duo-vo': [], 'cbs-gemeenten': [] };
  const onvolledig = new Set<Bronsoort>();
  for (const naam of namen) {
    const uitkomst = leesBrontekst(naam, decodeer(await readFile(join(map, naam))));
    if ('fouten' in uitkomst) {
      fouten.push(...uitkomst.fouten);
      if (uitkomst.soort) onvolledig.add(uitkomst.soort);
    }
    else if ('onbekend' in uitkomst) fouten.push(`${naam}: niet herkend als ${BRONSOORT_NAAM['duo-vo']} of ${BRONSOORT_NAAM['cbs-gemeenten']} (kop zonder RMC-REGIO CODE en VESTIGINGSCODE, of zonder GemeentecodeGM)`);
    else gevonden[uitkomst.bron.soort].push(uitkomst.bron);
  }
  for (const soort of Object.keys(gevonden) as Bronsoort[]) {
    const lijst = gevonden[soort];
    if (lijst.length === 0 && !onvolledig.has(soort)) {
      fouten.push(`${basename(map)}: geen bestand ${BRONSOORT_NAAM[soort]} gevonden`);
    }
    if (lijst.length > 1) fouten.push(`${basename(map)}: meer dan één bestand ${BRONSOORT_NAAM[soort]}: ${lijst.map((b) => b.bestand).join(', ')}`);
  }
  return { duo: gevonden['duo-vo'].length === 1 ? gevonden['duo-vo'][0]! : null, cbs: gevonden['cbs-gemeenten'].length === 1 ? gevonden['cbs-gemeenten'][0]! : null, fouten };
}
