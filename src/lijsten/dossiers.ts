import type { Db } from '../db/database.js';
import { dossierposities, isLijstrunVerwerkt, laatsteVerwerkteMaand, legDossierwijzigingenVast, type Dossierwijzigingen } from '../db/dossiers.js';
import { lijstversie, werkLijststatistiekenBij, type Lijstrun } from '../db/lijsten.js';
import { legOverdrachtwijzigingenVast, lopendeOverdrachten, type Overdrachtwijzigingen } from '../db/overdrachten.js';
import { eigenaarVan } from '../domain/dossier/eigenaar.js';
import { bepaalOverdracht } from '../domain/dossier/overdracht.js';
import { bepaalOvergang } from '../domain/dossier/overgang.js';
import { parseMaand, peildatum, type Maand } from '../domain/lijsten/maand.js';
import { lijstenVanMaand } from './berekenLijsten.js';

/**
 * A month's stored lists, as `lijstenVanMaand`, after which the dossiers follow them
 * (opvolging.md; docs/opvolging.md "Dossiers"): opened for whoever is on the werkvoorraad,
 * closed with the reason of herinschrijvingen, reopened on a new dropout. Months are followed
 * forward only: a month not after the last one followed changes no dossier (the lists of an
 * older month are still given), so looking back at March never reopens what April closed.
 * An open dossier whose owner on the lists differs from its holder is not re-owned: a handover
 * is proposed (src/domain/dossier/overdracht.ts), which the holder sends and the receiver accepts.
 */
export async function lijstenMetDossiers(db: Db, maand: Maand): Promise<{ run: Lijstrun; nieuw: boolean }> {
  const uitkomst = await lijstenVanMaand(db, maand);
  const gevolgd = await volgDossiers(db, uitkomst.run);
  if (uitkomst.nieuw || gevolgd) await werkLijststatistiekenBij(db);
  return uitkomst;
}

/** Per database: the current lists per month, valid for one `lijstversie`. */
const actueel = new WeakMap<Db, { versie: string; runs: Map<string, Lijstrun> }>();

/**
 * `lijstenMetDossiers` for a page that asks for a month's lists on every request: whether the
 * stored lists are current (counts, deliveries, dossiers followed) is checked once per
 * `lijstversie`, one query for all the months asked, instead of a handful per month and request. A new count, delivery or list run
 * (from this process or another) changes the version, and the check runs again.
 */
export async function actueleLijsten(db: Db, maanden: readonly Maand[]): Promise<Lijstrun[]> {
  const versie = await lijstversie(db);
  const uit: Lijstrun[] = [];
  for (const maand of maanden) {
    const bekend = actueel.get(db);
    const run = bekend?.versie === versie ? bekend.runs.get(maand.naam) : undefined;
    if (run) {
      uit.push(run);
      continue;
    }
    const uitkomst = await lijstenMetDossiers(db, maand);
    // Computing the lists stores a new run: the version after it is the one this run is current for.
    const na = uitkomst.nieuw ? await lijstversie(db) : versie;
    const bij = actueel.get(db);
    const runs = bij?.versie === na ? bij.runs : new Map<string, Lijstrun>();
    runs.set(maand.naam, uitkomst.run);
    actueel.set(db, { versie: na, runs });
    uit.push(uitkomst.run);
  }
  return uit;
}

export async function volgDossiers(db: Db, run: Lijstrun): Promise<{ geopend: number; heropend: number; gesloten: number; voorgesteld: number } | null> {
  return db.transaction(async (tx) => {
    if (await isLijstrunVerwerkt(tx, run.id)) return null;
    const laatste = await laatsteVerwerkteMaand(tx);
    if (laatste !== null && run.maand <= laatste) return null;
    const dag = peildatum(parseMaand(run.maand)!);
    const w: Dossierwijzigingen = { maand: run.maand, peildatum: dag, lijstrunId: run.id, openen: [], heropenen: [], sluiten: [] };
    const o: Overdrachtwijzigingen = { maand: run.maand, peildatum: dag, vervallen: [], voorstellen: [], overnemen: [] };
    const posities = await dossierposities(tx, run.id);
    const lopend = await lopendeOverdrachten(tx, posities.flatMap((p) => (p.dossier_id ? [p.dossier_id] : [])));
    for (const p of posities) {
      const stand = p.dossier_id && p.status && p.geopend_maand
        ? { status: p.status, geopendMaand: p.geopend_maand, geslotenMaand: p.gesloten_maand } : null;
      const overgang = bepaalOvergang(stand, run.maand, { opWerkvoorraad: p.werkvoorraad, herinschrijfreden: p.reden });
      const eigenaar = eigenaarVan(p.leeftijd, p.gemeente_code, p.rmc_code);
      if (overgang?.soort === 'openen') w.openen.push({ persoonId: p.persoon_id, eigenaar });
      else if (p.dossier_id && p.eigenaar_soort && p.eigenaar_code) {
        if (overgang?.soort === 'heropenen') w.heropenen.push(p.dossier_id);
        if (overgang?.soort === 'sluiten') w.sluiten.push({ dossierId: p.dossier_id, reden: overgang.reden });
        const open = overgang?.soort === 'heropenen' || (p.status === 'open' && overgang?.soort !== 'sluiten');
        const houder = { soort: p.eigenaar_soort, code: p.eigenaar_code };
        const besluit = bepaalOverdracht({ houder, nieuw: eigenaar, open, lopend: lopend.get(p.dossier_id) ?? null });
        if (besluit.soort === 'overnemen') o.overnemen.push({ dossierId: p.dossier_id, eigenaar: besluit.eigenaar });
        if (besluit.soort === 'intrekken' || besluit.soort === 'vervangen') o.vervallen.push(besluit.vervalt);
        if (besluit.soort === 'voorstellen' || besluit.soort === 'vervangen') {
          o.voorstellen.push({ dossierId: p.dossier_id, van: houder, naar: besluit.naar, oorzaak: besluit.oorzaak });
        }
      }
    }
    await legDossierwijzigingenVast(tx, w);
    await legOverdrachtwijzigingenVast(tx, o);
    return { geopend: w.openen.length, heropend: w.heropenen.length, gesloten: w.sluiten.length, voorgesteld: o.voorstellen.length };
  });
}
