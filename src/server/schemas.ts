import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The shapes of the API (OpenAPI 3.0). One definition gives the OpenAPI document, the
 * serialisation and the types the web app reads. OpenAPI 3.0 has no `const` nor a `null`
 * type, hence the two helpers below.
 */
export const StringEnum = <T extends string>(waarden: readonly T[], opties: Record<string, unknown> = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...waarden], ...opties });

/**
 * A value or null. Beside a `$ref` OpenAPI 3.0 ignores every other keyword, `nullable` too, so
 * a nullable reference is an alternative of the reference and null.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>('$ref' in schema
  ? { oneOf: [schema, { type: 'object', nullable: true, enum: [null] }] }
  : { ...schema, nullable: true });

// ---------------------------------------------------------------------------- parameters

export const SCHOOLJAAR_PATROON = '^\\d{4}-\\d{4}$';
export const RMC_PATROON = '^(\\d{2}|onbekend)$';
export const GEMEENTE_PATROON = '^(GM\\d{4}|onbekend)$';
export const BRIN_PATROON = '^\\d{2}[A-Z]{2}$';

export const SchooljaarParam = Type.String({
  pattern: SCHOOLJAAR_PATROON, description: 'Schooljaar als JJJJ-JJJJ, bijv. 2019-2020. Zonder: het laatste schooljaar met een telling.', example: '2019-2020',
});
export const StatusParam = StringEnum(['definitief', 'voorlopig'] as const, {
  description: 'Status van de telling. Zonder: per schooljaar de laatste definitieve telling, anders de laatste voorlopige.',
});
export const FormaatParam = StringEnum(['json', 'csv', 'xlsx'] as const, {
  description: 'Formaat van het antwoord; csv is gelijkwaardig aan Accept: text/csv, xlsx (Excel, een blad per tabel) aan '
    + 'Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet. Dezelfde afscherming geldt in alle.',
});

// ---------------------------------------------------------------------------- shared shapes

export const ProblemSchema = Type.Object({
  type: Type.String({ description: 'URI die het soort fout aanduidt' }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.String(),
  instance: Type.Optional(Type.String()),
  invalidParams: Type.Optional(Type.Array(Type.Object({
    name: Type.String({ description: 'naam van de parameter' }),
    code: Type.String({ description: 'soort fout, bijv. pattern, enum, required, unknown' }),
    reason: Type.String({ description: 'wat er mis is, in het Nederlands' }),
  }))),
}, { $id: 'Problem', description: 'Foutmelding volgens RFC 9457 (application/problem+json).' });

export const Aantal = Type.Unsafe<number | '<5'>({
  oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['<5'] }],
  description: 'Een aantal personen. Zonder inlog wordt een aantal van 1 tot en met 4 getoond als "<5" (afscherming van DUO).',
});

/** A count in a figure: as Aantal, or null when a cell of a breakdown is withheld by secondary suppression. */
export const CijferAantal = Type.Unsafe<number | '<5' | null>({
  oneOf: [{ type: 'integer', minimum: 0, nullable: true }, { type: 'string', enum: ['<5'] }],
  description: 'Een aantal personen. Zonder inlog wordt een aantal van 1 tot en met 4 getoond als "<5" (afscherming van DUO). '
    + 'null: aanvullend afgeschermd, zodat een "<5" in dezelfde uitsplitsing niet uit het totaal is terug te rekenen, '
    + 'of niet uitgesplitst (zie afschermingsreden).',
});

const Afschermingsreden = Type.Optional(StringEnum(['secundair afgeschermd', 'niet uitgesplitst'] as const, {
  description: 'Alleen als een aantal null is. "secundair afgeschermd": het aantal is minstens 5 maar niet getoond, om een "<5" '
    + 'elders te beschermen; het percentage is dan ook niet getoond. "niet uitgesplitst": deze uitsplitsing van dit gebied of deze '
    + 'instelling wordt niet gepubliceerd, omdat er te weinig leerlingen zijn om haar te tonen zonder dat een "<5" terug te rekenen is; '
    + 'beide aantallen en het percentage zijn null, wat het aantal ook is (0, 1 tot en met 4, of meer). Zie docs/openbaarmaking.md.',
}));

