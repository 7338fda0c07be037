import { describe, expect, it } from 'vitest';
import { bouwTabel, UITSPLITSINGEN, type Publicatietabel, type Rij, type Tal } from '../../src/domain/openbaarmaking/tabel.js';
import { getuigen, PRIMAIR, SECUNDAIR, structuurVan, Verschuiver, verschuivingVan, ZICHTBAAR } from '../../src/domain/openbaarmaking/verschuiving.js';
import { sectorVan, type Categorie } from '../../src/domain/telling/startpopulatie.js';
import { LANDELIJK } from '../../src/domain/telling/cijfers.js';

/**
 * Secondary suppression by shifts (docs/openbaarmaking.md): a shift keeps every published sum,
 * its witnesses are tables that agree with everything published, and the choice never reads a
 * `<5` value.
 */
interface Persoon { gemeente: string; categorie: Categorie; leeftijd: '<18' | '18+'; geslacht: 'M' | 'V'; vsv: boolean }

const RMC: Record<string, string> = { GM1: 'R1', GM2: 'R1', GM3: 'R1', GM4: 'R2', GM5: 'R2' };

/** The stored figures of a count over these persons, as the count writes them (every level, every breakdown). */
function rijenVan(personen: readonly Persoon[]): Rij[] {
  const som = new Map<string, Rij>();
  const tel = (niveau: Rij['niveau'], gebied: string, dimensie: string, waarde: string, p: Persoon) => {
    const k = `${niveau}|${gebied}|${dimensie}|${waarde}`;
    const r = som.get(k) ?? { niveau, gebied, dimensie, waarde, startpopulatie: 0, vsv: 0 };
    som.set(k, { ...r, startpopulatie: r.startpopulatie + 1, vsv: r.vsv + (p.vsv ? 1 : 0) });
  };
  for (const p of personen) {
    for (const [niveau, gebied] of [['landelijk', LANDELIJK], ['rmc', RMC[p.gemeente]!], ['gemeente', p.gemeente]] as const) {
      tel(niveau, gebied, 'totaal', 'totaal', p);
      tel(niveau, gebied, 'sector', sectorVan(p.categorie), p);
      tel(niveau, gebied, 'categorie', p.categorie, p);
      tel(niveau, gebied, 'leeftijdsgroep', p.leeftijd, p);
      tel(niveau, gebied, 'geslacht', p.geslacht, p);
    }
  }
  return [...som.values()];
}

function personen(): Persoon[] {
  const uit: Persoon[] = [];
  const cats: Categorie[] = ['vo-onderbouw', 'vo-bovenbouw-vmbo', 'vo-bovenbouw-havo-vwo', 'mbo-2', 'mbo-3-4'];
  let i = 0;
  for (const g of Object.keys(RMC)) {
    for (const c of cats) {
      // a few small cells (GM2 and GM4 have 2 in mbo-2), the rest large
      const n = (g === 'GM2' || g === 'GM4') && c === 'mbo-2' ? 2 : 20 + (i % 7);
      for (let k = 0; k < n; k += 1) {
        uit.push({ gemeente: g, categorie: c, leeftijd: k % 3 === 0 ? '18+' : '<18', geslacht: k % 2 === 0 ? 'M' : 'V', vsv: k % 6 === 1 });
        i += 1;
      }
    }
  }
  return uit;
}

/**
 * With the municipalities' breakdowns: the published table has none (GEMEENTE_UITSPLITSINGEN), but
 * the shifts work on any structure of areas × breakdowns, and two levels of it test them best.
 */
function tabelVan(p: readonly Persoon[]): Publicatietabel {
  return bouwTabel({ rijen: rijenVan(p), gemeenteNaarRmc: new Map(Object.entries(RMC)), vestigingen: new Map() }, { gemeenteUitsplitsingen: UITSPLITSINGEN });
}

const isPrimair = (n: number) => n >= 1 && n <= 4;
const beginstand = (t: Publicatietabel): Record<Tal, Uint8Array> => ({
  startpopulatie: Uint8Array.from(t.cellen, (c) => (isPrimair(c.startpopulatie) ? PRIMAIR : ZICHTBAAR)),
  vsv: Uint8Array.from(t.cellen, (c) => (isPrimair(c.vsv) ? PRIMAIR : ZICHTBAAR)),
});
const cel = (t: Publicatietabel, niveau: string, gebied: string, dimensie: string, waarde: string) =>
  t.cellen.findIndex((c) => c.niveau === niveau && c.gebied === gebied && c.dimensie === dimensie && c.waarde === waarde);

