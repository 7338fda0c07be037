import type { Db } from '../db/database.js';
import { leesMeldingnummers, leesVerzuimkandidaten, type Verzuimkandidaat } from '../db/verzuim.js';
import { leeftijdOp, type Datum } from '../domain/datum.js';
import type { Gebruiker, Scope } from '../domain/toegang/rollen.js';
import { plusDagen } from '../domain/verzuim/kalender.js';
import { MELDINGVELDEN, RMC_LEEFTIJD, type MeldingInvoer } from '../domain/verzuim/melding.js';
import { Prng } from '../generator/prng.js';
import { voegActieToe, wijzigAfhandeling } from '../verzuim/behandelen.js';
import { meldRijen } from '../verzuim/importeer.js';
import { DEMOACCOUNTS } from './demoaccounts.js';

/**
 * The demo world's absence (issue 10 item 6): schools report the absence that precedes dropout,
 * and much absence that does not, in the last counted school year; the demo leerplicht officer
 * (Utrecht) and the demo RMC region have handled part of theirs. Every report goes through the
 * real filing path (`meldRijen`: checks, routing, timeliness), one school at a time, as the
 * school's administration would send it; what it refuses is reported, never dropped silently.
 *
 * The spread (assumptions of the demo, not statistics): half of the year's vsv'ers had a report
 * in the weeks before they left, against 1 in 100 of the others; under 18 mostly `16u4w`
 * (16 to 40 hours within 3 weeks), some `lrv` (5 to 10 weeks away) and `overig`; from 18 `rmc`.
 * 85 % is filed within a week of the absence, the rest 10 to 25 days later (too late).
 */
export const KANS_BIJ_VSV = 0.5;
export const KANS_ANDEREN = 0.01;

export interface Demoverzuim {
  readonly gemeld: number;
  readonly geweigerd: readonly string[];
  readonly behandeld: number;
}

const REDENEN = ['spijbelt', 'schoolmoeheid', 'problemen thuis', 'ziekte niet gemeld', 'werkt naast school', 'onbekend'] as const;

/** One report of a pupil, or null when the enrolment leaves no room for it within the school year. */
export function demomelding(k: Verzuimkandidaat, schooljaarBegin: number, rng: Prng): MeldingInvoer | null {
  const vanaf = [k.begindatum, `${schooljaarBegin}-10-01`].sort().at(-1)!;
  const tot = [k.einddatum ?? '9999-12-31', `${schooljaarBegin + 1}-06-30`].sort()[0]!;
  // the report near the end of a dropout's enrolment, anywhere in the year for the others
  const dagen = Math.round((Date.parse(tot) - Date.parse(vanaf)) / 86_400_000);
  if (dagen < 80) return null;
  const meldingsdatum = k.vsv && k.einddatum && k.einddatum <= tot ? plusDagen(tot, -rng.geheel(0, 20)) : plusDagen(vanaf, rng.geheel(75, dagen));
  const teLaat = rng.kans(0.15);
  const einddatum = plusDagen(meldingsdatum, teLaat ? -rng.geheel(10, 25) : -rng.geheel(1, 5));
  const leeftijd = leeftijdOp(k.geboortedatum, meldingsdatum);
  const r = rng.getal();
  let soort: string;
  let startdatum: Datum;
  let uren: number;
  if (leeftijd >= RMC_LEEFTIJD.van) {
    soort = leeftijd <= RMC_LEEFTIJD.tot ? 'rmc' : 'overig';
    startdatum = plusDagen(einddatum, -rng.geheel(10, 20));
    uren = rng.geheel(16, 40);
  } else if (r < 0.8) {
    soort = '16u4w';
    startdatum = plusDagen(einddatum, -rng.geheel(7, 20));
    uren = rng.geheel(16, 40);
  } else if (r < 0.9) {
    soort = 'lrv';
    startdatum = plusDagen(einddatum, -rng.geheel(35, 70));
    uren = 0;
  } else {
    soort = 'overig';
    startdatum = plusDagen(einddatum, -rng.geheel(3, 10));
    uren = rng.geheel(4, 15);
  }
  if (startdatum < vanaf) return null;
  const kalenderdagen = Math.round((Date.parse(einddatum) - Date.parse(startdatum)) / 86_400_000) + 1;
  const lesdagen = Math.max(1, Math.round((kalenderdagen * 5) / 7));
  const verzuimDagen = soort === 'lrv' ? lesdagen : Math.min(lesdagen, Math.floor(uren / 6));
  if (soort === 'lrv') uren = verzuimDagen * 6;
  const invoer: Record<string, string> = {
    bron: 'school', soort, persoon_id: k.persoon_id, brin: k.brin, vestiging: k.vestiging, lesplaats: 'Hoofdgebouw',
    meldingsdatum, startdatum, einddatum, verzuim_dagen: String(verzuimDagen), verzuim_uren: String(uren),
    alle_lessen_gemist: soort === 'lrv' ? 'ja' : 'nee', vermoedelijke_reden: rng.kies(REDENEN),
    ondernomen_actie: rng.kies(['gesprek met mentor', 'ouders gebeld', 'zorgteam ingeschakeld']),
    gemeente_gevraagd_te_handelen: 'ja', reden_niet_handelen: '', melder_naam: 'Verzuimcoördinator', melder_functie: 'verzuimcoördinator',
    melder_telefoon: `030${String(1_000_000 + rng.geheel(0, 8_999_999))}`, melder_email: `verzuim@${k.brin.toLowerCase()}.example.nl`,
    telefoon_leerling_of_ouder: '', verblijfadres: '', verblijf_gemeente_code: '',
  };
  return Object.fromEntries(MELDINGVELDEN.map((v) => [v, invoer[v] ?? ''])) as MeldingInvoer;
}

