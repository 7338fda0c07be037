import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { begintWoordMet } from '../../src/server/zoeken.js';
import { isWebpad } from '../../src/server/webpaden.js';
import { describeDatabases, tijdelijkeMap } from '../support/database.js';
import { apiomgeving } from './omgeving.js';

/**
 * Issue 11 (figures, second pass): searching at word starts, one institution name
 * everywhere, downloads of a paged list hold the whole list, and unknown page paths are 404.
 */
describe('zoeken aan het begin van een woord', () => {
  it('vindt een woord dat met de zoektekst begint, nooit een stuk midden in een woord', () => {
    expect(begintWoordMet('ROC Midden', 'roc')).toBe(true);
    expect(begintWoordMet('Zadkine ROC', 'roc')).toBe(true);
    expect(begintWoordMet('Brederocollege', 'roc')).toBe(false);
    expect(begintWoordMet('Het Brederocollege', 'roc')).toBe(false);
    // after a character that is no letter or digit a word starts
    expect(begintWoordMet('=Formule College', 'formule')).toBe(true);
    expect(begintWoordMet('Sint-Janscollege', 'jans')).toBe(true);
    expect(begintWoordMet('Leiden', 'den')).toBe(false);
    expect(begintWoordMet('Den Haag', 'den')).toBe(true);
    // a later occurrence at a word start counts even when an earlier one is inside a word
    expect(begintWoordMet('Brederocollege ROC', 'roc')).toBe(true);
    expect(begintWoordMet('roc', 'roc utrecht')).toBe(false);
  });
});

describe('paden van de webapp', () => {
  it('kent de pagina\'s van de app en niets anders', () => {
    for (const p of ['/', '/kaart', '/regio/21', '/regio/21/', '/gemeente/GM0363', '/instellingen', '/instelling/10AA', '/vergelijken', '/over-deze-cijfers']) {
      expect(isWebpad(p), p).toBe(true);
    }
    for (const p of ['/bestaat-niet', '/regio', '/regio/', '/regio/21/extra', '/kaart/x', '/instelling/%E0%A4%A', '//']) {
      expect(isWebpad(p), p).toBe(false);
    }
  });
});

describeDatabases('API en web: tweede ronde cijfers', (driver) => {
  let webMap: string;
  beforeAll(async () => {
    webMap = await tijdelijkeMap('web');
    await mkdir(join(webMap, 'assets'));
    await writeFile(join(webMap, 'index.html'), '<!doctype html><title>Binnenboord</title><div id="root"></div>');
  });
  const api = apiomgeving(driver, { get webMap() { return webMap; } });

  it('een onbekend pad krijgt de app (die "Pagina niet gevonden" toont) met status 404; een pagina van de app 200', async () => {
    for (const url of ['/bestaat-niet', '/regio/21/extra', '/regios', '/instelling']) {
      const r = await api.get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(r.body, url).toContain('<div id="root">');
    }
    for (const url of ['/', '/regio/99', '/over-deze-cijfers', '/vergelijken?gemeenten=GM0363']) {
      expect((await api.get(url)).statusCode, url).toBe(200);
    }
  });

  it('zoeken: "roc" vindt ROC Midden, "oc" of "idden" (midden in een woord) niets; plaats aan het begin van een woord', async () => {
    const brins = async (q: string) => (await api.json(`/api/v1/instellingen?${q}`)).instellingen.map((i: { brin: string }) => i.brin);
    expect(await brins('naam=roc')).toEqual(['20BB']);
    expect(await brins('naam=midden')).toEqual(['20BB']);
    expect(await brins('naam=oc')).toEqual([]);
    expect(await brins('naam=idden')).toEqual([]);
    expect(await brins('naam=college')).toEqual(['30CC', '10AA']);
    expect(await brins('naam=10a')).toEqual(['10AA']);
    expect(await brins('naam=0aa')).toEqual([]);
    expect(await brins('plaats=trecht')).toEqual([]);
    expect(await brins('plaats=utr')).toEqual(['20BB']);
  });

  it('één instelling heet op haar eigen pagina zoals in elke lijst', async () => {
    const lijst = await api.json('/api/v1/instellingen?naam=10AA');
    const een = await api.json('/api/v1/instellingen/10AA');
    expect(een.naam).toBe(lijst.instellingen[0].naam);
  });

  it('de CSV van een gepagineerde lijst bevat de hele lijst, niet één pagina', async () => {
    const json = await api.json('/api/v1/instellingen?paginaGrootte=1&pagina=2');
    expect(json.instellingen).toHaveLength(1);
    expect(json.paginering.totaalAantal).toBe(4);
    const csv = (await api.get('/api/v1/instellingen?paginaGrootte=1&pagina=2&formaat=csv')).body;
    const regels = csv.trim().split('\r\n');
    expect(regels).toHaveLength(1 + 4);
    for (const brin of ['10AA', '20BB', '30CC', '40DD']) expect(csv).toContain(`,${brin},`);
  });
});
