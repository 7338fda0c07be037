import { Type } from '@sinclair/typebox';
import { MELDINGBRONNEN, MELDINGSOORTEN } from '../domain/verzuim/melding.js';
import { ACTIESOORTEN, AFSLUITREDENEN, MELDINGSTATUSSEN } from '../domain/verzuim/status.js';
import { VERZUIMVELDEN_BEHANDELAAR } from '../domain/verzuim/zicht.js';
import { Nullable, StringEnum } from './schemas.js';

/**
 * Requests and answers of the absence routes (issue 10), apart from the routes so the web app
 * can share their types. Field names follow the data set of opvolging.md in camelCase.
 */
const DATUM = '^\\d{4}-\\d{2}-\\d{2}$';
const tekst = (description: string, maxLength = 2000) => Type.Optional(Type.String({ description, maxLength }));

/** One report as a school files it. Everything optional here: the rules (docs/rules/verzuim-melding.md) say per field what is missing. */
export const NieuweMelding = Type.Object({
  leerlingReferentie: Type.Optional(Type.String({ pattern: '^p[0-9a-f]{20}$', description: 'de leerling, zoals POST /leerlingen/_zoek hem teruggeeft (webformulier)' })),
  persoonId: Type.Optional(Type.String({ maxLength: 64, description: 'de leerling, met het persoon_id uit de eigen levering (administratiesysteem); in de body, nooit in een URL' })),
  bron: Type.Optional(StringEnum(MELDINGBRONNEN, { description: 'wie meldt; standaard school' })),
  soort: tekst('soort melding: 16u4w, lrv, rmc, luxe of overig (opvolging.md)', 20),
  brin: Type.Optional(Type.String({ maxLength: 4, description: 'de meldende school; standaard de eigen (uw scope)' })),
  vestiging: tekst('vestiging (2 cijfers)', 2),
  lesplaats: tekst('waar de leerling les heeft', 200),
  meldingsdatum: tekst('dag van de melding (JJJJ-MM-DD)', 10),
  startdatum: tekst('eerste dag van het verzuim (JJJJ-MM-DD)', 10),
  einddatum: tekst('laatste dag van het verzuim (JJJJ-MM-DD); verplicht bij 16u4w, lrv en rmc', 10),
  verzuimDagen: Type.Optional(Type.Number({ minimum: 0, description: 'verzuimde dagen' })),
  verzuimUren: Type.Optional(Type.Number({ minimum: 0, description: 'verzuimde lesuren' })),
  alleLessenGemist: Type.Optional(Type.Boolean({ description: 'alle lessen in de periode gemist' })),
  vermoedelijkeReden: tekst('vermoedelijke reden'),
  ondernomenActie: tekst('wat de school al deed'),
  gemeenteGevraagdTeHandelen: Type.Optional(Type.Boolean({ description: 'vraagt de school de gemeente te handelen' })),
  redenNietHandelen: tekst('waarom niet (verplicht als gemeenteGevraagdTeHandelen false is)'),
  melderNaam: tekst('naam van de melder', 200),
  melderFunctie: tekst('functie van de melder', 200),
  melderTelefoon: tekst('telefoonnummer van de melder', 30),
  melderEmail: tekst('e-mailadres van de melder', 254),
  telefoonLeerlingOfOuder: tekst('telefoonnummer van de leerling of een ouder', 30),
  verblijfadres: tekst('verblijfadres als het afwijkt van de BRP', 200),
  verblijfGemeenteCode: tekst('gemeentecode van dat verblijfadres (GM + 4 cijfers)', 6),
}, { additionalProperties: false });

export const Gemeld = Type.Object({
  meldingId: Type.Integer(),
  status: StringEnum(MELDINGSTATUSSEN),
  tijdigheid: StringEnum(['tijdig', 'te-laat', 'onbekend', 'niet-van-toepassing'] as const, { description: 'docs/rules/verzuim-tijdigheid.md' }),
  opmerkingen: Type.Array(Type.String(), { description: 'bijvoorbeeld: te laat gemeld, of wat niet te toetsen was' }),
});

export const Importverslag = Type.Object({
  gelezen: Type.Integer({ description: 'gelezen regels (zonder kopregel)' }),
  aantalGemeld: Type.Integer(),
  aantalGeweigerd: Type.Integer({ description: 'aantal geweigerde regels' }),
  gemeld: Type.Array(Type.Object({ regel: Type.Integer(), ...Gemeld.properties })),
  geweigerd: Type.Array(Type.Object({
    regel: Type.Integer({ description: 'regelnummer in het bestand (de kopregel is 1)' }),
    kolom: Nullable(Type.String({ description: 'kolom van het CSV-formaat (docs/verzuim.md); null: de hele regel' })),
    reden: Type.String(),
  })),
});

export const LeerlingVraag = Type.Object({
  naam: Type.String({ minLength: 2, maxLength: 200, description: '(een deel van) de naam' }),
  geboortedatum: Type.String({ pattern: DATUM, description: 'geboortedatum (JJJJ-MM-DD)' }),
}, { additionalProperties: false });

