import type { Db } from '../db/database.js';
import { leesDossiersVanEigenaar, legGebeurtenisVast } from '../db/dossiers.js';
import { aanvaardOverdracht, leesOverdrachtnummers, verzendOverdracht } from '../db/overdrachten.js';
import { DELEN, controleerVerzending } from '../domain/dossier/overdracht.js';
import type { Datum } from '../domain/datum.js';
import type { Eigenaar } from '../domain/dossier/eigenaar.js';
import { controleerGebeurtenis, type Gebeurtenissoort } from '../domain/dossier/gebeurtenis.js';
import { maandVan, parseMaand, peildatum } from '../domain/lijsten/maand.js';
import { doelenVoor } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import { plusDagen } from '../domain/verzuim/kalender.js';
import { Prng } from '../generator/prng.js';
import { lijstenMetDossiers } from '../lijsten/dossiers.js';
import { DEMOACCOUNTS, demoPlaatshouder } from './demoaccounts.js';

/**
 * The demo world's case work (issue 9 item 6): the monthly lists of the last counted school
 * year are computed and stored month by month (October to September), so dossiers open, close
 * and reopen as they would have; then the demo RMC officer (region 19) and the demo leerplicht
 * officer (Utrecht) have worked their dossiers: contact attempts, first contacts, intakes after
 * a realistic delay, trajectories with a partner, outcomes — `opleiding` for whoever the lists
 * show back in education (a closed dossier), others for some of the rest — and next-contact
 * dates, some already due. About one in seven dossiers is untouched (new names on the worklist).
 * Of the handovers the lists proposed from Utrecht's leerplicht to the RMC region at an 18th
 * birthday, two in three were sent (everything but the notes, with a reason) and every other
 * one of those accepted; the rest wait on the "Overdrachten" page of either side.
 * Every event goes through the dossier rules (`controleerGebeurtenis`) and the same write as the
 * web app's, audited under the demo officer's name. The spread is the demo's assumption.
 */
export interface Demodossiers {
  readonly maanden: number;
  readonly dossiers: number;
  readonly gebeurtenissen: number;
  /** handovers from the demo leerplicht officer to the demo RMC region at the 18th birthday */
  readonly overdrachten: { readonly verzonden: number; readonly aanvaard: number };
}

const PARTNERS = ['Jongerenloket', 'Leerwerkloket', 'ROC-entreeopleiding', 'Jeugdhulp', 'UWV-werkgeversservicepunt'] as const;

