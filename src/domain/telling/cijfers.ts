import type { Beoordeling } from './beoordeling.js';

/**
 * Figures of a count (telling.md, "Figures"): for each grouping the start population and
 * the number of vsv'ers. National and regional figures count each person once, under the
 * primary enrolment; institution figures count a person at every institution (BRIN).
 */
export type Niveau = 'landelijk' | 'rmc' | 'gemeente' | 'instelling' | 'vestiging';
export type Dimensie = 'totaal' | 'sector' | 'categorie' | 'leeftijdsgroep' | 'geslacht' | 'reden';

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
  const honderdsten = Math.floor((vsv * 20000 + startpopulatie) / (2 * startpopulatie));
  return `${Math.floor(honderdsten / 100)}.${String(honderdsten % 100).padStart(2, '0')}`;
}

export class Cijferteller {
  private readonly cijfers = new Map<string, Cijfer>();

  private tel(niveau: Niveau, gebied: string, dimensie: Dimensie, waarde: string, vsv: boolean): void {
    const sleutel = `${niveau}\u0000${gebied}\u0000${dimensie}\u0000${waarde}`;
    let c = this.cijfers.get(sleutel);
    if (!c) {
      c = { niveau, gebied, dimensie, waarde, startpopulatie: 0, vsv: 0 };
      this.cijfers.set(sleutel, c);
    }
    c.startpopulatie += 1;
    if (vsv) c.vsv += 1;
  }

  voegToe(b: Beoordeling): void {
    const { primair } = b;
    const gebieden: [Niveau, string][] = [['landelijk', LANDELIJK], ['rmc', b.rmcCode], ['gemeente', b.gemeenteCode]];
    for (const [niveau, gebied] of gebieden) {
      this.tel(niveau, gebied, 'totaal', 'totaal', primair.vsv);
      this.tel(niveau, gebied, 'sector', primair.sector, primair.vsv);
      this.tel(niveau, gebied, 'categorie', primair.categorie, primair.vsv);
      this.tel(niveau, gebied, 'leeftijdsgroep', leeftijdsgroep(b.leeftijd), primair.vsv);
      this.tel(niveau, gebied, 'geslacht', b.geslacht ?? ONBEKEND_GESLACHT, primair.vsv);
      this.tel(niveau, gebied, 'reden', primair.reden, primair.vsv);
    }
    for (const t of b.perInstelling) {
      this.tel('instelling', t.brin, 'totaal', 'totaal', t.vsv);
      this.tel('instelling', t.brin, 'sector', t.sector, t.vsv);
      this.tel('instelling', t.brin, 'categorie', t.categorie, t.vsv);
      this.tel('instelling', t.brin, 'reden', t.reden, t.vsv);
      const vestiging = `${t.brin}-${t.vestiging}`;
      this.tel('vestiging', vestiging, 'totaal', 'totaal', t.vsv);
      this.tel('vestiging', vestiging, 'categorie', t.categorie, t.vsv);
    }
  }

  resultaat(): Cijfer[] {
    return [...this.cijfers.values()];
  }
}

export const ONBEKEND_GESLACHT = 'onbekend';
