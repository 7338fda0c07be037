/**
 * A dossier's timeline (issue 9 item 2): what the deliveries say (enrolments, diplomas,
 * exemptions, moves, deaths and emigrations), the lists the person appeared on, the dossier's
 * openings and closings, and what officers recorded; newest first. Pure: it orders and
 * describes, the database only reads. docs/opvolging.md, "Dossiers".
 */
export type Tijdlijnbron = 'levering' | 'lijst' | 'dossier' | 'medewerker';

export interface Tijdlijnitem {
  readonly datum: string;
  readonly bron: Tijdlijnbron;
  readonly soort: string;
  readonly omschrijving: string;
  /** who recorded it (medewerker), else null */
  readonly door: string | null;
}

export interface Registraties {
  readonly inschrijvingen: readonly { brin: string; vestiging: string; onderwijstype: string; begindatum: string; einddatum: string | null }[];
  readonly diplomas: readonly { soort: string; datum: string; brin: string | null }[];
  readonly vrijstellingen: readonly { grond: string; vanaf: string; tot: string | null }[];
  readonly verblijf: readonly { gemeente_code: string; vanaf: string }[];
  readonly gebeurtenissen: readonly { soort: string; datum: string }[];
  readonly lijsten: readonly { maand: string; lijst: string; reden: string | null }[];
  readonly periodes: readonly { geopend_maand: string; gesloten_maand: string | null; sluitreden: string | null }[];
  readonly vastgelegd: readonly { soort: string; datum: string; gegevens: Record<string, string>; weergavenaam: string }[];
  /** accepted handovers (src/domain/dossier/overdracht.ts): the day of acceptance, from, to, cause */
  readonly overdrachten?: readonly { datum: string; van: string; naar: string; oorzaak: string }[];
}

const eerste = (maand: string) => `${maand}-01`;

function beschrijf(soort: string, g: Record<string, string>): string {
  const delen = Object.entries(g).filter(([, w]) => w !== '').map(([k, w]) => `${k}: ${w}`);
  return delen.length ? `${soort} (${delen.join('; ')})` : soort;
}

export function bouwTijdlijn(r: Registraties): Tijdlijnitem[] {
  const uit: Tijdlijnitem[] = [];
  const voeg = (datum: string, bron: Tijdlijnbron, soort: string, omschrijving: string, door: string | null = null) => uit.push({ datum, bron, soort, omschrijving, door });
  for (const i of r.inschrijvingen) {
    voeg(i.begindatum, 'levering', 'inschrijving', `ingeschreven: ${i.onderwijstype} bij ${i.brin} ${i.vestiging}`);
    if (i.einddatum) voeg(i.einddatum, 'levering', 'uitschrijving', `uitgeschreven: ${i.onderwijstype} bij ${i.brin} ${i.vestiging}`);
  }
  for (const d of r.diplomas) voeg(d.datum, 'levering', 'diploma', `diploma ${d.soort}${d.brin ? ` (${d.brin})` : ''}`);
  for (const v of r.vrijstellingen) voeg(v.vanaf, 'levering', 'vrijstelling', `vrijstelling op grond ${v.grond}${v.tot ? ` tot ${v.tot}` : ''}`);
  for (const v of r.verblijf) voeg(v.vanaf, 'levering', 'verhuizing', `woont in ${v.gemeente_code}`);
  for (const g of r.gebeurtenissen) voeg(g.datum, 'levering', g.soort, g.soort);
  for (const l of r.lijsten) voeg(eerste(l.maand), 'lijst', l.lijst, `op de lijst ${l.lijst} van ${l.maand}${l.reden ? ` (reden: ${l.reden})` : ''}`);
  for (const p of r.periodes) {
    voeg(eerste(p.geopend_maand), 'dossier', 'geopend', `dossier geopend (lijsten van ${p.geopend_maand})`);
    if (p.gesloten_maand) voeg(eerste(p.gesloten_maand), 'dossier', 'gesloten', `dossier gesloten: ${p.sluitreden ?? ''} (lijsten van ${p.gesloten_maand})`);
  }
  for (const o of r.overdrachten ?? []) voeg(o.datum, 'dossier', 'overgedragen', `dossier overgedragen van ${o.van} aan ${o.naar} (${o.oorzaak})`);
  for (const e of r.vastgelegd) voeg(e.datum, 'medewerker', e.soort, beschrijf(e.soort, e.gegevens), e.weergavenaam);
  // newest first; on one day the deliveries' facts before what people did with them
  const volgorde: Record<Tijdlijnbron, number> = { medewerker: 0, dossier: 1, lijst: 2, levering: 3 };
  return uit.sort((a, b) => (a.datum !== b.datum ? (a.datum < b.datum ? 1 : -1) : volgorde[a.bron] - volgorde[b.bron]));
}