export const LeerlingenAntwoord = Type.Object({
  leerlingen: Type.Array(Type.Object({
    referentie: Type.String({ description: 'interne referentie; geef hem mee als leerlingReferentie' }),
    voornamen: Nullable(Type.String()),
    voorvoegsel: Nullable(Type.String()),
    geslachtsnaam: Nullable(Type.String()),
    geboortedatum: Type.String(),
    vestigingen: Type.Array(Type.String(), { description: 'vestigingen van de school waar de leerling ingeschreven is of was' }),
  })),
  meer: Type.Boolean({ description: 'true: er zijn meer treffers dan getoond; maak de naam preciezer' }),
});

export const MeldingenVraag = Type.Object({
  meldingId: Type.Optional(Type.Integer({ minimum: 1, description: 'alleen deze melding' })),
  status: Type.Optional(StringEnum([...MELDINGSTATUSSEN, 'open'] as const, { description: 'open: alles behalve afgesloten' })),
  alleenTeLaat: Type.Optional(Type.Boolean({ description: 'alleen meldingen die te laat zijn gedaan' })),
  alleenAchterstallig: Type.Optional(Type.Boolean({ description: 'alleen meldingen in behandeling zonder actie in de ingestelde termijn' })),
  brin: Type.Optional(Type.String({ pattern: '^\\d{2}[A-Z]{2}$', description: 'alleen meldingen van deze school (binnen uw scope)' })),
  pagina: Type.Optional(Type.Integer({ minimum: 1 })),
  perPagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
}, { additionalProperties: false });

const opt = <T extends Parameters<typeof Type.Optional>[0]>(s: T) => Type.Optional(s);

export const Verzuimmelding = Type.Object({
  meldingId: opt(Type.Integer()),
  soort: opt(StringEnum(MELDINGSOORTEN)),
  bron: opt(StringEnum(MELDINGBRONNEN)),
  brin: opt(Type.String()),
  vestiging: opt(Type.String()),
  meldingsdatum: opt(Type.String()),
  startdatum: opt(Type.String()),
  einddatum: opt(Nullable(Type.String())),
  leerling: opt(Type.Object({
    referentie: Type.String(), voornamen: Nullable(Type.String()), voorvoegsel: Nullable(Type.String()),
    geslachtsnaam: Nullable(Type.String()), geboortedatum: Nullable(Type.String()),
  })),
  status: opt(StringEnum(MELDINGSTATUSSEN)),
  contactpersoon: opt(Nullable(Type.String())),
  tijdigheid: opt(Type.String()),
  uiterlijkeMeldingsdatum: opt(Nullable(Type.String({ description: 'laatste dag waarop de melding op tijd was' }))),
  teLaat: opt(Type.Boolean({ description: 'meer dan 5 schooldagen na de drempel gemeld' })),
  ontvangenOp: opt(Type.String({ description: 'tijdstip waarop de melding binnenkwam (ISO 8601, UTC)' })),
  lesplaats: opt(Type.String()),
  verzuimDagen: opt(Type.Number()),
  verzuimUren: opt(Type.Number()),
  alleLessenGemist: opt(Type.Boolean()),
  vermoedelijkeReden: opt(Type.String()),
  ondernomenActie: opt(Type.String()),
  gemeenteGevraagdTeHandelen: opt(Type.Boolean()),
  redenNietHandelen: opt(Nullable(Type.String())),
  melder: opt(Type.Object({ naam: Type.String(), functie: Type.String(), telefoon: Type.String(), email: Type.String() })),
  telefoonLeerlingOfOuder: opt(Nullable(Type.String())),
  verblijfadres: opt(Nullable(Type.String())),
  verblijfGemeenteCode: opt(Nullable(Type.String())),
  behandelaar: opt(StringEnum(['leerplicht', 'rmc'] as const)),
  gemeenteCode: opt(Type.String()),
  rmcCode: opt(Nullable(Type.String())),
  afsluitreden: opt(Nullable(Type.String({ description: `afsluitreden: ${AFSLUITREDENEN.join(', ')}` }))),
  afsluitopmerking: opt(Nullable(Type.String())),
  achterstallig: opt(Type.Boolean({ description: 'in behandeling en langer dan de ingestelde termijn zonder actie' })),
  laatsteActie: opt(Nullable(Type.String())),
  acties: opt(Type.Array(Type.Object({
    soort: StringEnum(ACTIESOORTEN), datum: Type.String({ format: 'date' }), medewerker: Type.String(), toelichting: Nullable(Type.String()), vastgelegdOp: Type.String(),
  }))),
  statuswijzigingen: opt(Type.Array(Type.Object({
    status: Type.String(), afsluitreden: Nullable(Type.String()), opmerking: Nullable(Type.String()), door: Type.String(), tijdstip: Type.String(),
  }))),
}, { additionalProperties: false });

