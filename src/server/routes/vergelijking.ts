import { dirname } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { METHODEWIJZIGINGEN } from '../../domain/beleid.js';
import { LANDELIJK, type Niveau } from '../../domain/telling/cijfers.js';
import { totaalVan } from '../figures.js';
import { ongeldig, type InvalidParam } from '../problems.js';
import { runsPerJaar, tellingInfo } from '../runs.js';
import { StatusParam, VergelijkingAntwoord } from '../schemas.js';
import { CIJFERKOLOMMEN, TELLINGKOLOMMEN, cijferCellen, figuurQuery, ok, query, tabel, tellingCellen, type ApiContext } from './common.js';
import { gebiedsnaam } from './gebied.js';
import { jongerenPerGemeente, vergelijkingsgroepen } from '../vergelijkingsgroepen.js';
import { landelijkeSectorcijfers, sectorenVan } from '../sectorreeksen.js';
import { nietGevonden } from '../problems.js';

/** Several regions, municipalities or institutions side by side over all school years, with the national series. */
const MAX = 8;

const lijst = (patroon: string, omschrijving: string, voorbeeld: string) => Type.Optional(Type.String({
  pattern: `^${patroon}(,${patroon}){0,${MAX - 1}}$`, description: `${omschrijving}, gescheiden door komma's`, example: voorbeeld,
}));

interface Vraag {
  rmcCodes?: string;
  gemeenteCodes?: string;
  brins?: string;
  status?: 'definitief' | 'voorlopig';
}

const Groepsgemeente = Type.Object({
  gemeenteCode: Type.String(),
  naam: Type.String(),
  rmcCode: Type.Union([Type.String(), Type.Null()]),
  jongeren: Type.Union([Type.Integer(), Type.Null()], { description: 'jongeren van 12 tot en met 23 jaar (schatting 2021); null als onbekend' }),
});

const GroepenAntwoord = Type.Object({
  gemeente: Groepsgemeente,
  groepen: Type.Array(Type.Object({
    id: Type.Union([Type.Literal('g4'), Type.Literal('g40'), Type.Literal('grootteklasse'), Type.Literal('regio')]),
    naam: Type.String(),
    omschrijving: Type.String(),
    gemeenten: Type.Array(Groepsgemeente, { maxItems: 6 }),
  })),
}, { additionalProperties: false });

