import { bevat } from '../datum.js';
import type { Schooljaar } from '../schooljaar.js';
import { beoordeel, gemeenteOpT0, type RmcIndeling } from './beoordeling.js';
import type { Dossier, Inschrijving } from './dossier.js';
import { LEEFTIJDSGRENS, categorieVan } from './startpopulatie.js';
import { UITSLUITINGSREGELS, type Telopties } from './uitsluitingen.js';

/**
 * "Explain a figure": the registrations that matter for one person in one school year and
 * the rule that decided, in plain Dutch that an RMC officer can read out to a school.
 */
function datumNl(iso: string): string {
  const [j, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${j}`;
}

function beschrijfInschrijving(i: Inschrijving): string {
  const details = [
    i.onderwijstype === 'mbo' ? `mbo niveau ${i.niveau} ${i.leerweg ?? ''}`.trim() : i.onderwijstype,
    i.leerjaar !== null ? `leerjaar ${i.leerjaar}` : null,
    i.nieuwkomer ? 'eerstejaars nieuwkomer' : null,
  ].filter(Boolean).join(', ');
  return `${i.inschrijvingId}: ${details} bij ${i.brin}-${i.vestiging}, van ${datumNl(i.begindatum)} tot en met ${i.einddatum ? datumNl(i.einddatum) : 'heden'}`;
}

export interface Verklaring {
  readonly regels: readonly string[];
  /** the reason code that decided, or the reason outside the start population */
  readonly uitkomst: string;
}

const WAAROM_BUITEN: Record<string, string> = {
  'geen-telbare-inschrijving':
    'Valt buiten de startpopulatie: op T0 geen inschrijving in vo (brugjaar, vmbo, havo, vwo), mbo of vavo die meetelt ' +
    '(praktijkonderwijs, vso, Engelse stroom, IB, eerstejaars nieuwkomers en niet-bekostigd onderwijs tellen niet mee).',
  'te-oud': `Valt buiten de startpopulatie: op T0 ${LEEFTIJDSGRENS} jaar of ouder.`,
  'geboortedatum-onbekend': 'Kan niet worden geteld: er is geen geboortedatum geleverd (personen.csv ontbreekt voor deze persoon).',
};

export function verklaar(dossier: Dossier, jaar: Schooljaar, opties: Telopties, rmc: RmcIndeling, gemeentenaam: (code: string) => string | null): Verklaring {
  const r: string[] = [];
  r.push(`Schooljaar ${jaar.naam}: teldatum T0 = ${datumNl(jaar.t0)}, peildatum T1 = ${datumNl(jaar.t1)}; telling ${opties.status}.`);
  r.push(dossier.geboortedatum ? `Geboren op ${datumNl(dossier.geboortedatum)}.` : 'Geboortedatum onbekend.');
  r.push('');
  r.push('Inschrijvingen rond T0 en T1:');
  if (dossier.inschrijvingen.length === 0) r.push('  (geen)');
  for (const i of [...dossier.inschrijvingen].sort((a, b) => (a.begindatum < b.begindatum ? -1 : 1))) {
    const op = [bevat(i.begindatum, i.einddatum, jaar.t0) ? 'op T0' : null, bevat(i.begindatum, i.einddatum, jaar.t1) ? 'op T1' : null]
      .filter(Boolean).join(' en ');
    const telt = categorieVan(i) && !i.nieuwkomer ? ` — categorie ${categorieVan(i)}` : ' — telt niet voor de startpopulatie';
    r.push(`  - ${beschrijfInschrijving(i)}${op ? ` [${op}]` : ''}${telt}`);
  }
  if (dossier.diplomas.length) {
    r.push('Diploma\'s:');
    for (const d of dossier.diplomas) r.push(`  - ${d.soort} op ${datumNl(d.datum)}${d.brin ? ` (${d.brin})` : ''}`);
  }
  for (const g of dossier.gebeurtenissen) r.push(`BRP: ${g.soort} op ${datumNl(g.datum)}.`);
  for (const v of dossier.vrijstellingen) r.push(`Vrijstelling art. ${v.grond} Leerplichtwet van ${datumNl(v.vanaf)} tot ${v.tot ? datumNl(v.tot) : 'onbepaald'}.`);
  for (const w of dossier.werk) r.push(`Werk: ${w.urenPerWeek} uur per week van ${datumNl(w.vanaf)} tot ${w.tot ? datumNl(w.tot) : 'heden'}.`);
  const gemeente = gemeenteOpT0(dossier, jaar);
  r.push(gemeente
    ? `Woonde op T0 in ${gemeentenaam(gemeente) ?? gemeente} (${gemeente}), RMC-regio ${rmc(gemeente) ?? 'onbekend'}.`
    : 'Woonplaats op T0 onbekend (geen verblijf geleverd dat T0 omvat).');
  r.push('');

  const uitkomst = beoordeel(dossier, jaar, opties, rmc);
  if (!uitkomst.inStartpopulatie) {
    r.push(WAAROM_BUITEN[uitkomst.waarom]!);
    return { regels: r, uitkomst: 'buiten-startpopulatie' };
  }
  const b = uitkomst.beoordeling;
  const p = b.primair;
  r.push(`Hoort bij de startpopulatie: ${b.leeftijd} jaar op T0, ingeschreven op T0.`);
  r.push(`Telt landelijk en regionaal onder inschrijving ${p.inschrijvingId} (categorie ${p.categorie}, sector ${p.sector}, ${p.brin}-${p.vestiging}).`);
  r.push('');
  r.push('De uitzonderingen, in de volgorde van de regeling:');
  for (const regel of UITSLUITINGSREGELS) {
    const bewijs = regel.geldt(dossier, { jaar, sector: p.sector, opties });
    if (bewijs) {
      r.push(`  ${regel.code}: JA — ${regel.titel}.`);
      for (const x of bewijs) r.push(`      ${x}`);
      break;
    }
    r.push(`  ${regel.code}: nee`);
  }
  r.push('');
  r.push(p.vsv
    ? 'Besluit: nieuwe voortijdig schoolverlater (vsv). Geen van de uitzonderingen geldt.'
    : `Besluit: geen vsv'er, reden ${p.reden}.`);
  const anders = b.perInstelling.filter((t) => t.reden !== p.reden || t.brin !== p.brin);
  for (const t of anders) {
    r.push(`In de cijfers van instelling ${t.brin} telt de persoon onder ${t.inschrijvingId} (${t.categorie}): ${t.vsv ? 'vsv' : `geen vsv'er, reden ${t.reden}`}.`);
  }
  return { regels: r, uitkomst: p.reden };
}
