import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { binnenboord } from '../support/cli.js';
import { describeDatabases, metDatabase, tijdelijkeMap } from '../support/database.js';
import { csv, schrijfLevering } from '../support/levering.js';
import { ZELFGEMAAKT } from './fixture.js';

/**
 * `binnenboord lijst` (lijsten.md, "Command line"), run as a user runs it, byte for byte on the
 * hand-made persons of fixture.ts; scopes, --uitvoer, clear errors, and an audit entry per read.
 */
const KOP = 'lijst,maand,persoon_id,gemeente_code,rmc_code,leeftijd,brin,vestiging,onderwijstype,einddatum,reden\n';
const RMC = csv(
  ['gemeente_code', 'gemeente_naam', 'rmc_code', 'rmc_naam', 'schooljaar_vanaf', 'schooljaar_tot'],
  ['GM0363', 'Amsterdam', '21', 'Agglomeratie Amsterdam', '2016-2017', ''],
  ['GM0344', 'Utrecht', '19', 'Utrecht', '2016-2017', ''],
);

describeDatabases('binnenboord lijst', (driver) => {
  let locatie: string;
  let werkmap: string;
  const bb = (...args: string[]) => binnenboord([...args, '--database', locatie], { cwd: werkmap });

  beforeAll(async () => {
    locatie = await driver.nieuweLocatie();
    werkmap = await tijdelijkeMap('cwd');
    const map = await schrijfLevering({ ...ZELFGEMAAKT, 'rmc_indeling.csv': RMC });
    expect((await bb('import', map)).status).toBe(0);
  });

  it('herinschrijvingen februari 2023: CSV op standaarduitvoer, gesorteerd op persoon_id, met reden', async () => {
    const u = await bb('lijst', '--soort', 'herinschrijvingen', '--maand', '2023-02');
    expect(u.status).toBe(0);
    expect(u.stdout).toBe(KOP
      + 'herinschrijvingen,2023-02,Z2,GM0344,19,17,10AA,01,havo,2022-11-30,onderwijs\n'
      + 'herinschrijvingen,2023-02,Z4,GM0363,21,18,90AB,01,mbo,2022-10-15,overleden\n');
    expect(u.stderr).toMatch(/^Lijst herinschrijvingen 2023-02 \(landelijk\): 2 personen; lijstrun 1 \(nu berekend; leveringen 1\)\.\n$/);
    expect(u.stderr).not.toMatch(/Z\d/);
  });

  it('een tweede vraag over dezelfde maand gebruikt de opgeslagen lijsten', async () => {
    const u = await bb('lijst', '--soort', 'werkvoorraad', '--maand', '2023-02');
    expect(u.stderr).toMatch(/lijstrun 1 \(opgeslagen op /);
    expect(u.stdout).toBe(KOP
      + 'werkvoorraad,2023-02,Z3,GM0344,19,17,90AB,00,mbo,2022-12-31,\n'
      + 'werkvoorraad,2023-02,Z5,GM0599,onbekend,22,90AB,00,mbo,2023-01-31,\n');
  });

  it('--rmc, --gemeente en --brin houden alleen de rijen van dat bereik', async () => {
    expect((await bb('lijst', '--soort', 'werkvoorraad', '--maand', '2023-02', '--rmc', '19')).stdout)
      .toBe(`${KOP}werkvoorraad,2023-02,Z3,GM0344,19,17,90AB,00,mbo,2022-12-31,\n`);
    expect((await bb('lijst', '--soort', 'uitschrijvingen', '--maand', '2023-02', '--gemeente', 'GM0599')).stdout)
      .toBe(`${KOP}uitschrijvingen,2023-02,Z5,GM0599,onbekend,22,90AB,00,mbo,2023-01-31,\n`);
    expect((await bb('lijst', '--soort', 'herinschrijvingen', '--maand', '2023-02', '--brin', '90AB')).stdout)
      .toBe(`${KOP}herinschrijvingen,2023-02,Z4,GM0363,21,18,90AB,01,mbo,2022-10-15,overleden\n`);
    expect((await bb('lijst', '--soort', 'uitschrijvingen', '--maand', '2023-02', '--rmc', '21')).stdout).toBe(KOP);
  });

  it('--uitvoer schrijft hetzelfde in het bestand en meldt het op standaarduitvoer', async () => {
    const bestand = join(werkmap, 'her.csv');
    const u = await bb('lijst', '--soort', 'herinschrijvingen', '--maand', '2023-02', '--uitvoer', bestand);
    expect(u.status).toBe(0);
    expect(await readFile(bestand, 'utf8')).toBe((await bb('lijst', '--soort', 'herinschrijvingen', '--maand', '2023-02')).stdout);
    expect(u.stdout).toMatch(/^Lijst herinschrijvingen 2023-02 \(landelijk\): 2 personen naar .*her\.csv; lijstrun 1 /);
  });

  it('startset zonder telling van het lijstjaar: status 1 en wat er moet gebeuren', async () => {
    const u = await bb('lijst', '--soort', 'startset', '--maand', '2022-10');
    expect(u.status).toBe(1);
    expect(u.stderr).toMatch(/telling van 2022-2023, en die is er nog niet; voer eerst binnenboord telling --schooljaar 2022-2023 uit/);
    expect(u.stdout).toBe('');
  });

  it('na de tellingen: startset van het lijstjaar en verlate startkwalificatie uit de definitieve telling ervoor', async () => {
    expect((await bb('telling', '--schooljaar', '2021-2022')).status).toBe(0);
    expect((await bb('telling', '--schooljaar', '2022-2023')).status).toBe(0);
    const s = await bb('lijst', '--soort', 'startset', '--maand', '2022-10');
    expect(s.stdout).toBe(KOP
      + 'startset,2022-10,Z2,GM0363,21,16,10AA,01,havo,,\n'
      + 'startset,2022-10,Z3,GM0344,19,17,90AB,00,mbo,,\n'
      + 'startset,2022-10,Z4,GM0363,21,18,90AB,01,mbo,,\n'
      + 'startset,2022-10,Z6,GM0363,21,15,10AA,00,vmbo-tl,,\n');
    expect(s.stderr).toMatch(/nu berekend; leveringen 1; startset uit telling-run 2; verlate startkwalificaties uit telling-run 1/);
    expect((await bb('lijst', '--soort', 'startset', '--maand', '2022-10', '--brin', '10AA')).stdout)
      .toBe(`${KOP}startset,2022-10,Z2,GM0363,21,16,10AA,01,havo,,\nstartset,2022-10,Z6,GM0363,21,15,10AA,00,vmbo-tl,,\n`);
    expect((await bb('lijst', '--soort', 'verlate-startkwalificatie', '--maand', '2022-11')).stdout)
      .toBe(`${KOP}verlate-startkwalificatie,2022-11,Z1,GM0363,21,18,90AA,00,mbo,,verlate-startkwalificatie\n`);
    expect((await bb('lijst', '--soort', 'verlate-startkwalificatie', '--maand', '2022-10')).stdout).toBe(KOP);
    expect((await bb('lijst', '--soort', 'uitval', '--maand', '2023-02')).stdout).toBe(`${KOP}uitval,2023-02,Z3,GM0344,19,17,90AB,00,mbo,2022-12-31,\n`);
  });

  it('foute opties: een duidelijke melding, status 1, geen uitvoer', async () => {
    const gevallen: [string[], RegExp][] = [
      [['--soort', 'werkvoorraad', '--maand', '2023-02', '--brin', '90AB'], /een school \(--brin\) ziet alleen de lijsten uitschrijvingen, herinschrijvingen, startset, niet werkvoorraad/],
      [['--soort', 'afwezig', '--maand', '2023-02'], /--soort 'afwezig' is onbekend; kies uitschrijvingen, werkvoorraad/],
      [['--soort', 'uitval', '--maand', '2023-2'], /--maand '2023-2' is geen maand; schrijf JJJJ-MM/],
      [['--soort', 'uitval', '--maand', '2023-02', '--rmc', '21', '--gemeente', 'GM0363'], /hoogstens één van --rmc, --gemeente en --brin/],
      [['--soort', 'uitval', '--maand', '2023-02', '--gemeente', '0363'], /--gemeente '0363' is geen gemeentecode/],
      [['--soort', 'uitval', '--maand', '2023-02', '--rmc', "21' OR '1'='1"], /--rmc .* is geen RMC-regio/],
    ];
    for (const [args, melding] of gevallen) {
      const u = await bb('lijst', ...args);
      expect(u.status, args.join(' ')).toBe(1);
      expect(u.stderr).toMatch(melding);
      expect(u.stdout).toBe('');
    }
  });

  it('elke gelezen lijst staat in de audit: wie, welke lijst, maand, bereik, aantal; nooit een persoon_id', async () => {
    await metDatabase(locatie, async (db) => {
      const regels = await db.query<{ account_id: string; handeling: string; doel: string; parameters: string }>(
        "SELECT account_id, handeling, doel, parameters FROM audit WHERE handeling = 'lijst.lezen' ORDER BY id");
      expect(regels.length).toBeGreaterThanOrEqual(12);
      expect(regels[0]).toMatchObject({ handeling: 'lijst.lezen', doel: 'maandlijst' });
      expect(JSON.parse(regels[0]!.parameters)).toEqual({
        soort: 'herinschrijvingen', maand: '2023-02', bereik: 'landelijk', lijstrun: 1, personen: 2, naar: 'standaarduitvoer',
      });
      expect(regels[0]!.account_id).toMatch(/^cli:/);
      expect(regels.map((r) => JSON.parse(r.parameters) as { bereik: string; personen: number }).find((p) => p.bereik === 'rmc 19')?.personen).toBe(1);
      // never a persoon_id; `naar` is the output file the test itself chose (a random folder name,
      // which can hold 'Z' and a digit), so it is checked to be a file name or standard output
      for (const r of regels) {
        const { naar, ...rest } = JSON.parse(r.parameters) as { naar?: string };
        expect(naar === undefined || naar === 'standaarduitvoer' || naar.startsWith('/')).toBe(true);
        expect(JSON.stringify(rest)).not.toMatch(/Z\d/);
      }
    });
  });
});
