import { describe, expect, it } from 'vitest';
import { pasBewaartermijnenToe } from '../../src/db/bewaartermijnen.js';
import { STANDAARD_BEWAARTERMIJNEN, leesBewaartermijnen } from '../../src/domain/toegang/bewaartermijnen.js';
import { describeDatabases, verseDatabase } from '../support/database.js';

/** Retention (docs/toegang.md): each term at its boundary, in batches, every deletion recorded. */
describe('bewaartermijnen als instellingen', () => {
  it('standaardwaarden, en elke ongeldige waarde genoemd', () => {
    expect(leesBewaartermijnen({})).toEqual({ ok: true, termijnen: STANDAARD_BEWAARTERMIJNEN });
    expect(leesBewaartermijnen({ BINNENBOORD_BEWAAR_AFGEWEZEN_DAGEN: '30', BINNENBOORD_BEWAAR_AFGEWEZEN_INHOUD_DAGEN: '7' }))
      .toMatchObject({ ok: true, termijnen: { afgewezenDagen: 30, afgewezenInhoudDagen: 7 } });
    const fout = leesBewaartermijnen({ BINNENBOORD_BEWAAR_PERSOON_JAREN_NA_GEBOORTE: '20', BINNENBOORD_BEWAAR_TELLINGPERSONEN_JAREN: 'twee' });
    expect(fout).toEqual({ ok: false, fouten: [
      expect.stringContaining("BINNENBOORD_BEWAAR_TELLINGPERSONEN_JAREN 'twee'"),
      expect.stringContaining('korter dan de telling nodig heeft'),
    ] });
    expect(leesBewaartermijnen({ BINNENBOORD_BEWAAR_AFGEWEZEN_INHOUD_DAGEN: '400' }).ok).toBe(false);
  });
});

