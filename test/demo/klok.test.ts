import { expect, it } from 'vitest';
import { demoklok, demoLeveringsnaam } from '../../src/demo/demodata.js';
import { describeDatabases } from '../support/database.js';
import { apiomgeving } from '../api/omgeving.js';

/**
 * The demo world's "today" (src/demo/demodata.ts, docs/toegang.md "Retention"): with only demo
 * deliveries, 1 October after the last counted school year; with any real delivery, none.
 */
describeDatabases('demoklok met alleen demodata', (driver) => {
  const api = apiomgeving(driver, { leveringsnaam: demoLeveringsnaam(0.1) });
  it('1 oktober na het laatst getelde schooljaar', async () => {
    const [r] = await api.db.query<{ schooljaar: string }>('SELECT max(schooljaar) AS schooljaar FROM telling_run');
    expect(await demoklok(api.db)).toBe(`${r!.schooljaar.slice(5, 9)}-10-01`);
  });
});

describeDatabases('demoklok met een echte levering', (driver) => {
  const api = apiomgeving(driver);
  it('geen: de echte datum geldt', async () => {
    expect(await demoklok(api.db)).toBeNull();
  });
});
