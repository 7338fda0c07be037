import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError, verklaarCommand } from '../../src/cli/commands.js';
import type { Db } from '../../src/db/database.js';
import { laatsteRun, leesCijfers, leesRun, type Run } from '../../src/db/tellingen.js';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { DEFINITIEVERSIE } from '../../src/domain/telling/bronnen.js';
import type { Status } from '../../src/domain/telling/uitsluitingen.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { schrijfUitvoer } from '../../src/telling/uitvoer.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, metDatabase, tijdelijkeMap, verseDatabase } from '../support/database.js';
import { VOORBEELDEN } from '../support/gedeeld.js';
import { csv, gesorteerdeCsv, leesPersonenUitvoer, schrijfLevering, voorbeelden } from '../support/levering.js';

/**
 * telling.md: "Every stored figure carries its school year, the definition version, its status
 * and the deliveries it was computed from." Outputs are written from a stored run, and every
 * read of personal data (explain, personen.csv) leaves an audit row.
 */
const JAAR = parseSchooljaar('2019-2020')!;

async function reden(db: Db, run: Run, persoon: string): Promise<{ vsv: boolean; reden: string } | undefined> {
  const [r] = await db.query<{ vsv: boolean; reden: string }>(
    'SELECT vsv, reden FROM telling_persoon WHERE run_id = $1 AND persoon_id = $2', [run.id, persoon]);
  return r;
}

interface Auditregel { account_id: string; handeling: string; parameters: string; doel: string; aantal_personen: number; personen: string[] }

async function auditregels(db: Db): Promise<Auditregel[]> {
  return db.query(`SELECT account_id, handeling, parameters, doel, aantal_personen,
    ARRAY(SELECT referentie FROM audit_persoon p WHERE p.audit_id = a.id ORDER BY referentie) AS personen FROM audit a ORDER BY id`);
}

async function referentie(db: Db, persoonId: string): Promise<string> {
  const [r] = await db.query<{ r: string }>('SELECT persoon_referentie($1) AS r', [persoonId]);
  return r!.r;
}

const AUDITOR: Gebruiker = { accountId: 'test:auditor', weergavenaam: 'Auditor', rol: 'analist', scope: { soort: 'landelijk' }, soort: 'cli' };

