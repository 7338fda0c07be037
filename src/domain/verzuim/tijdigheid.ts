import type { Datum } from '../datum.js';
import { plusDagen } from './kalender.js';
import type { Verzuimmelding } from './melding.js';
import { BuitenSchoolkalender, type Schoolkalender, type Vakantieregio } from './schooldagen.js';

/**
 * Timeliness (docs/rules/verzuim-tijdigheid.md): a report of `16u4w` or `lrv` is due within
 * 5 school days after the threshold was crossed (Leerplichtwet 1969 art. 21a; Besluit
 * Verzuimmelding). Filed on the 5th school day after it: on time; on the 6th or later: late.
 *
 * The threshold date: `16u4w` the end date (the day the 16th hour was missed); `lrv` the
 * 29th calendar day of the absence (the day it became more than 4 weeks). Other types have no
 * deadline. School days are those of the school's holiday region.
 */
export const MELDTERMIJN_SCHOOLDAGEN = 5;

export type Tijdigheid =
  | { readonly status: 'tijdig' | 'te-laat'; readonly drempeldatum: Datum; readonly uiterlijk: Datum }
  | { readonly status: 'onbekend'; readonly drempeldatum: Datum; readonly reden: string }
  | { readonly status: 'niet-van-toepassing' };

export function drempeldatum(m: Pick<Verzuimmelding, 'soort' | 'startdatum' | 'einddatum'>): Datum | null {
  if (m.soort === '16u4w') return m.einddatum;
  if (m.soort === 'lrv') return plusDagen(m.startdatum, 28);
  return null;
}

export function tijdigheid(
  m: Pick<Verzuimmelding, 'soort' | 'startdatum' | 'einddatum' | 'meldingsdatum'>,
  regio: Vakantieregio | null, kalender: Schoolkalender,
): Tijdigheid {
  const drempel = drempeldatum(m);
  if (drempel === null) return { status: 'niet-van-toepassing' };
  if (regio === null) return { status: 'onbekend', drempeldatum: drempel, reden: 'de vakantieregio van de school is onbekend' };
  try {
    // Throws when the days to count run outside the known school calendar: then we cannot tell.
    const uiterlijk = kalender.schooldagenNa(regio, drempel, MELDTERMIJN_SCHOOLDAGEN);
    return { status: m.meldingsdatum <= uiterlijk ? 'tijdig' : 'te-laat', drempeldatum: drempel, uiterlijk };
  } catch (e) {
    if (!(e instanceof BuitenSchoolkalender)) throw e;
    return { status: 'onbekend', drempeldatum: drempel, reden: `schooldagen niet te tellen: ${e.message}` };
  }
}
