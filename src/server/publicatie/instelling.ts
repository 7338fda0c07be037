import { methodewijzigingIn } from '../../domain/beleid.js';
import type { Toegang } from '../../domain/openbaarmaking.js';
import type { Status } from '../../domain/telling/uitsluitingen.js';
import { normbasis, normcategorieen, normsamenvatting, onderdelen, totaalVan } from '../figures.js';
import type { Gegevens } from '../gegevens.js';
import { kiesRun, runsPerJaar, tellingInfo, type Runcatalogus } from '../runs.js';

/**
 * The publication service for one institution (BRIN): its figures per sector, learning path and
 * category against the norm, its locations, and its trend over all school years, assembled from
 * the runs' publications (every figure with what its run's one suppression pattern withholds).
 * Null when the institution is neither delivered nor in any figure (`bestaatInCijfers` asks the
 * count's stored figures, for an institution no longer delivered). The route maps it to HTTP.
 */
export async function instellingMetTrend(
  gegevens: Gegevens, cat: Runcatalogus, q: { schooljaar?: string; status?: Status }, brin: string, toegang: Toegang,
  bestaatInCijfers: () => Promise<boolean>,
) {
  const run = kiesRun(cat, q);
  const jaren = runsPerJaar(cat, q.status);
  const [instellingen, eigen, indeling] = await Promise.all([
    gegevens.instellingen(),
    gegevens.gepubliceerd(jaren.map((r) => r.id), 'instelling', [brin], ['totaal', 'sector', 'categorie', 'leerweg']),
    gegevens.laatsteIndeling(),
  ]);
  const vestigingen = instellingen.get(brin)?.vestigingen ?? [];
  if (vestigingen.length === 0 && eigen.length === 0 && !(await bestaatInCijfers())) return null;
  const vestigingscijfers = await gegevens.gepubliceerd([run.id], 'vestiging',
    vestigingen.map((v) => `${v.brin}-${v.vestiging}`), ['totaal', 'categorie']);
  const plaatsen = new Map(indeling.map((g) => [g.gemeente_code, g.gemeente_naam]));
  const dit = eigen.filter((c) => c.run_id === run.id);
  const categorie = normcategorieen(dit, run.schooljaar);
  return {
    telling: tellingInfo(cat, run),
    brin,
    // the same name as in every list (gegevens.instellingsnaam), not the first location's
    naam: instellingen.get(brin)?.naam ?? brin,
    soort: vestigingen[0]?.soort ?? 'onbekend',
    totaal: totaalVan(dit),
    sector: onderdelen(dit, 'sector'),
    leerweg: onderdelen(dit, 'leerweg'),
    normbasis: normbasis(run.schooljaar),
    categorie,
    normsamenvatting: normsamenvatting(categorie, toegang),
    vestigingen: vestigingen.map((v) => {
      const van = vestigingscijfers.filter((c) => c.gebied === `${v.brin}-${v.vestiging}`);
      return {
        vestiging: v.vestiging, naam: v.naam, gemeenteCode: v.gemeente_code,
        plaats: plaatsen.get(v.gemeente_code) ?? v.gemeente_code,
        totaal: totaalVan(van), categorie: normcategorieen(van, run.schooljaar),
      };
    }),
    trend: jaren.map((r) => {
      const van = eigen.filter((c) => c.run_id === r.id);
      const categorieen = normcategorieen(van, r.schooljaar);
      return {
        schooljaar: r.schooljaar, telling: tellingInfo(cat, r), totaal: totaalVan(van), categorie: categorieen,
        normsamenvatting: normsamenvatting(categorieen, toegang), methodewijziging: methodewijzigingIn(r.schooljaar),
      };
    }),
  };
}
