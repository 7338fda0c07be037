import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, schermafdruk, sluitOmgeving, startOmgeving, volgFouten, type Browseromgeving, type Testserver } from './omgeving.js';

/**
 * Issue 11, "every user's question answered in one look": the defects found in the second
 * pass over the figures pages, each pinned in a real Chromium at 1280 and 320 px, axe-clean.
 */
const BREEDTES = [1280, 320] as const;

let omgeving: Browseromgeving | undefined;
let server: Testserver;
let basis: string;
let browser: Browseromgeving['browser'];

beforeAll(async () => {
  omgeving = await startOmgeving('browser-cijfers');
  ({ server, browser } = omgeving);
  basis = server.basis;
});

afterAll(() => sluitOmgeving(omgeving));

async function open(pad: string, breedte: number = 1280, wacht = 'h1'): Promise<{ page: Page; fouten: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: breedte, height: 900 });
  const fouten = volgFouten(page);
  await page.goto(`${basis}${pad}`);
  await page.locator(wacht).first().waitFor({ state: 'visible', timeout: 15_000 });
  return { page, fouten };
}


async function grafiekenKlaar(page: Page, aantal: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-grafiek=klaar]').length >= n, aantal, { timeout: 15_000 });
}

interface Vak { x: number; y: number; w: number; h: number; tekst: string }

