import { Type } from '@sinclair/typebox';
import { Nullable, SCHOOLJAAR_PATROON, StringEnum } from './schemas.js';

/**
 * The public absence figures (docs/rules/verzuim-cijfers.md, "Openbare verzuimcijfers"): counts of
 * reports and of persons, under the same disclosure control as the vsv figures.
 */
export const VerzuimAantal = Type.Unsafe<number | '<5' | null>({
  oneOf: [{ type: 'integer', minimum: 0, nullable: true }, { type: 'string', enum: ['<5'] }],
  description: 'Een aantal. Zonder inlog wordt een aantal van 1 tot en met 4 getoond als "<5" (afscherming van DUO). '
    + 'null: aanvullend afgeschermd (minstens 5), zodat een "<5" in dezelfde uitsplitsing niet uit het totaal is terug te rekenen.',
});

const Cel = Type.Object({ waarde: Type.String(), aantal: VerzuimAantal });

export const VerzuimUitsplitsingen = Type.Object({
  soort: Type.Array(Cel, { description: 'meldingen per soort (16u4w, lrv, rmc, luxe, overig); samen het totaal' }),
  status: Type.Array(Cel, { description: 'meldingen per status van de afhandeling; samen het totaal' }),
  afsluitreden: Type.Array(Cel, { description: 'afgesloten meldingen per afsluitreden; samen de status afgesloten' }),
  eersteActie: Type.Array(Cel, { description: 'meldingen per soort eerste actie, of geen; samen het totaal' }),
  tijdigheid: Type.Array(Cel, { description: 'meldingen tijdig, te laat of zonder oordeel gedaan; samen het totaal' }),
});

export const DagenTotEersteActie = Type.Object({
  mediaan: Nullable(Type.Integer({ minimum: 0 })),
  percentiel90: Nullable(Type.Integer({ minimum: 0 })),
}, { description: 'Kalenderdagen van ontvangst tot de eerste actie; null zonder ten minste 5 meldingen met een actie.' });

export const VsvMetMeldingSchema = Type.Object({
  vsvers: VerzuimAantal,
  metMelding: VerzuimAantal,
  percentage: Nullable(Type.String({ pattern: '^\\d+\\.\\d{2}$', description: 'aandeel met een melding; null als het op minder dan 5 personen met een melding rust' })),
  afgeschermd: Type.Boolean(),
  afschermingsreden: Type.Optional(StringEnum(['secundair afgeschermd', 'niet uitgesplitst'] as const, {
    description: 'Alleen als een aantal null is: "secundair afgeschermd" (minstens 5, niet getoond om een "<5" elders te beschermen) of "niet uitgesplitst" (niet gepubliceerd, wat het aantal ook is). Zie docs/openbaarmaking.md.',
  })),
}, { description: 'Van de vsv\'ers van de telling van dit schooljaar: hoeveel een verzuimmelding hadden met een meldingsdatum in de telperiode.' });

const Verzuimgebied = {
  meldingen: VerzuimAantal,
  uitsplitsingen: VerzuimUitsplitsingen,
  dagenTotEersteActie: DagenTotEersteActie,
  vsvMetMelding: Nullable(VsvMetMeldingSchema),
};

const Berekening = {
  schooljaar: Type.String({ pattern: SCHOOLJAAR_PATROON }),
  berekendOp: Type.String({ format: 'date-time', description: 'wanneer deze cijfers zijn berekend' }),
  // OpenAPI 3.0: a nullable enum lists null among its values
  tellingStatus: Type.Unsafe<'definitief' | 'voorlopig' | null>({
    type: 'string', nullable: true, enum: ['definitief', 'voorlopig', null], description: 'de telling waaruit de vsv\'ers komen; null zonder telling van dit schooljaar',
  }),
  schooljaren: Type.Array(Type.String(), { description: 'de schooljaren met openbare verzuimcijfers, nieuwste eerst' }),
};

export const LandelijkVerzuimAntwoord = Type.Object({
  ...Berekening,
  ...Verzuimgebied,
  regios: Type.Array(Type.Object({
    rmcCode: Type.String(), naam: Type.String(), meldingen: VerzuimAantal, vsvMetMelding: Nullable(VsvMetMeldingSchema),
  }), { description: 'de RMC-regio\'s (indeling van het schooljaar), op code; samen het landelijke totaal' }),
});

export const RegioVerzuimAntwoord = Type.Object({
  ...Berekening,
  rmcCode: Type.String(),
  naam: Type.String(),
  ...Verzuimgebied,
  landelijk: Type.Object({ meldingen: VerzuimAantal, vsvMetMelding: Nullable(VsvMetMeldingSchema) }),
});
