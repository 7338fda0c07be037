import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import { bouwApp } from '../../src/server/app.js';
import { binnenboord } from '../support/cli.js';
import { describeDatabases, metDatabase, tijdelijkeMap } from '../support/database.js';
import { login } from '../support/inloggen.js';

/**
 * `binnenboord account …` and `binnenboord machineclient maak` (issue 8): the password comes
 * from stdin or a prompt, never from an argument, and is never printed.
 */
const WW = 'wachtwoord-van-de-cli-1';

describeDatabases('binnenboord account', (driver) => {
  let locatie: string;
  let werkmap: string;
  const bb = (args: string[], invoer?: string) => binnenboord([...args, '--database', locatie], { cwd: werkmap, ...(invoer !== undefined ? { invoer } : {}) });
  const inloggen = (naam: string, ww: string) => metDatabase(locatie, async (db) => {
    const app = await bouwApp({ db, webMap: null, geoMap: join(referentiedataMap(), 'geo') });
    try {
      const r = await login(app, naam, ww);
      return { status: r.statusCode, rol: r.statusCode === 200 ? r.json().gebruiker.rol as string : null };
    } finally {
      await app.close();
    }
  });

  beforeAll(async () => {
    locatie = await driver.nieuweLocatie();
    werkmap = await tijdelijkeMap('cwd');
  });

  it('account maak --wachtwoord-stdin: status 0, zegt rol en scope, toont het wachtwoord nergens; inloggen werkt', async () => {
    const u = await bb(['account', 'maak', '--gebruikersnaam', 'beheerder', '--weergavenaam', 'Eerste beheerder', '--rol', 'beheer', '--wachtwoord-stdin'], `${WW}\n`);
    expect(u.stderr).toBe('');
    expect(u.status).toBe(0);
    expect(u.stdout).toBe("Account 'beheerder' gemaakt: rol beheer, scope landelijk.\n");
    expect(await inloggen('beheerder', WW)).toEqual({ status: 200, rol: 'beheer' });
  });

  it('zonder --wachtwoord-stdin en zonder terminal: status 1 met wat te doen', async () => {
    const u = await bb(['account', 'maak', '--gebruikersnaam', 'x', '--weergavenaam', 'X', '--rol', 'analist']);
    expect(u.status).toBe(1);
    expect(u.stderr).toBe('binnenboord: geen terminal om het wachtwoord te vragen: geef het via stdin met --wachtwoord-stdin\n');
  });

  it('fouten: scope die niet bij de rol past, te kort wachtwoord, bestaande naam; status 1, het wachtwoord niet in de melding', async () => {
    const scope = await bb(['account', 'maak', '--gebruikersnaam', 'school1', '--weergavenaam', 'S', '--rol', 'school', '--scope', 'GM0344', '--wachtwoord-stdin'], WW);
    expect(scope.status).toBe(1);
    expect(scope.stderr).toBe("binnenboord: scopecode: scopecode 'GM0344' is geen geldige brin-code\n");
    const kort = await bb(['account', 'maak', '--gebruikersnaam', 'school1', '--weergavenaam', 'S', '--rol', 'school', '--scope', '20BB', '--wachtwoord-stdin'], 'geheim-kort');
    expect(kort.stderr).toBe('binnenboord: wachtwoord: het wachtwoord is te kort: minstens 12 tekens\n');
    const dubbel = await bb(['account', 'maak', '--gebruikersnaam', 'beheerder', '--weergavenaam', 'B', '--rol', 'analist', '--wachtwoord-stdin'], WW);
    expect(dubbel.stderr).toBe("binnenboord: gebruikersnaam: er is al een account 'beheerder'\n");
    for (const u of [scope, kort, dubbel]) expect(`${u.stdout}${u.stderr}`).not.toContain(WW);
  });

  it('account wijzig en blokkeer: rol en scope, nieuw wachtwoord, blokkeren weigert inloggen, lijst zonder geheimen', async () => {
    await bb(['account', 'maak', '--gebruikersnaam', 'rmc1', '--weergavenaam', 'R', '--rol', 'rmc', '--scope', '19', '--wachtwoord-stdin'], WW);
    const w = await bb(['account', 'wijzig', '--gebruikersnaam', 'rmc1', '--rol', 'leerplicht', '--scope', 'GM0344', '--wachtwoord-stdin'], 'een-nieuw-wachtwoord');
    expect(w.stderr).toBe('');
    expect(w.stdout).toBe("Account 'rmc1' gewijzigd: rol leerplicht, scope gemeente GM0344, nieuw wachtwoord.\n");
    expect(await inloggen('rmc1', 'een-nieuw-wachtwoord')).toEqual({ status: 200, rol: 'leerplicht' });
    const b = await bb(['account', 'blokkeer', '--gebruikersnaam', 'rmc1']);
    expect(b.stdout).toBe("Account 'rmc1' geblokkeerd; open sessies zijn beëindigd.\n");
    expect((await inloggen('rmc1', 'een-nieuw-wachtwoord')).status).toBe(401);
    const l = await bb(['account', 'lijst']);
    expect(l.stdout).toMatch(/^rmc1\s+R\s+leerplicht\s+gemeente GM0344\s+geblokkeerd$/m);
    expect(l.stdout).not.toMatch(/argon2/);
    const niets = await bb(['account', 'wijzig', '--gebruikersnaam', 'rmc1']);
    expect(niets.status).toBe(1);
    expect((await bb(['account', 'blokkeer', '--gebruikersnaam', 'niemand'])).stderr).toBe("binnenboord: er is geen account 'niemand'\n");
    await bb(['account', 'wijzig', '--gebruikersnaam', 'rmc1', '--deblokkeer']);
    expect((await inloggen('rmc1', 'een-nieuw-wachtwoord')).status).toBe(200);
  });

  it('een wachtwoord als argument bestaat niet (het zou in ps en de shellgeschiedenis staan)', async () => {
    const u = await bb(['account', 'maak', '--gebruikersnaam', 'y', '--weergavenaam', 'Y', '--rol', 'analist', '--wachtwoord', WW]);
    expect(u.status).toBe(2);
  });

  it('machineclient maak: de sleutel alleen op stdout, de uitleg op stderr', async () => {
    const u = await bb(['machineclient', 'maak', '--naam', 'Administratie 20BB', '--rol', 'school', '--scope', '20BB']);
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/^bbk_[A-Za-z0-9_-]{43}\n$/);
    expect(u.stderr).toMatch(/Machineclient 'Administratie 20BB' gemaakt: rol school, scope brin 20BB\. De API-sleutel staat hieronder/);
  });
});
