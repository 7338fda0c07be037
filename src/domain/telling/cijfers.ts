import type { Beoordeling } from './beoordeling.js';

/**
 * Figures of a count (telling.md, "Figures"): for each grouping the start population and
 * the number of vsv'ers. National and regional figures count each person once, under the
 * primary enrolment; institution figures count a person at every institution (BRIN).
 */
export type Niveau = 'landelijk' | 'rmc' | 'gemeente' | 'instelling' | 'vestiging';
export type Dimensie = 'totaal' | 'sector' | 'categorie' | 'leerweg' | 'leeftijdsgroep' | 'geslacht' | 'reden';

export interface Cijfer {
  readonly niveau: Niveau;
  /** `NL`, an RMC code, a municipality code, a BRIN, or `BRIN-vestiging` */
  readonly gebied: string;
  readonly dimensie: Dimensie;
  /** the value of the dimension, e.g. `mbo` or `18+`; `totaal` for dimension totaal */
  readonly waarde: string;
  startpopulatie: number;
  vsv: number;
}

export const LANDELIJK = 'NL';

export function leeftijdsgroep(leeftijd: number): '<18' | '18+' {
  return leeftijd < 18 ? '<18' : '18+';
}

/**
 * vsv'ers / start population × 100, rounded half up to two decimals, computed on integers
 * so that no binary fraction shifts a half (1 of 8 is 12.50, 2 of 3 is 66.67).
 */
export function percentage(vsv: number, startpopulatie: number): string {
  if (startpopulatie === 0) return '';
  const honderdsten = percentageInHonderdsten(vsv, startpopulatie);
  return `${Math.floor(honderdsten / 100)}.${String(honderdsten % 100).padStart(2, '0')}`;
}

/**
 * Accumulates the figures of a count. Persons are first counted per combination of
 * attributes (region, municipality, sector, category, age group, sex, reason, mbo learning path): there are
 * far fewer combinations than persons, so each person costs one map update, and the
 * figures per grouping are summed from the combinations at the end.
 */
/** The vsv percentage in whole hundredths of a percent, rounded half up (start population > 0). */
export function percentageInHonderdsten(vsv: number, startpopulatie: number): number {
  return Math.floor((vsv * 20000 + startpopulatie) / (2 * startpopulatie));
}

export class Cijferteller {
  private readonly personen = new Map<string, number>();
  private readonly instellingen = new Map<string, number>();

  voegToe(b: Beoordeling): void {
    const p = b.primair;
    const sleutel = [b.rmcCode, b.gemeenteCode, p.sector, p.categorie, leeftijdsgroep(b.leeftijd), b.geslacht ?? ONBEKEND_GESLACHT, p.reden, p.leerweg ?? ''].join('\t');
    this.personen.set(sleutel, (this.personen.get(sleutel) ?? 0) + 1);
    for (const t of b.perInstelling) {
      const s = [t.brin, t.vestiging, t.sector, t.categorie, t.reden, t.leerweg ?? ''].join('\t');
      this.instellingen.set(s, (this.instellingen.get(s) ?? 0) + 1);
    }
  }

  resultaat(): Cijfer[] {
    const cijfers = new Map<string, Cijfer>();
    const tel = (niveau: Niveau, gebied: string, dimensie: Dimensie, waarde: string, aantal: number, vsv: boolean) => {
      const sleutel = `${niveau}\t${gebied}\t${dimensie}\t${waarde}`;
      let c = cijfers.get(sleutel);
      if (!c) {
        c = { niveau, gebied, dimensie, waarde, startpopulatie: 0, vsv: 0 };
        cijfers.set(sleutel, c);
      }
      c.startpopulatie += aantal;
      if (vsv) c.vsv += aantal;
    };
    for (const [sleutel, aantal] of this.personen) {
      const [rmc, gemeente, sector, categorie, leeftijd, geslacht, reden, leerweg] = sleutel.split('\t') as [string, string, string, string, string, string, string, string];
      const vsv = reden === 'vsv';
      for (const [niveau, gebied] of [['landelijk', LANDELIJK], ['rmc', rmc], ['gemeente', gemeente]] as const) {
        tel(niveau, gebied, 'totaal', 'totaal', aantal, vsv);
        tel(niveau, gebied, 'sector', sector, aantal, vsv);
        tel(niveau, gebied, 'categorie', categorie, aantal, vsv);
        // mbo only: the learning paths add up to the mbo sector, not to the total
        if (leerweg !== '') tel(niveau, gebied, 'leerweg', leerweg, aantal, vsv);
        tel(niveau, gebied, 'leeftijdsgroep', leeftijd, aantal, vsv);
        tel(niveau, gebied, 'geslacht', geslacht, aantal, vsv);
        tel(niveau, gebied, 'reden', reden, aantal, vsv);
      }
    }
    for (const [sleutel, aantal] of this.instellingen) {
      const [brin, vestiging, sector, categorie, reden, leerweg] = sleutel.split('\t') as [string, string, string, string, string, string];
      const vsv = reden === 'vsv';
      tel('instelling', brin, 'totaal', 'totaal', aantal, vsv);
      tel('instelling', brin, 'sector', sector, aantal, vsv);
      tel('instelling', brin, 'categorie', categorie, aantal, vsv);
      if (leerweg !== '') tel('instelling', brin, 'leerweg', leerweg, aantal, vsv);
      tel('instelling', brin, 'reden', reden, aantal, vsv);
      tel('vestiging', `${brin}-${vestiging}`, 'totaal', 'totaal', aantal, vsv);
      tel('vestiging', `${brin}-${vestiging}`, 'categorie', categorie, aantal, vsv);
    }
    return [...cijfers.values()];
  }
}

export const ONBEKEND_GESLACHT = 'onbekend';