export const CijferSchema = Type.Object({
  startpopulatie: CijferAantal,
  vsv: CijferAantal,
  percentage: Nullable(Type.String({
    pattern: '^\\d+\\.\\d{2}$',
    description: 'vsv-percentage met twee decimalen; null als het op minder dan 5 vsv\'ers rust of als de startpopulatie 0 is.',
  })),
  afgeschermd: Type.Boolean({ description: 'true als een deel van dit cijfer is afgeschermd' }),
  afschermingsreden: Afschermingsreden,
}, { $id: 'Cijfer', description: 'Startpopulatie, aantal vsv\'ers en vsv-percentage, met afscherming.' });
export const Cijfer = Type.Ref(CijferSchema);

export const NormCijferSchema = Type.Object({
  startpopulatie: CijferAantal,
  vsv: CijferAantal,
  percentage: Nullable(Type.String({ pattern: '^\\d+\\.\\d{2}$' })),
  afgeschermd: Type.Boolean(),
  afschermingsreden: Afschermingsreden,
  norm: Nullable(Type.Number({
    description: 'de norm waarmee het percentage wordt vergeleken (hoogste vsv-percentage): de prestatienorm van dit schooljaar, '
      + 'of na 2014-2015 de laatst vastgestelde norm (2014-2015) ter vergelijking; zie normjaar en vastgesteld ernaast. '
      + 'null als de categorie geen norm heeft (vavo) of het schooljaar vóór 2012-2013 ligt.',
  })),
  normoordeel: StringEnum(['gehaald', 'niet-gehaald', 'geen-norm', 'afgeschermd'] as const, {
    description: 'gehaald: het percentage, afgerond op twee decimalen, is gelijk aan of lager dan de norm (binnen de norm); '
      + 'niet-gehaald: hoger (boven de norm); geen-norm: er is geen norm; '
      + 'afgeschermd: het percentage is niet openbaar (minder dan 5 vsv\'ers), dus het oordeel ook niet.',
  }),
}, { $id: 'NormCijfer', description: 'Een cijfer van een instelling in een categorie, met de norm waarmee het vergeleken wordt.' });
export const NormCijfer = Type.Ref(NormCijferSchema);

export const TellingSchema = Type.Object({
  runId: Type.Integer({ description: 'nummer van de opgeslagen telling' }),
  schooljaar: Type.String({ pattern: SCHOOLJAAR_PATROON }),
  status: StringEnum(['definitief', 'voorlopig'] as const),
  definitieversie: Type.String(),
  berekendOp: Type.String({ format: 'date-time', description: 'moment waarop de telling klaar was (UTC)' }),
  leveringen: Type.Array(Type.Object({
    id: Type.Integer(),
    naam: Type.String(),
    ontvangenOp: Type.String({ format: 'date-time' }),
  }), { description: 'de leveringen waarop de telling rust' }),
  synthetisch: Type.Boolean({
    description: 'true als de telling (ook) rust op de synthetische demodata van de eerste start (een levering met de naam '
      + '"synthetische-demodata" of "synthetische-demodata-schaal-<schaal>", gemaakt door de demodatagenerator): '
      + 'de cijfers zijn dan niet de echte vsv-cijfers.',
  }),
  schaal: Nullable(Type.Number({
    description: 'schaal van de synthetische demodata (1 = heel Nederland, 0.1 = een tiende), of null als de cijfers niet synthetisch zijn of de schaal onbekend is',
  })),
}, { $id: 'Telling', description: 'De opgeslagen telling waar een cijfer uit komt.' });
export const Telling = Type.Ref(TellingSchema);

export const Onderdeel = Type.Object({ waarde: Type.String(), cijfer: Cijfer });

