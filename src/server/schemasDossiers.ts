import { Type } from '@sinclair/typebox';
import { GEBEURTENISSOORTEN } from '../domain/dossier/gebeurtenis.js';
import { OORZAKEN, STATUSSEN } from '../domain/dossier/overdracht.js';
import { Nullable, StringEnum } from './schemas.js';

/**
 * The answers of the dossier routes (docs/opvolging.md "Dossiers"), apart from the routes so the
 * web app can share their types. A dossier is named by its opaque id, a person by the keyed
 * reference; never a persoon_id.
 */
const tekst = (description: string) => Nullable(Type.String({ description }));

export const Dossierkop = Type.Object({
  dossierId: Type.String({ description: 'opake id van het dossier' }),
  referentie: Type.String({ description: 'interne referentie van de persoon (als in het audittrail)' }),
  voornamen: tekst('voornamen'),
  voorvoegsel: tekst('voorvoegsel'),
  geslachtsnaam: tekst('geslachtsnaam'),
  geboortedatum: tekst('geboortedatum JJJJ-MM-DD'),
  status: StringEnum(['open', 'gesloten'] as const),
  eigenaar: Type.String({ description: 'RMC-regio (18+) of woongemeente (onder 18), bijv. "rmc-regio 19"' }),
  geopendMaand: Type.String({ description: 'de maand van de lijst waarmee het dossier (opnieuw) openging' }),
  geslotenMaand: tekst('de maand van de herinschrijving waarmee het sloot'),
  sluitreden: tekst('de reden op herinschrijvingen'),
  volgendContact: tekst('de datum van het volgende contact'),
  behandelaar: tekst('wie het dossier behandelt'),
});

export const DossierzoekAntwoord = Type.Object({
  paginering: Type.Object({ pagina: Type.Integer(), perPagina: Type.Integer(), totaalAantal: Type.Integer(), aantalPaginas: Type.Integer() }),
  dossiers: Type.Array(Dossierkop),
});

/** The undecided handover of a dossier, for its holder (the dossier page's "Overdragen"). */
export const LopendeOverdracht = Type.Object({
  overdrachtId: Type.String(),
  status: StringEnum(['voorgesteld', 'verzonden', 'geweigerd'] as const),
  oorzaak: StringEnum(OORZAKEN),
  naar: Type.String(),
  voorgesteldOp: Type.String({ format: 'date' }),
  delen: Nullable(Type.Array(Type.String())),
  reden: tekst('de reden bij verzenden'),
  weigerreden: tekst('waarom de ontvanger weigerde'),
});

export const DossierAntwoord = Type.Object({
  dossier: Dossierkop,
  tijdlijn: Type.Array(Type.Object({
    datum: Type.String({ format: 'date' }),
    bron: StringEnum(['levering', 'lijst', 'dossier', 'medewerker'] as const, { description: 'waar het vandaan komt' }),
    soort: Type.String(),
    omschrijving: Type.String(),
    door: tekst('wie het vastlegde (medewerker)'),
  })),
  vastgelegd: Type.Array(Type.Object({
    id: Type.Integer(),
    soort: StringEnum(GEBEURTENISSOORTEN),
    datum: Type.String({ format: 'date' }),
    gegevens: Type.Record(Type.String(), Type.String()),
    door: Type.String(),
    vastgelegdOp: Type.String(),
  }), { description: 'wat medewerkers vastlegden, nieuwste eerst; ook de contactgegevens met bron en datum; na een overdracht alleen wat is doorgegeven' }),
  overdracht: Nullable(LopendeOverdracht),
});

export const GebeurtenisAntwoord = Type.Object({ id: Type.Integer({ description: 'de vastgelegde gebeurtenis' }) });

