import { rm } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { leesUitvalcijfers, type Lijstrun } from '../../src/db/lijsten.js';
import { LIJSTSOORTEN, type Lijstsoort } from '../../src/domain/lijsten/lijsten.js';
import { maandenVan } from '../../src/domain/lijsten/maand.js';
import { schooljaarVanaf } from '../../src/domain/schooljaar.js';
import { genereer } from '../../src/generator/genereer.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { berekenLijsten, lijstenVanMaand } from '../../src/lijsten/berekenLijsten.js';
import { lijstCsv } from '../../src/lijsten/uitvoer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, tijdelijkeMap, verseDatabase } from '../support/database.js';
import { schrijfZelfgemaakt } from './fixture.js';
import { referentieLijsten } from './referentie-sql.js';

/**
 * The engine against the independent SQL of test/lijsten/referentie-sql.ts, person by person,
 * for every list and every month of the lijstjaar 2022-2023, on generated national-like data
 * (scale 0.002) plus a few hand-made persons, on PGlite and PostgreSQL.
 */
const SCHAAL = 0.002;
const JAAR = schooljaarVanaf(2022);

let generatie: Promise<string> | null = null;
function gegenereerd(): Promise<string> {
  generatie ??= (async () => {
    const map = await tijdelijkeMap('lijsten-generator');
    await genereer({ uitvoer: map, schaal: SCHAAL, zaad: 7, van: 2021, tot: 2022 });
    return map;
  })();
  return generatie;
}

async function regels(db: Db, run: Lijstrun, soort: Lijstsoort): Promise<string[]> {
  let tekst = '';
  const decoder = new TextDecoder();
  for await (const stuk of lijstCsv(db, run, soort, { soort: 'landelijk' }, { rijen: 0 })) {
    tekst += typeof stuk === 'string' ? stuk : decoder.decode(stuk, { stream: true });
  }
  return tekst.split('\n').slice(1).filter((r) => r !== '');
}

describeDatabases('maandlijsten tegen de referentie-SQL', (driver) => {
  const t = verseDatabase(driver);
  const runs = new Map<string, Lijstrun>();
  /** the reference per month, kept for the tests after the comparison (the SQL takes seconds) */
  const referenties = new Map<string, Record<string, string[]>>();
  const referentie = async (maand: string) => {
    if (!referenties.has(maand)) referenties.set(maand, await referentieLijsten(t.db, maand));
    return referenties.get(maand)!;
  };

  beforeAll(async () => {
    const map = await gegenereerd();
    await importeerLevering(t.db, map);
    const extra = await schrijfZelfgemaakt();
    await importeerLevering(t.db, extra);
    await rm(extra, { recursive: true, force: true });
    await voerTellingUit(t.db, schooljaarVanaf(2021), { status: 'definitief', werkurenDrempel: 12 });
    await voerTellingUit(t.db, JAAR, { status: 'definitief', werkurenDrempel: 12 });
  });

  it.each(maandenVan(JAAR).map((m) => [m.naam, m] as const))('%s: elke lijst gelijk aan de referentie, persoon voor persoon', async (_naam, maand) => {
    const { run } = await lijstenVanMaand(t.db, maand);
    runs.set(maand.naam, run);
    const ref = await referentie(maand.naam);
    for (const soort of LIJSTSOORTEN) {
      expect({ soort, rijen: await regels(t.db, run, soort) }).toEqual({ soort, rijen: ref[soort] });
    }
  });

  it('de vergelijking is niet leeg: over het jaar komt elke lijst en elke reden voor', async () => {
    const gezien = new Map<string, number>();
    const redenen = new Set<string>();
    for (const maand of maandenVan(JAAR)) {
      const ref = await referentie(maand.naam);
      for (const soort of LIJSTSOORTEN) gezien.set(soort, (gezien.get(soort) ?? 0) + ref[soort]!.length);
      for (const r of ref.herinschrijvingen!) redenen.add(r.split(',').at(-1)!);
    }
    for (const soort of LIJSTSOORTEN) expect(gezien.get(soort), soort).toBeGreaterThan(0);
    expect([...redenen].sort()).toEqual(expect.arrayContaining(['geemigreerd', 'leeftijd', 'onderwijs', 'overleden', 'vrijstelling']));
  });

  it('de hand-gemaakte personen staan waar lijsten.md ze zet', async () => {
    const rij = (lijsten: Record<string, string[]>, soort: string, id: string) => lijsten[soort]!.find((r) => r.split(',')[2] === id);
    const feb = await referentie('2023-02');
    expect(rij(feb, 'herinschrijvingen', 'Z2')).toBe('herinschrijvingen,2023-02,Z2,GM0344,19,17,10AA,01,havo,2022-11-30,onderwijs');
    expect(rij(feb, 'herinschrijvingen', 'Z4')).toBe('herinschrijvingen,2023-02,Z4,GM0363,21,18,90AB,01,mbo,2022-10-15,overleden');
    const nov = await referentie('2022-11');
    expect(rij(nov, 'verlate-startkwalificatie', 'Z1')).toMatch(/^verlate-startkwalificatie,2022-11,Z1,GM0363,21,18,90AA,00,mbo,,verlate-startkwalificatie$/);
    expect(rij(await referentie('2022-10'), 'verlate-startkwalificatie', 'Z1')).toBeUndefined();
  });

  it('opnieuw berekenen op dezelfde gegevens geeft dezelfde lijsten, als nieuwe run', async () => {
    const maand = maandenVan(JAAR)[5]!;
    const eerste = runs.get(maand.naam) ?? (await lijstenVanMaand(t.db, maand)).run;
    const tweede = await berekenLijsten(t.db, maand);
    expect(tweede.id).not.toBe(eerste.id);
    expect(tweede.leveringen).toEqual(eerste.leveringen);
    for (const soort of LIJSTSOORTEN) expect(await regels(t.db, tweede, soort)).toEqual(await regels(t.db, eerste, soort));
    expect(await leesUitvalcijfers(t.db, tweede.id)).toEqual(expect.arrayContaining(await leesUitvalcijfers(t.db, eerste.id)));
  });

  it('zonder nieuwe levering of telling worden de opgeslagen lijsten hergebruikt', async () => {
    const maand = maandenVan(JAAR)[3]!;
    const a = await lijstenVanMaand(t.db, maand);
    const b = await lijstenVanMaand(t.db, maand);
    expect(b).toEqual({ run: a.run, nieuw: false });
  });

  it('het uitvalcijfer telt de uitvalrijen per categorie van de startset', async () => {
    const maand = maandenVan(JAAR)[6]!;
    const { run } = await lijstenVanMaand(t.db, maand);
    const cijfers = await leesUitvalcijfers(t.db, run.id);
    const totaal = cijfers.find((c) => c.categorie === 'totaal')!;
    expect(totaal.uitval).toBe((await regels(t.db, run, 'uitval')).length);
    expect(totaal.startset).toBe((await regels(t.db, run, 'startset')).length);
  });
});

describe('referentie-SQL', () => {
  it('importeert niets van de engine', async () => {
    const { readFile } = await import('node:fs/promises');
    const bron = await readFile(new URL('./referentie-sql.ts', import.meta.url), 'utf8');
    expect(bron).not.toMatch(/from '\.\.\/\.\.\/src\/(domain|lijsten|db\/lijsten)/);
  });
});