/** Files the demo world's absence reports of the count `runId` (school year starting `schooljaarBegin`) and handles part of the demo accounts' ones. */
export async function maakDemoverzuim(
  db: Db, runId: number, schooljaarBegin: number, zaad: number, vandaag: Datum,
  kansen: { vsv: number; anderen: number } = { vsv: KANS_BIJ_VSV, anderen: KANS_ANDEREN },
): Promise<Demoverzuim> {
  const rng = Prng.voor(zaad, 4_242);
  const perSchool = new Map<string, MeldingInvoer[]>();
  for (const k of await leesVerzuimkandidaten(db, runId)) {
    if (!rng.kans(k.vsv ? kansen.vsv : kansen.anderen)) continue;
    const m = demomelding(k, schooljaarBegin, rng);
    if (!m) continue;
    const l = perSchool.get(k.brin);
    if (l) l.push(m);
    else perSchool.set(k.brin, [m]);
  }
  const school: Gebruiker = { accountId: 'demo:scholen', weergavenaam: 'Demodata: verzuimloket van de school', rol: 'school', scope: { soort: 'landelijk' }, soort: 'cli' };
  let gemeld = 0;
  const geweigerd: string[] = [];
  for (const [brin, meldingen] of [...perSchool].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const uit = await meldRijen(db, meldingen.map((invoer, i) => ({ regel: i + 1, invoer })), {
      brin, gebruiker: { ...school, scope: { soort: 'brin', code: brin } }, handeling: 'verzuim.importeren', vandaag,
    });
    gemeld += uit.gemeld.length;
    for (const g of uit.geweigerd) geweigerd.push(`${brin} regel ${g.regel}${g.kolom ? `, ${g.kolom}` : ''}: ${g.reden}`);
  }
  return { gemeld, geweigerd, behandeld: await behandelDemomeldingen(db, zaad, vandaag) };
}

/**
 * The demo leerplicht officer and RMC region have worked part of their reports: a contact person
 * and a conversation for 7 in 10, of which 6 closed (mostly back at school); the rest is open,
 * some of it overdue, so that the worklist and the figures have something to show.
 */
async function behandelDemomeldingen(db: Db, zaad: number, vandaag: Datum): Promise<number> {
  const rng = Prng.voor(zaad, 4_243);
  const opties = { vandaag, achterstandWeken: 4 };
  let behandeld = 0;
  for (const account of DEMOACCOUNTS.filter((a) => a.rol === 'leerplicht' || a.rol === 'rmc')) {
    const scope: Scope = account.rol === 'leerplicht' ? { soort: 'gemeente', code: account.scopecode! } : { soort: 'rmc-regio', code: account.scopecode! };
    const g: Gebruiker = { accountId: `demo:${account.gebruikersnaam}`, weergavenaam: account.weergavenaam, rol: account.rol, scope, soort: 'cli' };
    for (const m of await leesMeldingnummers(db, scope)) {
      if (!rng.kans(0.7)) continue;
      await wijzigAfhandeling(db, g, m.id, { contactpersoon: account.weergavenaam }, opties);
      const datum = [plusDagen(m.meldingsdatum, rng.geheel(2, 20)), vandaag].sort()[0]!;
      await voegActieToe(db, g, m.id, { soort: rng.kans(0.85) ? 'gesprek-leerling-en-ouders' : 'waarschuwing', datum, toelichting: 'demodata' }, opties);
      if (rng.kans(0.6)) {
        await wijzigAfhandeling(db, g, m.id, {
          status: 'afgesloten', afsluitreden: rng.kans(0.8) ? 'terug-naar-school' : 'uitgeschreven-andere-opleiding', afsluitopmerking: 'demodata',
        }, opties);
      }
      behandeld += 1;
    }
  }
  return behandeld;
}