describeDatabases('bewaartermijnen toepassen', (driver) => {
  const t = verseDatabase(driver);

  it('verwijdert wat verlopen is, op de grens precies, in delen, en legt elke verwijdering vast', async () => {
    const db = t.db;
    await db.exec(`
      INSERT INTO levering (id, naam, map, controlesom, ontvangen_op) VALUES (1, 'oud', '/x', 'x', '2020-01-01T12:00:00Z'), (2, 'nieuw', '/y', 'y', '2023-07-01T12:00:00Z');
      INSERT INTO afgewezen_rij (levering_id, bestand, regel, kolom, reden, inhoud) VALUES
        (1, 'personen.csv', 2, 'geboortedatum', 'geen datum', 'P1,2019-02-30,V'), (1, 'personen.csv', 3, NULL, 'x', 'P2,,'),
        (1, 'personen.csv', 4, NULL, 'x', 'P3,,'), (2, 'werk.csv', 2, 'uren_per_week', 'geen getal', 'P4,2020-01-01,,x');
      INSERT INTO persoon (persoon_id, geboortedatum, levering_id) VALUES ('OUD', '2000-06-30', 1), ('JONG', '2000-07-01', 1);
      INSERT INTO inschrijving (inschrijving_id, persoon_id, brin, vestiging, onderwijstype, nieuwkomer, begindatum, levering_id)
        VALUES ('i1', 'OUD', '20BB', '00', 'mbo', 'nee', '2016-08-01', 1), ('i2', 'JONG', '20BB', '00', 'mbo', 'nee', '2016-08-01', 1);
      INSERT INTO telling_run (id, schooljaar, status, definitieversie, werkuren_drempel, gestart_op, gereed_op, startpopulatie, vsv, niet_te_tellen)
        VALUES (1, '2017-2018', 'definitief', 'x', 12, '2022-06-29', '2022-06-29', 1, 0, 0), (2, '2018-2019', 'definitief', 'x', 12, '2022-07-01', '2022-07-01', 1, 0, 0);
      INSERT INTO telling_cijfer VALUES (1, 'landelijk', 'NL', 'totaal', 'totaal', 1, 0);
      INSERT INTO telling_persoon VALUES (1, 'OUD', 'c', 'mbo', '20BB', '00', 'i1', 'GM0344', '19', 17, NULL, false, 'onderwijs'),
        (2, 'JONG', 'c', 'mbo', '20BB', '00', 'i2', 'GM0344', '19', 17, NULL, false, 'onderwijs');
    `);
    // 2024-06-30: OUD turns 24 (gone), JONG a day later (stays); run 1 is more than 2 years old, run 2 not;
    // delivery 1 is more than 365 days old (rows gone), delivery 2 is 365 days old to the day (stays)
    // but more than 90 days (raw line emptied).
    const uit = await pasBewaartermijnenToe(db, STANDAARD_BEWAARTERMIJNEN, '2024-06-30', 2);
    expect(uit).toEqual([
      { soort: 'afgewezen-inhoud', aantal: 4 },
      { soort: 'afgewezen-rij', aantal: 3 },
      { soort: 'telling-persoon', aantal: 1 },
      { soort: 'verzuim', aantal: 0 },
      { soort: 'persoonsregistratie', aantal: 1 },
      { soort: 'dossier', aantal: 0 },
    ]);
    expect(await db.query('SELECT levering_id, bestand, regel, kolom, reden, inhoud FROM afgewezen_rij')).toEqual([
      { levering_id: 2, bestand: 'werk.csv', regel: 2, kolom: 'uren_per_week', reden: 'geen getal', inhoud: '' },
    ]);
    expect(await db.query('SELECT persoon_id FROM persoon')).toEqual([{ persoon_id: 'JONG' }]);
    expect(await db.query('SELECT persoon_id FROM inschrijving')).toEqual([{ persoon_id: 'JONG' }]);
    expect(await db.query('SELECT run_id FROM telling_persoon')).toEqual([{ run_id: 2 }]);
    expect(await db.query('SELECT count(*)::int AS n FROM telling_cijfer')).toEqual([{ n: 1 }]);
    // batches of 2: 4 emptied lines = 2 log rows, 3 deleted rows = 2 log rows; no person data in the log
    const log = await db.query<{ soort: string; aantal: number; peildatum: string }>('SELECT soort, aantal, peildatum FROM verwijdering ORDER BY id');
    expect(log.map((r) => [r.soort, r.aantal])).toEqual([
      ['afgewezen-inhoud', 2], ['afgewezen-inhoud', 2], ['afgewezen-rij', 2], ['afgewezen-rij', 1], ['telling-persoon', 1], ['persoonsregistratie', 1],
    ]);
    expect(log.every((r) => r.peildatum === '2024-06-30')).toBe(true);
    expect(JSON.stringify(await db.query('SELECT * FROM verwijdering'))).not.toContain('OUD');
    // again: nothing more, nothing logged
    expect((await pasBewaartermijnenToe(db, STANDAARD_BEWAARTERMIJNEN, '2024-06-30', 2)).every((u) => u.aantal === 0)).toBe(true);
    expect(await db.query('SELECT count(*)::int AS n FROM verwijdering')).toEqual([{ n: 6 }]);
  });

  it('dossiers: een gesloten dossier 2 jaar na de maand van sluiten, met zijn perioden en vastleggingen; een open dossier gaat mee met de persoon', async () => {
    const db = t.db;
    await db.exec(`
      INSERT INTO levering (id, naam, map, controlesom, ontvangen_op) VALUES (11, 'd', '/d', 'd', '2020-01-01T12:00:00Z');
      INSERT INTO persoon (persoon_id, geboortedatum, levering_id) VALUES ('OUD2', '2000-06-30', 11), ('A', '2004-01-01', 11), ('B', '2004-01-01', 11);
      INSERT INTO dossier (id, persoon_id, eigenaar_soort, eigenaar_code, status, geopend_maand, geopend_op, gesloten_maand, sluitreden) VALUES
        ('d-oud-open', 'OUD2', 'rmc-regio', '19', 'open', '2023-01', '2023-01-01', NULL, NULL),
        ('d-a-gesloten', 'A', 'rmc-regio', '19', 'gesloten', '2021-09', '2021-09-01', '2022-06', 'onderwijs'),
        ('d-b-gesloten', 'B', 'rmc-regio', '19', 'gesloten', '2021-09', '2021-09-01', '2022-07', 'onderwijs');
      INSERT INTO dossier_periode VALUES ('d-a-gesloten', 1, '2021-09', '2022-06', 'onderwijs'), ('d-b-gesloten', 1, '2021-09', '2022-07', 'onderwijs'),
        ('d-oud-open', 1, '2023-01', NULL, NULL);
      INSERT INTO dossier_gebeurtenis (dossier_id, soort, datum, gegevens, account_id, weergavenaam) VALUES
        ('d-a-gesloten', 'intake', '2021-10-01', '{}', 'x', 'X'), ('d-oud-open', 'intake', '2023-02-01', '{}', 'x', 'X');
      INSERT INTO dossier_overdracht (id, dossier_id, van_soort, van_code, naar_soort, naar_code, oorzaak, status, voorgesteld_maand, voorgesteld_op)
        VALUES ('o-a', 'd-a-gesloten', 'gemeente', 'GM0344', 'rmc-regio', '19', 'meerderjarig', 'vervallen', '2022-01', '2022-01-01');
      INSERT INTO dossier_overdracht_stap (overdracht_id, status) VALUES ('o-a', 'voorgesteld'), ('o-a', 'vervallen');
    `);
    // 2024-06-30: closed in June 2022 is not yet 2 years past its month; OUD2 turns 24 (goes, with the open dossier)
    let uit = await pasBewaartermijnenToe(db, STANDAARD_BEWAARTERMIJNEN, '2024-06-30');
    expect(uit.find((u) => u.soort === 'dossier')).toEqual({ soort: 'dossier', aantal: 0 });
    expect((await db.query<{ id: string }>('SELECT id FROM dossier ORDER BY id')).map((r) => r.id)).toEqual(['d-a-gesloten', 'd-b-gesloten']);
    // 2024-07-01: June 2022 + 2 years has ended; July 2022 not yet
    uit = await pasBewaartermijnenToe(db, STANDAARD_BEWAARTERMIJNEN, '2024-07-01');
    expect(uit.find((u) => u.soort === 'dossier')).toEqual({ soort: 'dossier', aantal: 1 });
    expect((await db.query<{ id: string }>('SELECT id FROM dossier')).map((r) => r.id)).toEqual(['d-b-gesloten']);
    expect(await db.query('SELECT dossier_id FROM dossier_periode')).toEqual([{ dossier_id: 'd-b-gesloten' }]);
    expect(await db.query('SELECT count(*)::int AS n FROM dossier_gebeurtenis')).toEqual([{ n: 0 }]);
    // its handovers go with it
    expect(await db.query('SELECT count(*)::int AS n FROM dossier_overdracht')).toEqual([{ n: 0 }]);
    expect(await db.query('SELECT count(*)::int AS n FROM dossier_overdracht_stap')).toEqual([{ n: 0 }]);
    const log = await db.query<{ soort: string; aantal: number }>("SELECT soort, aantal FROM verwijdering WHERE soort = 'dossier'");
    expect(log).toEqual([{ soort: 'dossier', aantal: 1 }]);
  });

  it('verzuimmeldingen: met hun acties en statussen op de dag dat de leerling 19 wordt, niet eerder', async () => {
    const db = t.db;
    await db.exec(`
      INSERT INTO levering (id, naam, map, controlesom, ontvangen_op) VALUES (21, 'v', '/v', 'v', '2020-01-01T12:00:00Z');
      INSERT INTO persoon (persoon_id, geboortedatum, levering_id) VALUES ('V19', '2005-03-01', 21), ('V18', '2005-03-02', 21);
    `);
    for (const [id, persoon] of [[901, 'V19'], [902, 'V18']] as const) {
      await db.query(`INSERT INTO verzuimmelding (id, bron, soort, persoon_id, brin, vestiging, lesplaats, meldingsdatum, startdatum,
        verzuim_dagen, verzuim_uren, alle_lessen_gemist, vermoedelijke_reden, ondernomen_actie, gemeente_gevraagd, melder_naam,
        melder_functie, melder_telefoon, melder_email, behandelaar, gemeente_code, tijdigheid, status, import_id)
        VALUES ($1, 'school', '16u4w', $2, '20BB', '00', '00', '2021-03-01', '2021-02-01', 5, 20, false, 'x', 'x', true, 'M',
        'mentor', '0300000000', 'm@example.org', 'leerplicht', 'GM0344', 'tijdig', 'in-behandeling', 'imp')`, [id, persoon]);
      await db.query(`INSERT INTO verzuimactie (melding_id, soort, datum, medewerker, toelichting) VALUES ($1, 'waarschuwing', '2021-03-05', 'L', 'x')`, [id]);
      await db.query(`INSERT INTO verzuimstatus (melding_id, status, door) VALUES ($1, 'in-behandeling', 'L')`, [id]);
    }
    const uit = await pasBewaartermijnenToe(db, STANDAARD_BEWAARTERMIJNEN, '2024-03-01');
    expect(uit.find((u) => u.soort === 'verzuim')).toEqual({ soort: 'verzuim', aantal: 1 });
    expect(await db.query('SELECT persoon_id FROM verzuimmelding WHERE id IN (901, 902)')).toEqual([{ persoon_id: 'V18' }]);
    expect(await db.query('SELECT melding_id FROM verzuimactie WHERE melding_id IN (901, 902)')).toEqual([{ melding_id: 902 }]);
    expect(await db.query('SELECT melding_id FROM verzuimstatus WHERE melding_id IN (901, 902)')).toEqual([{ melding_id: 902 }]);
  });
});