export async function vergelijkingRoutes(app: FastifyInstance, { gegevens, geoMap }: ApiContext): Promise<void> {
  app.get('/vergelijking/groepen', {
    schema: {
      tags: ['Vergelijken'],
      operationId: 'vergelijkingsgroepen',
      summary: 'Kant-en-klare groepen om een gemeente mee te vergelijken',
      description: 'G4, G40, gemeenten van vergelijkbare grootte (naar het aantal jongeren van 12 tot en met 23 jaar) en de andere gemeenten '
        + 'van de RMC-regio; per groep hoogstens 6 gemeenten (de dichtstbij in grootte, of in de regio de grootste), zodat de gemeente '
        + 'met haar groep in één vergelijking past. Alleen namen en codes, geen cijfers: die geeft /vergelijking per gemeente.',
      querystring: Type.Object({
        gemeenteCode: Type.String({ pattern: '^GM\\d{4}$', description: 'CBS-gemeentecode', example: 'GM0363' }),
      }, { additionalProperties: false }),
      response: ok(GroepenAntwoord, 'De groepen van deze gemeente'),
    },
    config: { handeling: 'cijfers.lezen' },
  }, async (request) => {
    const { gemeenteCode } = query<{ gemeenteCode: string }>(request);
    const [indeling, jongeren] = await Promise.all([gegevens.laatsteIndeling(), jongerenPerGemeente(dirname(geoMap))]);
    const alle = indeling.map((g) => ({ gemeenteCode: g.gemeente_code, naam: g.gemeente_naam, rmcCode: g.rmc_code || null, jongeren: jongeren.get(g.gemeente_code) ?? null }));
    const gemeente = alle.find((g) => g.gemeenteCode === gemeenteCode);
    if (!gemeente) throw nietGevonden(`Gemeente ${gemeenteCode} komt niet voor in de laatste indeling.`);
    return { gemeente, groepen: vergelijkingsgroepen(alle, gemeenteCode) };
  });

  app.get('/vergelijking', {
    schema: {
      tags: ['Vergelijken'],
      operationId: 'vergelijking',
      summary: 'Regio\'s, gemeenten of instellingen naast elkaar over de jaren',
      description: `Per gekozen gebied of instelling het totaalcijfer van elk schooljaar, met de landelijke reeks erbij. Samen hoogstens ${MAX}. `
        + 'Met instellingen erbij ook de landelijke reeks van de eigen sector van elke gekozen instelling (soort landelijk-sector, code NL-mbo enz., '
        + 'naam "Nederland, mbo"), het eerlijke ijkpunt voor een instelling; de sector is de soort van de instelling uit de registratie.',
      querystring: figuurQuery({
        rmcCodes: lijst('(\\d{2}|onbekend)', 'RMC-codes', '21,19'),
        gemeenteCodes: lijst('(GM\\d{4}|onbekend)', 'CBS-gemeentecodes', 'GM0363,GM0344'),
        brins: lijst('\\d{2}[A-Z]{2}', 'BRIN-nummers', '10AA,11AB'),
        status: Type.Optional(StatusParam),
      }, ['vergelijking']),
      response: ok(VergelijkingAntwoord, 'De reeksen: landelijk eerst, dan de keuzes, dan landelijk per sector van de gekozen instellingen'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof VergelijkingAntwoord>) => [tabel('vergelijking',
        ['soort', 'code', 'naam', ...TELLINGKOLOMMEN, ...CIJFERKOLOMMEN],
        p.reeksen.flatMap((r) => r.punten.map((punt) => ({
          soort: r.soort, code: r.code, naam: r.naam, ...tellingCellen(punt.telling), ...cijferCellen(punt.cijfer),
        }))))],
    },
  }, async (request) => {
    const q = query<Vraag>(request);
    const splits = (t?: string) => [...new Set((t ?? '').split(',').filter(Boolean))];
    const gekozen = { rmc: splits(q.rmcCodes), gemeente: splits(q.gemeenteCodes), instelling: splits(q.brins) };
    const aantal = gekozen.rmc.length + gekozen.gemeente.length + gekozen.instelling.length;
    const namen = ['rmcCodes', 'gemeenteCodes', 'brins'];
    if (aantal === 0) throw ongeldig(namen.map((name) => ({ name, code: 'required', reason: 'kies ten minste één regio, gemeente of instelling' })));
    if (aantal > MAX) throw ongeldig(namen.map((name) => ({ name, code: 'maxItems', reason: `samen hoogstens ${MAX} regio's, gemeenten en instellingen` })));

    const [rmcNamen, indeling, instellingen] = await Promise.all([gegevens.rmcNamen(), gegevens.laatsteIndeling(), gegevens.instellingen()]);
    const gemeentenamen = new Map(indeling.map((g) => [g.gemeente_code, g.gemeente_naam]));
    const instellingsnamen = new Map([...instellingen.values()].map((i) => [i.brin, i.naam]));
    const onbekend: InvalidParam[] = [
      ...gekozen.rmc.filter((c) => c !== 'onbekend' && !rmcNamen.has(c)).map((c) => ({ name: 'rmcCodes', code: 'unknown', reason: `RMC-regio ${c} bestaat niet` })),
      ...gekozen.gemeente.filter((c) => c !== 'onbekend' && !gemeentenamen.has(c)).map((c) => ({ name: 'gemeenteCodes', code: 'unknown', reason: `gemeente ${c} bestaat niet` })),
      ...gekozen.instelling.filter((c) => !instellingsnamen.has(c)).map((c) => ({ name: 'brins', code: 'unknown', reason: `instelling ${c} bestaat niet` })),
    ];
    if (onbekend.length > 0) throw ongeldig(onbekend);

    const cat = await gegevens.catalogus();
    const runs = runsPerJaar(cat, q.status);
    const ids = runs.map((r) => r.id);
    const reeks = async (soort: Niveau, code: string, naam: string) => {
      const cijfers = await gegevens.gepubliceerd(ids, soort, [code], ['totaal']);
      return {
        soort: soort as 'landelijk' | 'rmc' | 'gemeente' | 'instelling',
        code,
        naam,
        punten: runs.map((run) => ({
          schooljaar: run.schooljaar, telling: tellingInfo(cat, run), cijfer: totaalVan(cijfers.filter((c) => c.run_id === run.id)),
        })),
      };
    };
    // every location's kind: an institution with a vo and an mbo location gets both lines
    const sectoren = sectorenVan(gekozen.instelling.flatMap((c) => instellingen.get(c)!.vestigingen.map((v) => v.soort)));
    const landelijkPerSector = sectoren.length > 0 ? await gegevens.gepubliceerd(ids, 'landelijk', [LANDELIJK], ['totaal', 'sector']) : [];
    const reeksen = await Promise.all([
      reeks('landelijk', LANDELIJK, 'Nederland'),
      ...gekozen.rmc.map((c) => reeks('rmc', c, gebiedsnaam(c, rmcNamen.get(c)))),
      ...gekozen.gemeente.map((c) => reeks('gemeente', c, gebiedsnaam(c, gemeentenamen.get(c)))),
      ...gekozen.instelling.map((c) => reeks('instelling', c, instellingsnamen.get(c)!)),
      // after the choices, so that a client reading the series by position finds them where they were
      ...sectoren.map(async (sector) => {
        const cijfers = landelijkeSectorcijfers(landelijkPerSector, ids, sector);
        return {
          soort: 'landelijk-sector' as const, code: `${LANDELIJK}-${sector}`, naam: `Nederland, ${sector}`,
          punten: runs.map((run, i) => ({ schooljaar: run.schooljaar, telling: tellingInfo(cat, run), cijfer: cijfers[i]! })),
        };
      }),
    ]);
    return { reeksen, methodewijzigingen: METHODEWIJZIGINGEN };
  });
}
