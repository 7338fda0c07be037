import type { Indelingsrij } from '../../db/cijfers.js';
import { methodewijzigingIn } from '../../domain/beleid.js';
import type { Toegang } from '../../domain/openbaarmaking.js';
import { LANDELIJK, type Niveau } from '../../domain/telling/cijfers.js';
import type { Status } from '../../domain/telling/uitsluitingen.js';
import { DIMENSIES_GEBIED, normcategorieen, normsamenvatting, totaalVan, uitsplitsingen } from '../figures.js';
import type { Gegevens } from '../gegevens.js';
import { Telcijfer } from '../openbaarmaking.js';
import { runsPerJaar, tellingInfo, type Runcatalogus } from '../runs.js';

/**
 * The publication service for areas: what a region and a municipality answer hold — the
 * figures of an area with their breakdowns, the national figures beside them, the trend over
 * all school years, the school locations and the institutions in the area — assembled from
 * the runs' publications (`Gegevens.gepubliceerd`: every figure with what the run's one
 * suppression pattern withholds). The routes only map HTTP onto these.
 */
export async function gebiedMetLandelijk(gegevens: Gegevens, runId: number, niveau: Niveau, code: string) {
  const [eigen, nl] = await Promise.all([
    gegevens.gepubliceerd([runId], niveau, [code], DIMENSIES_GEBIED),
    gegevens.gepubliceerd([runId], 'landelijk', [LANDELIJK], DIMENSIES_GEBIED),
  ]);
  return {
    gevonden: eigen.length > 0,
    totaal: totaalVan(eigen),
    uitsplitsingen: uitsplitsingen(eigen),
    landelijk: { totaal: totaalVan(nl), uitsplitsingen: uitsplitsingen(nl) },
  };
}

export async function trendVan(gegevens: Gegevens, cat: Runcatalogus, status: Status | undefined, niveau: Niveau, code: string) {
  const runs = runsPerJaar(cat, status);
  const ids = runs.map((r) => r.id);
  const [eigen, nl] = await Promise.all([
    gegevens.gepubliceerd(ids, niveau, [code], ['totaal']),
    gegevens.gepubliceerd(ids, 'landelijk', [LANDELIJK], ['totaal']),
  ]);
  return runs.map((run) => ({
    schooljaar: run.schooljaar,
    telling: tellingInfo(cat, run),
    cijfer: totaalVan(eigen.filter((c) => c.run_id === run.id)),
    landelijk: totaalVan(nl.filter((c) => c.run_id === run.id)),
    methodewijziging: methodewijzigingIn(run.schooljaar),
  }));
}

/** The school locations in some municipalities with their total figure of the run (locations without pupils left out). */
export async function vestigingenIn(gegevens: Gegevens, runId: number, gemeenten: readonly Indelingsrij[]) {
  const namen = new Map(gemeenten.map((g) => [g.gemeente_code, g.gemeente_naam]));
  const vestigingen = [...(await gegevens.instellingen()).values()].flatMap((i) => i.vestigingen).filter((v) => namen.has(v.gemeente_code));
  const cijfers = await gegevens.gepubliceerd([runId], 'vestiging', vestigingen.map((v) => `${v.brin}-${v.vestiging}`), ['totaal']);
  const perGebied = new Map(cijfers.map((c) => [c.gebied, c]));
  return vestigingen.flatMap((v) => {
    const c = perGebied.get(`${v.brin}-${v.vestiging}`);
    return c ? [{
      brin: v.brin, vestiging: v.vestiging, naam: v.naam, gemeenteCode: v.gemeente_code, plaats: namen.get(v.gemeente_code)!,
      cijfer: new Telcijfer(c.startpopulatie, c.vsv, c.afscherming),
    }] : [];
  }).sort((a, b) => a.naam.localeCompare(b.naam, 'nl') || a.brin.localeCompare(b.brin) || a.vestiging.localeCompare(b.vestiging));
}

/**
 * The institutions (BRIN) with a location in some municipalities, each with the figures of the
 * whole institution per category judged against the norm: a norm applies to an institution
 * in a category, not to a location or an area. Institutions without figures in the run are
 * left out. Those with the most categories above the norm (as published) come first.
 */
export async function instellingenMetNormenIn(
  gegevens: Gegevens, run: { id: number; schooljaar: string }, gemeenten: readonly Indelingsrij[], toegang: Toegang,
) {
  const namen = new Map(gemeenten.map((g) => [g.gemeente_code, g.gemeente_naam]));
  const hier = [...(await gegevens.instellingen()).values()]
    .map((i) => ({ kop: i, vestigingen: i.vestigingen.filter((v) => namen.has(v.gemeente_code)) }))
    .filter((i) => i.vestigingen.length > 0);
  const cijfers = await gegevens.gepubliceerd([run.id], 'instelling', hier.map((i) => i.kop.brin), ['totaal', 'categorie']);
  return hier.flatMap(({ kop, vestigingen }) => {
    const van = cijfers.filter((c) => c.gebied === kop.brin);
    if (!van.some((c) => c.dimensie === 'totaal')) return [];
    const categorie = normcategorieen(van, run.schooljaar);
    return [{
      brin: kop.brin, naam: kop.naam, soort: kop.soort,
      plaatsen: [...new Set(vestigingen.map((v) => namen.get(v.gemeente_code)!))].sort((a, b) => a.localeCompare(b, 'nl')),
      totaal: totaalVan(van), categorie, normsamenvatting: normsamenvatting(categorie, toegang),
    }];
  }).sort((a, b) => b.normsamenvatting.aantalBovenNorm - a.normsamenvatting.aantalBovenNorm
    || a.naam.localeCompare(b.naam, 'nl') || a.brin.localeCompare(b.brin));
}


/**
 * The three-year figures of a municipality, one per window whose pattern is kept, oldest first
 * (src/publicatie/driejaar.ts): each with what the window's pattern withholds of it.
 */
export async function driejaarcijfersVan(gegevens: Gegevens, gemeente: string) {
  return (await gegevens.driejaar()).flatMap((w) => {
    const c = w.perGemeente.get(gemeente);
    return c ? [{
      schooljaren: w.runs.map((r) => r.schooljaar), runIds: w.runs.map((r) => r.id),
      cijfer: new Telcijfer(c.startpopulatie, c.vsv, c.afscherming),
    }] : [];
  });
}