export const UitsplitsingenSchema = Type.Object({
  sector: Type.Array(Onderdeel, { description: 'vo, mbo, vavo' }),
  categorie: Type.Array(Onderdeel),
  leerweg: Type.Array(Onderdeel, { description: 'bol, bbl, ex: de leerweg van een mbo-inschrijving; samen het mbo (niet het totaal)' }),
  leeftijdsgroep: Type.Array(Onderdeel, { description: '<18 en 18+ op de teldatum' }),
  geslacht: Type.Array(Onderdeel, { description: 'M, V, X, onbekend' }),
}, { $id: 'Uitsplitsingen' });
export const Uitsplitsingen = Type.Ref(UitsplitsingenSchema);

const Methodewijziging = Type.Object({ schooljaar: Type.String(), omschrijving: Type.String() });

export const Trendpunt = Type.Object({
  schooljaar: Type.String(),
  telling: Telling,
  cijfer: Cijfer,
  landelijk: Cijfer,
  methodewijziging: Nullable(Methodewijziging),
});

export const Vestigingscijfer = Type.Object({
  brin: Type.String(),
  vestiging: Type.String(),
  naam: Type.String(),
  gemeenteCode: Type.String(),
  plaats: Type.String({ description: 'gemeente van de vestiging' }),
  cijfer: Cijfer,
});

export const Link = Type.Object({ href: Type.String() });

export const Categoriecijfer = Type.Object({
  waarde: Type.String({ description: 'categorie' }),
  normjaar: Nullable(Type.String({
    pattern: SCHOOLJAAR_PATROON,
    description: 'schooljaar waarvan de norm is: het schooljaar zelf (norm van dit jaar) of 2014-2015 (referentienorm); null zonder norm',
  })),
  vastgesteld: Type.Boolean({
    description: 'true: de prestatienorm die voor dit schooljaar is vastgesteld (2012-2013 t/m 2014-2015). '
      + 'false: een referentienorm, de laatst vastgestelde norm (2014-2015) ter vergelijking, of geen norm.',
  }),
  cijfer: NormCijfer,
});

export const Normbasis = Type.Object({
  schooljaar: Type.String({ pattern: SCHOOLJAAR_PATROON }),
  normjaar: Nullable(Type.String({ pattern: SCHOOLJAAR_PATROON, description: 'schooljaar van de normen waarmee vergeleken wordt' })),
  vastgesteld: Type.Boolean({ description: 'true: norm van dit jaar; false: referentienorm (of geen norm)' }),
  omschrijving: Type.String({ description: 'in gewone taal, voor een bijschrift', example: 'Laatst vastgestelde norm (2014-2015), ter vergelijking; dit is geen norm van 2017-2018 zelf.' }),
}, { description: 'Welke norm de oordelen van dit schooljaar gebruiken.' });

export const Normsamenvatting = Type.Object({
  aantalBovenNorm: Type.Integer({ minimum: 0, description: 'aantal categorieën boven de norm (normoordeel niet-gehaald)' }),
  aantalBinnenNorm: Type.Integer({ minimum: 0, description: 'aantal categorieën binnen de norm (normoordeel gehaald)' }),
  aantalAfgeschermd: Type.Integer({ minimum: 0, description: 'aantal categorieën met een norm waarvan het oordeel is afgeschermd; die tellen hierboven niet mee' }),
}, { description: 'Telling van de getoonde normoordelen van de categorieën; een afgeschermd oordeel telt alleen als afgeschermd.' });

export const InstellingMetNormen = Type.Object({
  brin: Type.String(),
  naam: Type.String(),
  soort: Type.String(),
  plaatsen: Type.Array(Type.String(), { description: 'gemeenten van de vestigingen van de instelling in dit gebied' }),
  totaal: Cijfer,
  categorie: Type.Array(Categoriecijfer, { description: 'de categorieën van de hele instelling (alle vestigingen), met de norm' }),
  normsamenvatting: Normsamenvatting,
}, { description: 'Een instelling met een vestiging in het gebied; cijfers van de hele instelling, omdat de norm per instelling en categorie geldt.' });

