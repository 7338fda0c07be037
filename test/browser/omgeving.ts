import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PROJECTMAP, referentiedataMap } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import type { Testgebruiker } from '../../src/server/toegang.js';
import { vulTestdatabase } from '../api/fixture.js';
import { bouwTestApp } from '../api/openapiControle.js';
import { tijdelijkeMap } from '../support/database.js';

/**
 * A real server (the same Fastify app as `npm start`, listening on a free port) with the
 * built web app, and Debian's Chromium driven by playwright-core. Chromium is never
 * downloaded; if it is missing the tests fail and say how to install it.
 */
export const CHROMIUM = process.env.BINNENBOORD_CHROMIUM ?? '/usr/bin/chromium';
export const WEBMAP = join(PROJECTMAP, 'dist', 'web');
export const SCHERMAFDRUKKEN = join(PROJECTMAP, 'test-results', 'screenshots');

function nieuwste(map: string): number {
  let t = 0;
  for (const e of readdirSync(map, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/** Builds the web app (vite) when dist/web is missing or older than web/. */
export async function zorgVoorWebBuild(): Promise<void> {
  const index = join(WEBMAP, 'index.html');
  const bron = Math.max(nieuwste(join(PROJECTMAP, 'web', 'src')), statSync(join(PROJECTMAP, 'web', 'index.html')).mtimeMs,
    nieuwste(join(PROJECTMAP, 'src', 'server')));
  if (existsSync(index) && statSync(index).mtimeMs >= bron) return;
  const { build } = await import('vite');
  await build({ configFile: join(PROJECTMAP, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

export function controleerChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium ontbreekt (${CHROMIUM}). De browsertests worden niet overgeslagen: installeer Debian's chromium `
      + '(apt-get install -y chromium) of wijs BINNENBOORD_CHROMIUM naar een Chromium. Voer nooit `playwright install` uit.');
  }
}

export interface Testserver {
  app: FastifyInstance;
  basis: string;
  /**
   * Stops the server while the shared browser may still hold keep-alive or preconnected
   * sockets to it: those are destroyed, so closing never waits on the browser (on Node 22 a
   * plain app.close() could hang on such a socket until the hook timed out).
   */
  sluit: () => Promise<void>;
}

export async function startServer(db: Db, geoMap = join(referentiedataMap(), 'geo'), testgebruiker?: Testgebruiker): Promise<Testserver> {
  const app = await bouwTestApp({ db, webMap: WEBMAP, geoMap, ...(testgebruiker ? { testgebruiker } : {}) });
  const adres = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    basis: adres,
    sluit: async () => {
      const gesloten = app.close();
      app.server.closeAllConnections();
      await gesloten;
    },
  };
}

/** A cold Chromium: a fresh profile every time, no background traffic. */
export async function startBrowser(): Promise<{ context: BrowserContext; sluit: () => Promise<void> }> {
  controleerChromium();
  const profiel = await mkdtemp(join(tmpdir(), 'binnenboord-chromium-'));
  const context = await chromium.launchPersistentContext(profiel, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    sluit: async () => {
      await context.close();
      await rm(profiel, { recursive: true, force: true });
    },
  };
}

export async function schermafdruk(page: Page, naam: string): Promise<void> {
  await mkdir(SCHERMAFDRUKKEN, { recursive: true });
  await page.screenshot({ path: join(SCHERMAFDRUKKEN, `${naam}.png`), fullPage: true });
}

/** Console errors and failed requests of a page (a CSP violation shows up as a console error). */
export function volgFouten(page: Page): string[] {
  const fouten: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') fouten.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => fouten.push(`pagina: ${e.message}`));
  return fouten;
}

/** The WCAG levels every page is checked against (axe). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's WCAG 2.1 A/AA violations of a page, one line each (empty: none). */
export async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

export interface Browseromgeving {
  db: Db;
  server: Testserver;
  browser: { context: BrowserContext; sluit: () => Promise<void> };
}

/**
 * What a browser test file needs: a fresh embedded database with the API tests' delivery
 * (plus what `vul` adds), the server on a free port and a cold Chromium. Close with `sluitOmgeving`.
 */
export async function startOmgeving(naam: string, opties: { vul?: (db: Db) => Promise<void>; testgebruiker?: Testgebruiker } = {}): Promise<Browseromgeving> {
  controleerChromium();
  await zorgVoorWebBuild();
  const db = await openDatabase(await tijdelijkeMap(naam));
  await vulTestdatabase(db, await tijdelijkeMap(`${naam}-levering`));
  await opties.vul?.(db);
  const server = await startServer(db, join(referentiedataMap(), 'geo'), opties.testgebruiker);
  return { db, server, browser: await startBrowser() };
}

export async function sluitOmgeving(o: Partial<Browseromgeving> | undefined): Promise<void> {
  await o?.browser?.sluit();
  await o?.server?.sluit();
  await o?.db?.close();
}
