import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { binnenboord } from '../support/cli.js';
import { describeDatabases, metDatabase, tijdelijkeMap } from '../support/database.js';
import { meldingenCsv, vulRegistratie } from './registratie.js';

describeDatabases('binnenboord verzuim importeer', (driver) => {
  it('meldt per regel wat gemeld en wat geweigerd is, zonder persoon-id', async () => {
    const locatie = await driver.nieuweLocatie();
    await metDatabase(locatie, vulRegistratie);
    const map = await tijdelijkeMap('verzuim-cli');
    const pad = join(map, 'meldingen.csv');
    await writeFile(pad, meldingenCsv([{}, { persoon_id: 'P9' }, { melder_telefoon: '12' }]));
    const u = await binnenboord(['verzuim', 'importeer', pad, '--brin', '25LX', '--database', locatie, '--vandaag', '2018-06-01'], { cwd: map });
    expect(u.stderr).toBe('');
    expect(u.status).toBe(0);
    expect(u.stdout).toContain('3 melding(en) gelezen: 1 gemeld, 2 geweigerd.');
    expect(u.stdout).toMatch(/regel 2: melding \d+ naar leerplicht GM0479, tijdig/);
    expect(u.stdout).toContain('regel 3, kolom persoon_id: de leerling is onbekend in de registratie');
    expect(u.stdout).toContain("regel 4, kolom melder_telefoon: '12' is geen Nederlands telefoonnummer");
    expect(u.stdout).not.toMatch(/\bP[19]\b/);
  });

  it('gebruiksfouten: een verkeerde --brin of een ontbrekend bestand', async () => {
    const map = await tijdelijkeMap('verzuim-cli');
    const u = await binnenboord(['verzuim', 'importeer', join(map, 'nergens.csv'), '--brin', '25lx'], { cwd: map });
    expect(u.status).toBe(1);
    expect(u.stderr).toContain("--brin '25lx' is geen BRIN-code");
    const v = await binnenboord(['verzuim', 'importeer', join(map, 'nergens.csv'), '--brin', '25LX'], { cwd: map });
    expect(v.stderr).toContain('is geen bestand');
  });

  it('verzuim publiceren: berekent de openbare cijfers van het schooljaar (landelijk en per regio), noemt aantallen en geen persoon', async () => {
    const locatie = await driver.nieuweLocatie();
    await metDatabase(locatie, vulRegistratie);
    const map = await tijdelijkeMap('verzuim-cli');
    const pad = join(map, 'meldingen.csv');
    await writeFile(pad, meldingenCsv([{}]));
    expect((await binnenboord(['verzuim', 'importeer', pad, '--brin', '25LX', '--database', locatie, '--vandaag', '2018-06-01'], { cwd: map })).status).toBe(0);
    const u = await binnenboord(['verzuim', 'publiceren', '--schooljaar', '2017-2018', '--database', locatie], { cwd: map });
    expect(u.stderr).toBe('');
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/^Openbare verzuimcijfers van 2017-2018 berekend: 1 melding\(en\), \d+ cijfers; geen telling van dit schooljaar/);
    expect(u.stdout).not.toMatch(/\bP1\b/);
    const rijen = await metDatabase(locatie, (db) => db.query<{ niveau: string; gebied: string; aantal: number }>(
      "SELECT niveau, gebied, aantal FROM verzuim_cijfer WHERE schooljaar = '2017-2018' AND dimensie = 'totaal' ORDER BY niveau, gebied"));
    // routed to leerplicht GM0479 (Zaanstad), whose region is 21
    expect(rijen).toEqual([{ niveau: 'landelijk', gebied: 'NL', aantal: 1 }, { niveau: 'regio', gebied: '21', aantal: 1 }]);
    // again: replaced, not added to
    expect((await binnenboord(['verzuim', 'publiceren', '--schooljaar', '2017-2018', '--database', locatie], { cwd: map })).status).toBe(0);
    expect(await metDatabase(locatie, (db) => db.query("SELECT count(*)::int AS n FROM verzuim_cijfer_berekening"))).toEqual([{ n: 1 }]);
    const fout = await binnenboord(['verzuim', 'publiceren', '--schooljaar', '2017-2019', '--database', locatie], { cwd: map });
    expect(fout.status).toBe(1);
    expect(fout.stderr).toContain("--schooljaar '2017-2019' is geen schooljaar");
  });
});
