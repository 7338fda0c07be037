import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bewaarDriejaarpublicaties } from '../../src/publicatie/driejaar.js';
import { axe, schermafdruk, sluitOmgeving, startOmgeving, volgFouten, type Browseromgeving } from './omgeving.js';

/**
 * Issue 11, the remainder: the institution list ranked across pages (on the server, in the
 * URL) with the whole list in one file; Vergelijken with the national line of an
 * institution's own sector, names in the legend and one style per series on every page; the
 * map zooming with Ctrl+wheel and keys and bringing a focused area into view. In Chromium at
 * 1280 and 320 px, axe-clean.
 */
const BREEDTES = [1280, 320] as const;

let omgeving: Browseromgeving | undefined;
let basis: string;

beforeAll(async () => {
  // the three-year figures kept, as the count does (issue 11 item 3)
  omgeving = await startOmgeving('browser-cijfers2', { vul: (db) => bewaarDriejaarpublicaties(db) });
  basis = omgeving.server.basis;
});

afterAll(() => sluitOmgeving(omgeving));

async function open(pad: string, breedte: number, wacht: string): Promise<{ page: Page; fouten: string[] }> {
  const page = await omgeving!.browser.context.newPage();
  await page.setViewportSize({ width: breedte, height: 900 });
  const fouten = volgFouten(page);
  await page.goto(`${basis}${pad}`);
  await page.locator(wacht).first().waitFor({ state: 'visible', timeout: 15_000 });
  return { page, fouten };
}

describe('lijst instellingen: sorteren over de pagina\'s, alles in één bestand', () => {
  for (const breedte of BREEDTES) {
    it(`${breedte} px: een kolomknop laat de API de hele lijst ordenen, begint op pagina 1, houdt de focus; link naar alle instellingen`, async () => {
      const { page, fouten } = await open('/instellingen?pagina=1', breedte, '.bb-tabel tbody tr');
      const verzoeken: string[] = [];
      page.on('request', (r) => { if (r.url().includes('/api/v1/instellingen?')) verzoeken.push(r.url()); });
      const tabel = page.locator('.bb-tabel');
      const knop = tabel.locator('thead th').filter({ hasText: 'Startpopulatie' }).getByRole('button');
      await knop.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('sorteer-instellingen')).toBe('startpopulatie-af');
      expect(new URL(page.url()).searchParams.has('pagina')).toBe(false);
      await expect.poll(() => verzoeken.some((u) => new URL(u).searchParams.get('sorteer') === '-startpopulatie')).toBe(true);
      await expect.poll(() => tabel.locator('th[aria-sort=descending]').innerText()).toContain('Startpopulatie');
      // the rows in the API's order of the whole list
      const api = await (await page.request.get(`${basis}/api/v1/instellingen?sorteer=-startpopulatie&paginaGrootte=25`)).json();
      await expect.poll(() => tabel.locator('tbody th').allInnerTexts()).toEqual(api.instellingen.map((i: { naam: string }) => i.naam));
      // focus stayed on the button while the list reloaded
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Startpopulatie');
      // the downloads keep the order; "alle instellingen" has no search in it
      expect(await tabel.getByRole('link', { name: /^Excel/ }).getAttribute('href')).toContain('sorteer=-startpopulatie');
      const alle = page.getByTestId('alle-instellingen');
      const href = (await alle.getByRole('link', { name: /^Excel/ }).getAttribute('href'))!;
      expect(href).toMatch(/^\/api\/v1\/instellingen\?/);
      expect(new URL(href, basis).searchParams.get('formaat')).toBe('xlsx');
      expect(new URL(href, basis).searchParams.has('naam')).toBe(false);
      const bestand = await page.request.get(`${basis}${href}`);
      expect(bestand.status()).toBe(200);
      expect(bestand.headers()['content-type']).toContain('spreadsheetml');
      // a new search keeps the order
      await page.locator('#zoek-naam').fill('college');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sorteer-instellingen')).toBe('startpopulatie-af');
      await tabel.locator('tbody tr').first().waitFor();
      expect(await axe(page)).toEqual([]);
      expect(fouten).toEqual([]);
      await schermafdruk(page, `instellingen-gesorteerd-${breedte}`);
      await page.close();
    });
  }
});

