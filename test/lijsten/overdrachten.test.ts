import { beforeAll, expect, it } from 'vitest';
import { parseMaand } from '../../src/domain/lijsten/maand.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { lijstenMetDossiers } from '../../src/lijsten/dossiers.js';
import { legOverdrachtwijzigingenVast } from '../../src/db/overdrachten.js';
import { describeDatabases, verseDatabase } from '../support/database.js';
import { csv, schrijfLevering } from '../support/levering.js';
import { ZELFGEMAAKT } from './fixture.js';

const RMC = csv(
  ['gemeente_code', 'gemeente_naam', 'rmc_code', 'rmc_naam', 'schooljaar_vanaf', 'schooljaar_tot'],
  ['GM0363', 'Amsterdam', '21', 'Agglomeratie Amsterdam', '2016-2017', ''],
  ['GM0344', 'Utrecht', '19', 'Utrecht', '2016-2017', ''],
);

/**
 * The monthly processing proposes handovers instead of re-owning dossiers (docs/opvolging.md
 * "Overdracht"), on the hand-made persons of test/lijsten/fixture.ts: Z3 (born 2005-06-15, lives
 * in GM0344) is on the werkvoorraad from January 2023 and turns 18 before the peildatum of July
 * (1 July 2023), when GM0344 lies in RMC region 19; Z2 moves from GM0363 to GM0344 on 15 January 2023 but is back in education
 * (ho) from 1 February, so the dossier closes instead of moving.
 */
describeDatabases('overdrachten uit de maandlijsten', (driver) => {
  const t = verseDatabase(driver);
  beforeAll(async () => {
    await importeerLevering(t.db, await schrijfLevering({ ...ZELFGEMAAKT, 'rmc_indeling.csv': RMC }));
  });
  const maand = async (m: string) => lijstenMetDossiers(t.db, parseMaand(m)!);
  const houder = async (p: string) => (await t.db.query<{ eigenaar: string; status: string }>(
    `SELECT eigenaar_soort || ' ' || eigenaar_code AS eigenaar, status FROM dossier WHERE persoon_id = $1`, [p]))[0];
  const overdrachten = async (p: string) => t.db.query<{ id: string; van: string; naar: string; oorzaak: string; status: string; voorgesteld_maand: string }>(
    `SELECT o.id, o.van_soort || ' ' || o.van_code AS van, o.naar_soort || ' ' || o.naar_code AS naar, o.oorzaak, o.status, o.voorgesteld_maand
     FROM dossier_overdracht o JOIN dossier d ON d.id = o.dossier_id WHERE d.persoon_id = $1 ORDER BY o.voorgesteld_maand, o.status`, [p]);

  it('verhuisd maar in dezelfde maand terug naar school: het dossier sluit, geen overdracht', async () => {
    for (const m of ['2022-12', '2023-01', '2023-02']) await maand(m);
    expect(await houder('Z2')).toEqual({ eigenaar: 'gemeente GM0363', status: 'gesloten' });
    expect(await overdrachten('Z2')).toEqual([]);
  });

  it('17 op de peildatum van juni: de gemeente houdt het; 18 op die van juli: een voorstel aan de RMC-regio, de gemeente blijft houder', async () => {
    for (const m of ['2023-03', '2023-04', '2023-05', '2023-06']) await maand(m);
    expect(await houder('Z3')).toEqual({ eigenaar: 'gemeente GM0344', status: 'open' });
    expect(await overdrachten('Z3')).toEqual([]);
    await maand('2023-07');
    expect(await houder('Z3')).toEqual({ eigenaar: 'gemeente GM0344', status: 'open' });
    expect(await overdrachten('Z3')).toEqual([
      { id: expect.stringMatching(/^o[0-9a-f]{20}$/), van: 'gemeente GM0344', naar: 'rmc-regio 19', oorzaak: 'meerderjarig', status: 'voorgesteld', voorgesteld_maand: '2023-07' },
    ]);
  });

  it('dezelfde maand nog eens, of de volgende met hetzelfde doel: geen tweede voorstel', async () => {
    await maand('2023-07');
    await t.db.query(`DELETE FROM dossier_lijstrun WHERE maand = '2023-07'`); // as if July had never been followed
    await maand('2023-07');
    await maand('2023-08');
    expect(await overdrachten('Z3')).toHaveLength(1);
  });

  it('een ander doel vóór aanvaarding: het lopende vervalt (bewaard), een nieuw voorstel aan de eigenaar van de lijsten', async () => {
    const [lopend] = await overdrachten('Z3');
    // as if a move had given another region before: the lists of September give the region of GM0344 again
    await t.db.query(`UPDATE dossier_overdracht SET naar_code = '99' WHERE id = $1`, [lopend!.id]);
    await maand('2023-09');
    const na = await overdrachten('Z3');
    expect(na.map((o) => [o.naar, o.status, o.voorgesteld_maand])).toEqual([
      ['rmc-regio 99', 'vervallen', '2023-07'], [lopend!.naar, 'voorgesteld', '2023-09'],
    ]);
    const stappen = await t.db.query<{ status: string; account_id: string | null }>(
      'SELECT status, account_id FROM dossier_overdracht_stap WHERE overdracht_id = $1 ORDER BY id', [lopend!.id]);
    expect(stappen).toEqual([{ status: 'voorgesteld', account_id: null }, { status: 'vervallen', account_id: null }]);
    expect(await houder('Z3')).toEqual({ eigenaar: 'gemeente GM0344', status: 'open' });
  });

  it('wat intussen veranderde, blijft staan: geen tweede lopende, geen voorstel van een oud-houder, een besluit vervalt niet', async () => {
    const [lopend] = (await overdrachten('Z3')).filter((o) => o.status === 'voorgesteld');
    const [{ id: dossierId }] = await t.db.query<{ id: string }>(`SELECT id FROM dossier WHERE persoon_id = 'Z3'`) as [{ id: string }];
    const stel = (van: string, naar: string) => t.db.transaction((tx) => legOverdrachtwijzigingenVast(tx, {
      maand: '2023-09', peildatum: '2023-09-01', vervallen: [], overnemen: [],
      voorstellen: [{ dossierId, van: { soort: 'gemeente', code: van }, naar: { soort: 'rmc-regio', code: naar }, oorzaak: 'meerderjarig' }],
    }));
    await stel('GM0344', '21'); // a second undecided one: refused by the partial unique index, silently
    await stel('GM0363', '21'); // not from the holder
    expect((await overdrachten('Z3')).map((o) => o.status).sort()).toEqual(['vervallen', 'voorgesteld']);
    // accepted meanwhile: a late lapse leaves the decision
    await t.db.query(`UPDATE dossier_overdracht SET status = 'aanvaard', grens_gebeurtenis = 0, verzonden_op = now() WHERE id = $1`, [lopend!.id]);
    await t.db.transaction((tx) => legOverdrachtwijzigingenVast(tx, { maand: '2023-10', peildatum: '2023-10-01', vervallen: [lopend!.id], voorstellen: [], overnemen: [] }));
    expect((await overdrachten('Z3')).find((o) => o.id === lopend!.id)?.status).toBe('aanvaard');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM dossier_overdracht_stap WHERE overdracht_id = $1 AND status = 'vervallen'`, [lopend!.id])).toEqual([{ n: 0 }]);
  });
});
