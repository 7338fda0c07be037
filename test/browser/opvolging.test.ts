import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { TESTGEBRUIKERS, TESTHEADER, testgebruikerUitHeader } from '../support/toegang.js';
import { axe, schermafdruk, sluitOmgeving, startOmgeving, volgFouten, type Browseromgeving, type Testserver } from './omgeving.js';

/**
 * The working day of issue 9 item 8, as far as built, in a real browser on the test delivery
 * (test/api/fixture.ts): in April 2018 region 19 (GM0344, BRIN 20BB) has three new dropouts,
 * one of them 20 (the RMC's dossier), two 17 (leerplicht's). The user comes from the TEST-ONLY
 * header hook. Every page axe-clean, no console error, no persoon_id on a page or in a URL, and
 * every person read in the audit trail.
 */
let omgeving: Browseromgeving | undefined;
let db: Db;
let server: Testserver;
let browser: Browseromgeving['browser'];

beforeAll(async () => {
  omgeving = await startOmgeving('browser-opvolging', { testgebruiker: testgebruikerUitHeader });
  ({ db, server, browser } = omgeving);
});

afterAll(() => sluitOmgeving(omgeving));

async function open(g: Gebruiker, pad: string): Promise<{ page: Page; fouten: string[] }> {
  const page = await browser.context.newPage();
  await page.setExtraHTTPHeaders({ [TESTHEADER]: JSON.stringify(g) });
  const fouten = volgFouten(page);
  await page.goto(`${server.basis}${pad}`);
  return { page, fouten };
}

async function toonLijst(page: Page, soort: string, maand: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Maandlijsten' }).waitFor();
  await page.getByLabel('Lijst', { exact: true }).selectOption(soort);
  await page.getByLabel('Maand', { exact: true }).selectOption(maand);
  await page.getByRole('button', { name: 'Lijst tonen' }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`op ${soort} ${maand}`) }).waitFor();
}

const audit = async (account: string) => db.query<{ handeling: string; aantal_personen: number }>(
  'SELECT handeling, aantal_personen FROM audit WHERE account_id = $1 ORDER BY id', [account]);