describe('vergelijken: eerlijk ijkpunt, namen, één stijl per reeks', () => {
  for (const breedte of BREEDTES) {
    it(`${breedte} px: een mbo-instelling naast "Nederland, mbo"; de legenda noemt namen`, async () => {
      const { page, fouten } = await open('/vergelijken?instellingen=20BB', breedte, '.bb-reekslegenda li');
      expect(await page.locator('.bb-reekslegenda li').allInnerTexts()).toEqual(['Nederland', 'ROC Midden', 'Nederland, mbo']);
      expect(await page.getByTestId('instelling-eerlijk').innerText()).toContain('"Nederland, mbo"');
      const koppen = await page.locator('#kop-vergelijking ~ .bb-tabel thead th').allInnerTexts();
      expect(koppen).toContain('Nederland, mbo');
      expect(await axe(page)).toEqual([]);
      expect(fouten).toEqual([]);
      await schermafdruk(page, `vergelijken-sector-${breedte}`);
      await page.close();
    });
  }

  it('een regio heeft dezelfde lijnkleur in elke vergelijking en op haar eigen pagina', async () => {
    const kleur = async (pad: string, wacht: string, naam: string) => {
      const { page } = await open(pad, 1280, wacht);
      const li = page.locator('.bb-reekslegenda li').filter({ hasText: naam }).first();
      const k = await li.locator('path').first().getAttribute('stroke');
      await page.close();
      return k;
    };
    const alleen = await kleur('/vergelijken?regios=21', '.bb-reekslegenda li', 'Agglomeratie Amsterdam');
    const samen = await kleur('/vergelijken?regios=19,21&instellingen=20BB', '.bb-reekslegenda li', 'Agglomeratie Amsterdam');
    const omgekeerd = await kleur('/vergelijken?instellingen=20BB&regios=21,19', '.bb-reekslegenda li', 'Agglomeratie Amsterdam');
    const eigen = await kleur('/regio/21', '.bb-reekslegenda li', 'Agglomeratie Amsterdam');
    expect(alleen).toMatch(/^#/);
    expect([samen, omgekeerd, eigen]).toEqual([alleen, alleen, alleen]);
  });
});

describe('kaart: zoomen met Ctrl en het wiel en met toetsen; een gebied met focus komt in beeld', () => {
  for (const breedte of BREEDTES) {
    it(`${breedte} px`, async () => {
      const { page, fouten } = await open('/kaart?niveau=gemeenten', breedte, '.bb-kaart [data-grafiek=klaar]');
      const svg = page.locator('.bb-kaart svg[role=group]');
      const heel = (await svg.getAttribute('viewBox'))!;
      const naarMidden = async () => {
        await svg.scrollIntoViewIfNeeded();
        const doos = (await svg.boundingBox())!;
        await page.mouse.move(doos.x + doos.width / 2, doos.y + Math.min(doos.height / 2, 300));
      };
      await naarMidden();
      // a plain wheel scrolls the page and says how to zoom
      await page.mouse.wheel(0, -50);
      await expect.poll(() => page.locator('.bb-kaarthint').count()).toBe(1);
      expect(await svg.getAttribute('viewBox')).toBe(heel);
      // Ctrl + wheel zooms in around the pointer
      await naarMidden();
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -200);
      await page.keyboard.up('Control');
      await expect.poll(() => svg.getAttribute('viewBox')).not.toBe(heel);
      const [, , w] = heel.split(' ').map(Number) as [number, number, number];
      expect(Number((await svg.getAttribute('viewBox'))!.split(' ')[2])).toBeLessThan(w);
      await page.getByRole('button', { name: 'Hele kaart' }).click();
      await expect.poll(() => svg.getAttribute('viewBox')).toBe(heel);
      // "+" on a focused area zooms in; tabbing on brings every area into view
      const links = svg.locator('path[role=link]');
      await links.first().focus();
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await expect.poll(async () => Number((await svg.getAttribute('viewBox'))!.split(' ')[2])).toBeLessThan(w / 3);
      const aantal = await links.count();
      const laatste = links.nth(aantal - 1);
      await laatste.focus();
      await expect.poll(async () => laatste.evaluate((pad) => {
        const b = (pad as SVGGraphicsElement).getBBox();
        const [vx, vy, vw, vh] = (pad as SVGGraphicsElement).ownerSVGElement!.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
        const cx = b.x + b.width / 2;
        const cy = b.y + b.height / 2;
        return cx >= vx && cx <= vx + vw && cy >= vy && cy <= vy + vh;
      })).toBe(true);
      await page.keyboard.press('-');
      await page.keyboard.press('-');
      await expect.poll(() => svg.getAttribute('viewBox')).toBe(heel);
      expect(await axe(page)).toEqual([]);
      expect(fouten).toEqual([]);
      await page.close();
    });
  }
});

