import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { leesGebiedscijfers } from '../../db/cijfers.js';
import { METHODEWIJZIGINGEN } from '../../domain/beleid.js';
import { LANDELIJK, type Niveau } from '../../domain/telling/cijfers.js';
import { totaalVan } from '../figures.js';
import { ongeldig, type InvalidParam } from '../problems.js';
import { runsPerJaar, tellingInfo } from '../runs.js';
import { StatusParam, VergelijkingAntwoord } from '../schemas.js';
import { CIJFERKOLOMMEN, TELLINGKOLOMMEN, cijferCellen, figuurQuery, ok, query, tabel, tellingCellen, type ApiContext } from './common.js';
import { gebiedsnaam } from './gebied.js';

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

export async function vergelijkingRoutes(app: FastifyInstance, { db, gegevens }: ApiContext): Promise<void> {
  app.get('/vergelijking', {
    schema: {
      tags: ['Vergelijken'],
      operationId: 'vergelijking',
      summary: 'Regio\'s, gemeenten of instellingen naast elkaar over de jaren',
      description: `Per gekozen gebied of instelling het totaalcijfer van elk schooljaar, met de landelijke reeks erbij. Samen hoogstens ${MAX}.`,
      querystring: figuurQuery({
        rmcCodes: lijst('(\\d{2}|onbekend)', 'RMC-codes', '21,19'),
        gemeenteCodes: lijst('(GM\\d{4}|onbekend)', 'CBS-gemeentecodes', 'GM0363,GM0344'),
        brins: lijst('\\d{2}[A-Z]{2}', 'BRIN-nummers', '10AA,11AB'),
        status: Type.Optional(StatusParam),
      }, ['vergelijking']),
      response: ok(VergelijkingAntwoord, 'De reeksen, landelijk eerst'),
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
      const cijfers = await leesGebiedscijfers(db, ids, soort, [code], ['totaal']);
      return {
        soort: soort as 'landelijk' | 'rmc' | 'gemeente' | 'instelling',
        code,
        naam,
        punten: runs.map((run) => ({
          schooljaar: run.schooljaar, telling: tellingInfo(cat, run), cijfer: totaalVan(cijfers.filter((c) => c.run_id === run.id)),
        })),
      };
    };
    const reeksen = await Promise.all([
      reeks('landelijk', LANDELIJK, 'Nederland'),
      ...gekozen.rmc.map((c) => reeks('rmc', c, gebiedsnaam(c, rmcNamen.get(c)))),
      ...gekozen.gemeente.map((c) => reeks('gemeente', c, gebiedsnaam(c, gemeentenamen.get(c)))),
      ...gekozen.instelling.map((c) => reeks('instelling', c, instellingsnamen.get(c)!)),
    ]);
    return { reeksen, methodewijzigingen: METHODEWIJZIGINGEN };
  });
}
