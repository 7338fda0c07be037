import { beforeAll, expect, it } from 'vitest';
import { parseMaand } from '../../src/domain/lijsten/maand.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { berekenLijsten } from '../../src/lijsten/berekenLijsten.js';
import { actueleLijsten, lijstenMetDossiers } from '../../src/lijsten/dossiers.js';
import { describeDatabases, verseDatabase } from '../support/database.js';
import { schrijfZelfgemaakt } from './fixture.js';

/**
 * Dossiers follow the stored lists (docs/opvolging.md "Dossiers") on the hand-made persons of
 * test/lijsten/fixture.ts: Z2 leaves havo on 30 November 2022 and starts ho on 1 February
 * 2023; Z3 leaves mbo on 31 December 2022, emigrates on 10 March and returns on 5 May 2023.
 */
describeDatabases('dossiers volgen de maandlijsten', (driver) => {
  const t = verseDatabase(driver);
  beforeAll(async () => {
    await importeerLevering(t.db, await schrijfZelfgemaakt());
  });
  const stand = async (id: string) => (await t.db.query<{ status: string; geopend_maand: string; gesloten_maand: string | null; sluitreden: string | null; eigenaar: string }>(
    `SELECT status, geopend_maand, gesloten_maand, sluitreden, eigenaar_soort || ' ' || eigenaar_code AS eigenaar FROM dossier WHERE persoon_id = $1`, [id]))[0];
  const maand = async (m: string) => lijstenMetDossiers(t.db, parseMaand(m)!);

  it('geopend bij uitschrijvingen, gesloten met de reden van herinschrijvingen, heropend bij nieuwe uitval', async () => {
    await maand('2022-12');
    expect(await stand('Z2')).toEqual({ status: 'open', geopend_maand: '2022-12', gesloten_maand: null, sluitreden: null, eigenaar: 'gemeente GM0363' });
    expect(await stand('Z3')).toBeUndefined();
    await maand('2023-01');
    expect(await stand('Z3')).toMatchObject({ status: 'open', geopend_maand: '2023-01' });
    await maand('2023-02');
    expect(await stand('Z2')).toMatchObject({ status: 'gesloten', gesloten_maand: '2023-02', sluitreden: 'onderwijs' });
    await maand('2023-04');
    expect(await stand('Z3')).toMatchObject({ status: 'gesloten', gesloten_maand: '2023-04', sluitreden: 'geemigreerd' });
    await maand('2023-06');
    expect(await stand('Z3')).toMatchObject({ status: 'open', geopend_maand: '2023-06', gesloten_maand: null });
    const periodes = await t.db.query(`SELECT p.volgnummer, p.geopend_maand, p.gesloten_maand, p.sluitreden FROM dossier_periode p
      JOIN dossier d ON d.id = p.dossier_id WHERE d.persoon_id = 'Z3' ORDER BY volgnummer`);
    expect(periodes).toEqual([
      { volgnummer: 1, geopend_maand: '2023-01', gesloten_maand: '2023-04', sluitreden: 'geemigreerd' },
      { volgnummer: 2, geopend_maand: '2023-06', gesloten_maand: null, sluitreden: null },
    ]);
  });

  it('een oudere maand verandert geen dossier meer; dezelfde maand twee keer evenmin', async () => {
    const voor = await t.db.query('SELECT id, status, geopend_maand, gesloten_maand FROM dossier ORDER BY id');
    await maand('2023-02');
    await maand('2023-06');
    expect(await t.db.query('SELECT id, status, geopend_maand, gesloten_maand FROM dossier ORDER BY id')).toEqual(voor);
  });

  it('de dossier-id is opaak: geen persoon_id erin', async () => {
    for (const r of await t.db.query<{ id: string; persoon_id: string }>('SELECT id, persoon_id FROM dossier')) {
      expect(r.id).toMatch(/^d[0-9a-f]{20}$/);
      expect(r.id).not.toContain(r.persoon_id);
    }
  });

  it('actueleLijsten: dezelfde run zolang er niets nieuws is; een nieuwe levering of een lijstrun van elders geeft de nieuwe', async () => {
    const juni = parseMaand('2023-06')!;
    const mei = parseMaand('2023-05')!;
    const [eerst, vorige] = await actueleLijsten(t.db, [juni, mei]);
    const runs = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM lijst_run'))[0]!.n;
    const aantal = await runs();
    expect((await actueleLijsten(t.db, [juni, mei])).map((r) => r.id)).toEqual([eerst!.id, vorige!.id]);
    expect(await runs()).toBe(aantal);
    // a new delivery: the stored lists no longer name every delivery, so they are computed anew
    await t.db.query("INSERT INTO levering (naam, map, controlesom) VALUES ('nog een', '/nergens', 'x')");
    const [na] = await actueleLijsten(t.db, [juni]);
    expect(na!.id).toBeGreaterThan(eerst!.id);
    expect(na!.leveringen).toHaveLength(eerst!.leveringen.length + 1);
    // lists computed anew by another process (the lists benchmark does so): the page takes the newest run
    const elders = await berekenLijsten(t.db, juni);
    expect(elders.id).toBeGreaterThan(na!.id);
    expect((await actueleLijsten(t.db, [juni]))[0]!.id).toBe(elders.id);
  });
});
