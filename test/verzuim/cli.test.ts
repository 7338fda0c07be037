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
});
