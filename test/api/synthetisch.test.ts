import { expect, it } from 'vitest';
import { DEMO_LEVERING, demoLevering, demoLeveringsnaam } from '../../src/demo/demodata.js';
import { describeDatabases } from '../support/database.js';
import { apiomgeving } from './omgeving.js';

/**
 * `telling.synthetisch`: true when a delivery of the run is the generated demo data (the
 * delivery named DEMO_LEVERING, as src/demo/demodata.ts imports it), false otherwise. The
 * web app shows its notice on that flag.
 */
const URLS = [
  '/api/v1/schooljaren',
  '/api/v1/landelijk/reeks',
  '/api/v1/landelijk/kerncijfers',
  '/api/v1/rmc-regios',
  '/api/v1/rmc-regios/21',
  '/api/v1/gemeenten/GM0363',
  '/api/v1/instellingen?naam=college',
  '/api/v1/instellingen/10AA',
  '/api/v1/vergelijking?rmcCodes=21&brins=10AA',
];

/** Every `telling` object anywhere in an answer. */
function tellingen(antwoord: unknown): Record<string, unknown>[] {
  const uit: Record<string, unknown>[] = [];
  const loop = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(loop);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if ((k === 'telling' && v) || k === 'tellingen') (Array.isArray(v) ? v : [v]).forEach((t) => uit.push(t as Record<string, unknown>));
        loop(v);
      }
    }
  };
  loop(antwoord);
  return uit;
}

it('de demolevering heet synthetische-demodata, met de schaal erbij', () => {
  expect(DEMO_LEVERING).toBe('synthetische-demodata');
  expect(demoLeveringsnaam(0.1)).toBe('synthetische-demodata-schaal-0.1');
  expect(demoLevering(demoLeveringsnaam(0.1))).toEqual({ schaal: 0.1 });
  expect(demoLevering(demoLeveringsnaam(1))).toEqual({ schaal: 1 });
  expect(demoLevering(demoLeveringsnaam(0.002))).toEqual({ schaal: 0.002 });
  expect(demoLevering(DEMO_LEVERING)).toEqual({ schaal: null });
  for (const naam of ['levering-2024', 'synthetische-demodata-schaal-', 'synthetische-demodata-schaal-x', 'echte-synthetische-demodata']) {
    expect(demoLevering(naam), naam).toBeNull();
  }
});

describeDatabases('API: synthetische demodata', (driver) => {
  const demo = apiomgeving(driver, { leveringsnaam: demoLeveringsnaam(0.1) });
  const echt = apiomgeving(driver);

  it('een telling uit de levering DEMO_LEVERING is synthetisch, in elk antwoord', async () => {
    for (const url of URLS) {
      const t = tellingen(await demo.json(url));
      expect(t.length, url).toBeGreaterThan(0);
      for (const telling of t) {
        expect(telling, url).toMatchObject({ synthetisch: true, schaal: 0.1, leveringen: [{ naam: demoLeveringsnaam(0.1) }] });
      }
    }
  });

  it('de tellingen van de testlevering (een andere naam) zijn niet synthetisch', async () => {
    for (const url of URLS) {
      const t = tellingen(await echt.json(url));
      expect(t.length, url).toBeGreaterThan(0);
      for (const telling of t) {
        expect(telling.synthetisch, url).toBe(false);
        expect(telling.schaal, url).toBeNull();
        expect((telling.leveringen as { naam: string }[]).map((l) => l.naam), url).not.toContain(DEMO_LEVERING);
      }
    }
  });
});
