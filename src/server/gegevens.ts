import { leesAlleVestigingen, leesIndeling, leesLaatsteIndeling, leesRmcNamen, type Indelingsrij, type Vestigingsrij } from '../db/cijfers.js';
import type { Db } from '../db/database.js';
import { driejaarpublicatieVan, vensters, type Driejaarpublicatie } from '../publicatie/driejaar.js';
import { publicatieVan } from '../publicatie/laden.js';
import { leesGepubliceerd, type Lezer, type Runpublicatie } from '../publicatie/publicatie.js';
import type { Antwoordcache } from './cache.js';
import { laadCatalogus, type Runcatalogus } from './runs.js';

/**
 * The reference data nearly every request needs (the stored runs, the RMC classification,
 * names, the institutions and their locations), read once per data version instead of once
 * per request. A few thousand rows at national scale.
 */
export interface Instellingskop {
  brin: string;
  naam: string;
  soort: string;
  vestigingen: Vestigingsrij[];
}

export interface Gegevens {
  catalogus(): Promise<Runcatalogus>;
  indeling(schooljaar: string): Promise<Indelingsrij[]>;
  laatsteIndeling(): Promise<Indelingsrij[]>;
  rmcNamen(): Promise<Map<string, string>>;
  /** institutions by BRIN, each with its locations in order, named by `instellingsnaam` */
  instellingen(): Promise<Map<string, Instellingskop>>;
  /** the publication of a stored run: its one suppression pattern, made once per data version */
  publicatie(runId: number): Promise<Runpublicatie>;
  /** published figures of some areas (null: all) of one level in some runs, each with what is withheld */
  gepubliceerd: Lezer;
  /** the three-year figures of the municipalities, per window whose pattern is kept, oldest first */
  driejaar(): Promise<Driejaarpublicatie[]>;
}

export function maakGegevens(db: Db, cache: Antwoordcache): Gegevens {
  const gegevens: Gegevens = {
    catalogus: () => cache.onthoud('catalogus', () => laadCatalogus(db)),
    indeling: (schooljaar) => cache.onthoud(`indeling:${schooljaar}`, () => leesIndeling(db, schooljaar)),
    laatsteIndeling: () => cache.onthoud('laatste-indeling', () => leesLaatsteIndeling(db)),
    rmcNamen: () => cache.onthoud('rmc-namen', () => leesRmcNamen(db)),
    instellingen: () => cache.onthoud('instellingen', async () => {
      const perBrin = new Map<string, Instellingskop>();
      for (const v of await leesAlleVestigingen(db)) {
        const kop = perBrin.get(v.brin);
        if (kop) kop.vestigingen.push(v);
        else perBrin.set(v.brin, { brin: v.brin, naam: v.naam, soort: v.soort, vestigingen: [v] });
      }
      for (const kop of perBrin.values()) kop.naam = instellingsnaam(kop.vestigingen.map((v) => v.naam));
      return perBrin;
    }),
    // The pattern was kept after the count (or at the server's start); computed here only when
    // it is missing, never written through the public door.
    publicatie: (runId) => cache.onthoud(`publicatie:${runId}`, () => publicatieVan(db, runId, { bewaar: false })),
    gepubliceerd: async (runIds, niveau, gebieden, dimensies) =>
      leesGepubliceerd(await Promise.all(runIds.map((id) => gegevens.publicatie(id))), niveau, gebieden, dimensies),
    // Only windows whose pattern was kept (after the count, or by the server in the background):
    // a three-year figure is never published before its pattern is checked.
    driejaar: () => cache.onthoud('driejaar', async () => {
      const uit: Driejaarpublicatie[] = [];
      for (const venster of vensters((await gegevens.catalogus()).runs)) {
        const pubs = await Promise.all(venster.map((r) => gegevens.publicatie(r.id)));
        const p = await driejaarpublicatieVan(db, venster, pubs, { bewaar: false });
        if (p) uit.push(p);
      }
      return uit;
    }),
  };
  return gegevens;
}

/**
 * The name of an institution: deliveries name locations only (instellingen.csv). Where all
 * locations share a leading part ("ROC Utrecht (fictief), locatie Zeist" and "…, locatie
 * Utrecht"), that part is the institution's name; otherwise the first location's name, so
 * an institution is never named after a branch in another town when a better name exists.
 */
export function instellingsnaam(locatienamen: readonly string[]): string {
  const eerste = locatienamen[0] ?? '';
  if (locatienamen.length < 2) return eerste;
  let n = eerste.length;
  for (const naam of locatienamen) {
    let i = 0;
    while (i < n && i < naam.length && naam[i] === eerste[i]) i += 1;
    n = i;
  }
  // Cut at a word boundary: the shared part ends where every name ends or goes on with a
  // non-letter ("Gooise Scholenfederatie vwo" and "Gooise Scholenfederatie, vwo" share
  // "Gooise Scholenfederatie", not "Gooise"); otherwise drop the word cut in two. Then drop a
  // trailing separator ("…, locatie " → "…").
  const opGrens = locatienamen.every((naam) => n >= naam.length || !/[\p{L}\p{N}]/u.test(naam[n]!));
  const gemeenschappelijk = (opGrens ? eerste.slice(0, n) : eerste.slice(0, n).replace(/\S*$/, ''))
    .replace(/[\s,;:–-]*(locatie|vestiging|vavo)?[\s,;:–-]*$/i, '').trim();
  return gemeenschappelijk.length >= 4 ? gemeenschappelijk : eerste;
}
