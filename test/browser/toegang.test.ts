import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { TESTGEBRUIKERS, TESTHEADER, testgebruikerUitHeader } from '../support/toegang.js';
import { axe, schermafdruk, sluitOmgeving, startOmgeving, volgFouten, type Browseromgeving, type Testserver } from './omgeving.js';

/**
 * The person-data page and the privacy officer's audit page in a real browser. The user comes
 * from the TEST-ONLY header hook (test/support/toegang.ts), which the server honours only when a
 * test builds it so; logging in through the page is tested in inloggen.test.ts. Every page: axe finds no WCAG 2.1
 * A/AA violation, no console error, and no persoon_id on the page or in the URL.
 */

let omgeving: Browseromgeving | undefined;
let db: Db;
let server: Testserver;
let browser: Browseromgeving['browser'];

beforeAll(async () => {
  omgeving = await startOmgeving('browser-toegang', { testgebruiker: testgebruikerUitHeader });
  ({ db, server, browser } = omgeving);
});

afterAll(() => sluitOmgeving(omgeving));

async function open(g: Gebruiker | null, pad: string): Promise<{ page: Page; fouten: string[] }> {
  const page = await browser.context.newPage();
  await page.setExtraHTTPHeaders(g ? { [TESTHEADER]: JSON.stringify(g) } : {});
  const fouten = volgFouten(page);
  await page.goto(`${server.basis}${pad}`);
  return { page, fouten };
}


describe('toegang in de webapp', () => {
  it('rmc: zoekt de personen van de eigen regio met een doel; tabel met namen, geen persoon_id; axe vindt niets', async () => {
    const { page, fouten } = await open(TESTGEBRUIKERS.rmc, '/personen');
    try {
      await page.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
      await page.getByRole('main').getByText('Test RMC Utrecht').first().waitFor();
      expect(await axe(page)).toEqual([]);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('heading', { level: 2, name: /3 personen/ }).waitFor();
      expect(await page.locator('th').allTextContents()).toContain('Achternaam');
      expect(await page.locator('tbody tr').count()).toBe(3);
      expect(await page.textContent('main')).not.toMatch(/T\d{5}/);
      expect(page.url()).toBe(`${server.basis}/personen`);
      expect(await axe(page)).toEqual([]);
      await schermafdruk(page, 'toegang-personen-rmc');
      expect(fouten).toEqual([]);
      const [n] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE account_id = 't-rmc'");
      expect(n!.n).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('school: ziet de eigen inschrijvingen zonder naam of woongemeente', async () => {
    const { page, fouten } = await open(TESTGEBRUIKERS.school, '/personen');
    try {
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('heading', { level: 2, name: /3 personen/ }).waitFor();
      const koppen = await page.locator('th').allTextContents();
      expect(koppen).toContain('Inschrijving');
      expect(koppen).not.toContain('Achternaam');
      expect(koppen).not.toContain('Woongemeente (T0)');
      expect(await axe(page)).toEqual([]);
      expect(fouten).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('analist en anoniem: geen persoonsgegevens, een uitleg waarom; axe vindt niets', async () => {
    for (const [g, tekst] of [[TESTGEBRUIKERS.analist, "rol 'analist'"], [null, 'niet ingelogd']] as const) {
      const { page, fouten } = await open(g, '/personen');
      try {
        await page.getByText(tekst, { exact: false }).waitFor();
        expect(await page.locator('form').count()).toBe(0);
        expect(await axe(page)).toEqual([]);
        expect(fouten).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('privacy: het audittrail, te doorzoeken op account; axe vindt niets; anderen zien het niet', async () => {
    const { page, fouten } = await open(TESTGEBRUIKERS.privacy, '/audit');
    try {
      await page.getByRole('heading', { level: 1, name: 'Audittrail' }).waitFor();
      expect(await axe(page)).toEqual([]);
      await page.getByLabel('Account').fill('t-rmc');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('heading', { level: 2, name: /inzage/ }).waitFor();
      expect(await page.locator('tbody tr').first().textContent()).toContain('Test RMC Utrecht');
      expect(await page.textContent('main')).toContain('trajectbegeleiding');
      expect(await axe(page)).toEqual([]);
      await schermafdruk(page, 'toegang-audit-privacy');
      expect(fouten).toEqual([]);
    } finally {
      await page.close();
    }
    const anders = await open(TESTGEBRUIKERS.rmc, '/audit');
    try {
      await anders.page.getByText('alleen de rol privacy', { exact: false }).waitFor();
      expect(await axe(anders.page)).toEqual([]);
    } finally {
      await anders.page.close();
    }
  });
});