export async function maakDemodossiers(db: Db, schooljaarBegin: number, zaad: number, vandaag: Datum): Promise<Demodossiers> {
  let maanden = 0;
  for (let i = 0; i < 12; i += 1) {
    const m = maandVan(schooljaarBegin + (i >= 3 ? 1 : 0), ((9 + i) % 12) + 1);
    await lijstenMetDossiers(db, m);
    maanden += 1;
  }
  // the demo's "now": the peildatum of the last month followed
  const nu = [peildatum(maandVan(schooljaarBegin + 1, 9)), vandaag].sort()[0]!;
  const rng = Prng.voor(zaad, 4_244);
  let dossiers = 0;
  let gebeurtenissen = 0;
  for (const account of DEMOACCOUNTS.filter((a) => a.rol === 'rmc' || a.rol === 'leerplicht')) {
    const eigenaar: Eigenaar = account.rol === 'rmc' ? { soort: 'rmc-regio', code: account.scopecode! } : { soort: 'gemeente', code: account.scopecode! };
    const gebruiker: Gebruiker = {
      accountId: demoPlaatshouder(account.gebruikersnaam), weergavenaam: account.weergavenaam, rol: account.rol,
      scope: account.rol === 'rmc' ? { soort: 'rmc-regio', code: account.scopecode! } : { soort: 'gemeente', code: account.scopecode! }, soort: 'cli',
    };
    const doel = doelenVoor(account.rol, 'dossier.schrijven')[0]!;
    for (const d of await leesDossiersVanEigenaar(db, eigenaar)) {
      dossiers += 1;
      if (rng.kans(1 / 7)) continue;
      const einde = d.gesloten_maand ? [peildatum(parseMaand(d.gesloten_maand)!), nu].sort()[0]! : nu;
      let dag = d.geopend_op;
      const schrijf = async (soort: Gebeurtenissoort, na: number, gegevens: Record<string, string>): Promise<boolean> => {
        const datum = plusDagen(dag, na);
        if (datum > einde) return false;
        const fouten = controleerGebeurtenis(soort, datum, gegevens, vandaag);
        if (fouten.length > 0) throw new Error(`demodossier: ${soort} ${JSON.stringify(fouten)}`);
        await legGebeurtenisVast(db, { gebruiker, dossierId: d.id, soort, datum, gegevens, doel, handeling: 'dossier.schrijven' });
        dag = datum;
        gebeurtenissen += 1;
        return true;
      };
      if (!(await schrijf('contactpoging', rng.geheel(2, 10), { kanaal: 'telefoon', resultaat: rng.kans(0.6) ? 'niet-bereikt' : 'bericht-achtergelaten' }))) continue;
      if (rng.kans(0.2)) continue; // not reached yet
      if (!(await schrijf('eerste-contact', rng.geheel(2, 14), { kanaal: rng.kies(['telefoon', 'huisbezoek', 'via-school']) }))) continue;
      await schrijf('contactgegeven', 0, { soort: 'telefoon', waarde: `06${String(10_000_000 + rng.geheel(0, 89_999_999))}`, bron: 'jongere', bronDatum: dag });
      // intake 1 to 9 weeks after the first contact: the effect report's under 4, 4-6 and over 6 weeks
      if (rng.kans(0.85) && await schrijf('intake', rng.geheel(5, 60), {})) {
        if (rng.kans(0.65)) await schrijf('traject', rng.geheel(3, 21), { doel: rng.kies(['opleiding', 'bbl-of-combinatie', 'werk', 'zorg']), partner: rng.kies(PARTNERS) });
      }
      if (d.status === 'gesloten') {
        // the lists show them back in education
        await schrijf('uitkomst', Math.max(0, Math.min(7, Math.floor((Date.parse(einde) - Date.parse(dag)) / 86_400_000))), { categorie: 'opleiding' });
      } else if (rng.kans(0.3)) {
        await schrijf('uitkomst', rng.geheel(7, 40), { categorie: rng.kies(['werk', 'zorg', 'geen-dagbesteding', 'verhuisd-onvindbaar']) });
      } else {
        // the next contact: some already due on the demo's "now", most ahead
        const vroegst = [plusDagen(dag, 1), nu].sort()[0]!;
        const op = rng.kans(0.3) ? [plusDagen(nu, -rng.geheel(0, 20)), vroegst].sort()[1]! : plusDagen(nu, rng.geheel(7, 60));
        await schrijf('volgend-contact', 0, { op });
      }
    }
  }
  return { maanden, dossiers, gebeurtenissen, overdrachten: await demoOverdrachten(db, rng) };
}

async function demoOverdrachten(db: Db, rng: Prng): Promise<{ verzonden: number; aanvaard: number }> {
  const leerplicht = DEMOACCOUNTS.find((a) => a.rol === 'leerplicht')!;
  const rmc = DEMOACCOUNTS.find((a) => a.rol === 'rmc')!;
  const van: Eigenaar = { soort: 'gemeente', code: leerplicht.scopecode! };
  const naar: Eigenaar = { soort: 'rmc-regio', code: rmc.scopecode! };
  const afzender: Gebruiker = { accountId: demoPlaatshouder(leerplicht.gebruikersnaam), weergavenaam: leerplicht.weergavenaam, rol: 'leerplicht', scope: { soort: 'gemeente', code: van.code }, soort: 'cli' };
  const ontvanger: Gebruiker = { accountId: demoPlaatshouder(rmc.gebruikersnaam), weergavenaam: rmc.weergavenaam, rol: 'rmc', scope: { soort: 'rmc-regio', code: naar.code }, soort: 'cli' };
  const delen = DELEN.filter((d) => !d.startsWith('notitie'));
  const reden = 'Wordt 18: de RMC-regio neemt de begeleiding over; contacten en afspraken gaan mee.';
  const fouten = controleerVerzending(delen, reden);
  if (fouten.length > 0) throw new Error(`demo-overdracht: ${JSON.stringify(fouten)}`);
  let verzonden = 0;
  let aanvaard = 0;
  for (const id of await leesOverdrachtnummers(db, van, naar, 'voorgesteld')) {
    if (!rng.kans(2 / 3)) continue;
    await verzendOverdracht(db, { gebruiker: afzender, overdrachtId: id, delen, reden, doel: doelenVoor('leerplicht', 'overdracht.verzenden')[0]!, handeling: 'overdracht.verzenden' });
    verzonden += 1;
    // every other one sent is accepted, the first included, so that both sides show both states
    if (verzonden % 2 === 0) continue;
    await aanvaardOverdracht(db, { gebruiker: ontvanger, overdrachtId: id, doel: doelenVoor('rmc', 'overdracht.beslissen')[0]!, handeling: 'overdracht.beslissen' });
    aanvaard += 1;
  }
  return { verzonden, aanvaard };
}
