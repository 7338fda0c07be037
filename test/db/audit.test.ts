import { describe, expect, it } from 'vitest';
import { controleerKeten, registreerInzage, type Inzage } from '../../src/db/audit.js';
import type { Db } from '../../src/db/database.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { describeDatabases, verseDatabase } from '../support/database.js';

/**
 * The audit trail (docs/toegang.md): append-only by trigger, hash-chained, persons only by
 * reference; `controleerKeten` (binnenboord audit controleer) finds the first broken link.
 */
const RMC: Gebruiker = { accountId: 'acc-7', weergavenaam: 'R. Consulent', rol: 'rmc', scope: { soort: 'rmc-regio', code: '19' }, soort: 'persoon' };

const inzage = (ids: string[]): Inzage => ({
  gebruiker: RMC, handeling: 'persoon.lezen', doel: 'trajectbegeleiding', parameters: { schooljaar: '2019-2020', alleenVsv: true }, personen: { ids },
});

async function fout(db: Db, sql: string): Promise<string> {
  try {
    await db.exec(sql);
  } catch (e) {
    return (e as Error).message;
  }
  return 'geen fout';
}

/** As the owner of the table (or a superuser): the trigger off, the change, the trigger on. */
async function knoei(db: Db, sql: string): Promise<void> {
  for (const t of ['audit', 'audit_persoon']) await db.exec(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
  await db.exec(sql);
  for (const t of ['audit', 'audit_persoon']) await db.exec(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
}

describeDatabases('audittrail', (driver) => {
  describe('gelijktijdig', () => {
    const t = verseDatabase(driver);

    it('veel gelijktijdige inzagen blijven één keten; de hash die de database maakt, is die van recordHash (ook met tekens die JSON ontsnapt)', async () => {
      const vreemd: Gebruiker = { ...RMC, weergavenaam: 'Ö. "de" Vries\\\n\u00e9' };
      await Promise.all(Array.from({ length: 12 }, (_, i) => t.db.transaction(async (tx) => registreerInzage(tx, i % 3 === 0
        ? { gebruiker: vreemd, handeling: 'persoon.lezen', doel: 'trajectbegeleiding', parameters: { z: 'ü"', a: i }, personen: { query: 'SELECT unnest($1::text[]) AS persoon_id', params: [['P10', `P${i}`, 'P10']] } }
        : inzage(i % 3 === 1 ? [] : [`P${i}`, 'P01'])))));
      expect(await controleerKeten(t.db)).toEqual({ heel: true, aantal: 12 });
      const [r] = await t.db.query<{ aantal_personen: number; weergavenaam: string }>("SELECT aantal_personen, weergavenaam FROM audit WHERE parameters LIKE '%\"a\":3%'");
      expect(r).toEqual({ aantal_personen: 2, weergavenaam: vreemd.weergavenaam });
    });
  });

  describe('schrijven en weigeren', () => {
    const t = verseDatabase(driver);

    it('schrijft een record per inzage, met referenties in plaats van persoon_id, in één keten', async () => {
      await t.db.transaction((tx) => registreerInzage(tx, inzage(['P01', 'P02'])));
      await t.db.transaction((tx) => registreerInzage(tx, inzage(['P02'])));
      const records = await t.db.query<{ id: number; vorige_hash: string; hash: string; aantal_personen: number }>(
        'SELECT id, vorige_hash, hash, aantal_personen FROM audit ORDER BY id');
      expect(records.map((r) => [r.id, r.aantal_personen])).toEqual([[1, 2], [2, 1]]);
      expect(records[1]!.vorige_hash).toBe(records[0]!.hash);
      expect(records[0]!.vorige_hash).toBe('0'.repeat(64));
      const alles = JSON.stringify(await t.db.query('SELECT * FROM audit')) + JSON.stringify(await t.db.query('SELECT * FROM audit_persoon'));
      expect(alles).not.toContain('P01');
      const [p02] = await t.db.query<{ r: string }>("SELECT persoon_referentie('P02') AS r");
      expect(p02!.r).toMatch(/^p[0-9a-f]{20}$/);
      expect(await t.db.query('SELECT audit_id FROM audit_persoon WHERE referentie = $1 ORDER BY audit_id', [p02!.r]))
        .toEqual([{ audit_id: 1 }, { audit_id: 2 }]);
      expect(await controleerKeten(t.db)).toEqual({ heel: true, aantal: 2 });
    });

    it('een mislukte lezing laat geen record achter (zelfde transactie)', async () => {
      await expect(t.db.transaction(async (tx) => {
        await registreerInzage(tx, inzage(['P03']));
        throw new Error('lezen mislukt');
      })).rejects.toThrow('lezen mislukt');
      expect(await t.db.query('SELECT count(*)::int AS n FROM audit')).toEqual([{ n: 2 }]);
      expect(await controleerKeten(t.db)).toEqual({ heel: true, aantal: 2 });
    });

    it.each([
      ['UPDATE', "UPDATE audit SET doel = 'iets anders' WHERE id = 1"],
      ['DELETE', 'DELETE FROM audit WHERE id = 2'],
      ['TRUNCATE', 'TRUNCATE audit CASCADE'],
      ['UPDATE personen', "UPDATE audit_persoon SET referentie = 'x'"],
      ['DELETE personen', 'DELETE FROM audit_persoon'],
      ['DELETE kop', 'DELETE FROM audit_keten'],
    ])('de database weigert %s', async (_naam, sql) => {
      expect(await fout(t.db, sql)).toMatch(/alleen-toevoegen/);
      expect(await controleerKeten(t.db)).toEqual({ heel: true, aantal: 2 });
    });

    it('een record dat niet op de keten aansluit wordt geweigerd', async () => {
      expect(await fout(t.db, `INSERT INTO audit VALUES (7, now(), 'x', 'x', 'rmc', 'x', 'persoon', 'persoon.lezen', '{}', 'x', 0, 'x', 'x', 'x')`))
        .toMatch(/sluit niet aan op de keten/);
    });
  });

  describe('knoeien wordt gevonden', () => {
    const t = verseDatabase(driver);
    const vijf = async () => {
      for (let i = 0; i < 5; i += 1) await t.db.transaction((tx) => registreerInzage(tx, inzage([`P0${i}`])));
    };

    it('een gewijzigd veld: het eerste gewijzigde record', async () => {
      await vijf();
      await knoei(t.db, "UPDATE audit SET weergavenaam = 'Iemand anders' WHERE id = 3");
      expect(await controleerKeten(t.db)).toEqual({ heel: false, id: 3, fout: expect.stringContaining('gewijzigd') });
    });
  });

  describe('knoeien: een verwijderd record', () => {
    const t = verseDatabase(driver);
    it('meldt het ontbrekende record', async () => {
      for (let i = 0; i < 4; i += 1) await t.db.transaction((tx) => registreerInzage(tx, inzage([`P0${i}`])));
      await knoei(t.db, 'DELETE FROM audit_persoon WHERE audit_id = 2; DELETE FROM audit WHERE id = 2');
      expect(await controleerKeten(t.db)).toEqual({ heel: false, id: 3, fout: expect.stringContaining('record 2 ontbreekt') });
    });
  });

  describe('knoeien: een persoon weggehaald of het laatste record verwijderd', () => {
    const t = verseDatabase(driver);
    it('meldt gewijzigde personen en een verwijderd eind', async () => {
      for (let i = 0; i < 3; i += 1) await t.db.transaction((tx) => registreerInzage(tx, inzage([`P0${i}`, 'P99'])));
      await knoei(t.db, "DELETE FROM audit_persoon WHERE audit_id = 2 AND referentie = persoon_referentie('P99')");
      expect(await controleerKeten(t.db)).toEqual({ heel: false, id: 2, fout: expect.stringContaining('personen van dit record') });
      await t.db.transaction((tx) => registreerInzage(tx, inzage([]))); // record 4
      await knoei(t.db, "INSERT INTO audit_persoon VALUES (2, persoon_referentie('P99'))");
      await knoei(t.db, 'DELETE FROM audit WHERE id = 4');
      expect(await controleerKeten(t.db)).toEqual({ heel: false, id: 4, fout: expect.stringContaining('kop van de keten') });
    });
  });
});
