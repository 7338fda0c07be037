import { referentiedataMap } from '../config.js';
import { SPLITSING_ARNHEM_NIJMEGEN } from '../referentie/referentiedata.js';
import { schooljaarVanaf, type Schooljaar } from '../domain/schooljaar.js';
import { beoordeel } from '../domain/telling/beoordeling.js';
import { leeftijdsgroep } from '../domain/telling/cijfers.js';
import type { Dossier } from '../domain/telling/dossier.js';
import { iso } from '../generator/dagen.js';
import { levens } from '../generator/genereer.js';
import type { Levensloop } from '../generator/levensloop.js';
import { laadWereld, type Wereld } from '../generator/wereld.js';
import { legeUitkomst, tel, type Jaaruitkomst } from './uitkomsten.js';

/**
 * A quick calibration without files or a database: each generated person becomes a
 * Dossier and is judged by the count's own rules (src/domain/telling/beoordeling.ts) for
 * every school year. Same rules, same result per person as `binnenboord telling`; it skips
 * only the storage. Used to iterate on parameters; the real check is metDatabase.ts.
 */
export interface Kalibratieopties {
  readonly schaal: number;
  readonly zaad: number;
  readonly van: number;
  readonly tot: number;
  readonly voortgang?: (melding: string) => void;
}

export function naarDossier(l: Levensloop): Dossier {
  const p = l.p;
  const dat = (d: number | null) => (d === null ? null : iso(d));
  return {
    persoonId: p.id,
    geboortedatum: iso(p.geboren),
    geslacht: p.geslacht === '' ? null : p.geslacht,
    inschrijvingen: l.inschrijvingen.map((i) => ({
      inschrijvingId: i.id, brin: i.brin, vestiging: i.vestiging, onderwijstype: i.onderwijstype, leerjaar: i.leerjaar,
      niveau: i.niveau, leerweg: i.leerweg, nieuwkomer: i.nieuwkomer, begindatum: iso(i.begin), einddatum: dat(i.eind),
    })),
    gebeurtenissen: l.gebeurtenissen.map((g) => ({ soort: g.soort, datum: iso(g.datum) })),
    vrijstellingen: l.vrijstellingen.map((v) => ({ grond: v.grond, vanaf: iso(v.vanaf), tot: dat(v.tot) })),
    diplomas: l.diplomas.map((d) => ({ soort: d.soort, datum: iso(d.datum), brin: d.brin })),
    werk: l.werk.map((w) => ({ vanaf: iso(w.vanaf), tot: dat(w.tot), urenPerWeek: String(w.uren) })),
    verblijf: l.verblijf.map((v) => ({ gemeenteCode: v.gemeente.code, postcode: v.pc4, vanaf: iso(v.vanaf), tot: dat(v.tot) })),
  };
}

/** Municipality → RMC region in school year `jaar`, with region 14 before the 2020 split (rmc_indeling.csv). */
export function rmcVoorJaar(wereld: Wereld, jaar: Schooljaar): (gemeente: string) => string | null {
  const s = SPLITSING_ARNHEM_NIJMEGEN;
  const oud = jaar.naam <= s.laatsteJaar;
  const m = new Map(wereld.gemeenten.map((g) => [g.code, oud && s.nieuweCodes.includes(g.rmc) ? s.oudeCode : g.rmc]));
  return (g) => m.get(g) ?? null;
}

export function telPersoon(uitkomsten: readonly Jaaruitkomst[], jaren: readonly Schooljaar[], rmc: readonly ((g: string) => string | null)[], d: Dossier): void {
  jaren.forEach((jaar, k) => {
    const u = beoordeel(d, jaar, { status: 'definitief', werkurenDrempel: 12 }, rmc[k]!);
    if (!u.inStartpopulatie) return;
    const b = u.beoordeling;
    const p = b.primair;
    const x = uitkomsten[k]!;
    x.totaal.startpopulatie += 1;
    if (p.vsv) x.totaal.vsv += 1;
    tel(x.sector, p.sector, p.vsv);
    tel(x.categorie, p.categorie, p.vsv);
    tel(x.rmc, b.rmcCode, p.vsv);
    tel(x.leeftijdsgroep, leeftijdsgroep(b.leeftijd), p.vsv);
    tel(x.sectorLeeftijd, `${p.sector} ${leeftijdsgroep(b.leeftijd)}`, p.vsv);
    if (p.reden === 'onderwijs') {
      const opT1 = d.inschrijvingen.filter((i) => i.begindatum <= jaar.t1 && (i.einddatum === null || i.einddatum >= jaar.t1));
      if (opT1.every((i) => i.onderwijstype === 'nb-vo' || i.onderwijstype === 'nb-mbo')) x.nietBekostigd += 1;
    }
    x.reden.set(p.reden, (x.reden.get(p.reden) ?? 0) + 1);
    if (p.sector === 'mbo') {
      const ins = d.inschrijvingen.find((i) => i.inschrijvingId === p.inschrijvingId)!;
      tel(x.niveauLeerweg, `${ins.leerweg}-${ins.niveau}`, p.vsv);
    }
  });
}

export async function kalibreerInProces(o: Kalibratieopties): Promise<Jaaruitkomst[]> {
  const wereld = await laadWereld(referentiedataMap());
  const jaren: Schooljaar[] = [];
  for (let j = o.van; j <= o.tot; j += 1) jaren.push(schooljaarVanaf(j));
  const rmc = jaren.map((j) => rmcVoorJaar(wereld, j));
  const uitkomsten = jaren.map((j) => legeUitkomst(j.jaar));
  let n = 0;
  let melding = performance.now();
  for (const leven of levens(o, wereld)) {
    n += 1;
    if (leven) telPersoon(uitkomsten, jaren, rmc, naarDossier(leven));
    if (o.voortgang && (n & 4095) === 0 && performance.now() - melding > 2000) {
      melding = performance.now();
      o.voortgang(`kalibratie: ${n.toLocaleString('nl-NL')} personen gesimuleerd en geteld`);
    }
  }
  return uitkomsten;
}
