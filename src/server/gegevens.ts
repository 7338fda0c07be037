import { leesAlleVestigingen, leesIndeling, leesLaatsteIndeling, leesRmcNamen, type Indelingsrij, type Vestigingsrij } from '../db/cijfers.js';
import type { Db } from '../db/database.js';
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
  /** institutions by BRIN, each with its locations in order, the name being that of its first location */
  instellingen(): Promise<Map<string, Instellingskop>>;
}

export function maakGegevens(db: Db, cache: Antwoordcache): Gegevens {
  return {
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
      return perBrin;
    }),
  };
}
