import { expect, it } from 'vitest';
import { leesAccounts } from '../../src/db/accounts.js';
import { DEMOACCOUNTS, demoWachtwoord, zorgVoorDemoaccounts } from '../../src/demo/demoaccounts.js';
import { demoLeveringsnaam } from '../../src/demo/demodata.js';
import { STARTPAGINA } from '../../src/domain/toegang/inloggen.js';
import { SCOPESOORT } from '../../src/domain/toegang/rollen.js';
import { describeDatabases } from '../support/database.js';
import { login } from '../support/inloggen.js';
import { apiomgeving } from './omgeving.js';

/**
 * Demo accounts (README, "Demo-accounts"): one per role, made on the first start of a database
 * with the demo data, never in production; each logs in and lands on its role's start page.
 */
describeDatabases('demo-accounts', (driver) => {
  const api = apiomgeving(driver, { leveringsnaam: demoLeveringsnaam(0.1) });

  it('NODE_ENV=production: geen demo-accounts', async () => {
    expect(await zorgVoorDemoaccounts(api.db, { productie: true })).toBe(false);
    expect(await leesAccounts(api.db)).toEqual([]);
  });

  it('met de demodata: één per rol, gemarkeerd als demo, en maar één keer', async () => {
    const meldingen: string[] = [];
    expect(await zorgVoorDemoaccounts(api.db, { productie: false }, (m) => meldingen.push(m))).toBe(true);
    expect(meldingen[0]).toMatch(/^Demo-accounts gemaakt: demo-rmc, demo-leerplicht, demo-school, demo-analist, demo-beheer, demo-privacy/);
    expect(await zorgVoorDemoaccounts(api.db, { productie: false })).toBe(false);
    const accounts = await leesAccounts(api.db);
    expect(accounts.map((a) => a.rol).sort()).toEqual(['analist', 'beheer', 'leerplicht', 'privacy', 'rmc', 'school']);
    for (const a of accounts) {
      expect(a.demo).toBe(true);
      expect(a.scope.soort).toBe(SCOPESOORT[a.rol]);
    }
    expect(accounts.find((a) => a.rol === 'school')!.scope).toEqual({ soort: 'brin', code: '00CB' });
  });

  it.each(DEMOACCOUNTS.map((a) => [a.gebruikersnaam, a.rol] as const))('%s logt in met demo-wachtwoord-<rol> en landt op de startpagina van de rol', async (naam, rol) => {
    const r = await login(api.app, naam, demoWachtwoord(rol));
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ gebruiker: { rol }, startpagina: STARTPAGINA[rol] });
  });
});

describeDatabases('demo-accounts zonder demodata', (driver) => {
  const api = apiomgeving(driver);
  it('een database met echte leveringen krijgt geen demo-accounts', async () => {
    expect(await zorgVoorDemoaccounts(api.db, { productie: false })).toBe(false);
    expect(await leesAccounts(api.db)).toEqual([]);
  });
});
