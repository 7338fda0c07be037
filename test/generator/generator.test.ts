import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import { BESTANDSKOPPEN, genereer, type Generatorverslag } from '../../src/generator/genereer.js';
import { SYNTHETISCH_BRIN_PATROON } from '../../src/generator/instellingen.js';
import { leesReferentieCsv } from '../../src/referentie/referentiedata.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { describeDatabases, verseDatabase } from '../support/database.js';

/**
 * The generator (src/generator, docs/generator.md) at a tiny scale: the same seed gives the
 * same bytes, every file is in the format of levering.md and imports without a single
 * rejected row, the synthetic institutions never collide with real BRINs, and names and
 * places come from the reference data (referentiedata/).
 */
const KLEIN = { schaal: 0.002, van: 2018, tot: 2019 };

let map: string;
const leveringen: Record<string, string> = {};
const verslagen: Record<string, Generatorverslag> = {};

async function maak(naam: string, zaad: number): Promise<string> {
  const uitvoer = join(map, naam);
  verslagen[naam] = await genereer({ uitvoer, zaad, ...KLEIN });
  leveringen[naam] = uitvoer;
  return uitvoer;
}

async function vingerafdruk(uitvoer: string): Promise<Record<string, string>> {
  const uit: Record<string, string> = {};
  for (const b of (await readdir(uitvoer)).sort()) uit[b] = createHash('sha256').update(await readFile(join(uitvoer, b))).digest('hex');
  return uit;
}

/** A generated CSV file as objects (the generator's own files have no quoted line breaks). */
async function lees(uitvoer: string, bestand: string): Promise<Record<string, string>[]> {
  return leesReferentieCsv(join(uitvoer, bestand));
}

beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'binnenboord-generator-test-'));
  await Promise.all([maak('a', 7), maak('b', 7), maak('c', 8)]);
});

afterAll(async () => {
  await rm(map, { recursive: true, force: true });
});