export const MeldingenAntwoord = Type.Object({
  velden: Type.Array(StringEnum(VERZUIMVELDEN_BEHANDELAAR), { description: 'de velden die uw rol ziet: een school ziet status en contactpersoon, nooit de afhandeling' }),
  achterstandWeken: Type.Integer({ description: 'na zoveel weken zonder actie is een melding in behandeling achterstallig (instelling)' }),
  paginering: Type.Object({ pagina: Type.Integer(), perPagina: Type.Integer(), totaalAantal: Type.Integer(), aantalPaginas: Type.Integer() }),
  tijdigheidPerSchool: Type.Array(Type.Object({
    brin: Type.String(),
    aantalMeldingen: Type.Integer(),
    tijdig: Type.Integer({ description: 'op tijd gemeld (16u4w en lrv)' }),
    teLaat: Type.Integer({ description: 'te laat gemeld' }),
    aandeelTeLaat: Nullable(Type.Number({ description: 'procent te laat van tijdig + te laat; null als er geen meldingen met een termijn zijn' })),
  }), { description: 'over alle meldingen binnen uw scope, niet alleen deze pagina' }),
  meldingen: Type.Array(Verzuimmelding),
});

export const AfhandelingWijziging = Type.Object({
  status: Type.Optional(StringEnum(MELDINGSTATUSSEN)),
  afsluitreden: Type.Optional(StringEnum(AFSLUITREDENEN, { description: 'verplicht bij status afgesloten' })),
  afsluitopmerking: Type.Optional(Type.String({ maxLength: 2000, description: 'verplicht bij status afgesloten' })),
  contactpersoon: Type.Optional(Type.String({ maxLength: 200, description: 'wie bij de gemeente of RMC de melding behandelt (de school ziet deze naam)' })),
}, { additionalProperties: false, minProperties: 1 });

export const NieuweActie = Type.Object({
  soort: StringEnum(ACTIESOORTEN),
  datum: Type.String({ format: 'date', pattern: DATUM, description: 'dag van de actie (JJJJ-MM-DD)' }),
  medewerker: Type.Optional(Type.String({ maxLength: 200, description: 'wie de actie deed; standaard uw naam' })),
  toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });

const Tijdigheidscijfer = {
  tijdig: Type.Integer({ minimum: 0, description: 'meldingen met een termijn die op tijd zijn gedaan' }),
  teLaat: Type.Integer({ minimum: 0, description: 'meldingen met een termijn die meer dan 5 schooldagen na de drempel zijn gedaan' }),
  zonderOordeel: Type.Integer({ minimum: 0, description: 'meldingen zonder termijn (soort zonder meldplicht-termijn) of zonder bekende vakantieregio' }),
  aandeelTeLaat: Type.Union([Type.Number(), Type.Null()], { description: 'percentage te laat van tijdig + te laat, één decimaal; null als er geen zijn' }),
};

export const VerzuimcijfersVraag = Type.Object({
  schooljaar: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{4}$', description: 'schooljaar (1 augustus tot en met 31 juli) van de meldingsdatum; standaard het lopende' })),
}, { additionalProperties: false });

export const Verzuimcijfers = Type.Object({
  schooljaar: Type.String(),
  scope: Type.String({ description: 'de gemeente, RMC-regio of school waarover de cijfers gaan' }),
  schooljarenMetMeldingen: Type.Array(Type.String(), { description: 'de schooljaren waarin de scope meldingen heeft, nieuwste eerst' }),
  vsvMetMelding: Type.Union([Type.Object({
    schooljaar: Type.String(), status: Type.String({ description: 'de telling: definitief, of voorlopig als er nog geen definitieve is' }),
    vsvers: Type.Integer({ minimum: 0, description: "vsv'ers van de telling van dit schooljaar in de scope (woongemeente, RMC-regio of school van de telling)" }),
    metMelding: Type.Integer({ minimum: 0, description: 'van hen met een verzuimmelding (van welke school ook) met meldingsdatum in de telperiode (1 oktober tot en met 30 september)' }),
    aandeel: Type.Union([Type.Number(), Type.Null()], { description: 'percentage, één decimaal; null zonder vsv\'ers' }),
  }), Type.Null()], { description: "verzuim vóór uitval: het aandeel vsv'ers dat een melding had; null als er voor dit schooljaar geen telling is" }),
  meldingen: Type.Integer({ minimum: 0, description: 'aantal meldingen met een meldingsdatum in het schooljaar' }),
  perSoort: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'per soort melding (16u4w, lrv, rmc, luxe, overig)' }),
  perStatus: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  perAfsluitreden: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'afgesloten meldingen per afsluitreden' }),
  eersteActie: Type.Object({
    metActie: Type.Integer({ minimum: 0 }),
    zonderActie: Type.Integer({ minimum: 0 }),
    perSoort: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'de eerste actie per melding, per soort' }),
    dagenMediaan: Type.Union([Type.Integer(), Type.Null()], { description: 'kalenderdagen van ontvangst tot eerste actie: mediaan' }),
    dagen90: Type.Union([Type.Integer(), Type.Null()], { description: 'kalenderdagen van ontvangst tot eerste actie: 90e percentiel' }),
  }),
  tijdigheid: Type.Object(Tijdigheidscijfer),
  perSchool: Type.Array(Type.Object({ brin: Type.String(), meldingen: Type.Integer({ minimum: 0 }), ...Tijdigheidscijfer })),
});
