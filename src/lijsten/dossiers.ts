import type { Db } from '../db/database.js';
import { dossierposities, isLijstrunVerwerkt, laatsteVerwerkteMaand, legDossierwijzigingenVast, type Dossierwijzigingen } from '../db/dossiers.js';
import type { Lijstrun } from '../db/lijsten.js';
import { eigenaarVan } from '../domain/dossier/eigenaar.js';
import { bepaalOvergang } from '../domain/dossier/overgang.js';
import { parseMaand, peildatum, type Maand } from '../domain/lijsten/maand.js';
import { lijstenVanMaand } from './berekenLijsten.js';

/**
 * A month's stored lists, as `lijstenVanMaand`, after which the dossiers follow them
 * (opvolging.md; docs/opvolging.md "Dossiers"): opened for whoever is on the werkvoorraad,
 * closed with the reason of herinschrijvingen, reopened on a new dropout. Months are followed
 * forward only: a month not after the last one followed changes no dossier (the lists of an
 * older month are still given), so looking back at March never reopens what April closed.
 */
export async function lijstenMetDossiers(db: Db, maand: Maand): Promise<{ run: Lijstrun; nieuw: boolean }> {
  const uitkomst = await lijstenVanMaand(db, maand);
  await volgDossiers(db, uitkomst.run);
  return uitkomst;
}

export async function volgDossiers(db: Db, run: Lijstrun): Promise<{ geopend: number; heropend: number; gesloten: number } | null> {
  return db.transaction(async (tx) => {
    if (await isLijstrunVerwerkt(tx, run.id)) return null;
    const laatste = await laatsteVerwerkteMaand(tx);
    if (laatste !== null && run.maand <= laatste) return null;
    const w: Dossierwijzigingen = {
      maand: run.maand, peildatum: peildatum(parseMaand(run.maand)!), lijstrunId: run.id,
      openen: [], heropenen: [], sluiten: [], eigenaren: [],
    };
    for (const p of await dossierposities(tx, run.id)) {
      const stand = p.dossier_id && p.status && p.geopend_maand
        ? { status: p.status, geopendMaand: p.geopend_maand, geslotenMaand: p.gesloten_maand } : null;
      const overgang = bepaalOvergang(stand, run.maand, { opWerkvoorraad: p.werkvoorraad, herinschrijfreden: p.reden });
      const eigenaar = eigenaarVan(p.leeftijd, p.gemeente_code, p.rmc_code);
      if (overgang?.soort === 'openen') w.openen.push({ persoonId: p.persoon_id, eigenaar });
      else if (p.dossier_id) {
        if (overgang?.soort === 'heropenen') w.heropenen.push(p.dossier_id);
        if (overgang?.soort === 'sluiten') w.sluiten.push({ dossierId: p.dossier_id, reden: overgang.reden });
        w.eigenaren.push({ dossierId: p.dossier_id, eigenaar });
      }
    }
    await legDossierwijzigingenVast(tx, w);
    return { geopend: w.openen.length, heropend: w.heropenen.length, gesloten: w.sluiten.length };
  });
}
