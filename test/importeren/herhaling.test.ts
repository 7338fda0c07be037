import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { dataversie } from '../../src/db/cijfers.js';
import { laatsteRun, leesCijfers } from '../../src/db/tellingen.js';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { importeerLevering, type Importverslag } from '../../src/importeren/importeer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, verseDatabase } from '../support/database.js';
import { VOORBEELDEN } from '../support/gedeeld.js';
import { csv, dataRijen, kopieVanVoorbeelden, momentopname, schrijfLevering, voorbeelden } from '../support/levering.js';

/**
 * levering.md: "Importing the same delivery twice (the same files, byte for byte) changes
 * nothing: no second delivery record, no new rejected rows; the import says that it was a
 * repeat. A later delivery may correct an earlier one: rows are keyed as stated per file, and
 * a row with the same key replaces the earlier one."
 */
const JAAR = parseSchooljaar('2019-2020')!;
const DATATABELLEN = ['persoon', 'verblijf', 'brp_gebeurtenis', 'instelling', 'inschrijving', 'diploma', 'vrijstelling', 'werk', 'rmc_indeling'];
describeDatabases('dezelfde levering opnieuw, en een correctie', (driver) => {
  const t = verseDatabase(driver);
  let eerste: Importverslag;
  let tweede: Importverslag;
  let voor: Record<string, string[]>;
  let na: Record<string, string[]>;
  let versieVoor: string;
  let versieNa: string;

  beforeAll(async () => {
    eerste = await importeerLevering(t.db, voorbeelden().levering);
    voor = await momentopname(t.db);
    versieVoor = await dataversie(t.db);
    // The same bytes from another folder: a repeat is recognised by content, not by name.
    const kopie = await kopieVanVoorbeelden();
    tweede = await importeerLevering(t.db, kopie);
    na = await momentopname(t.db);
    versieNa = await dataversie(t.db);
  });

  it('de eerste keer is alles nieuw', () => {
    expect(eerste.bestanden).toHaveLength(9);
    for (const b of eerste.bestanden) {
      expect(b, b.bestand).toMatchObject({ nieuw: b.gelezen, vervangen: 0, ongewijzigd: 0, afgewezen: 0 });
      expect(b.gelezen, b.bestand).toBeGreaterThan(0);
    }
  });

  it('de tweede keer is een herhaling: zij noemt de eerste levering en telt niets', () => {
    expect(eerste.herhalingVan).toBeNull();
    expect(tweede.herhalingVan).toEqual({ leveringId: eerste.leveringId, naam: 'levering', ontvangenOp: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) });
    expect(tweede.leveringId).toBe(eerste.leveringId);
    expect(tweede.controlesom).toBe(eerste.controlesom);
    expect(tweede.bestanden).toEqual([]);
    expect(tweede.aantalAfwijzingen).toBe(0);
  });

  it('elke tabel is identiek: geen tweede leveringsrecord, geen nieuwe afgewezen rijen, levering_id inbegrepen', () => {
    expect(na).toEqual(voor);
    expect(na.levering).toHaveLength(1);
    expect(na.persoon).toHaveLength(16);
  });

  it('de dataversie (waarop de antwoordcache van de API rust) blijft dezelfde', () => {
    expect(versieNa).toBe(versieVoor);
  });

  it('een herhaling van een levering met afgewezen rijen bewaart die rijen niet nog eens', async () => {
    const map = await schrijfLevering({
      'personen.csv': csv(['persoon_id', 'geboortedatum', 'geslacht'], ['H01', '2003-01-01', 'V'], ['H02', '2003-02-30', 'M']),
    });
    const proef = await driver.nieuweDatabase();
    const a = await importeerLevering(proef.db, map);
    expect(a.aantalAfwijzingen).toBe(1);
    const tel = async () => (await proef.db.query<{ n: number }>('SELECT count(*)::int AS n FROM afgewezen_rij'))[0]!.n;
    const afgewezenVoor = await tel();
    const versie = await dataversie(proef.db);
    const b = await importeerLevering(proef.db, map);
    expect(b.herhalingVan?.leveringId).toBe(a.leveringId);
    expect(await tel()).toBe(afgewezenVoor);
    expect(await dataversie(proef.db)).toBe(versie);
    expect((await proef.db.query<{ n: number }>('SELECT count(*)::int AS n FROM levering WHERE controlesom = $1', [a.controlesom]))[0]!.n).toBe(1);
    await proef.db.close();
  });

  it('één byte anders is geen herhaling', async () => {
    const kopie = await kopieVanVoorbeelden();
    const pad = join(kopie, 'werk.csv');
    await writeFile(pad, `${await readFile(pad, 'utf8')}\n`);
    const v = await importeerLevering(t.db, kopie);
    expect(v.herhalingVan).toBeNull();
    expect(v.leveringId).not.toBe(eerste.leveringId);
    expect(v.bestanden.find((b) => b.bestand === 'werk.csv')).toMatchObject({ nieuw: 0, vervangen: 0 });
  });

  it('een correctie vervangt precies de rijen die zij corrigeert', async () => {
    const voorRijen = new Map(await Promise.all(DATATABELLEN.map(async (tb) => [tb, await dataRijen(t.db, tb)] as const)));
    const runVoor = await voerTellingUit(t.db, JAAR, { status: 'definitief', werkurenDrempel: 12 });

    // P01 turns out still enrolled (no end date), P08 works 16 hours instead of 8; P07's row is sent again unchanged.
    const correctie = await schrijfLevering({
      'inschrijvingen.csv': csv(
        ['inschrijving_id', 'persoon_id', 'brin', 'vestiging', 'onderwijstype', 'leerjaar', 'niveau', 'leerweg', 'crebo', 'nieuwkomer', 'begindatum', 'einddatum'],
        ['P01-i1', 'P01', '20BB', '00', 'mbo', '1', '2', 'bol', '', 'nee', '2019-08-15', '']),
      'werk.csv': csv(
        ['persoon_id', 'vanaf', 'tot', 'uren_per_week'],
        ['P07', '2020-07-01', '', '20'],
        ['P08', '2020-07-01', '', '16']),
    });
    const v = await importeerLevering(t.db, correctie);
    expect(v.bestanden.map((b) => [b.bestand, b.gelezen, b.nieuw, b.vervangen, b.ongewijzigd, b.afgewezen])).toEqual([
      ['inschrijvingen.csv', 1, 0, 1, 0, 0],
      ['werk.csv', 2, 0, 1, 1, 0],
    ]);

    const gewijzigd: string[] = [];
    for (const tabel of DATATABELLEN) {
      const nu = await dataRijen(t.db, tabel);
      expect([...nu.keys()].sort(), tabel).toEqual([...voorRijen.get(tabel)!.keys()].sort());
      for (const [sleutel, rij] of nu) {
        const oud = voorRijen.get(tabel)!.get(sleutel)!;
        if (JSON.stringify(rij) !== JSON.stringify(oud)) {
          gewijzigd.push(`${tabel}:${sleutel}`);
          expect(rij.levering_id).toBe(v.leveringId);
        } else {
          expect(rij.levering_id).toBe(eerste.leveringId);
        }
      }
    }
    expect(gewijzigd.sort()).toEqual(['inschrijving:P01-i1', 'werk:P08|2020-07-01']);
    expect((await dataRijen(t.db, 'inschrijving')).get('P01-i1')).toMatchObject({ einddatum: null });
    expect((await dataRijen(t.db, 'werk')).get('P08|2020-07-01')).toMatchObject({ uren_per_week: '16' });

    // The count follows: P01 is in education on T1, P08 has entree + 16 hours of work.
    const runNa = await voerTellingUit(t.db, JAAR, { status: 'definitief', werkurenDrempel: 12 });
    const reden = async (runId: number, id: string) =>
      (await t.db.query<{ reden: string }>('SELECT reden FROM telling_persoon WHERE run_id = $1 AND persoon_id = $2', [runId, id]))[0]?.reden;
    expect([await reden(runVoor.id, 'P01'), await reden(runVoor.id, 'P08')]).toEqual(['vsv', 'vsv']);
    expect([await reden(runNa.id, 'P01'), await reden(runNa.id, 'P08')]).toEqual(['onderwijs', 'mbo1-werk']);
    expect([runVoor.vsv, runNa.vsv]).toEqual([4, 2]);
    const mbo = async (runId: number) => (await leesCijfers(t.db, runId, 'landelijk', ['sector'])).find((c) => c.waarde === 'mbo');
    expect(await mbo(runVoor.id)).toMatchObject({ startpopulatie: 8, vsv: 3 });
    expect(await mbo(runNa.id)).toMatchObject({ startpopulatie: 8, vsv: 1 });
    expect(runNa.leveringen).toEqual((await t.db.query<{ id: number }>('SELECT id FROM levering ORDER BY id')).map((r) => r.id));
    expect(runNa.leveringen).toContain(v.leveringId);
    expect(runNa.leveringen).not.toContain(undefined);
    expect((await laatsteRun(t.db, JAAR.naam))!.id).toBe(runNa.id);
  });
}, { overgeslagen: VOORBEELDEN.reden });