export const SHARED_SCHEMAS = [ProblemSchema, CijferSchema, NormCijferSchema, TellingSchema, UitsplitsingenSchema];

// ---------------------------------------------------------------------------- responses

export const SchooljarenAntwoord = Type.Object({
  schooljaren: Type.Array(Type.Object({
    schooljaar: Type.String(),
    telling: Telling,
    tellingen: Type.Array(Telling, { description: 'alle opgeslagen tellingen van dit schooljaar, oudste eerst' }),
    methodewijziging: Nullable(Methodewijziging),
  })),
});

export const TellingAntwoord = Type.Object({
  telling: Telling,
  cijfer: Cijfer,
  nietTeTellen: Aantal,
});

export const ReeksAntwoord = Type.Object({
  doel: Type.Object({ doelAantal: Type.Integer(), jaar: Type.Integer(), omschrijving: Type.String() }),
  methodewijzigingen: Type.Array(Methodewijziging),
  reeks: Type.Array(Type.Object({
    schooljaar: Type.String(),
    telling: Telling,
    totaal: Cijfer,
    sector: Type.Array(Onderdeel),
    methodewijziging: Nullable(Methodewijziging),
  })),
});

export const KerncijfersAntwoord = Type.Object({
  telling: Telling,
  totaal: Cijfer,
  uitsplitsingen: Uitsplitsingen,
  vorigJaar: Nullable(Type.Object({ telling: Telling, totaal: Cijfer })),
  methodewijziging: Nullable(Methodewijziging),
});

export const RegiolijstAntwoord = Type.Object({
  telling: Telling,
  landelijk: Cijfer,
  regios: Type.Array(Type.Object({
    rmcCode: Type.String(),
    naam: Type.String(),
    totaal: Cijfer,
    sector: Type.Array(Onderdeel),
  })),
});

export const GemeentelijstAntwoord = Type.Object({
  telling: Telling,
  landelijk: Cijfer,
  gemeenten: Type.Array(Type.Object({
    gemeenteCode: Type.String(),
    naam: Type.String(),
    rmcCode: Type.String(),
    rmcNaam: Type.String(),
    totaal: Cijfer,
  })),
});

const GebiedVergelijking = Type.Object({ totaal: Cijfer, uitsplitsingen: Uitsplitsingen });

export const RegioAntwoord = Type.Object({
  telling: Telling,
  rmcCode: Type.String(),
  naam: Type.String(),
  totaal: Cijfer,
  uitsplitsingen: Uitsplitsingen,
  landelijk: GebiedVergelijking,
  trend: Type.Array(Trendpunt),
  gemeenten: Type.Array(Type.Object({ gemeenteCode: Type.String(), naam: Type.String(), cijfer: Cijfer })),
  vestigingen: Type.Array(Vestigingscijfer),
  normbasis: Normbasis,
  instellingen: Type.Array(InstellingMetNormen, { description: 'instellingen met een vestiging in de regio; die met de meeste categorieën boven de norm eerst' }),
});

export const Driejaarcijfer = Type.Object({
  schooljaren: Type.Array(Type.String({ pattern: SCHOOLJAAR_PATROON }), { minItems: 3, maxItems: 3, description: 'de drie opeenvolgende schooljaren, oudste eerst' }),
  runIds: Type.Array(Type.Integer(), { minItems: 3, maxItems: 3, description: 'de definitieve telling van elk van die schooljaren' }),
  cijfer: Cijfer,
}, {
  description: 'Een driejaarscijfer: de startpopulaties en de vsv\'ers van drie schooljaren opgeteld, en het percentage van die sommen. '
    + 'Onder dezelfde afscherming als elk ander cijfer: een som van 1 tot 4 is <5; waar een som met de jaarcijfers een afgeschermd '
    + 'jaarcijfer zou teruggeven, is ze afgeschermd (null, "secundair afgeschermd") of niet gepubliceerd (null, "niet uitgesplitst"); '
    + 'zie docs/openbaarmaking.md, "Driejaarscijfer".',
});

