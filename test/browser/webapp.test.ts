import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import { schrijfVerzuimcijfers } from '../../src/db/verzuimcijfers.js';
import { demoLeveringsnaam } from '../../src/demo/demodata.js';
import { vulTestdatabase } from '../api/fixture.js';
import { tijdelijkeMap } from '../support/database.js';
import {
  AXE_TAGS, schermafdruk, sluitOmgeving, startOmgeving, startServer, volgFouten, type Browseromgeving, type Testserver,
} from './omgeving.js';

/**
 * Every page of the web app in a real Chromium against a real server and database: it loads,
 * shows its main content, has the landmarks, a table for every chart, no console errors (a
 * CSP violation would be one), and axe finds no WCAG 2.1 A/AA violation. Keyboard only:
 * the skip link, the menu, the main controls. A screenshot of each page goes to
 * test-results/screenshots/.
 */

interface Paginageval {
  naam: string;
  pad: string;
  kop: string | RegExp;
  /** what must be visible for the page to count as loaded */
  inhoud: string;
  grafieken: number;
  /** what the page must also show (checked at every width) */
  controle?: (page: Page) => Promise<void>;
}

/**
 * A municipality publishes its totals only (docs/openbaarmaking.md): on the page of Amsterdam its
 * trend is the one chart, there is no breakdown table, and the section "Uitsplitsingen" says so and
 * links to the breakdowns of its region (21).
 */
async function gemeenteAlleenTotalen(page: Page): Promise<void> {
  expect(await page.locator('figure.bb-grafiek').count()).toBe(1);
  expect(await page.locator('section[aria-labelledby=kop-trend] figure.bb-grafiek').count()).toBe(1);
  expect(await page.locator('caption', { hasText: /^Naar (sector|categorie|leeftijd|geslacht)/ }).count()).toBe(0);
  const sectie = page.locator('section[aria-labelledby=kop-uitsplitsing]');
  expect(await sectie.locator('#kop-uitsplitsing').innerText()).toBe('Uitsplitsingen');
  expect(await sectie.innerText()).toContain('Voor een gemeente publiceren we alleen de totalen');
  expect(await sectie.locator('a[href="/over-deze-cijfers#kop-afscherming"]').count()).toBe(1);
  const regio = sectie.locator('a[href="/regio/21#kop-uitsplitsing"]');
  expect(await regio.innerText()).toBe('RMC-regio Agglomeratie Amsterdam');
}

const PAGINAS: Paginageval[] = [
  { naam: 'landelijk', pad: '/', kop: 'Landelijke vsv-cijfers', inhoud: '[data-testid=kerncijfers]', grafieken: 1 },
  { naam: 'kaart-regios', pad: '/kaart', kop: 'Kaart: vsv-percentage per RMC-regio', inhoud: 'table >> text=Agglomeratie Amsterdam', grafieken: 1 },
  { naam: 'kaart-gemeenten', pad: '/kaart?niveau=gemeenten', kop: 'Kaart: vsv-percentage per gemeente', inhoud: 'table >> text=Amersfoort', grafieken: 1 },
  { naam: 'regio', pad: '/regio/21', kop: 'RMC-regio Agglomeratie Amsterdam', inhoud: '[data-testid=kerncijfers]', grafieken: 2 },
  { naam: 'gemeente', pad: '/gemeente/GM0363', kop: 'Gemeente Amsterdam', inhoud: '[data-testid=kerncijfers]', grafieken: 1, controle: gemeenteAlleenTotalen },
  { naam: 'instellingen', pad: '/instellingen?naam=college', kop: 'Instellingen zoeken', inhoud: 'table >> text=Stedelijk College Noord', grafieken: 0 },
  { naam: 'instelling', pad: '/instelling/10AA', kop: 'Stedelijk College Noord', inhoud: '[data-testid=kerncijfers]', grafieken: 2 },
  { naam: 'vergelijken', pad: '/vergelijken?regios=21,19&instellingen=10AA', kop: 'Vergelijken over de jaren', inhoud: 'table >> text=Nederland', grafieken: 1 },
  { naam: 'niet-gevonden', pad: '/bestaat-niet', kop: 'Pagina niet gevonden', inhoud: 'main p', grafieken: 0 },
];

let omgeving: Browseromgeving | undefined;
let db: Db;
let server: Testserver;
let basis: string;
let browser: Browseromgeving['browser'];

beforeAll(async () => {
  omgeving = await startOmgeving('browser');
  ({ db, server, browser } = omgeving);
  basis = server.basis;
});

afterAll(() => sluitOmgeving(omgeving));

async function wachtOpGrafieken(page: Page, aantal: number): Promise<void> {
  if (aantal === 0) return;
  await page.waitForFunction((n) => document.querySelectorAll('[data-grafiek=klaar]').length >= n, aantal, { timeout: 15_000 });
}

async function focusTekst(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}#${el.id}:${(el.textContent ?? '').trim().slice(0, 40)}` : '';
  });
}