function overlapt(a: Vak, b: Vak): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('defecten uit de tweede ronde', () => {
  it('keuzelijsten hebben de pijl van de NL Design System-select', async () => {
    const { page } = await open('/');
    const beeld = await page.locator('#keuze-schooljaar').evaluate((s) => getComputedStyle(s).backgroundImage);
    expect(beeld).toContain('data:image/svg+xml');
    expect(await page.locator('#keuze-schooljaar').evaluate((s) => getComputedStyle(s).appearance)).toBe('none');
    await page.close();
  });

  /** Every chart of a page: its width and the box of each of its texts. */
  async function grafiekteksten(page: Page): Promise<{ breedte: number; teksten: Vak[] }[]> {
    return page.locator('figure.bb-grafiek svg[role=img]').evaluateAll((svgs) => svgs.map((svg) => {
      const teksten = [...svg.querySelectorAll('text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height, tekst: t.textContent ?? '' };
      });
      return { breedte: svg.getBoundingClientRect().width, teksten };
    }));
  }

  /**
   * Each chart fits the screen and has its axis title, which touches none of the axis numbers.
   * A bar chart whose every value is withheld says so on each bar ("geen percentage getoond") and
   * has an axis of 0 only, titled without the arrow. Returns how many charts have a full axis.
   */
  function controleerAssen(grafieken: { breedte: number; teksten: Vak[] }[], breedte: number): number {
    let volledig = 0;
    for (const g of grafieken) {
      expect(g.breedte).toBeLessThanOrEqual(breedte);
      const titel = g.teksten.find((t) => t.tekst === 'Schooljaar' || /^vsv-percentage( →)?$/.test(t.tekst));
      expect(titel, 'astitel').toBeDefined();
      const leeg = titel!.tekst === 'vsv-percentage';
      if (leeg) expect(g.teksten.some((t) => t.tekst === 'geen percentage getoond'), 'een grafiek zonder waarden zegt dat').toBe(true);
      const ticks = g.teksten.filter((t) => t !== titel && (/^\d{2,4}[-/]\d{2,4}$/.test(t.tekst) || /^\d+(,\d+)?%$/.test(t.tekst)));
      expect(ticks.length).toBeGreaterThan(leeg ? 0 : 1);
      for (const t of ticks) expect(overlapt(titel!, t), `${titel!.tekst} over ${t.tekst}`).toBe(false);
      if (!leeg) volledig += 1;
    }
    return volledig;
  }

  for (const breedte of BREEDTES) {
    it(`grafieken op ${breedte} px: de astitel raakt geen asgetal, de grafiek past in het scherm, namen in een legenda`, async () => {
      // Grafiek removes Plot's group labels, so the axis titles are found by their text.
      // In the test delivery region 21's own figures are withheld (its count in every year, its
      // categories, and the national categories too; docs/openbaarmaking.md): on its page the trend
      // has a full axis (the national line), its category chart no bar at all. Institution 10AA is
      // published: every chart of its page has a full axis.
      const { page } = await open('/regio/21', breedte, '[data-testid=kerncijfers]');
      await grafiekenKlaar(page, 2);
      const regio = await grafiekteksten(page);
      expect(regio.length).toBeGreaterThanOrEqual(2);
      expect(controleerAssen(regio, breedte), 'grafieken met een volledige as op /regio/21').toBeGreaterThanOrEqual(1);
      // line charts name their series in a legend under the chart: names, never codes
      const legenda = await page.locator('.bb-reekslegenda li').allInnerTexts();
      expect(legenda).toEqual(['Agglomeratie Amsterdam', 'Nederland']);
      expect(await axe(page)).toEqual([]);
      await schermafdruk(page, `grafieken-${breedte}`);
      await page.close();

      const { page: instelling } = await open('/instelling/10AA', breedte, '[data-testid=kerncijfers]');
      await grafiekenKlaar(instelling, 2);
      const grafieken = await grafiekteksten(instelling);
      // bar charts (per category against the norm, per sector against the national figure) and a line
      // chart (the trend), each with a full axis
      expect(grafieken.length).toBeGreaterThanOrEqual(2);
      expect(controleerAssen(grafieken, breedte), 'grafieken met een volledige as op /instelling/10AA').toBe(grafieken.length);
      expect(await instelling.locator('.bb-reekslegenda li').allInnerTexts()).toEqual(['Stedelijk College Noord']);
      expect(await axe(instelling)).toEqual([]);
      await schermafdruk(instelling, `grafieken-instelling-${breedte}`);
      await instelling.close();
    });
  }

  it('staafgrafiek: het getal naast een staaf overlapt het streepje van de vergelijking niet', async () => {
    const { page } = await open('/instelling/10AA?schooljaar=2015-2016', 1280, '[data-testid=kerncijfers]');
    await grafiekenKlaar(page, 1);
    const botsingen = await page.locator('figure.bb-grafiek svg[role=img]').first().evaluate((svg) => {
      const ticks = [...svg.querySelectorAll('line, path')].filter((e) => e.getAttribute('stroke-dasharray') === '4,2'
        || e.closest('g')?.getAttribute('stroke-dasharray') === '4,2').map((e) => e.getBoundingClientRect());
      const getallen = [...svg.querySelectorAll('text')].filter((t) => /^\d+,\d%$/.test(t.textContent ?? '')).map((t) => t.getBoundingClientRect());
      let n = 0;
      for (const a of getallen) for (const b of ticks) if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) n += 1;
      return { n, getallen: getallen.length, ticks: ticks.length };
    });
    expect(botsingen.getallen).toBeGreaterThan(0);
    expect(botsingen.ticks).toBeGreaterThan(0);
    expect(botsingen.n).toBe(0);
    await page.close();
  });

  it('een instelling heet overal hetzelfde: in de zoeklijst en als kop van haar pagina', async () => {
    const { page } = await open('/instellingen?naam=10AA', 1280, 'table');
    const inLijst = await page.locator('table tbody tr th a').first().innerText();
    await page.locator('table tbody tr th a').first().click();
    await expect.poll(() => page.locator('h1').innerText()).toBe(inLijst);
    await page.close();
  });

  it('?status=voorlopig&schooljaar zonder voorlopige telling: de keuzes laden wel, "Alleen voorlopig" staat als niet beschikbaar', async () => {
    const { page } = await open('/?status=voorlopig&schooljaar=2015-2016');
    // the pickers fall back to the latest lists instead of "Bezig met laden…" for ever
    await expect.poll(() => page.locator('#kies-regio option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await page.locator('#kies-regio').isDisabled()).toBe(false);
    expect(await page.locator('main').innerText()).toContain('Er is nog geen voorlopige telling van schooljaar 2015-2016');
    const voorlopig = page.locator('#keuze-status option[value=voorlopig]');
    expect(await voorlopig.isDisabled()).toBe(true);
    expect(await voorlopig.innerText()).toContain('geen voorlopige telling van 2015-2016');
    // a year that has a provisional count offers it
    await page.locator('#keuze-schooljaar').selectOption('2017-2018');
    expect(await page.locator('#keuze-status option[value=voorlopig]').isDisabled()).toBe(false);
    // choosing a year without it drops the choice instead of offering a count that does not exist
    await page.locator('#keuze-status').selectOption('voorlopig');
    await page.locator('#keuze-schooljaar').selectOption('2016-2017');
    expect(await page.locator('#keuze-status').inputValue()).toBe('');
    expect(await page.locator('#keuze-status option[value=voorlopig]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('een ongeldige parameter: de app toont de reden van de API, niet "zie invalidParams"', async () => {
    const { page } = await open('/regio/21?schooljaar=2015-2017', 1280, '[data-testid=redenen]');
    const tekst = await page.locator('main').innerText();
    expect(tekst).not.toContain('invalidParams');
    expect(await page.locator('[data-testid=redenen] li').first().innerText()).toMatch(/^schooljaar: .+/);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('foutpagina\'s noemen het soort gebied één keer', async () => {
    for (const [pad, kop] of [['/regio/99', 'RMC-regio 99'], ['/gemeente/GM9999', 'Gemeente GM9999']] as const) {
      const { page } = await open(pad, 1280, '.utrecht-alert');
      expect(await page.locator('h1').innerText()).toBe(kop);
      expect(await page.title()).toBe(`${kop} – Binnenboord`);
      await page.close();
    }
  });

  it('een onbekend pad: status 404, en de app toont "Pagina niet gevonden"', async () => {
    const page = await browser.context.newPage();
    const antwoord = await page.goto(`${basis}/bestaat-niet/echt`);
    expect(antwoord?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Pagina niet gevonden');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  for (const breedte of BREEDTES) {
    it(`een link naar een onderdeel (/regio/21#kop-gemeenten) scrolt erheen zodra de cijfers er zijn (${breedte} px)`, async () => {
      const { page } = await open('/regio/21#kop-gemeenten', breedte, '#kop-gemeenten');
      await grafiekenKlaar(page, 2);
      // at the top of the window, or as high as the end of the page lets it go
      const plek = () => page.evaluate(() => {
        const top = Math.round(document.getElementById('kop-gemeenten')!.getBoundingClientRect().top);
        const eind = Math.abs(window.scrollY + window.innerHeight - document.documentElement.scrollHeight) < 2;
        return top >= -2 && (top < 5 || (eind && top < window.innerHeight / 2));
      });
      await expect.poll(plek, { timeout: 5_000 }).toBe(true);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
      await page.close();
    });
  }

  it('zoeken vindt woorden die met de zoektekst beginnen, niet stukken midden in een woord', async () => {
    const { page } = await open('/instellingen?naam=roc', 1280, '#kop-resultaten');
    expect(await page.locator('table tbody tr').allInnerTexts()).toEqual([expect.stringContaining('ROC Midden')]);
    await page.goto(`${basis}/instellingen?naam=oc`);
    await expect.poll(() => page.locator('#kop-resultaten').innerText()).toBe('0 instellingen gevonden');
    await page.close();
  });

  it('de download van een gepagineerde lijst bevat de hele lijst', async () => {
    const { page } = await open('/instellingen', 1280, 'table');
    const href = await page.locator('.bb-tabel a[download][href*="formaat=csv"]').first().getAttribute('href');
    const csv = await (await page.request.get(`${basis}${href}`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 4);
    await page.close();
  });
});

describe('ranglijsten: elke tabel van gebieden of instellingen sorteert op elke kolom', () => {
  for (const breedte of BREEDTES) {
    it(`kaart (${breedte} px): meeste vsv'ers eerst, knop voor percentage, kolomknoppen met aria-sort, de volgorde in de URL`, async () => {
      const { page, fouten } = await open('/kaart', breedte, '.bb-twee-kolommen table tbody tr');
      const tabel = page.locator('.bb-twee-kolommen .bb-tabel');
      const kolom = async (n: number) => (await tabel.locator(`tbody tr td:nth-child(${n})`).allInnerTexts())
        // a withheld cell also holds its spoken text ("<5minder dan 5", "–niet getoond")
        .map((t) => (t.startsWith('<5') ? 2.5 : t.startsWith('–') || t.startsWith('x') ? null : Number(t.replace(/\./g, '').replace(',', '.').replace('%', ''))));
      const aflopend = (xs: (number | null)[]) => {
        const getallen = xs.filter((x) => x !== null) as number[];
        // missing values last
        expect(xs.slice(0, getallen.length).every((x) => x !== null)).toBe(true);
        return getallen.every((x, i) => i === 0 || getallen[i - 1]! >= x);
      };
      expect(aflopend(await kolom(3))).toBe(true);
      expect(await tabel.locator('th[aria-sort]').count()).toBe(1);
      expect(await tabel.locator('th[aria-sort=descending]').innerText()).toContain("vsv'ers");
      expect(await tabel.getByRole('button', { name: "aantal vsv'ers" }).getAttribute('aria-pressed')).toBe('true');

      // the toggle: largest percentage first
      await tabel.getByRole('button', { name: 'vsv-percentage', exact: true }).first().click();
      expect(aflopend(await kolom(4))).toBe(true);
      expect(new URL(page.url()).searchParams.get('sorteer-gebieden')).toBe('vsv-percentage-af');

      // keyboard: Tab to the column button of "Regio", Enter sorts A–Z, Enter again Z–A
      const knop = tabel.locator('thead th').first().getByRole('button');
      await knop.focus();
      await page.keyboard.press('Enter');
      expect(await tabel.locator('thead th').first().getAttribute('aria-sort')).toBe('ascending');
      const namen = await tabel.locator('tbody th').allInnerTexts();
      expect(namen).toEqual([...namen].sort(new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare));
      await page.keyboard.press('Enter');
      expect(await tabel.locator('thead th').first().getAttribute('aria-sort')).toBe('descending');
      expect(new URL(page.url()).searchParams.get('sorteer-gebieden')).toBe('regio-af');
      // focus stays on the button (no jump to the heading, no scroll to the top)
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Regio');

      // the sort is in the URL: opening it again gives the same order
      const url = page.url();
      await page.goto(url);
      await tabel.locator('tbody tr').first().waitFor();
      expect(await tabel.locator('thead th').first().getAttribute('aria-sort')).toBe('descending');
      expect(await axe(page)).toEqual([]);
      expect(fouten).toEqual([]);
      await schermafdruk(page, `ranglijst-kaart-${breedte}`);
      await page.close();
    });
  }

  it('regio: gemeenten en vestigingen met de grootste bijdrage eerst, met hun aandeel in de regio', async () => {
    const { page } = await open('/regio/21?schooljaar=2017-2018', 1280, '#kop-gemeenten');
    const gemeenten = page.locator('section[aria-labelledby=kop-gemeenten] table');
    expect(await gemeenten.locator('th[aria-sort=descending]').innerText()).toContain("vsv'ers");
    expect(await gemeenten.locator('thead th').last().innerText()).toContain("Aandeel in de vsv'ers van de regio");
    // Amsterdam is the only municipality of region 21 in the test delivery, and the count of both is
    // withheld (x; docs/openbaarmaking.md): no share is computed from withheld counts
    const api = await (await page.request.get(`${basis}/api/v1/rmc-regios/21?schooljaar=2017-2018`)).json();
    expect([api.totaal.vsv, api.gemeenten.map((g: { cijfer: { vsv: unknown } }) => g.cijfer.vsv)]).toEqual([null, [null]]);
    const amsterdam = gemeenten.locator('tbody tr').first();
    expect(await amsterdam.locator('th').innerText()).toBe('Amsterdam');
    expect(await amsterdam.locator('td').nth(1).innerText()).toMatch(/^x/);
    expect(await amsterdam.locator('td').last().innerText()).toMatch(/^–/);
    expect(await amsterdam.locator('td').last().locator('.visueel-verborgen').innerText()).toBe('niet te berekenen');
    // the locations are published: the one with the most vsv'ers first
    const vestigingen = page.locator('section[aria-labelledby=kop-vestigingen] table');
    expect(await vestigingen.locator('th[aria-sort=descending]').innerText()).toContain("vsv'ers");
    const vsv = (await vestigingen.locator('tbody tr td:nth-child(5)').allInnerTexts()).map(Number);
    expect(vsv).toEqual([9, 6]);
    await page.close();

    // Where the region and its municipalities are published, each share is its part of the region's
    // vsv'ers, the largest first: the same answer with the counts shown (a second municipality of
    // region 21, listed first by the API, so the order is the page's own)
    const gepubliceerd = await browser.context.newPage();
    await gepubliceerd.route((url) => url.pathname === '/api/v1/rmc-regios/21', (route) => route.fulfill({
      json: {
        ...api,
        totaal: { startpopulatie: 80, vsv: 20, percentage: '25.00', afgeschermd: false },
        gemeenten: [
          { gemeenteCode: 'GM0384', naam: 'Diemen', cijfer: { startpopulatie: 19, vsv: 5, percentage: '26.32', afgeschermd: false } },
          { gemeenteCode: 'GM0363', naam: 'Amsterdam', cijfer: { startpopulatie: 61, vsv: 15, percentage: '24.59', afgeschermd: false } },
        ],
      },
    }));
    await gepubliceerd.goto(`${basis}/regio/21?schooljaar=2017-2018`);
    const tabel = gepubliceerd.locator('section[aria-labelledby=kop-gemeenten] table');
    await tabel.locator('tbody tr').nth(1).waitFor();
    expect(await tabel.locator('tbody th').allInnerTexts()).toEqual(['Amsterdam', 'Diemen']);
    expect(await tabel.locator('tbody tr td:last-child').allInnerTexts()).toEqual(['75,0%', '25,0%']);
    await gepubliceerd.close();
  });
});

describe('downloads die gebruikers kunnen openen', () => {
  it('elke tabel heeft Excel en CSV; de pagina heeft "Alles downloaden" als één werkmap', async () => {
    const { page } = await open('/regio/21', 1280, '[data-testid=kerncijfers]');
    const tabellen = await page.locator('table').count();
    const xlsx = await page.locator('.bb-tabel a[download][href*="formaat=xlsx"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(xlsx).toHaveLength(tabellen);
    for (const href of xlsx.slice(0, 3)) {
      const r = await page.request.get(`${basis}${href}`);
      expect(r.status(), href).toBe(200);
      expect(r.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      // a zip archive (xlsx), not an HTML page
      expect((await r.body()).subarray(0, 2).toString()).toBe('PK');
    }
    const alles = page.getByTestId('alles-downloaden').getByRole('link', { name: 'Alles downloaden als Excel' });
    const href = await alles.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/rmc-regios\/21\?formaat=xlsx$/);
    const r = await page.request.get(`${basis}${href}`);
    expect(r.headers()['content-disposition']).toContain('.xlsx');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('instellingen: de download zegt dat het de hele lijst is', async () => {
    const { page } = await open('/instellingen', 1280, 'table');
    expect(await page.locator('.bb-downloads').innerText()).toContain('de hele lijst: alle 4 instellingen');
    await page.close();
  });
});

describe('gewone woorden', () => {
  async function metReeks(page: Page, jaar: string, vsv: number, status: string, schaal: number | null): Promise<void> {
    // the national series as the API gives it, with one chosen last year (the test delivery ends in 2017-2018)
    const echt = await (await page.request.get(`${basis}/api/v1/landelijk/reeks`)).json();
    const laatste = echt.reeks.at(-1);
    const punt = {
      ...laatste, schooljaar: jaar, totaal: { ...laatste.totaal, vsv },
      telling: { ...laatste.telling, schooljaar: jaar, status, synthetisch: schaal !== null, schaal },
    };
    await page.route('**/api/v1/landelijk/reeks', (route) => route.fulfill({ json: { ...echt, reeks: [...echt.reeks, punt] } }));
  }

  it('landelijk: één zin zegt of het doel van 2024 is gehaald (nog niet bekend, gehaald, niet gehaald, voorlopig, demoschaal)', async () => {
    const { page } = await open('/', 1280, '[data-testid=doelzin]');
    expect(await page.getByTestId('doelzin').innerText()).toBe("Of het landelijke doel (ten hoogste 20.000 nieuwe vsv'ers in 2024) is gehaald, "
      + 'is nog niet bekend: er is nog geen telling van schooljaar 2023-2024.');
    await page.close();

    const gehaald = await browser.context.newPage();
    await metReeks(gehaald, '2023-2024', 19_500, 'definitief', null);
    await gehaald.goto(`${basis}/`);
    await gehaald.getByTestId('doelzin').waitFor();
    expect(await gehaald.getByTestId('doelzin').innerText()).toBe("Het landelijke doel (ten hoogste 20.000 nieuwe vsv'ers in 2024) is gehaald: "
      + "in schooljaar 2023-2024 waren er 19.500 nieuwe vsv'ers, 500 minder dan het doel.");
    await gehaald.close();

    const demo = await browser.context.newPage();
    await metReeks(demo, '2023-2024', 286, 'voorlopig', 0.01);
    await demo.goto(`${basis}/`);
    await demo.getByTestId('doelzin').waitFor();
    expect(await demo.getByTestId('doelzin').innerText()).toBe("Het landelijke doel (ten hoogste 20.000 nieuwe vsv'ers in 2024; voor deze synthetische "
      + "demodata (schaal 0,01) 200) is volgens de voorlopige telling niet gehaald: in schooljaar 2023-2024 waren er 286 nieuwe vsv'ers, 86 meer dan het doel.");
    await demo.close();
  });

  for (const pad of ['/', '/regio/21', '/instelling/10AA', '/kaart', '/vergelijken?regios=21']) {
    it(`${pad}: geen interne termen (telling.md, levering 1, telling 8); wel wanneer en waaruit berekend`, async () => {
      const { page } = await open(pad, 1280, '.bb-bron');
      await page.waitForLoadState('networkidle');
      const tekst = await page.locator('main').innerText();
      expect(tekst).not.toMatch(/telling\.md|levering \d|telling \d|runId/);
      const bron = await page.locator('.bb-bron').first().innerText();
      // one year: when and from what; several years (Vergelijken): which are provisional and by which definition
      expect(bron).toMatch(pad.startsWith('/vergelijken') ? /Berekend volgens de vsv-definitie van de regelingen 2012\/2016 \(versie 1\.0\)/
        : /Berekend op \d+ \w+ \d{4} om \d\d:\d\d uit de registraties ontvangen op \d+ \w+ \d{4}.*volgens de vsv-definitie/);
      await page.close();
    });
  }

  for (const breedte of BREEDTES) {
    it(`"Over deze cijfers" (${breedte} px): definitie, methodewijzigingen, afscherming, bronnen, aanhalen; via de voettekst; axe vindt niets`, async () => {
      const { page, fouten } = await open('/', breedte, 'footer');
      const voet = await page.locator('footer').innerText();
      // no login is offered in the footer
      expect(voet).not.toMatch(/inlog/i);
      await page.locator('footer').getByRole('link', { name: 'Over deze cijfers' }).click();
      await expect.poll(() => page.locator('h1').innerText()).toBe('Over deze cijfers');
      expect(new URL(page.url()).pathname).toBe('/over-deze-cijfers');
      expect(await page.locator('h2').allInnerTexts()).toEqual(['Wie is een nieuwe voortijdig schoolverlater?', 'Voorlopig en definitief',
        'Methodewijzigingen', 'Wat u niet ziet, en waarom', 'Driejaarscijfers voor kleine gemeenten', 'Bronnen', 'Zo haalt u de cijfers aan']);
      await expect.poll(() => page.locator('main').innerText()).toContain('2016-2017: Automatische bestandskoppeling');
      expect(await axe(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(breedte);
      expect(fouten).toEqual([]);
      await schermafdruk(page, `over-deze-cijfers-${breedte}`);
      await page.close();
    });
  }
});

describe('eerlijk vergelijken', () => {
  for (const breedte of BREEDTES) {
    it(`vergelijken (${breedte} px): een gemeente toevoegen en met één klik met de G4 vergelijken; de legenda noemt namen`, async () => {
      const { page, fouten } = await open('/vergelijken', breedte, '#vergelijk-gemeente:not([disabled])');
      await page.locator('#vergelijk-gemeente').selectOption('GM0344');
      await page.getByRole('button', { name: 'Voeg gemeente toe' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('gemeenten')).toBe('GM0344');
      await page.getByTestId('vergelijkingsgroepen').waitFor();
      await page.getByTestId('vergelijkingsgroepen').getByRole('button', { name: /^G4\b/ }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('gemeenten')?.split(',')[0]).toBe('GM0344');
      const gekozen = new URL(page.url()).searchParams.get('gemeenten')!.split(',');
      expect(gekozen).toEqual(expect.arrayContaining(['GM0344', 'GM0363']));
      await grafiekenKlaar(page, 1);
      const legenda = await page.locator('.bb-reekslegenda li').allInnerTexts();
      expect(legenda).toEqual(expect.arrayContaining(['Nederland', 'Utrecht', 'Amsterdam']));
      for (const naam of legenda) expect(naam).not.toMatch(/^(GM\d{4}|\d{2}[A-Z]{2}|\d{2})$/);
      expect(await axe(page)).toEqual([]);
      expect(fouten).toEqual([]);
      await schermafdruk(page, `vergelijken-groep-${breedte}`);
      await page.close();
    });
  }

  it('een gebied houdt op elke pagina dezelfde kleur en lijnstijl', async () => {
    const stijl = async (pad: string, naam: string) => {
      const { page } = await open(pad, 1280, '.bb-reekslegenda');
      const li = page.locator('.bb-reekslegenda li', { hasText: naam });
      const s = await li.locator('path').first().evaluate((p) => `${p.getAttribute('stroke')} ${p.getAttribute('stroke-dasharray') ?? ''}`);
      await page.close();
      return s;
    };
    expect(await stijl('/vergelijken?regios=19,21', 'Agglomeratie Amsterdam')).toBe(await stijl('/regio/21', 'Agglomeratie Amsterdam'));
    expect(await stijl('/vergelijken?regios=21', 'Nederland')).toBe(await stijl('/regio/19', 'Nederland'));
  });

  it('instelling: elke sector en elk niveau tegen het landelijke cijfer van dezelfde sector of hetzelfde niveau, nooit het totaal', async () => {
    const { page } = await open('/instelling/20BB', 1280, '#kop-landelijk');
    const tabel = page.locator('section[aria-labelledby=kop-landelijk] table');
    await tabel.waitFor();
    const rijen = await tabel.locator('tbody th').allInnerTexts();
    expect(rijen.length).toBeGreaterThan(0);
    for (const r of rijen) expect(r).toMatch(/^(mbo|vo|vavo)/);
    // the national all-sector total never appears as the comparison
    const landelijk = await (await page.request.get(`${basis}/api/v1/landelijk/kerncijfers`)).json();
    const totaal = String(landelijk.totaal.percentage).replace('.', ',');
    const kolom = await tabel.locator('tbody tr td:nth-child(5)').allInnerTexts();
    const p = landelijk.uitsplitsingen.sector.find((s: { waarde: string }) => s.waarde === 'mbo').cijfer.percentage as string | null;
    const mbo = p === null ? null : p.replace('.', ',');
    expect(kolom[0]!.startsWith(mbo === null ? '–' : `${mbo}%`)).toBe(true);
    if (mbo !== totaal) expect(kolom).not.toContain(`${totaal}%`);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('kaart', () => {
  for (const breedte of BREEDTES) {
    it(`kaart (${breedte} px): groter, namen bij aanwijzen en bij toetsenbordfocus, gebieden zijn links, zoomen; regiogrenzen over de gemeenten`, async () => {
      const { page, fouten } = await open('/kaart?niveau=gemeenten', breedte, '.bb-kaart [data-grafiek=klaar]');
      const svg = page.locator('.bb-kaart svg[role=group]');
      expect(await svg.getAttribute('aria-label')).toContain('Elk gebied is een link');
      if (breedte === 1280) expect((await svg.boundingBox())!.width).toBeGreaterThan(600);
      expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(breedte);
      // the region borders: a second geo layer without fill
      expect(await svg.locator('g[fill=none] path').count()).toBeGreaterThan(0);
      const links = svg.locator('path[role=link]');
      expect(await links.count()).toBeGreaterThan(0);
      // keyboard: focus an area, its name shows; Enter opens its page
      await links.first().focus();
      await expect.poll(() => page.locator('.bb-kaarttip').count()).toBe(1);
      const naam = (await links.first().getAttribute('aria-label'))!;
      expect(await page.locator('.bb-kaarttip').innerText()).toBe(naam);
      // hover shows it too
      await links.first().hover({ force: true });
      expect(await page.locator('.bb-kaarttip').innerText()).toBe(naam);
      // zoom changes the visible part
      const voor = await svg.getAttribute('viewBox');
      await page.getByRole('button', { name: 'Inzoomen' }).click();
      await expect.poll(() => svg.getAttribute('viewBox')).not.toBe(voor);
      await page.getByRole('button', { name: 'Naar het westen' }).click();
      await page.getByRole('button', { name: 'Hele kaart' }).click();
      await expect.poll(() => svg.getAttribute('viewBox')).toBe(voor);
      expect(await axe(page)).toEqual([]);
      await links.first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/gemeente\/GM\d{4}$/);
      expect(fouten).toEqual([]);
      await page.close();
    });
  }
});
