import { LANDELIJK } from '../telling/cijfers.js';
import { LANDELIJK_GEBIED, VERZUIMUITSPLITSING_NAMEN, VERZUIMUITSPLITSINGEN, VSV_DIMENSIE, type Verzuimrij, type Verzuimuitsplitsing } from '../verzuim/publiek.js';
import { celsleutel, geldigeRelaties, type Publicatietabel, type Relatie, type Tabelcel } from './tabel.js';

/**
 * The publication table of the public absence figures of one school year (a family of tables
 * of its own: src/server/routes/verzuimPubliek.ts publishes it), in the form of the count's
 * publication table so that the one pattern (`patroon.ts`) protects it with the same rule:
 * - the nation and every RMC region (`rmc`), each with the reports (`totaal|totaal`) and every
 *   breakdown (type, status, closing reason, first action, timeliness) as start-population
 *   counts (the vsv count of these cells is 0);
 * - the vsv'ers with a report as one cell per area: start population the vsv'ers of the count,
 *   vsv those with a report (the share of `Aandeelcijfer`).
 * Relations: reports = Σ each breakdown, closed = Σ closing reasons, nation = Σ regions per cell.
 */
export interface Verzuimopbouw {
  readonly rijen: readonly Verzuimrij[];
  /** every region the answers list, in their order */
  readonly regios: readonly string[];
  /** the values of every breakdown, as the answers list them */
  readonly waarden: Record<Verzuimuitsplitsing, readonly string[]>;
}

export const VERZUIM_TOTAAL = { dimensie: 'totaal', waarde: 'totaal' } as const;
export const VERZUIM_VSV = { dimensie: VSV_DIMENSIE, waarde: 'vsvers' } as const;

/** The table's unit of a row's area: `landelijk|NL` or `rmc|<code>`. */
export function verzuimeenheid(niveau: Verzuimrij['niveau'], gebied: string): { niveau: 'landelijk' | 'rmc'; gebied: string } {
  return niveau === 'landelijk' ? { niveau: 'landelijk', gebied: LANDELIJK } : { niveau: 'rmc', gebied };
}

export function bouwVerzuimtabel(o: Verzuimopbouw): Publicatietabel {
  const cellen: Tabelcel[] = [];
  const index = new Map<string, number>();
  const waarde = new Map<string, number>();
  for (const r of o.rijen) {
    const e = verzuimeenheid(r.niveau, r.niveau === 'landelijk' ? LANDELIJK_GEBIED : r.gebied);
    waarde.set(celsleutel(e.niveau, e.gebied, r.dimensie, r.waarde), r.aantal);
  }
  const aantal = (niveau: string, gebied: string, dimensie: string, w: string) => waarde.get(celsleutel(niveau, gebied, dimensie, w)) ?? 0;
  const cel = (niveau: 'landelijk' | 'rmc', gebied: string, dimensie: string, w: string): number => {
    const k = celsleutel(niveau, gebied, dimensie, w);
    let i = index.get(k);
    if (i === undefined) {
      const vsvCel = dimensie === VERZUIM_VSV.dimensie;
      const startpopulatie = vsvCel ? aantal(niveau, gebied, VSV_DIMENSIE, 'vsvers')
        : dimensie === 'totaal' ? aantal(niveau, gebied, 'totaal', 'meldingen') : aantal(niveau, gebied, dimensie, w);
      const vsv = vsvCel ? aantal(niveau, gebied, VSV_DIMENSIE, 'metMelding') : 0;
      i = cellen.push({ niveau, gebied, dimensie, waarde: w, startpopulatie, vsv }) - 1;
      index.set(k, i);
    }
    return i;
  };
  const structuur: Relatie[] = [];
  const eenheid = (niveau: 'landelijk' | 'rmc', gebied: string): Map<string, number> => {
    const uit = new Map<string, number>();
    const totaal = cel(niveau, gebied, VERZUIM_TOTAAL.dimensie, VERZUIM_TOTAAL.waarde);
    uit.set('totaal|totaal', totaal);
    for (const d of VERZUIMUITSPLITSING_NAMEN) {
      const delen = o.waarden[d].map((w) => {
        const i = cel(niveau, gebied, d, w);
        uit.set(`${d}|${w}`, i);
        return i;
      });
      const basis = VERZUIMUITSPLITSINGEN[d].totaal;
      const geheel = basis.dimensie === 'totaal' ? totaal : cel(niveau, gebied, basis.dimensie, basis.waarde);
      if (delen.length > 0) structuur.push({ geheel, delen, soort: `${niveau} ${gebied}: ${basis.dimensie === 'totaal' ? 'meldingen' : basis.waarde} = Σ ${d}` });
    }
    uit.set(`${VERZUIM_VSV.dimensie}|${VERZUIM_VSV.waarde}`, cel(niveau, gebied, VERZUIM_VSV.dimensie, VERZUIM_VSV.waarde));
    return uit;
  };
  const nl = eenheid('landelijk', LANDELIJK);
  const regios = o.regios.map((r) => eenheid('rmc', r));
  for (const [k, geheel] of nl) {
    structuur.push({ geheel, delen: regios.flatMap((m) => (m.has(k) ? [m.get(k)!] : [])), soort: `landelijk = Σ regio's (${k})` });
  }
  return geldigeRelaties(cellen, structuur);
}
