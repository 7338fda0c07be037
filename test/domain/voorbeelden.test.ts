import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { beoordeel, type Beoordeling, type RmcIndeling } from '../../src/domain/telling/beoordeling.js';
import { Cijferteller, percentage } from '../../src/domain/telling/cijfers.js';
import type { Dossier, Gebeurtenis } from '../../src/domain/telling/dossier.js';
import { VOORBEELDEN, titel } from '../support/gedeeld.js';
import { DEFINITIEF } from './bouwers.js';

/**
 * The worked examples of spec/voorbeelden (school year 2019-2020), run through the pure rules
 * only: the delivery files are read into dossiers here, without the import or the database.
 */
const MAP = VOORBEELDEN.pad;
const JAAR = parseSchooljaar('2019-2020')!;

/** RFC 4180 for these small files: quoted fields with doubled quotes, no line breaks inside. */
function leesCsv(pad: string): Record<string, string>[] {
  const regels = readFileSync(pad, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((r) => r !== '');
  const velden = (regel: string): string[] => {
    const uit: string[] = [];
    let huidig = '';
    let tussenAanhalingstekens = false;
    for (let i = 0; i < regel.length; i += 1) {
      const c = regel[i]!;
      if (tussenAanhalingstekens) {
        if (c === '"' && regel[i + 1] === '"') { huidig += '"'; i += 1; } else if (c === '"') tussenAanhalingstekens = false; else huidig += c;
      } else if (c === '"') tussenAanhalingstekens = true;
      else if (c === ',') { uit.push(huidig); huidig = ''; } else huidig += c;
    }
    uit.push(huidig);
    return uit;
  };
  const [kop, ...rest] = regels.map(velden);
  return rest.map((r) => Object.fromEntries(kop!.map((k, i) => [k, r[i] ?? ''])));
}

const lees = (bestand: string) => leesCsv(join(MAP, 'levering', bestand));
const leeg = (s: string | undefined) => (s === undefined || s === '' ? null : s);

function dossiers(): Dossier[] {
  const personen = lees('personen.csv');
  const van = <T>(bestand: string, maak: (r: Record<string, string>) => T) => {
    const m = new Map<string, T[]>();
    for (const r of lees(bestand)) m.set(r.persoon_id!, [...(m.get(r.persoon_id!) ?? []), maak(r)]);
    return (id: string) => m.get(id) ?? [];
  };
  const inschrijvingen = van('inschrijvingen.csv', (r) => ({
    inschrijvingId: r.inschrijving_id!, brin: r.brin!, vestiging: r.vestiging!, onderwijstype: r.onderwijstype!,
    leerjaar: leeg(r.leerjaar) === null ? null : Number(r.leerjaar), niveau: leeg(r.niveau) === null ? null : Number(r.niveau),
    leerweg: leeg(r.leerweg), nieuwkomer: r.nieuwkomer === 'ja', begindatum: r.begindatum!, einddatum: leeg(r.einddatum),
  }));
  const gebeurtenissen = van('brp_gebeurtenissen.csv', (r) => ({ soort: r.soort as Gebeurtenis['soort'], datum: r.datum! }));
  const vrijstellingen = van('vrijstellingen.csv', (r) => ({ grond: r.grond!, vanaf: r.vanaf!, tot: leeg(r.tot) }));
  const diplomas = van('diplomas.csv', (r) => ({ soort: r.soort!, datum: r.datum!, brin: leeg(r.brin) }));
  const werk = van('werk.csv', (r) => ({ vanaf: r.vanaf!, tot: leeg(r.tot), urenPerWeek: r.uren_per_week! }));
  const verblijf = van('verblijf.csv', (r) => ({ gemeenteCode: r.gemeente_code!, postcode: leeg(r.postcode), vanaf: r.vanaf!, tot: leeg(r.tot) }));
  return personen.map((p) => {
    const id = p.persoon_id!;
    return {
      persoonId: id, geboortedatum: p.geboortedatum!, geslacht: leeg(p.geslacht),
      inschrijvingen: inschrijvingen(id), gebeurtenissen: gebeurtenissen(id), vrijstellingen: vrijstellingen(id),
      diplomas: diplomas(id), werk: werk(id), verblijf: verblijf(id),
    };
  });
}

const rmc: RmcIndeling = (gemeente) => {
  const r = lees('rmc_indeling.csv').find((x) => x.gemeente_code === gemeente && x.schooljaar_vanaf! <= JAAR.naam && (!x.schooljaar_tot || JAAR.naam <= x.schooljaar_tot));
  return r?.rmc_code ?? null;
};

// Without the shared folder there is nothing to read; the suites below are then skipped.
const verwacht = VOORBEELDEN.aanwezig ? leesCsv(join(MAP, 'verwacht.csv')) : [];
const uitkomsten = new Map(VOORBEELDEN.aanwezig ? dossiers().map((d) => [d.persoonId, beoordeel(d, JAAR, DEFINITIEF, rmc)]) : []);

describe.skipIf(!VOORBEELDEN.aanwezig)(titel('voorbeelden 2019-2020: elk geval van verwacht.csv', VOORBEELDEN), () => {
  it('16 personen', () => {
    expect(verwacht).toHaveLength(16);
    expect(uitkomsten.size).toBe(16);
  });
  it.each(verwacht.map((v) => ({ v, titel: `${v.persoon_id}: ${v.why}` })))('$titel', ({ v }) => {
    const u = uitkomsten.get(v.persoon_id!)!;
    if (v.vsv === '-') {
      expect(u.inStartpopulatie).toBe(false);
      return;
    }
    expect(u.inStartpopulatie).toBe(true);
    const b = (u as { beoordeling: Beoordeling }).beoordeling;
    expect({
      categorie: b.primair.categorie, sector: b.primair.sector, brin: b.primair.brin, gemeente_code: b.gemeenteCode,
      rmc_code: b.rmcCode, vsv: b.primair.vsv ? 'ja' : 'nee', reden: b.primair.reden,
    }).toEqual({
      categorie: v.categorie, sector: v.sector, brin: v.brin, gemeente_code: v.gemeente_code, rmc_code: v.rmc_code, vsv: v.vsv, reden: v.reden,
    });
  });
});

describe.skipIf(!VOORBEELDEN.aanwezig)(titel('voorbeelden 2019-2020: de cijfers van uitvoer/', VOORBEELDEN), () => {
  const teller = new Cijferteller();
  for (const u of uitkomsten.values()) if (u.inStartpopulatie) teller.voegToe(u.beoordeling);
  const cijfers = teller.resultaat();
  const regels = (niveau: string, dimensies: string[], sleutel: (c: (typeof cijfers)[number]) => string[]) =>
    cijfers.filter((c) => c.niveau === niveau && dimensies.includes(c.dimensie))
      .map((c) => [JAAR.naam, ...sleutel(c), c.startpopulatie, c.vsv, percentage(c.vsv, c.startpopulatie)].join(','))
      .sort();
  const bestand = (naam: string) => readFileSync(join(MAP, 'uitvoer', naam), 'utf8').trim().split('\n').slice(1).sort();

  it('landelijk.csv', () => {
    expect(regels('landelijk', ['sector', 'totaal'], (c) => [c.waarde])).toEqual(bestand('landelijk.csv'));
  });
  it('regios.csv', () => {
    expect(regels('rmc', ['sector', 'totaal'], (c) => [c.gebied, c.waarde])).toEqual(bestand('regios.csv'));
  });
  it('instellingen.csv', () => {
    expect(regels('instelling', ['categorie'], (c) => [c.gebied, c.waarde])).toEqual(bestand('instellingen.csv'));
  });
  it('personen.csv (leeftijd en vestiging inbegrepen)', () => {
    const rijen = [...uitkomsten.values()].flatMap((u) => (u.inStartpopulatie ? [u.beoordeling] : [])).map((b) =>
      [JAAR.naam, b.persoonId, b.primair.categorie, b.primair.sector, b.primair.brin, b.primair.vestiging, b.gemeenteCode, b.rmcCode,
        b.leeftijd, b.primair.vsv ? 'ja' : 'nee', b.primair.reden].join(',')).sort();
    expect(rijen).toEqual(bestand('personen.csv'));
  });
});