const Werkitem = Type.Object({
  dossierId: Type.String(),
  referentie: Type.String(),
  voornamen: tekst('voornamen'),
  voorvoegsel: tekst('voorvoegsel'),
  geslachtsnaam: tekst('geslachtsnaam'),
  geopendOp: Type.String({ format: 'date', description: 'peildatum van de lijst waarmee het dossier (opnieuw) openging' }),
  volgendContact: tekst('volgend contact'),
  behandelaar: tekst('behandelaar'),
  dagenSindsLijst: Type.Integer(),
  jarenUitOnderwijs: Type.Optional(StringEnum(['1-2', '2-3', '3-4', '4+'] as const, { description: 'jaren uit het onderwijs, alleen bij oud-vsv\'ers (een jaar of langer)' })),
  intake: Type.Optional(StringEnum(['op-tijd', '4-6-weken', 'meer-dan-6-weken'] as const)),
});

const Openwerk = Type.Object({
  behandelaar: Type.String(),
  open: Type.Integer(),
  nieuw: Type.Integer(),
  contactenTeDoen: Type.Integer(),
  intakesTeLaat: Type.Integer(),
  periodiekContact: Type.Integer(),
});

export const WerklijstAntwoord = Type.Object({
  peildatum: Type.String({ format: 'date' }),
  contactintervalMaanden: Type.Integer({ description: 'interval van periodiek contact met oud-vsv\'ers (instelling van de regio)' }),
  nieuweNamen: Type.Array(Werkitem, { description: 'open dossiers waarin nog niemand iets vastlegde' }),
  contactenTeDoen: Type.Array(Werkitem, { description: 'uw dossiers met een volgend contact op of vóór de peildatum' }),
  intakesTeLaat: Type.Array(Werkitem, { description: 'uw dossiers zonder intake, 4 weken of langer na de lijst' }),
  periodiekContact: Type.Array(Werkitem, { description: 'uw oud-vsv\'ers (een jaar of langer uit het onderwijs) zonder contact binnen het interval' }),
  openWerk: Type.Object({ perBehandelaar: Type.Array(Openwerk), totaal: Openwerk }),
});

/** A handover as its sender or receiver sees it (docs/opvolging.md "Overdracht"). */
export const Overdracht = Type.Object({
  overdrachtId: Type.String({ description: 'opake id van de overdracht' }),
  richting: StringEnum(['inkomend', 'uitgaand'] as const, { description: 'inkomend: aan uw gemeente of regio; uitgaand: van u' }),
  status: StringEnum(STATUSSEN, { description: 'voorgesteld → verzonden → aanvaard of geweigerd; vervallen bij een ander doel' }),
  oorzaak: StringEnum(OORZAKEN, { description: 'verhuizing, of meerderjarig (van leerplicht naar RMC)' }),
  van: Type.String({ description: 'de houder die overdraagt, bijv. "gemeente GM0344"' }),
  naar: Type.String({ description: 'de ontvanger, bijv. "rmc-regio 19"' }),
  voornamen: tekst('voornamen'),
  voorvoegsel: tekst('voorvoegsel'),
  geslachtsnaam: tekst('geslachtsnaam'),
  geboortedatum: tekst('geboortedatum JJJJ-MM-DD'),
  voorgesteldOp: Type.String({ format: 'date', description: 'de peildatum van de lijsten die de overdracht voorstelden' }),
  verzondenOp: tekst('wanneer verzonden'),
  verzondenDoor: tekst('wie verzond'),
  beslotenOp: tekst('wanneer aanvaard of geweigerd'),
  beslotenDoor: tekst('wie besliste'),
  weigerreden: tekst('waarom geweigerd'),
  dossierId: tekst('het dossier; voor de ontvanger pas na aanvaarding'),
  delen: Nullable(Type.Array(Type.String(), { description: 'wat is doorgegeven; voor de ontvanger pas na aanvaarding' })),
  reden: tekst('waarom en wat de afzender doorgaf; voor de ontvanger pas na aanvaarding'),
});

export const OverdrachtenAntwoord = Type.Object({ overdrachten: Type.Array(Overdracht) });