describe('genereer', () => {
  it('writes exactly the nine files of levering.md, each with its header', async () => {
    const bestanden = (await readdir(leveringen.a!)).sort();
    expect(bestanden).toEqual(Object.keys(BESTANDSKOPPEN).sort());
    for (const [bestand, kop] of Object.entries(BESTANDSKOPPEN)) {
      const eersteRegel = (await readFile(join(leveringen.a!, bestand), 'utf8')).split('\n', 1)[0];
      expect(eersteRegel).toBe(kop.join(','));
    }
  });

  it('gives byte-identical files for the same seed, and different persons for another seed', async () => {
    const a = await vingerafdruk(leveringen.a!);
    expect(await vingerafdruk(leveringen.b!)).toEqual(a);
    const c = await vingerafdruk(leveringen.c!);
    expect(c['personen.csv']).not.toBe(a['personen.csv']);
    expect(c['inschrijvingen.csv']).not.toBe(a['inschrijvingen.csv']);
    // The reference tables do not depend on the seed.
    expect(c['rmc_indeling.csv']).toBe(a['rmc_indeling.csv']);
    expect(c['instellingen.csv']).toBe(a['instellingen.csv']);
  });

  it('keeps proportions at a small scale: persons per cohort, and where they live', async () => {
    const v = verslagen.a!;
    // 13 school cohorts of about 200,000 at scale 0.002: about 5,000 simulated persons.
    expect(v.gesimuleerd).toBeGreaterThan(4_500);
    expect(v.gesimuleerd).toBeLessThan(5_800);
    const verblijf = await lees(leveringen.a!, 'verblijf.csv');
    const eersteWoonplaats = new Map<string, string>();
    for (const r of verblijf) if (!eersteWoonplaats.has(r.persoon_id!)) eersteWoonplaats.set(r.persoon_id!, r.gemeente_code!);
    const gemeenten = await leesReferentieCsv(join(referentiedataMap(), 'data', 'gemeenten.csv'));
    const jong = new Map(gemeenten.map((g) => [g.gemeente_code!, Number(g.population_12_23_2021_estimate)]));
    const totaalJong = [...jong.values()].reduce((s, x) => s + x, 0);
    const amsterdam = [...eersteWoonplaats.values()].filter((g) => g === 'GM0363').length / eersteWoonplaats.size;
    // Amsterdam has 5.4% of the young population; binomial noise at n≈4,000 is about ±0.4%.
    expect(Math.abs(amsterdam - jong.get('GM0363')! / totaalJong)).toBeLessThan(0.015);
    for (const g of eersteWoonplaats.values()) expect(jong.has(g)).toBe(true);
    // Every postcode belongs to the municipality it is delivered with.
    const pc4 = new Map((await leesReferentieCsv(join(referentiedataMap(), 'data', 'nl_pc4_gemeente_2025.csv'))).map((r) => [r.pc4!, r.gemeente_code!]));
    for (const r of verblijf) expect(pc4.get(r.postcode!)).toBe(r.gemeente_code);
  });

  it('uses real vo locations and synthetic institutions whose BRIN can never be a real one', async () => {
    const vo = await leesReferentieCsv(join(referentiedataMap(), 'data', 'vo_vso_vestigingen.csv'));
    const echt = new Set(vo.map((r) => r.brin!));
    const echteLocaties = new Set(vo.map((r) => `${r.brin}-${r.vestigingscode!.slice(4)}`));
    const instellingen = await lees(leveringen.a!, 'instellingen.csv');
    const synthetisch = instellingen.filter((r) => !echteLocaties.has(`${r.brin}-${r.vestiging}`));
    expect(synthetisch.length).toBeGreaterThan(50);
    for (const r of synthetisch) {
      expect(r.brin).toMatch(SYNTHETISCH_BRIN_PATROON);
      expect(echt.has(r.brin!)).toBe(false);
      expect(r.naam).toContain('(fictief)');
    }
    for (const b of echt) expect(b).not.toMatch(SYNTHETISCH_BRIN_PATROON);
    // Every region has a ROC; mbo enrolments are at synthetic mbo locations only.
    expect(new Set(synthetisch.filter((r) => r.naam!.startsWith('ROC ')).map((r) => r.brin)).size).toBeGreaterThanOrEqual(40);
    const soort = new Map(instellingen.map((r) => [`${r.brin}-${r.vestiging}`, r.soort!]));
    const inschrijvingen = await lees(leveringen.a!, 'inschrijvingen.csv');
    for (const i of inschrijvingen) {
      const s = soort.get(`${i.brin}-${i.vestiging}`);
      expect(s, `${i.inschrijving_id} ${i.brin}-${i.vestiging}`).toBeDefined();
      if (i.onderwijstype === 'mbo') expect(s).toBe('mbo');
      if (i.onderwijstype === 'vso') expect(s).toBe('vso');
      if (['vo-brugjaar', 'vmbo-bb', 'vmbo-kb', 'vmbo-gl', 'vmbo-tl', 'havo', 'vwo'].includes(i.onderwijstype!)) {
        expect(echteLocaties.has(`${i.brin}-${i.vestiging}`)).toBe(true);
      }
    }
    const typen = new Set(inschrijvingen.map((i) => i.onderwijstype));
    for (const t of ['vo-brugjaar', 'vmbo-tl', 'havo', 'vwo', 'mbo', 'ho', 'pro', 'vso']) expect(typen).toContain(t);
  });

  it('draws names from the Dutch name lists of the reference data, with surname prefixes split off', async () => {
    const voornamen = new Set((await leesReferentieCsv(join(referentiedataMap(), 'data', 'nl_first_names_top100_per_birth_year_1880_2014.csv'))).map((r) => r.first_name!));
    const achternamen = new Set((await leesReferentieCsv(join(referentiedataMap(), 'data', 'nl_surnames_top1000_2007.csv')))
      .map((r) => r.surname!.replace("' t ", "'t ")));
    const personen = await lees(leveringen.a!, 'personen.csv');
    let metVoorvoegsel = 0;
    for (const p of personen) {
      for (const naam of p.voornamen!.split(' ')) expect(voornamen.has(naam), naam).toBe(true);
      const volledig = p.voorvoegsel ? `${p.voorvoegsel} ${p.geslachtsnaam}` : p.geslachtsnaam!;
      expect(achternamen.has(volledig), volledig).toBe(true);
      if (p.voorvoegsel) metVoorvoegsel += 1;
    }
    // About a quarter of the common Dutch surnames have a prefix (de Jong, van den Berg, …).
    expect(metVoorvoegsel / personen.length).toBeGreaterThan(0.1);
  });
});

describeDatabases('a generated delivery imports', (driver) => {
  const t = verseDatabase(driver);
  it('with zero rejected rows', async () => {
    const v = await importeerLevering(t.db, leveringen.a!);
    for (const b of v.bestanden) expect(b.afgewezen, `${b.bestand}: ${v.afwijzingen.map((a) => a.reden).join('; ')}`).toBe(0);
    expect(v.opmerkingen).toEqual([]);
    expect(v.bestanden.map((b) => b.bestand).sort()).toEqual(Object.keys(BESTANDSKOPPEN).sort());
  });
});
