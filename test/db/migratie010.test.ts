import { expect, it } from 'vitest';
import migratie010 from '../../src/db/migrations/010_startset_in_telling.js';
import { describeDatabases, verseDatabase } from '../support/database.js';

/**
 * Migration 010: the kind of education of the startset moves from `lijst_startset` (fixed by the
 * first monthly lists of a count run) to `telling_persoon.onderwijstype` (stored by the count).
 * Run on a database put back in the state before 010: what the lists fixed stays, the rest
 * comes from the enrolments, and `lijst_startset` still answers with the same columns.
 */
describeDatabases('migratie 010: startset in de telling', (driver) => {
  const t = verseDatabase(driver);

  it('houdt wat de lijsten vastlegden, vult de rest uit de inschrijvingen, en lijst_startset blijft leesbaar', async () => {
    const db = t.db;
    await db.exec(`
      DROP VIEW lijst_startset;
      ALTER TABLE telling_persoon DROP COLUMN onderwijstype;
      CREATE TABLE lijst_startset (telling_run_id integer NOT NULL REFERENCES telling_run(id), persoon_id text NOT NULL,
        onderwijstype text, PRIMARY KEY (telling_run_id, persoon_id));
      INSERT INTO levering (id, naam, map, controlesom) VALUES (1, 'x', '/x', 'x');
      INSERT INTO persoon (persoon_id, geboortedatum, levering_id) VALUES ('A', '2006-01-01', 1), ('B', '2006-01-01', 1);
      INSERT INTO inschrijving (inschrijving_id, persoon_id, brin, vestiging, onderwijstype, nieuwkomer, begindatum, levering_id)
        VALUES ('a1', 'A', '20BB', '00', 'vwo', 'nee', '2020-08-01', 1), ('b1', 'B', '20BB', '00', 'mbo', 'nee', '2020-08-01', 1);
      INSERT INTO telling_run (id, schooljaar, status, definitieversie, werkuren_drempel, gestart_op, gereed_op, startpopulatie, vsv, niet_te_tellen)
        VALUES (1, '2021-2022', 'definitief', 'x', 12, '2022-06-29', '2022-06-29', 2, 0, 0),
               (2, '2022-2023', 'definitief', 'x', 12, '2023-06-29', '2023-06-29', 3, 0, 0);
      INSERT INTO telling_persoon VALUES (1, 'A', 'c', 'vo', '20BB', '00', 'a1', 'GM0344', '19', 15, NULL, false, 'onderwijs'),
        (1, 'B', 'c', 'mbo', '20BB', '00', 'b1', 'GM0344', '19', 15, NULL, false, 'onderwijs'),
        (2, 'A', 'c', 'vo', '20BB', '00', 'a1', 'GM0344', '19', 16, NULL, false, 'onderwijs'),
        (2, 'B', 'c', 'mbo', '20BB', '00', 'b1', 'GM0344', '19', 16, NULL, false, 'onderwijs'),
        (2, 'C', 'c', 'mbo', '20BB', '00', 'weg', 'GM0344', '19', 16, NULL, false, 'onderwijs');
      -- run 1's lists fixed its kinds when A's enrolment still said havo; run 2 had no lists yet
      INSERT INTO lijst_startset VALUES (1, 'A', 'havo'), (1, 'B', 'mbo');
    `);
    await db.transaction((tx) => tx.exec(migratie010));
    const alles = 'SELECT telling_run_id, persoon_id, onderwijstype FROM lijst_startset ORDER BY telling_run_id, persoon_id';
    expect(await db.query(alles)).toEqual([
      { telling_run_id: 1, persoon_id: 'A', onderwijstype: 'havo' },
      { telling_run_id: 1, persoon_id: 'B', onderwijstype: 'mbo' },
      { telling_run_id: 2, persoon_id: 'A', onderwijstype: 'vwo' },
      { telling_run_id: 2, persoon_id: 'B', onderwijstype: 'mbo' },
      { telling_run_id: 2, persoon_id: 'C', onderwijstype: null },
    ]);
    // the view follows its count's persons, e.g. when they are deleted after their retention term
    await db.exec("DELETE FROM telling_persoon WHERE run_id = 1");
    expect((await db.query(alles)).map((r) => (r as { telling_run_id: number }).telling_run_id)).toEqual([2, 2, 2]);
  });
});