describeDatabases('opgeslagen tellingen', (driver) => {
  const t = verseDatabase(driver);
  let leveringId: number;
  let definitief: Run;

  beforeAll(async () => {
    leveringId = (await importeerLevering(t.db, voorbeelden().levering)).leveringId;
    definitief = await voerTellingUit(t.db, JAAR, { status: 'definitief', werkurenDrempel: 12 });
  });

  it('een run legt schooljaar, status, definitieversie, werkurendrempel, leveringen en totalen vast', async () => {
    expect(definitief).toMatchObject({
      schooljaar: '2019-2020', status: 'definitief', definitieversie: DEFINITIEVERSIE, werkuren_drempel: '12',
      startpopulatie: 13, vsv: 4, niet_te_tellen: 0, leveringen: [leveringId],
    });
    expect(definitief.gestart_op <= definitief.gereed_op).toBe(true);
    expect(await t.db.query('SELECT levering_id FROM telling_run_levering WHERE run_id = $1', [definitief.id]))
      .toEqual([{ levering_id: leveringId }]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM telling_persoon WHERE run_id = $1', [definitief.id])).toEqual([{ n: 13 }]);
    expect(await leesRun(t.db, definitief.id)).toEqual(definitief);
  });

  it('voorlopig en definitief verschillen alleen in de verlate startkwalificatie (P11)', async () => {
    const voorlopig = await voerTellingUit(t.db, JAAR, { status: 'voorlopig', werkurenDrempel: 12 });
    expect(voorlopig).toMatchObject({ status: 'voorlopig', startpopulatie: 13, vsv: 5 });
    expect(await reden(t.db, definitief, 'P11')).toEqual({ vsv: false, reden: 'verlate-startkwalificatie' });
    expect(await reden(t.db, voorlopig, 'P11')).toEqual({ vsv: true, reden: 'vsv' });

    const verschil = await t.db.query<{ persoon_id: string }>(`
      SELECT a.persoon_id FROM telling_persoon a JOIN telling_persoon b USING (persoon_id)
      WHERE a.run_id = $1 AND b.run_id = $2 AND (a.vsv, a.reden) IS DISTINCT FROM (b.vsv, b.reden)`, [definitief.id, voorlopig.id]);
    expect(verschil).toEqual([{ persoon_id: 'P11' }]);

    const mbo = async (run: Run) => (await leesCijfers(t.db, run.id, 'landelijk', ['sector'])).find((c) => c.waarde === 'mbo');
    expect(await mbo(definitief)).toMatchObject({ startpopulatie: 8, vsv: 3 });
    expect(await mbo(voorlopig)).toMatchObject({ startpopulatie: 8, vsv: 4 });
    expect((await laatsteRun(t.db, JAAR.naam, 'voorlopig'))!.id).toBe(voorlopig.id);
    expect((await laatsteRun(t.db, JAAR.naam, 'definitief'))!.id).toBe(definitief.id);
  });

  // P07 has an entree diploma and 20 hours of work on T1, P08 the same with 8 hours.
  it.each([
    [8, 'mbo1-werk', 'mbo1-werk'],
    [12, 'mbo1-werk', 'vsv'],
    [20, 'mbo1-werk', 'vsv'],
    [20.5, 'vsv', 'vsv'],
  ])('werkurendrempel %s: P07 (20 uur) %s, P08 (8 uur) %s', async (drempel, p07, p08) => {
    const run = await voerTellingUit(t.db, JAAR, { status: 'definitief', werkurenDrempel: drempel });
    expect(run.werkuren_drempel).toBe(String(drempel));
    expect((await reden(t.db, run, 'P07'))!.reden).toBe(p07);
    expect((await reden(t.db, run, 'P08'))!.reden).toBe(p08);
    const vsv = [p07, p08].filter((r) => r === 'vsv').length;
    expect(run.vsv).toBe(3 + vsv);
  });

  it('de uitvoer komt uit de opgeslagen run, ook als er daarna een correctie is ingelezen', async () => {
    const correctie = await schrijfLevering({
      'inschrijvingen.csv': csv(
        ['inschrijving_id', 'persoon_id', 'brin', 'vestiging', 'onderwijstype', 'leerjaar', 'niveau', 'leerweg', 'crebo', 'nieuwkomer', 'begindatum', 'einddatum'],
        ['P01-i1', 'P01', '20BB', '00', 'mbo', '1', '2', 'bol', '', 'nee', '2019-08-15', '']),
    });
    const tweede = (await importeerLevering(t.db, correctie)).leveringId;

    const oud = await tijdelijkeMap('uitvoer-oud');
    await schrijfUitvoer(t.db, definitief, oud, AUDITOR);
    for (const b of ['personen.csv', 'instellingen.csv', 'regios.csv', 'landelijk.csv']) {
      expect((await gesorteerdeCsv(join(oud, b))).toString(), b).toBe((await gesorteerdeCsv(join(voorbeelden().uitvoer, b))).toString());
    }

    const nieuw = await voerTellingUit(t.db, JAAR, { status: 'definitief', werkurenDrempel: 12 });
    expect(nieuw.leveringen).toEqual([leveringId, tweede]);
    expect((await leesRun(t.db, definitief.id))!.leveringen).toEqual([leveringId]);
    const map = await tijdelijkeMap('uitvoer-nieuw');
    await schrijfUitvoer(t.db, nieuw, map, AUDITOR);
    expect((await leesPersonenUitvoer(join(map, 'personen.csv'))).get('P01')).toMatchObject({ vsv: 'nee', reden: 'onderwijs' });
    expect((await leesPersonenUitvoer(join(oud, 'personen.csv'))).get('P01')).toMatchObject({ vsv: 'ja', reden: 'vsv' });
    expect(await readFile(join(map, 'landelijk.csv'), 'utf8')).toContain('2019-2020,totaal,13,3,23.08\n');
  });

  it('elke personen.csv-uitvoer schrijft één auditregel; een telling zonder uitvoer geen', async () => {
    const voor = (await auditregels(t.db)).length;
    await voerTellingUit(t.db, JAAR, { status: 'voorlopig', werkurenDrempel: 12 });
    expect(await auditregels(t.db)).toHaveLength(voor);
    const map = await tijdelijkeMap('uitvoer-audit');
    await schrijfUitvoer(t.db, definitief, map, AUDITOR);
    await schrijfUitvoer(t.db, definitief, map, AUDITOR);
    const nieuw = (await auditregels(t.db)).slice(voor);
    expect(nieuw).toHaveLength(2);
    const alle = (await t.db.query<{ p: string }>('SELECT persoon_id AS p FROM telling_persoon WHERE run_id = $1', [definitief.id])).map((r) => r.p);
    const refs = (await Promise.all(alle.map((p) => referentie(t.db, p)))).sort();
    for (const r of nieuw) {
      expect(r).toMatchObject({ account_id: 'test:auditor', handeling: 'telling.personen.uitvoeren', doel: 'telling-uitvoer', aantal_personen: 13 });
      expect(JSON.parse(r.parameters)).toEqual({ run: definitief.id, schooljaar: '2019-2020', status: 'definitief', bestand: 'personen.csv' });
      expect([...r.personen].sort()).toEqual(refs);
      // never a persoon_id in clear
      expect(JSON.stringify(r)).not.toMatch(/P\d\d/);
    }
  });

  describe('verklaar', () => {
    let locatie: string;
    const uitleg = async (persoon: string, extra: { status?: Status; werkuren?: string } = {}): Promise<string> => {
      let tekst = '';
      await verklaarCommand({ schooljaar: '2019-2020', persoon, database: locatie, ...extra }, (s) => {
        tekst += s;
      });
      return tekst;
    };

    beforeAll(async () => {
      // A database of its own: the command opens it itself (PGlite: one user of a folder at a time).
      locatie = await driver.nieuweLocatie();
      await metDatabase(locatie, async (db) => {
        await importeerLevering(db, voorbeelden().levering);
        await voerTellingUit(db, JAAR, { status: 'definitief', werkurenDrempel: 12 });
      });
    });

    it('noemt de beslissende regel, na de regels die niet golden', async () => {
      const tekst = await uitleg('P11');
      expect(tekst).toMatch(/overleden: nee[\s\S]*startkwalificatie: nee[\s\S]*verlate-startkwalificatie: JA/);
      expect(tekst).toContain("Besluit: geen vsv'er, reden verlate-startkwalificatie.");
      expect(tekst).toMatch(/In de opgeslagen telling \(run \d+ van [^)]+\): verlate-startkwalificatie, gelijk aan deze uitleg\./);
      expect(tekst).not.toContain('mbo1-werk: ');
    });

    it('voorlopig: de verlate startkwalificatie telt niet, P11 is vsv', async () => {
      const tekst = await uitleg('P11', { status: 'voorlopig' });
      expect(tekst).toContain('verlate-startkwalificatie: nee');
      expect(tekst).toContain('Besluit: nieuwe voortijdig schoolverlater (vsv).');
    });

    it('volgt de werkurendrempel (P07 met 20 uur)', async () => {
      expect(await uitleg('P07')).toContain('mbo1-werk: JA');
      expect(await uitleg('P07', { werkuren: '21' })).toContain('Besluit: nieuwe voortijdig schoolverlater (vsv).');
    });

    it('buiten de startpopulatie: zegt waarom (praktijkonderwijs, P13)', async () => {
      const tekst = await uitleg('P13');
      expect(tekst).toContain('Valt buiten de startpopulatie');
      expect(tekst).toContain('praktijkonderwijs');
    });

    it('elke verklaring schrijft één auditregel, ook voor een onbekende persoon', async () => {
      const voor = await metDatabase(locatie, auditregels);
      await uitleg('P01');
      await uitleg('P02', { status: 'voorlopig' });
      await expect(uitleg('ONBEKEND')).rejects.toThrow(UsageError);
      const nieuw = (await metDatabase(locatie, auditregels)).slice(voor.length);
      const [p01, p02] = await metDatabase(locatie, async (db) => [await referentie(db, 'P01'), await referentie(db, 'P02')]);
      expect(nieuw.map((r) => [r.handeling, r.personen, JSON.parse(r.parameters), r.doel])).toEqual([
        ['persoon.verklaren', [p01], { schooljaar: '2019-2020', status: 'definitief' }, 'uitleg-telling'],
        ['persoon.verklaren', [p02], { schooljaar: '2019-2020', status: 'voorlopig' }, 'uitleg-telling'],
        // an unknown persoon_id is recorded as asked, without a reference (nothing was read)
        ['persoon.verklaren', [], { schooljaar: '2019-2020', status: 'definitief' }, 'uitleg-telling'],
      ]);
      for (const r of nieuw) expect(r.account_id).toMatch(/^cli:/);
    });
  });
}, { overgeslagen: VOORBEELDEN.reden });
