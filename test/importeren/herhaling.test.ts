import { beforeAll, expect, it } from 'vitest';
import { laatsteRun, leesCijfers } from '../../src/db/tellingen.js';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { importeerLevering, type Importverslag } from '../../src/importeren/importeer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, verseDatabase } from '../support/database.js';
import { VOORBEELDEN } from '../support/gedeeld.js';
import { ALLE_TABELLEN, csv, dataRijen, momentopname, schrijfLevering, voorbeelden } from '../support/levering.js';

/**
 * levering.md: "Importing the same delivery twice changes nothing. A later delivery may
 * correct an earlier one: rows are keyed as stated per file, and a row with the same key
 * replaces the earlier one."
 */
const JAAR = parseSchooljaar('2019-2020')!;
const DATATABELLEN = ['persoon', 'verblijf', 'brp_gebeurtenis', 'instelling', 'inschrijving', 'diploma', 'vrijstelling', 'werk', 'rmc_indeling'];
const VERSLAGTABELLEN = ['levering', 'levering_bestand'];

describeDatabases('dezelfde levering opnieuw, en een correctie', (driver) => {
  const t = verseDatabase(driver);
  let eerste: Importverslag;
  let tweede: Importverslag;
  let voor: Record<string, string[]>;
  let na: Record<string, string[]>;

  beforeAll(async () => {
    eerste = await importeerLevering(t.db, voorbeelden().levering);
    voor = await momentopname(t.db);
    tweede = await importeerLevering(t.db, voorbeelden().levering);
    na = await momentopname(t.db);
  });

  it('de eerste keer is alles nieuw', () => {
    expect(eerste.bestanden).toHaveLength(9);
    for (const b of eerste.bestanden) {
      expect(b, b.bestand).toMatchObject({ nieuw: b.gelezen, vervangen: 0, ongewijzigd: 0, afgewezen: 0 });
      expect(b.gelezen, b.bestand).toBeGreaterThan(0);
    }
  });

  it('de tweede keer: 0 nieuw, 0 vervangen, alles ongewijzigd', () => {
    expect(tweede.leveringId).not.toBe(eerste.leveringId);
    expect(tweede.controlesom).toBe(eerste.controlesom);
    for (const b of tweede.bestanden) {
      expect(b, b.bestand).toMatchObject({ nieuw: 0, vervangen: 0, ongewijzigd: b.gelezen, afgewezen: 0 });
    }
  });

  it('de inhoud van elke datatabel is identiek, levering_id inbegrepen', () => {
    for (const tabel of ALLE_TABELLEN.filter((x) => !VERSLAGTABELLEN.includes(x))) {
      expect(na[tabel], tabel).toEqual(voor[tabel]);
    }
    expect(na.persoon).toHaveLength(16);
  });

  it('alleen het verslag van de tweede levering komt erbij', async () => {
    expect(na.levering).toHaveLength(2);
    const ids = await t.db.query<{ levering_id: number }>('SELECT DISTINCT levering_id FROM persoon');
    expect(ids).toEqual([{ levering_id: eerste.leveringId }]);
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
    expect(runNa.leveringen).toEqual([eerste.leveringId, tweede.leveringId, v.leveringId]);
    expect((await laatsteRun(t.db, JAAR.naam))!.id).toBe(runNa.id);
  });
}, { overgeslagen: VOORBEELDEN.reden });