async function tabTot(page: Page, doel: (f: string) => boolean, max = 40): Promise<string> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focusTekst(page);
    if (doel(f)) return f;
  }
  throw new Error(`niet bereikt met ${max} keer Tab; focus op ${await focusTekst(page)}`);
}

/** The focused element shows a focus ring (an outline of its own, not a colour change only). */
async function heeftZichtbareFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  });
}

describe('pagina\'s', () => {
  for (const geval of PAGINAS) {
    it(`${geval.naam}: laadt, toont de inhoud, oriëntatiepunten, tabellen bij grafieken; axe vindt niets`, async () => {
      const page = await browser.context.newPage();
      const fouten = volgFouten(page);
      try {
        await page.goto(`${basis}${geval.pad}`);
        await expect.poll(() => page.locator('h1').textContent()).toMatch(geval.kop);
        await page.locator(geval.inhoud).first().waitFor({ state: 'visible' });
        await wachtOpGrafieken(page, geval.grafieken);
        await page.waitForLoadState('networkidle');
        await geval.controle?.(page);
        expect(await page.title()).toContain('Binnenboord');
        for (const landmark of ['header', 'nav[aria-label=Hoofdmenu]', 'main#inhoud', 'footer']) {
          expect(await page.locator(landmark).count(), landmark).toBe(1);
        }
        expect(await page.locator('h1').count()).toBe(1);
        // the test delivery is not the demo data: no notice about synthetic figures
        expect(await page.getByTestId('synthetisch').count()).toBe(0);
        const grafieken = await page.locator('figure.bb-grafiek').count();
        expect(grafieken).toBeGreaterThanOrEqual(geval.grafieken);
        expect(await page.locator('table').count()).toBeGreaterThanOrEqual(grafieken);
        for (const svg of await page.locator('figure.bb-grafiek svg[role=img]').all()) {
          expect((await svg.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(20);
        }
        const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
        await schermafdruk(page, geval.naam);
        // an unknown path is answered with status 404 (and the app's own page), which Chromium logs
        expect(fouten.filter((f) => !(geval.naam === 'niet-gevonden' && f.includes('status of 404')))).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  const SMAL: Paginageval[] = [...PAGINAS,
    { naam: 'instellingen-alle', pad: '/instellingen', kop: 'Instellingen zoeken', inhoud: 'table >> text=Stedelijk College Noord', grafieken: 0 }];
  for (const geval of SMAL) {
    it(`${geval.naam} op 320 px breed: geen horizontale scroll van de pagina (WCAG 1.4.10), brede tabellen scrollen in een eigen vak; axe vindt niets`, async () => {
      const page = await browser.context.newPage();
      const fouten = volgFouten(page);
      try {
        await page.setViewportSize({ width: 320, height: 800 });
        await page.goto(`${basis}${geval.pad}`);
        await expect.poll(() => page.locator('h1').textContent()).toMatch(geval.kop);
        await page.locator(geval.inhoud).first().waitFor({ state: 'visible' });
        await wachtOpGrafieken(page, geval.grafieken);
        await page.waitForLoadState('networkidle');
        await geval.controle?.(page);
        const breedte = await page.evaluate(() => document.documentElement.scrollWidth);
        // which elements stick out, to say why when it fails
        const uitstekend = breedte <= 321 ? [] : await page.evaluate(() => {
          const inScrollvak = (el: Element) => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
            return false;
          };
          return [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > 321 && !inScrollvak(el))
            .slice(0, 8).map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: ${Math.round(el.getBoundingClientRect().right)}`);
        });
        expect({ breedte, uitstekend }).toEqual({ breedte: expect.any(Number), uitstekend: [] });
        expect(breedte).toBeLessThanOrEqual(321);
        // every table scrolls inside a focusable region named after its caption
        for (const tabel of await page.locator('table').all()) {
          const vak = tabel.locator('xpath=..');
          expect(await vak.getAttribute('role')).toBe('region');
          expect(await vak.getAttribute('tabindex')).toBe('0');
          expect(await vak.getAttribute('aria-label')).toBe((await tabel.locator('caption').textContent())?.trim());
        }
        const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
        await schermafdruk(page, `${geval.naam}-320`);
        // an unknown path is answered with status 404 (and the app's own page), which Chromium logs
        expect(fouten.filter((f) => !(geval.naam === 'niet-gevonden' && f.includes('status of 404')))).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('kaart: het aantal regio\'s komt uit de cijfers, en de tabel zet de meeste vsv\'ers eerst; op naam met de kolomknop', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/kaart`);
    const tabel = page.locator('.bb-twee-kolommen table');
    await tabel.locator('tbody tr').first().waitFor();
    const codes = await page.request.get(`${basis}/api/v1/rmc-regios`).then((r) => r.json()) as { regios: { rmcCode: string; naam: string }[] };
    const n = codes.regios.filter((r) => r.rmcCode !== 'onbekend').length;
    expect(await page.locator('main p', { hasText: 'regionale meld- en coördinatiefunctie' }).innerText()).toMatch(new RegExp(`^De ${n} ${n === 1 ? 'RMC-regio ' : "RMC-regio's "}`));
    expect(await page.locator('main').innerText()).not.toContain("De 39 RMC-regio's");
    expect(await tabel.locator('tbody tr').count()).toBe(codes.regios.length);
    const vsv = await tabel.locator('tbody tr td:nth-child(3)').allInnerTexts();
    const getallen = vsv.map((t) => (t.startsWith('<5') ? 2.5 : Number(t.replace(/\./g, '')))).filter((x) => !Number.isNaN(x));
    expect(getallen).toEqual([...getallen].sort((a, b) => b - a));
    await tabel.getByRole('button', { name: 'Regio' }).click();
    const namen = await tabel.locator('tbody th').allInnerTexts();
    expect(namen).toEqual(codes.regios.map((r) => r.naam).sort(new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare));
    await page.close();
  });

  it('landelijk: "Uw regio of gemeente" brengt met het toetsenbord naar de regio en de gemeente', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/`);
    const sectie = page.locator('section[aria-labelledby=kop-gebiedkiezer]');
    expect(await sectie.locator('h2').innerText()).toBe('Uw regio of gemeente');
    // near the top: before the key figures
    expect(await page.evaluate(() => {
      const kiezer = document.querySelector('section[aria-labelledby=kop-gebiedkiezer]')!;
      return Boolean(kiezer.compareDocumentPosition(document.querySelector('section[aria-labelledby=kop-kerncijfers]')!) & Node.DOCUMENT_POSITION_FOLLOWING);
    })).toBe(true);
    const regio = page.getByLabel('RMC-regio', { exact: true });
    await expect.poll(() => regio.isEnabled()).toBe(true);
    const opties = (await regio.locator('option').allInnerTexts()).slice(1);
    expect(opties).toContain('Agglomeratie Amsterdam');
    expect(opties).toEqual([...opties].sort(new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare));
    expect(await page.getByRole('button', { name: 'Bekijk regio' }).count()).toBe(1);
    await regio.focus();
    await regio.selectOption({ label: 'Agglomeratie Amsterdam' });
    await page.keyboard.press('Tab');
    expect(await focusTekst(page)).toBe('button#:Bekijk regio');
    expect(await heeftZichtbareFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${basis}/regio/21`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('RMC-regio Agglomeratie Amsterdam');
    await page.goBack();
    const gemeente = page.getByLabel('Gemeente', { exact: true });
    await expect.poll(() => gemeente.isEnabled()).toBe(true);
    await gemeente.selectOption({ label: 'Amsterdam' });
    await page.getByRole('button', { name: 'Bekijk gemeente' }).press('Enter');
    await page.waitForURL(`${basis}/gemeente/GM0363`);
    await page.close();
  });

  it('landelijk: de kerncijfers zeggen of het jaar voorlopig of definitief is', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/`);
    const kern = page.getByTestId('kerncijfers');
    await kern.waitFor();
    const kaartjes = await kern.locator('li').allInnerTexts();
    expect(kaartjes[0]).toMatch(/nieuwe vsv'ers in 2017-2018 \(definitief\)$/);
    expect(kaartjes.some((k) => /in 2016-2017 \(vorig jaar, definitief\)$/.test(k))).toBe(true);
    await page.close();
  });

  it('regio: kerncijfers met status en het vorige schooljaar, "Op deze pagina", normen direct na het verloop', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/regio/21`);
    const kern = page.getByTestId('kerncijfers');
    await kern.waitFor();
    const kaartjes = await kern.locator('li').allInnerTexts();
    expect(kaartjes[0]).toMatch(/nieuwe vsv'ers in 2017-2018 \((definitief|voorlopig)\)$/);
    expect(kaartjes[1]).toMatch(/nieuwe vsv'ers in 2016-2017 \(vorig schooljaar, (definitief|voorlopig)\)$/);
    const inhoud = page.getByRole('navigation', { name: 'Op deze pagina' });
    const links = await inhoud.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([['Verloop', '#kop-trend'], ['Scholen boven de norm', '#kop-normen'], ['Uitsplitsingen', '#kop-uitsplitsing'],
      ['Gemeenten in Agglomeratie Amsterdam', '#kop-gemeenten'], ['Schoolvestigingen', '#kop-vestigingen'], ['Verzuim', '#kop-verzuim']]);
    // every link has its heading, and the sections are in that order on the page
    const volgorde = await page.locator('main h2[id^=kop-]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(volgorde.filter((id) => links.some(([, href]) => href === `#${id}`))).toEqual(links.map(([, href]) => href!.slice(1)));
    // a jump link goes to its section and stays there (no page navigation that moves focus to the h1)
    await inhoud.getByRole('link', { name: 'Scholen boven de norm' }).click();
    await page.waitForURL(`${basis}/regio/21#kop-normen`);
    await page.waitForTimeout(200);
    expect(await focusTekst(page)).not.toMatch(/^h1/);
    expect(await page.locator('#kop-normen').evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(100);
    await page.close();
  });

  it('gemeente: geen gemeentenlijst in "Op deze pagina"', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/gemeente/GM0363`);
    const inhoud = page.getByRole('navigation', { name: 'Op deze pagina' });
    await inhoud.waitFor();
    expect(await inhoud.locator('a').allInnerTexts()).toEqual(['Verloop', 'Driejaarscijfers', 'Scholen boven de norm', 'Uitsplitsingen', 'Schoolvestigingen']);
    for (const href of await inhoud.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      expect(await page.locator(href).count(), href).toBe(1);
    }
    await page.close();
  });

  it('de uitleg onder elke tabel zegt wat "–" betekent bij een aantal en bij een percentage', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/instellingen`);
    await page.locator('table').first().waitFor();
    const voet = await page.locator('.bb-tabel__voet').first().innerText();
    expect(voet).toContain('–: bij een aantal: geen cijfer (de groep komt in deze telling niet voor)');
    // a group without pupils is "0 0 –": the legend says so for the percentage
    expect(voet).toContain("bij een percentage: niet getoond, omdat er geen leerlingen zijn (startpopulatie 0), omdat het op minder dan 5 vsv'ers rust (ook bij 0)");
    await page.close();
  });

  it('elke tabel heeft een CSV-download van de API die hetzelfde laat zien', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/regio/21`);
    await page.locator('[data-testid=kerncijfers]').waitFor();
    const tabellen = await page.locator('table').count();
    const links = await page.locator('.bb-tabel a[download][href*="formaat=csv"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(links).toHaveLength(tabellen);
    for (const href of links) {
      expect(href).toMatch(/^\/api\/v1\/rmc-regios\/21\?.*formaat=csv/);
      const r = await page.request.get(`${basis}${href}`);
      expect(r.status(), href).toBe(200);
      expect(r.headers()['content-type']).toMatch(/^text\/csv/);
    }
    await page.close();
  });

  it('afscherming in de app: regio Utrecht (3 vsv\'ers van 37) toont <5 en geen percentage', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/regio/19`);
    await page.locator('[data-testid=kerncijfers]').waitFor();
    const tekst = await page.locator('main').innerText();
    expect(tekst).toContain('<5');
    expect(tekst).not.toMatch(/8,11|4,88/);
    expect(await page.locator('[data-testid=kerncijfers] li').first().innerText()).toMatch(/^<5/);
    await page.close();
  });

  it('verzuim naast de vsv-cijfers: landelijk en regio tonen meldingen naar soort en vsv\'ers met een melding, met <5 en x; axe vindt niets', async () => {
    const rij = (niveau: 'landelijk' | 'regio', gebied: string, dimensie: string, waarde: string, aantal: number) => ({ niveau, gebied, dimensie, waarde, aantal });
    // 30 reports: lrv 3 would follow from the total and the other types without the x (secondary suppression)
    await schrijfVerzuimcijfers(db, '2018-2019', [
      rij('landelijk', 'NL', 'totaal', 'meldingen', 30), rij('landelijk', 'NL', 'soort', '16u4w', 20), rij('landelijk', 'NL', 'soort', 'lrv', 3),
      rij('landelijk', 'NL', 'soort', 'rmc', 7), rij('landelijk', 'NL', 'vsvMetMelding', 'vsvers', 46), rij('landelijk', 'NL', 'vsvMetMelding', 'metMelding', 15),
      rij('regio', '21', 'totaal', 'meldingen', 30), rij('regio', '21', 'soort', '16u4w', 20), rij('regio', '21', 'soort', 'lrv', 3),
      rij('regio', '21', 'soort', 'rmc', 7), rij('regio', '21', 'vsvMetMelding', 'vsvers', 46), rij('regio', '21', 'vsvMetMelding', 'metMelding', 15),
    ], new Date('2019-09-01T06:00:00Z'), 'voorlopig');
    for (const pad of ['/', '/regio/21']) {
      const page = await browser.context.newPage();
      const fouten = volgFouten(page);
      await page.goto(`${basis}${pad}`);
      const sectie = page.locator('[data-testid=verzuim]');
      await sectie.locator('table').first().waitFor();
      const tekst = await sectie.innerText();
      expect(tekst, pad).toContain('schooljaar 2018-2019');
      expect(tekst, pad).toMatch(/langdurig relatief verzuim \(lrv\)\s+<5/);
      // another type is withheld too (x), so the 3 cannot be had from 30 − 20 − 7: the 20, which has
      // room (8 or more; docs/openbaarmaking.md), not the 7
      expect(tekst, pad).toMatch(/16 uur in 4 weken \(16u4w\)\s+x/);
      expect(tekst, pad).toMatch(/RMC, 18–22 jaar \(rmc\)\s+7/);
      expect(await sectie.locator('tbody tr', { hasText: '(16u4w)' }).locator('abbr').getAttribute('title')).toBe('afgeschermd om herleiding te voorkomen');
      expect(tekst, pad).toMatch(/Nederland\s+46\s+15\s+32,6/);
      const axe = await new AxeBuilder({ page }).include('[data-testid=verzuim]').withTags(AXE_TAGS).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`), pad).toEqual([]);
      expect(fouten, pad).toEqual([]);
      await page.close();
    }
  });

  it('regio: "Scholen boven de norm" met normjaar en referentienorm in het bijschrift, boven de norm eerst, met een link naar de instelling', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/regio/21`);
    const sectie = page.locator('section[aria-labelledby=kop-normen]');
    const tabel = sectie.getByTestId('normen-boven').locator('table');
    await tabel.waitFor();
    expect(await sectie.locator('h2').innerText()).toBe('Scholen boven de norm');
    const bijschrift = await tabel.locator('caption').innerText();
    expect(bijschrift).toContain('referentienorm');
    expect(bijschrift).toContain('2014-2015');
    // one plain sentence about the reference norm
    expect(await sectie.getByTestId('normuitleg').innerText()).toMatch(/^Vergeleken met de laatst vastgestelde norm \(2014-2015\); voor latere jaren is er geen eigen norm\. /);
    expect(await sectie.innerText()).not.toContain('ter vergelijking; dit is geen norm');
    expect(await sectie.getByTestId('normen-samenvatting').innerText()).toMatch(/^1 van de 1 instelling .* heeft in 2017-2018 een of meer categorieën boven de referentienorm\./);
    expect(await tabel.locator('thead th').allInnerTexts()).toEqual(['Instelling', 'BRIN', 'Vestigingen in', 'Categorieën boven de norm',
      'Binnen de norm', 'Oordeel afgeschermd', 'Boven de norm (percentage; norm)']);
    // all institutions of the area behind a closed <details>
    const alle = sectie.getByTestId('normen-alle');
    expect(await alle.evaluate((d) => d.tagName === 'DETAILS' && !(d as HTMLDetailsElement).open)).toBe(true);
    expect(await alle.locator('summary').innerText()).toBe('Alle instellingen in dit gebied (1)');
    // the table fits its frame at 1280 px: no column cut off
    expect(await tabel.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth + 1)).toBe(true);
    const rij = tabel.locator('tbody tr').first();
    expect(await rij.locator('th a').getAttribute('href')).toBe('/instelling/10AA');
    expect(await rij.locator('td').allInnerTexts()).toEqual(['10AA', 'Amsterdam', '2', '0', '0',
      'vo bovenbouw vmbo (50,00%; norm 4%); vo bovenbouw havo/vwo (18,37%; norm 0,5%)']);
    await rij.locator('th a').click();
    await page.waitForURL(`${basis}/instelling/10AA`);
    await page.locator('[data-testid=normbasis]').waitFor();
    const trend = page.locator('section[aria-labelledby=kop-trend] table');
    expect(await trend.locator('caption').innerText()).toContain('referentienorm');
    expect(await trend.locator('tbody').innerText()).toContain('boven de referentienorm');
    expect(await trend.locator('tbody tr', { hasText: 'vo bovenbouw vmbo' }).first().locator('td').nth(5).innerText()).toMatch(/^4%\s+\(referentienorm 2014-2015\)$/);
    await page.close();
  });

  it('regio Utrecht: het normoordeel van ROC Midden (3 vsv\'ers van 37) is afgeschermd en telt niet als boven of binnen', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/regio/19`);
    const sectie = page.locator('section[aria-labelledby=kop-normen]');
    await sectie.getByTestId('normen-samenvatting').waitFor();
    // none above the norm: no table of those, the full list behind "Alle instellingen"
    expect(await sectie.getByTestId('normen-boven').count()).toBe(0);
    expect(await sectie.getByTestId('normen-samenvatting').innerText()).toMatch(/^0 van de 1 instelling/);
    const alle = sectie.getByTestId('normen-alle');
    expect(await alle.locator('table').isVisible()).toBe(false);
    await alle.locator('summary').focus();
    await page.keyboard.press('Enter');
    await alle.locator('table').waitFor({ state: 'visible' });
    expect(await alle.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(['20BB', 'Utrecht', '0', '0', '1', '']);
    expect(await sectie.getByTestId('normen-samenvatting').innerText()).toContain('afgeschermd');
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });

  it('landelijke reeks: per schooljaar de aantallen van alle sectoren en van vo, mbo en vavo; een aanvullend afgeschermd aantal als x', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/`);
    const tabel = page.locator('section[aria-labelledby=kop-reeks] table');
    await tabel.waitFor();
    expect(await tabel.locator('thead th').allInnerTexts()).toEqual(['Schooljaar', 'Status', 'Sector', 'Startpopulatie', "vsv'ers", 'vsv-percentage', 'Opmerking']);
    const rijen = tabel.locator('tbody tr');
    expect(await rijen.count()).toBe(3 * 4);
    const rij = async (i: number) => [await rijen.nth(i).locator('th').innerText(), ...(await rijen.nth(i).locator('td').allInnerTexts())];
    // 2017-2018: 100 of whom 18 vsv'ers; vo 15 of 63 would give away mbo's 3, so vo's count is withheld as well
    expect(await rij(8)).toEqual(['2017-2018', 'definitief', 'alle sectoren', '100', '18', '18,00%', '']);
    const vo = rijen.nth(9);
    expect((await vo.locator('td').allInnerTexts()).slice(0, 2)).toEqual(['definitief', 'vo']);
    // its start population too: the run's one pattern (docs/openbaarmaking.md) withholds it where the
    // national total minus the regions would otherwise narrow the small ones
    expect(await vo.locator('td').nth(2).innerText()).toMatch(/^x/);
    const x = vo.locator('td').nth(3);
    expect(await x.locator('abbr').innerText()).toBe('x');
    expect(await x.locator('abbr').getAttribute('title')).toBe('afgeschermd om herleiding te voorkomen');
    expect(await x.locator('.visueel-verborgen').innerText()).toBe('afgeschermd');
    expect(await rijen.nth(10).locator('td').nth(1).innerText()).toBe('mbo');
    // mbo's start population (37) is withheld (x) too: with vo's withheld, 100 − mbo − vavo would give vo's back
    const mbo = rijen.nth(10).locator('td').nth(2);
    expect(await mbo.innerText()).toMatch(/^x/);
    expect(await mbo.locator('abbr').getAttribute('title')).toBe('afgeschermd om herleiding te voorkomen');
    expect(await rijen.nth(10).locator('td').nth(3).innerText()).toMatch(/^<5/);
    expect(await rij(11)).toEqual(['2017-2018', 'definitief', 'vavo', '0', '0', expect.stringMatching(/^–/), '']);
    // 2015-2016: 90 of whom 15 vsv'ers; vo and mbo are not broken down at all (n.u.), vavo has nobody
    expect(await rij(0)).toEqual(['2015-2016', 'definitief', 'alle sectoren', '90', '15', '16,67%', '']);
    for (const i of [1, 2]) {
      const cellen = rijen.nth(i).locator('td');
      expect(await cellen.nth(1).innerText()).toBe(i === 1 ? 'vo' : 'mbo');
      for (const k of [2, 3]) {
        expect(await cellen.nth(k).locator('abbr').innerText()).toBe('n.u.');
        expect(await cellen.nth(k).locator('abbr').getAttribute('title')).toBe('niet uitgesplitst: te weinig leerlingen');
      }
    }
    expect(await rij(3)).toEqual(['2015-2016', 'definitief', 'vavo', '0', '0', expect.stringMatching(/^–/), '']);
    const voet = await page.locator('section[aria-labelledby=kop-reeks] .bb-tabel__voet').innerText();
    expect(voet).toContain('x: aantal afgeschermd, omdat een ander afgeschermd aantal anders uit de totalen te herleiden is.');
    expect(voet).toContain('n.u.: niet uitgesplitst');
    await page.close();
  });

  it('kaart: de tabel geeft de klasse van elk gebied; wat geen grens op de kaart heeft, staat onder de kaart', async () => {
    const page = await browser.context.newPage();
    const fouten = volgFouten(page);
    // A municipality merged before the boundary year (Brielle, GM0501, since 2023 part of Voorne
    // aan Zee) added to the list as the API would give it for an older school year.
    await page.route((url) => url.pathname === '/api/v1/gemeenten', async (route) => {
      const antwoord = await route.fetch();
      const json = await antwoord.json();
      json.gemeenten.push({ gemeenteCode: 'GM0501', naam: 'Brielle', rmcCode: '28', rmcNaam: 'Haaglanden',
        totaal: { startpopulatie: 40, vsv: 6, percentage: '15.00', afgeschermd: false } });
      await route.fulfill({ response: antwoord, json });
    });
    try {
      await page.goto(`${basis}/kaart?niveau=gemeenten`);
      await wachtOpGrafieken(page, 1);
      const tabel = page.locator('.bb-twee-kolommen table');
      expect(await tabel.locator('thead th').allInnerTexts()).toEqual(['Gemeente', 'Startpopulatie', "vsv'ers", 'vsv-percentage', 'Klasse op de kaart']);
      const klasse = async (naam: string) => tabel.locator('tbody tr', { has: page.getByRole('link', { name: naam, exact: true }) }).locator('td').last().innerText();
      // short: the class range only, so a row does not wrap
      expect(await klasse('Brielle')).toBe('niet op de kaart');
      expect(await klasse("'s-Gravenhage")).toBe('geen leerlingen');
      expect(await klasse('Utrecht')).toBe('niet getoond');
      // Amsterdam is withheld in the test delivery (the national total minus it would pin the small regions)
      expect(await klasse('Amsterdam')).toBe('niet getoond');
      // largest number of vsv'ers first; by name (Dutch collation, not by code) with the column button
      await tabel.getByRole('button', { name: 'Gemeente', exact: true }).click();
      const namen = await tabel.locator('tbody th').allInnerTexts();
      expect(namen).toEqual([...namen].sort(new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare));
      expect(namen.indexOf('Amersfoort')).toBeLessThan(namen.indexOf('Brielle'));
      // every class label in the table is one of the legend or "niet op de kaart"
      const legenda = await page.locator('.bb-legenda li').allInnerTexts();
      expect(legenda).toContain('geen cijfers voor dit gebied in dit schooljaar');
      // the classes divide the areas on the map: Brielle's 15,00% is no class boundary
      expect(legenda.join('; ')).not.toContain('15,00%');
      for (const k of await tabel.locator('tbody tr td:last-child').allInnerTexts()) {
        expect(legenda.some((l) => l.startsWith(k)) || k === 'niet op de kaart', k).toBe(true);
      }
      const onder = page.getByTestId('niet-op-kaart');
      expect(await onder.locator('h2').innerText()).toBe('Niet op de kaart');
      expect(await onder.locator('li').allInnerTexts()).toEqual(expect.arrayContaining([
        'Brielle: niet op de kaart (gemeentegrens van een ander jaar)', expect.stringMatching(/^Onbekend .*: niet op de kaart \(woongemeente onbekend\)$/),
      ]));
      expect(await onder.locator('p').innerText()).toContain('gemeentegrenzen van 2025');
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      await schermafdruk(page, 'kaart-niet-op-de-kaart');
      expect(fouten).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('zonder kaartgrenzen (geen map met kaartgrenzen): een melding en de tabel', async () => {
    const zonder = await startServer(db, '/bestaat/niet');
    const page = await browser.context.newPage();
    const fouten = volgFouten(page);
    try {
      await page.goto(`${zonder.basis}/kaart`);
      await page.getByText('De kaart kan niet worden getoond').waitFor();
      await page.locator('table >> text=Agglomeratie Amsterdam').waitFor();
      expect(await page.locator('figure.bb-grafiek').count()).toBe(0);
      // no map, so no map class either
      expect(await page.locator('thead th').allInnerTexts()).toEqual(['Regio', 'Startpopulatie', "vsv'ers", 'vsv-percentage']);
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      await schermafdruk(page, 'kaart-zonder-geo');
      // The failed boundary request is the expected 404; nothing else may go wrong.
      expect(fouten.filter((f) => !f.includes('404'))).toEqual([]);
    } finally {
      await page.close();
      await zonder.sluit();
    }
  });
});

describe('synthetische demodata', () => {
  let demoDb: Db | undefined;
  let demo: Testserver | undefined;

  beforeAll(async () => {
    demoDb = await openDatabase(await tijdelijkeMap('browser-demo'));
    // the test delivery under the name of the demo delivery (src/demo/demodata.ts)
    const map = join(await tijdelijkeMap('browser-demo-levering'), demoLeveringsnaam(0.1));
    await mkdir(map);
    await vulTestdatabase(demoDb, map);
    demo = await startServer(demoDb);
  });

  afterAll(async () => {
    await demo?.sluit();
    await demoDb?.close();
  });

  const pagina = (pad: string, inhoud: string) => ({ pad, inhoud });
  for (const { pad, inhoud } of [
    pagina('/', '[data-testid=kerncijfers]'), pagina('/kaart', 'table >> text=Agglomeratie Amsterdam'), pagina('/regio/21', '[data-testid=kerncijfers]'),
    pagina('/gemeente/GM0363', '[data-testid=kerncijfers]'), pagina('/instellingen?naam=college', 'table >> text=Stedelijk College Noord'),
    pagina('/instelling/10AA', '[data-testid=kerncijfers]'), pagina('/vergelijken?regios=21', 'table >> text=Nederland'),
  ]) {
    it(`${pad}: een rustige melding (role=note) direct onder de kop dat de cijfers synthetisch zijn`, async () => {
      const page = await browser.context.newPage();
      const fouten = volgFouten(page);
      try {
        await page.goto(`${demo!.basis}${pad}`);
        await page.locator(inhoud).first().waitFor({ state: 'visible' });
        const melding = page.getByTestId('synthetisch');
        await melding.waitFor({ state: 'visible' });
        expect(await page.getByTestId('synthetisch').count()).toBe(1);
        expect(await melding.getAttribute('role')).toBe('note');
        expect(await melding.getAttribute('class')).toContain('utrecht-alert');
        expect(await melding.innerText()).toContain('Deze cijfers zijn synthetisch: gemaakt met de demodatagenerator en niet de echte vsv-cijfers.');
        expect(await page.locator('main [role=alert]').count()).toBe(0);
        // right under the page title, before the figures
        expect(await page.locator('h1 + [data-testid=synthetisch]').count()).toBe(1);
        if (pad === '/') {
          await wachtOpGrafieken(page, 1);
          // the national target is scaled with the demo data: 20,000 × 0.1
          expect(await page.locator('main').innerText()).toContain('Doel 2024 × schaal 0,1: 2.000');
          expect(await page.locator('main').innerText()).toContain('synthetische demodata, schaal 0,1');
          const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
          await schermafdruk(page, 'landelijk-synthetisch');
        }
        expect(fouten).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('alleen met het toetsenbord', () => {
  it('skiplink eerst, zichtbaar bij focus; daarna naar de inhoud en de keuzes van de pagina', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/`);
    await page.locator('[data-testid=kerncijfers]').waitFor();
    await page.keyboard.press('Tab');
    expect(await focusTekst(page)).toBe('a#:Naar de inhoud');
    const vak = await page.locator('.utrecht-skip-link').boundingBox();
    expect(vak && vak.y >= 0 && vak.height > 10).toBe(true);
    expect(await heeftZichtbareFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusTekst(page)).toMatch(/^main#inhoud/);
    await page.keyboard.press('Tab');
    expect(await focusTekst(page)).toMatch(/^select#keuze-schooljaar/);
    expect(await heeftZichtbareFocus(page)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusTekst(page)).toMatch(/^select#keuze-status/);
    await page.keyboard.press('Tab');
    expect(await focusTekst(page)).toBe('button#:Toon cijfers');
    expect(await heeftZichtbareFocus(page)).toBe(true);
    await page.close();
  });

  it('schooljaar kiezen met het toetsenbord verandert de URL en de cijfers', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/`);
    await page.locator('select#keuze-schooljaar option[value="2015-2016"]').waitFor({ state: 'attached' });
    await page.locator('select#keuze-schooljaar').focus();
    await page.keyboard.press('End');
    await tabTot(page, (f) => f.startsWith('button#:Toon cijfers'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/schooljaar=2015-2016/);
    await page.getByText('nieuwe vsv\'ers in 2015-2016').waitFor();
    expect(await focusTekst(page)).toMatch(/^h1#/);
    await page.close();
  });

  it('via het menu naar Instellingen, zoeken, en een instelling openen', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/`);
    await page.locator('[data-testid=kerncijfers]').waitFor();
    await tabTot(page, (f) => f === 'a#:Instellingen');
    expect(await heeftZichtbareFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${basis}/instellingen`);
    await expect.poll(() => focusTekst(page)).toMatch(/^h1#:Instellingen zoeken/);
    await tabTot(page, (f) => f.startsWith('input#zoek-naam'));
    await page.keyboard.type('ROC');
    await page.keyboard.press('Enter');
    await page.waitForURL(/naam=ROC/);
    await page.locator('table >> text=ROC Midden').waitFor();
    await tabTot(page, (f) => f === 'a#:ROC Midden');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${basis}/instelling/20BB`);
    await expect.poll(() => focusTekst(page)).toMatch(/^h1#:ROC Midden/);
    await page.close();
  });

  it('vergelijken: regio aanvinken met spatie, BRIN typen, vergelijken', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/vergelijken`);
    await page.locator('#regio-21').waitFor();
    await tabTot(page, (f) => f.startsWith('input#regio-21'));
    expect(await heeftZichtbareFocus(page)).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.locator('#regio-21').isChecked()).toBe(true);
    await tabTot(page, (f) => f.startsWith('input#vergelijk-brins'));
    await page.keyboard.type('10AA');
    await page.keyboard.press('Enter');
    await page.waitForURL(/regios=21&instellingen=10AA/);
    await wachtOpGrafieken(page, 1);
    expect(await page.locator('table th', { hasText: 'Agglomeratie Amsterdam' }).count()).toBe(1);
    await page.close();
  });

  it('vergelijken: een instelling op naam zoeken en toevoegen, zonder BRIN te kennen', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/vergelijken`);
    await page.locator('#regio-21').waitFor();
    await tabTot(page, (f) => f.startsWith('input#vergelijk-zoek'));
    await page.keyboard.type('stedelijk');
    await page.keyboard.press('Enter');
    const voegToe = page.getByRole('button', { name: /Voeg Stedelijk College Noord \(10AA\) toe/ });
    await voegToe.waitFor();
    await voegToe.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#vergelijk-brins').inputValue()).toBe('10AA');
    expect(await page.getByText('— gekozen').count()).toBe(1);
    await page.getByRole('button', { name: 'Vergelijk', exact: true }).press('Enter');
    await page.waitForURL(/instellingen=10AA/);
    await wachtOpGrafieken(page, 1);
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it('terug en vooruit in de browser werken met echte URL\'s', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${basis}/kaart`);
    await page.locator('table >> text=Agglomeratie Amsterdam').waitFor();
    await page.getByRole('link', { name: 'Agglomeratie Amsterdam', exact: true }).click();
    await page.waitForURL(`${basis}/regio/21`);
    await page.goBack();
    await page.waitForURL(`${basis}/kaart`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Kaart');
    await page.goForward();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Agglomeratie Amsterdam');
    await page.close();
  });
});
