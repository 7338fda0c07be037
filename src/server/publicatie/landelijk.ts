import { LANDELIJK_DOEL, METHODEWIJZIGINGEN, methodewijzigingIn } from '../../domain/beleid.js';
import { LANDELIJK } from '../../domain/telling/cijfers.js';
import type { Status } from '../../domain/telling/uitsluitingen.js';
import { DIMENSIES_GEBIED, onderdelen, totaalVan, uitsplitsingen } from '../figures.js';
import type { Gegevens } from '../gegevens.js';
import { kiesRun, runsPerJaar, tellingInfo, vorigeRun, type Runcatalogus } from '../runs.js';

/**
 * The publication service for the national figures: the series over all school years and the
 * key figures of one year, assembled from the runs' publications (every figure with what its
 * run's one suppression pattern withholds). The routes only map HTTP onto these.
 */
export async function landelijkeReeks(gegevens: Gegevens, cat: Runcatalogus, status: Status | undefined) {
  const runs = runsPerJaar(cat, status);
  const cijfers = await gegevens.gepubliceerd(runs.map((r) => r.id), 'landelijk', [LANDELIJK], ['totaal', 'sector']);
  return {
    doel: { doelAantal: LANDELIJK_DOEL.aantal, jaar: LANDELIJK_DOEL.jaar, omschrijving: LANDELIJK_DOEL.omschrijving },
    methodewijzigingen: METHODEWIJZIGINGEN,
    reeks: runs.map((run) => {
      const van = cijfers.filter((c) => c.run_id === run.id);
      return {
        schooljaar: run.schooljaar,
        telling: tellingInfo(cat, run),
        totaal: totaalVan(van),
        sector: onderdelen(van, 'sector'),
        methodewijziging: methodewijzigingIn(run.schooljaar),
      };
    }),
  };
}

export async function landelijkeKerncijfers(gegevens: Gegevens, cat: Runcatalogus, q: { schooljaar?: string; status?: Status }) {
  const run = kiesRun(cat, q);
  const vorige = vorigeRun(cat, run, q.status);
  const runIds = vorige ? [run.id, vorige.id] : [run.id];
  const cijfers = await gegevens.gepubliceerd(runIds, 'landelijk', [LANDELIJK], DIMENSIES_GEBIED);
  const dit = cijfers.filter((c) => c.run_id === run.id);
  return {
    telling: tellingInfo(cat, run),
    totaal: totaalVan(dit),
    uitsplitsingen: uitsplitsingen(dit),
    vorigJaar: vorige ? { telling: tellingInfo(cat, vorige), totaal: totaalVan(cijfers.filter((c) => c.run_id === vorige.id)) } : null,
    methodewijziging: methodewijzigingIn(run.schooljaar),
  };
}