describe('verschuivingen', () => {
  const tabel = tabelVan(personen());
  const s = structuurVan(tabel);

  it('de structuur: gemeenten onder hun regio, regio\'s onder het land; categorie onder sector en totaal', () => {
    const e = (k: string) => s.eenheden.findIndex((x) => x.sleutel === k);
    expect(s.eenheden[e('gemeente|GM2')]!.ouder).toBe(e('rmc|R1'));
    expect(s.eenheden[e('rmc|R2')]!.ouder).toBe(e(`landelijk|${LANDELIJK}`));
    expect(s.knoopOuders.get('categorie|mbo-2')).toEqual(['sector|mbo', 'totaal|totaal']);
  });

  it('een rechthoek tussen twee buurgemeenten laat elke gepubliceerde som gelijk', () => {
    const v = verschuivingVan(tabel, s, 'startpopulatie', s.eenheidVan[cel(tabel, 'gemeente', 'GM2', 'totaal', 'totaal')]!,
      s.eenheidVan[cel(tabel, 'gemeente', 'GM1', 'totaal', 'totaal')]!, new Map([['categorie|mbo-2', 1], ['categorie|mbo-3-4', -1]]))!;
    const sleutels = v.cellen.map((c, i) => `${v.tekens[i]! > 0 ? '+' : '-'}${tabel.cellen[c]!.gebied} ${tabel.cellen[c]!.waarde}`).sort();
    expect(sleutels).toEqual(['+GM1 mbo-3-4', '+GM2 mbo-2', '-GM1 mbo-2', '-GM2 mbo-3-4']);
  });

  it('een verschuiving die een som breekt wordt geweigerd', () => {
    // mbo-2 up without anything down: the municipality's total would change
    expect(verschuivingVan(tabel, s, 'startpopulatie', s.eenheidVan[cel(tabel, 'gemeente', 'GM2', 'totaal', 'totaal')]!,
      s.eenheidVan[cel(tabel, 'gemeente', 'GM1', 'totaal', 'totaal')]!, new Map([['categorie|mbo-2', 1]]))).toBeNull();
  });

  it('elke <5 krijgt een verschuiving; de getuigen laten hem 1 tot en met 4 zien en zijn tabellen die met alles gepubliceerde kloppen', () => {
    const stand = beginstand(tabel);
    const gekozen = new Verschuiver(tabel, s, stand, (c) => tabel.cellen[c]!.niveau === 'landelijk').kiesAlle();
    const gm2 = cel(tabel, 'gemeente', 'GM2', 'categorie', 'mbo-2');
    expect(stand.startpopulatie[gm2]).toBe(PRIMAIR);
    expect(gekozen.some((v) => v.doel === gm2 && v.tal === 'startpopulatie')).toBe(true);
    // no national cell is withheld, and every cell of a shift is withheld
    expect(tabel.cellen.filter((c, i) => c.niveau === 'landelijk' && stand.startpopulatie[i] !== ZICHTBAAR)).toEqual([]);
    for (const v of gekozen) for (const c of v.cellen) expect(stand[v.tal][c]).not.toBe(ZICHTBAAR);
    const g = getuigen(tabel, stand, gekozen);
    expect(g.get(`startpopulatie:${gm2}`)).toEqual({ min: 1, max: 4 });
    // a secondary cell is never pinned by its witnesses
    stand.startpopulatie.forEach((st, c) => {
      if (st === SECUNDAIR) expect(g.get(`startpopulatie:${c}`)!.max).toBeGreaterThan(g.get(`startpopulatie:${c}`)!.min);
    });
    // each witness end is a table in which every relation still holds (checked for the shift's own vector)
    for (const v of gekozen) {
      for (const r of tabel.relaties[v.tal]) {
        const d = (c: number) => { const i = v.cellen.indexOf(c); return i < 0 ? 0 : v.tekens[i]!; };
        expect(d(r.geheel)).toBe(r.delen.reduce((t, x) => t + d(x), 0));
      }
    }
  });

  it('de keuze leest geen <5-waarde: met elke <5 op 1, 2, 3 of 4 dezelfde verschuivingen', () => {
    const kies = (t: Publicatietabel) => {
      const st = beginstand(t);
      return new Verschuiver(t, structuurVan(t), st, (c) => t.cellen[c]!.niveau === 'landelijk').kiesAlle()
        .map((v) => `${v.tal}:${v.doel}:${v.cellen.join()}`);
    };
    const echt = kies(tabel);
    expect(echt.length).toBeGreaterThan(3);
    for (const w of [1, 2, 3, 4]) {
      const anders: Publicatietabel = {
        ...tabel,
        cellen: tabel.cellen.map((c) => ({ ...c, startpopulatie: isPrimair(c.startpopulatie) ? w : c.startpopulatie, vsv: isPrimair(c.vsv) ? w : c.vsv })),
      };
      expect(kies(anders)).toEqual(echt);
    }
  });
});
