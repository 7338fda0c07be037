/**
 * How figures read in Dutch: thousands with a dot, decimals with a comma, and the values
 * withheld by openbaarmaking spelled out for screen readers.
 */
export type Aantal = number | '<5';

const GETAL = new Intl.NumberFormat('nl-NL');

/**
 * A count as text: "<5" (1 to 4, withheld), "x" for null (withheld by secondary suppression, the
 * CBS symbol for a value kept secret), "–" when there is no figure at all (undefined).
 */
export function aantal(a: Aantal | null | undefined): string {
  if (a === null) return 'x';
  if (a === undefined) return '–';
  return a === '<5' ? '<5' : GETAL.format(a);
}

const SCHAAL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 6 });

/** The scale of synthetic data (0.1) as "0,1". */
export function schaaltekst(s: number): string {
  return SCHAAL.format(s);
}

/** "18.00" from the API as "18,00%". */
export function procent(p: string | null | undefined): string {
  if (p === null || p === undefined) return '–';
  return `${p.replace('.', ',')}%`;
}

export function getal(p: string | null | undefined): number | null {
  return p === null || p === undefined ? null : Number(p);
}

export const SECTOREN: Record<string, string> = { vo: 'vo', mbo: 'mbo', vavo: 'vavo' };

export const CATEGORIEEN: Record<string, string> = {
  'vo-onderbouw': 'vo onderbouw',
  'vo-bovenbouw-vmbo': 'vo bovenbouw vmbo',
  'vo-bovenbouw-havo-vwo': 'vo bovenbouw havo/vwo',
  'mbo-1': 'mbo niveau 1 (entree)',
  'mbo-2': 'mbo niveau 2',
  'mbo-3-4': 'mbo niveau 3 en 4',
  vavo: 'vavo',
};

export const LEEFTIJDSGROEPEN: Record<string, string> = { '<18': 'jonger dan 18', '18+': '18 jaar of ouder' };
/** mbo learning paths: together the mbo sector */
export const LEERWEGEN: Record<string, string> = { bol: 'bol (beroepsopleidende leerweg)', bbl: 'bbl (beroepsbegeleidende leerweg)', ex: 'examendeelnemer' };

export const GESLACHTEN: Record<string, string> = { M: 'man', V: 'vrouw', X: 'X (anders)', onbekend: 'onbekend' };

export const NORMOORDELEN: Record<string, string> = {
  gehaald: 'norm gehaald',
  'niet-gehaald': 'norm niet gehaald',
  'geen-norm': 'geen norm voor dit jaar',
  afgeschermd: 'niet getoond (afgeschermd)',
};

/** A judgement in words; against a reference norm (vastgesteld false) it says so, and never "gehaald". */
export function normoordeelLabel(oordeel: string, vastgesteld: boolean): string {
  if (vastgesteld) return label(NORMOORDELEN, oordeel);
  if (oordeel === 'gehaald') return 'binnen de referentienorm';
  if (oordeel === 'niet-gehaald') return 'boven de referentienorm';
  return oordeel === 'geen-norm' ? 'geen norm' : label(NORMOORDELEN, oordeel);
}

/** A norm as "0,5%", with "(referentienorm 2014-2015)" when it is not this year's own. */
export function normtekst(norm: number, normjaar: string | null, vastgesteld: boolean): string {
  const n = `${String(norm).replace('.', ',')}%`;
  return vastgesteld || !normjaar ? n : `${n} (referentienorm ${normjaar})`;
}

export function label(lijst: Record<string, string>, waarde: string): string {
  return lijst[waarde] ?? waarde;
}

export function datumTijd(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
}

/** "6 december 2026" (Amsterdam time). */
export function datum(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
}
