import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { LeveringGeweigerd, LeveringOnverwerkbaar, importeerLevering } from '../../src/importeren/importeer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, tijdelijkeMap, verseDatabase } from '../support/database.js';
import { VOORBEELDEN } from '../support/gedeeld.js';
import { aantallen, csv, kopieVanVoorbeelden, momentopname, voorbeelden } from '../support/levering.js';

/**
 * cli.md: when "the delivery as a whole could not be processed (no such folder, unreadable
 * file, database unavailable) ... nothing of it is imported". Each case starts from a database
 * that already holds a delivery and a count, and must leave every table exactly as it was,
 * but for one new record of the refusal (levering_weigering) when there was a delivery folder.
 *
 * Tests run as root, so chmod 000 does not make a file unreadable; the unreadable files here
 * are a folder, a dangling symlink, a named pipe and a symlink to /proc/self/mem (which the
 * kernel refuses to read at offset 0 with EIO). A file that changes between the whole-file
 * check and its import is found midway, after the files before it were merged.
 */
describeDatabases('onverwerkbare levering', (driver) => {
  const t = verseDatabase(driver);
  let voor: Record<string, string[]>;
  let levering: string;

  beforeAll(async () => {
    await importeerLevering(t.db, voorbeelden().levering);
    await voerTellingUit(t.db, parseSchooljaar('2019-2020')!, { status: 'definitief', werkurenDrempel: 12 });
    voor = await momentopname(t.db);
  });

  // A delivery that would change things: a corrected person, a new person, a rejected row.
  beforeEach(async () => {
    levering = await kopieVanVoorbeelden();
    await writeFile(join(levering, 'personen.csv'), csv(
      ['persoon_id', 'geboortedatum', 'geslacht'],
      ['P01', '2002-03-15', 'V'],
      ['P99', '2003-03-03', 'M'],
      ['P98', '2003-02-30', 'M']));
  });

  async function verwachtNietsVeranderd(map: string, melding: RegExp, weigering = true): Promise<void> {
    const weigeringenVoor = (await aantallen(t.db)).levering_weigering!;
    const fout = await importeerLevering(t.db, map).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(weigering ? LeveringGeweigerd : LeveringOnverwerkbaar);
    expect((fout as Error).message).toMatch(melding);
    const { levering_weigering: weigeringen, ...na } = await momentopname(t.db);
    const { levering_weigering: _, ...verwacht } = voor;
    expect(na).toEqual(verwacht);
    expect(weigeringen).toHaveLength(weigeringenVoor + (weigering ? 1 : 0));
  }

  it('de uitgangssituatie heeft data, een telling en geen afgewezen rijen', async () => {
    expect(await aantallen(t.db)).toMatchObject({ levering: 1, persoon: 16, telling_run: 1, telling_persoon: 13, afgewezen_rij: 0 });
  });

  it('zonder storing zou deze levering wél iets veranderen (anders bewijzen de gevallen hieronder niets)', async () => {
    const proef = await driver.nieuweDatabase();
    await importeerLevering(proef.db, voorbeelden().levering);
    const v = await importeerLevering(proef.db, levering);
    expect(v.bestanden.find((b) => b.bestand === 'personen.csv')).toMatchObject({ nieuw: 1, vervangen: 1, afgewezen: 1 });
    await proef.db.close();
  });

  it('een map die niet bestaat', async () => {
    await verwachtNietsVeranderd(join(levering, 'bestaat-niet'), /bestaat niet of is geen map/, false);
  });

  it('een pad dat een bestand is, geen map', async () => {
    await verwachtNietsVeranderd(join(levering, 'personen.csv'), /bestaat niet of is geen map/, false);
  });

  it('een bekend bestand dat een map is', async () => {
    await rm(join(levering, 'werk.csv'));
    await mkdir(join(levering, 'werk.csv'));
    await verwachtNietsVeranderd(levering, /werk\.csv: is geen bestand/);
  });

  it('een bekend bestand dat een symlink naar niets is', async () => {
    await rm(join(levering, 'werk.csv'));
    await symlink(join(levering, 'verdwenen.csv'), join(levering, 'werk.csv'));
    await verwachtNietsVeranderd(levering, /werk\.csv: kon niet worden gelezen: .*ENOENT/);
  });

  it('een bekend bestand dat een named pipe is', async () => {
    await rm(join(levering, 'werk.csv'));
    execFileSync('mkfifo', [join(levering, 'werk.csv')]);
    await verwachtNietsVeranderd(levering, /werk\.csv: is geen bestand/);
  });

  it('een bestand dat niet te lezen is (EIO) weigert de levering vóór er iets is samengevoegd', async () => {
    expect(existsSync('/proc/self/mem')).toBe(true);
    await rm(join(levering, 'werk.csv'));
    await symlink('/proc/self/mem', join(levering, 'werk.csv'));
    await verwachtNietsVeranderd(levering, /werk\.csv: kon niet worden gelezen: .*(EIO|i\/o error)/i);
  });

  it('een bestand dat halverwege verandert (na zeven samengevoegde bestanden) rolt alles terug; alleen de weigering blijft', async () => {
    const weigeringenVoor = (await aantallen(t.db)).levering_weigering!;
    const ingelezen: string[] = [];
    const fout = await importeerLevering(t.db, levering, {
      voortgang: (m) => {
        // personen.csv … vrijstellingen.csv come before werk.csv (levering.md order) and are merged by then.
        if (m.endsWith('rijen in') || / rijen in /.test(m)) ingelezen.push(m.split(':')[0]!);
        if (m === 'werk.csv inlezen …') writeFileSync(join(levering, 'werk.csv'), 'persoon_id,vanaf,tot,uren_per_week\nP99,2020-07-01,,30\n');
      },
    }).catch((e: unknown) => e);
    expect(ingelezen).toHaveLength(7);
    expect(fout).toBeInstanceOf(LeveringGeweigerd);
    expect((fout as Error).message).toMatch(/werk\.csv: is veranderd terwijl de levering werd ingelezen/);
    const { levering_weigering: weigeringen, ...na } = await momentopname(t.db);
    const { levering_weigering: _, ...verwacht } = voor;
    expect(na).toEqual(verwacht);
    expect(weigeringen).toHaveLength(weigeringenVoor + 1);
  });

  it('een geldige symlink naar een bestand wordt gewoon gelezen', async () => {
    const elders = await tijdelijkeMap('elders');
    await writeFile(join(elders, 'werk.csv'), csv(['persoon_id', 'vanaf', 'tot', 'uren_per_week'], ['P99', '2020-07-01', '', '30']));
    await rm(join(levering, 'werk.csv'));
    await symlink(join(elders, 'werk.csv'), join(levering, 'werk.csv'));
    const proef = await driver.nieuweDatabase();
    const v = await importeerLevering(proef.db, levering);
    expect(v.bestanden.find((b) => b.bestand === 'werk.csv')).toMatchObject({ gelezen: 1, nieuw: 1 });
    expect(await proef.db.query('SELECT persoon_id, uren_per_week FROM werk')).toEqual([{ persoon_id: 'P99', uren_per_week: '30' }]);
    await proef.db.close();
  });
}, { overgeslagen: VOORBEELDEN.reden });