describe('de werkdag in de browser', () => {
  it('rmc: opent de lijst, het dossier van een nieuwe naam, en legt een contactpoging, intake en traject vast', async () => {
    const { page, fouten } = await open(TESTGEBRUIKERS.rmc, '/maandlijsten');
    try {
      await page.getByRole('heading', { level: 1, name: 'Maandlijsten' }).waitFor();
      expect(await axe(page)).toEqual([]);
      await toonLijst(page, 'uitschrijvingen', '2018-04');
      expect(await page.locator('main tbody tr').count()).toBe(3);
      expect(await page.locator('main tbody').getByText('nieuw', { exact: true }).count()).toBe(3);
      expect(await page.textContent('main')).not.toMatch(/T\d{5}/);
      expect(await axe(page)).toEqual([]);
      await schermafdruk(page, 'opvolging-maandlijst-rmc');
      // the one dossier the RMC holds (the 20-year-old): the only name that is a link
      const link = page.locator('main tbody a');
      expect(await link.count()).toBe(1);
      await link.click();
      await page.getByRole('heading', { level: 1, name: /^Dossier / }).waitFor();
      expect(page.url()).toMatch(/\/dossier\/d[0-9a-f]{20}$/);
      await page.getByRole('heading', { level: 2, name: 'Tijdlijn' }).waitFor();
      expect(await page.textContent('main')).toContain('op de lijst uitschrijvingen van 2018-04');
      expect(await axe(page)).toEqual([]);

      const leg = async (soort: string, velden: Record<string, string>, gemeld: string) => {
        await page.getByLabel('Wat legt u vast').selectOption(soort);
        for (const [label, waarde] of Object.entries(velden)) {
          const veld = page.getByLabel(label, { exact: true });
          if ((await veld.evaluate((e) => e.tagName)) === 'SELECT') await veld.selectOption(waarde);
          else await veld.fill(waarde);
        }
        await page.getByRole('button', { name: 'Vastleggen' }).click();
        await page.getByText(`${gemeld} vastgelegd.`).waitFor();
      };
      await leg('contactpoging', { Kanaal: 'telefoon', Resultaat: 'niet-bereikt' }, 'Contactpoging');
      // dated in 2017-2018, 39 days after the list's peildatum: the effect report's 4-6 weeks
      await leg('intake', { Datum: '2018-05-10', 'Toelichting (optioneel)': 'Wil een bbl-plek' }, 'Intake');
      await leg('traject', { Doel: 'bbl-of-combinatie', Partnerorganisatie: 'Leerwerkloket Utrecht' }, 'Traject gestart');
      // the confirmation comes before the dossier is read again: wait for the timeline to show the last event
      await page.locator('.bb-tijdlijn', { hasText: 'partner: Leerwerkloket Utrecht' }).waitFor();
      const tijdlijn = await page.locator('.bb-tijdlijn').textContent();
      for (const tekst of ['contactpoging (kanaal: telefoon; resultaat: niet-bereikt)', 'intake (toelichting: Wil een bbl-plek)', 'partner: Leerwerkloket Utrecht']) {
        expect(tijdlijn).toContain(tekst);
      }
      expect(await page.textContent('main')).toContain('Test RMC Utrecht'); // behandelaar
      expect(await axe(page)).toEqual([]);
      await schermafdruk(page, 'opvolging-dossier-rmc');

      await page.getByRole('link', { name: 'Werklijst' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
      await page.getByRole('table', { name: 'Open werk per behandelaar' }).waitFor();
      expect(await axe(page)).toEqual([]);

      await page.getByRole('link', { name: 'Effectrapportage' }).click();
      await page.getByRole('heading', { level: 1, name: 'Effectrapportage' }).waitFor();
      await page.getByLabel('Schooljaar', { exact: true }).selectOption('2017-2018');
      await page.getByRole('button', { name: 'Tonen' }).click();
      await page.getByRole('table', { name: 'Weken van de lijst tot de intake' }).waitFor();
      // a figure opens the dossiers behind it, each linked to its dossier page
      await page.getByRole('button', { name: /de dossiers achter Weken van de lijst tot de intake, 4-6-weken/ }).click();
      await page.getByRole('heading', { level: 2, name: /Dossiers achter Weken van de lijst tot de intake/ }).waitFor();
      expect(await page.getByRole('region', { name: /Dossiers achter/ }).getByRole('link').count()).toBeGreaterThan(0);
      expect(await axe(page)).toEqual([]);
      await schermafdruk(page, 'opvolging-effectrapportage-rmc');
      expect(fouten).toEqual([]);

      const a = await audit('t-rmc');
      expect(a.filter((r) => r.handeling === 'lijst.lezen').map((r) => r.aantal_personen)).toEqual([3]);
      expect(a.filter((r) => r.handeling === 'dossier.schrijven').map((r) => r.aantal_personen)).toEqual([1, 1, 1]);
      expect(a.filter((r) => r.handeling === 'dossier.lezen').length).toBeGreaterThanOrEqual(5); // the page, after each record, and the dossiers behind a figure
      expect(a.filter((r) => r.handeling === 'werklijst.lezen').map((r) => r.aantal_personen)).toEqual([1]);
    } finally {
      await page.close();
    }
  });

  it('leerplicht ziet alleen inwoners van de eigen gemeente', async () => {
    const { page, fouten } = await open(TESTGEBRUIKERS.leerplicht, '/maandlijsten');
    try {
      await toonLijst(page, 'uitschrijvingen', '2018-04');
      const gemeenten = await page.locator('main tbody tr td:nth-child(3)').allTextContents();
      expect(gemeenten).toEqual(['GM0344', 'GM0344', 'GM0344']);
      expect(await page.locator('main tbody a').count()).toBe(2); // the two 17-year-olds' dossiers
      expect(await axe(page)).toEqual([]);
      expect(fouten).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('school ziet alleen eigen oud-leerlingen op uitschrijvingen, zonder naam, woonplaats of dossier', async () => {
    const { page, fouten } = await open(TESTGEBRUIKERS.school, '/maandlijsten');
    try {
      await page.getByRole('heading', { level: 1, name: 'Maandlijsten' }).waitFor();
      // the options follow the signed-in role, which the page learns after its heading is shown
      await expect.poll(() => page.getByLabel('Lijst', { exact: true }).locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)))
        .toEqual(['uitschrijvingen', 'herinschrijvingen', 'startset']);
      await toonLijst(page, 'uitschrijvingen', '2018-04');
      expect(await page.locator('main tbody tr').count()).toBe(3);
      const koppen = await page.locator('main thead th').allTextContents();
      expect(koppen).not.toContain('Naam');
      expect(koppen).not.toContain('Woongemeente');
      expect(await page.locator('main tbody td').allTextContents()).toContain('20BB');
      expect(await page.locator('main tbody a').count()).toBe(0);
      expect(await axe(page)).toEqual([]);
      await schermafdruk(page, 'opvolging-maandlijst-school');
      expect(fouten).toEqual([]);
      expect((await audit('t-school')).map((r) => [r.handeling, r.aantal_personen])).toEqual([['lijst.lezen', 3]]);
    } finally {
      await page.close();
    }
  });
});