export const GemeenteAntwoord = Type.Object({
  telling: Telling,
  gemeenteCode: Type.String(),
  naam: Type.String(),
  regio: Nullable(Type.Object({ rmcCode: Type.String(), naam: Type.String(), totaal: Cijfer })),
  totaal: Cijfer,
  uitsplitsingen: Uitsplitsingen,
  landelijk: GebiedVergelijking,
  trend: Type.Array(Trendpunt),
  vestigingen: Type.Array(Vestigingscijfer),
  normbasis: Normbasis,
  instellingen: Type.Array(InstellingMetNormen, { description: 'instellingen met een vestiging in de gemeente; die met de meeste categorieën boven de norm eerst' }),
  driejaarcijfers: Type.Array(Driejaarcijfer, {
    description: 'de driejaarscijfers van de gemeente, oudste eerst: één per drie opeenvolgende schooljaren met een definitieve telling '
      + '(los van schooljaar en status van de vraag). Een venster verschijnt zodra zijn afschermingspatroon is berekend, na de telling.',
  }),
});

export const InstellingenAntwoord = Type.Object({
  telling: Nullable(Telling),
  instellingen: Type.Array(Type.Object({
    brin: Type.String(),
    naam: Type.String(),
    soort: Type.String(),
    plaatsen: Type.Array(Type.String()),
    totaal: Nullable(Cijfer),
  })),
  paginering: Type.Object({
    pagina: Type.Integer(), paginaGrootte: Type.Integer(), totaalAantal: Type.Integer(), aantalPaginas: Type.Integer(),
  }),
  _links: Type.Object({
    self: Link, first: Link, last: Link, prev: Type.Optional(Link), next: Type.Optional(Link),
  }),
});

export const InstellingAntwoord = Type.Object({
  telling: Telling,
  brin: Type.String(),
  naam: Type.String(),
  soort: Type.String(),
  totaal: Cijfer,
  sector: Type.Array(Onderdeel),
  leerweg: Type.Array(Onderdeel, { description: 'bol, bbl, ex: per leerweg van de mbo-inschrijvingen bij deze instelling; samen het mbo' }),
  normbasis: Normbasis,
  categorie: Type.Array(Categoriecijfer),
  normsamenvatting: Normsamenvatting,
  vestigingen: Type.Array(Type.Object({
    vestiging: Type.String(),
    naam: Type.String(),
    gemeenteCode: Type.String(),
    plaats: Type.String(),
    totaal: Cijfer,
    categorie: Type.Array(Categoriecijfer),
  })),
  trend: Type.Array(Type.Object({
    schooljaar: Type.String(),
    telling: Telling,
    totaal: Cijfer,
    categorie: Type.Array(Categoriecijfer),
    normsamenvatting: Normsamenvatting,
    methodewijziging: Nullable(Methodewijziging),
  })),
});

export const VergelijkingAntwoord = Type.Object({
  reeksen: Type.Array(Type.Object({
    soort: StringEnum(['landelijk', 'landelijk-sector', 'rmc', 'gemeente', 'instelling'] as const, {
      description: 'landelijk-sector: het landelijke cijfer van één sector (code NL-vo, NL-mbo of NL-vavo), het ijkpunt voor een instelling van die sector',
    }),
    code: Type.String(),
    naam: Type.String(),
    punten: Type.Array(Type.Object({ schooljaar: Type.String(), telling: Telling, cijfer: Cijfer })),
  })),
  methodewijzigingen: Type.Array(Methodewijziging),
});

export const TopoJsonAntwoord = Type.Object({
  type: Type.String({ description: 'Topology' }),
}, { additionalProperties: true, description: 'TopoJSON met grenzen (CBS/PDOK via cartomap/nl); objecten met statcode, statnaam.' });

export type Gepubliceerd<T extends TSchema> = Static<T>;