describe('instelling tegen landelijk: leerweg', () => {
  it('een mbo-instelling staat per leerweg (bol) naast het landelijke cijfer van die leerweg; een vo-school heeft geen leerwegrij', async () => {
    const mbo = await open('/instelling/20BB', 1280, '#kop-landelijk');
    const tabel = mbo.page.getByRole('region', { name: /tegen landelijk per sector en niveau/ });
    await tabel.waitFor();
    const rij = tabel.getByRole('row', { name: /mbo, bol/ });
    expect(await rij.count()).toBe(1);
    expect(await rij.textContent()).toMatch(/procentpunt|niet te vergelijken/);
    expect(await axe(mbo.page)).toEqual([]);
    await mbo.page.close();
    const vo = await open('/instelling/10AA', 320, '#kop-landelijk');
    await vo.page.getByRole('region', { name: /tegen landelijk per sector en niveau/ }).waitFor();
    expect(await vo.page.getByRole('row', { name: /mbo, bol/ }).count()).toBe(0);
    await vo.page.close();
  });
});

describe('driejaarscijfers: kleine gemeenten over drie schooljaren', () => {
  for (const breedte of BREEDTES) {
    it(`${breedte} px: de gemeentepagina heeft een tabel met het venster, uitleg en een link naar hoe het is afgeschermd`, async () => {
      const { page, fouten } = await open('/gemeente/GM0344', breedte, '#kop-driejaar');
      await expect.poll(() => page.locator('#kop-driejaar ~ .bb-tabel tbody tr').count(), { timeout: 15_000 }).toBe(1);
      const rij = await page.locator('#kop-driejaar ~ .bb-tabel tbody tr').first().innerText();
      expect(rij).toContain('2015-2016 t/m 2017-2018');
      expect(await page.locator('nav a[href="#kop-driejaar"]').count()).toBe(1);
      await page.locator('#kop-driejaar ~ p a[href="/over-deze-cijfers#kop-driejaar"]').click();
      await page.locator('#kop-driejaar').waitFor({ state: 'visible' });
      expect(await page.locator('#kop-driejaar').innerText()).toBe('Driejaarscijfers voor kleine gemeenten');
      expect(await axe(page)).toEqual([]);
      expect(fouten).toEqual([]);
      await page.goBack();
      await page.locator('#kop-driejaar ~ .bb-tabel').first().waitFor({ state: 'visible' });
      expect(await axe(page)).toEqual([]);
      await schermafdruk(page, `gemeente-driejaar-${breedte}`);
      await page.close();
    });
  }
});
