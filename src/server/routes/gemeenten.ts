import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { LANDELIJK } from '../../domain/telling/cijfers.js';
import { normbasis, totaalVan } from '../figures.js';
import { nietGevonden } from '../problems.js';
import { kiesRun, tellingInfo } from '../runs.js';
import { GEMEENTE_PATROON, GemeenteAntwoord, GemeentelijstAntwoord, RMC_PATROON } from '../schemas.js';
import { CIJFERKOLOMMEN, JaarEnStatus, TELLINGKOLOMMEN, cijferCellen, figuurQuery, ok, params, query, tabel, tellingCellen, type ApiContext, type JaarEnStatusQuery } from './common.js';
import {
  GEBIEDSTABELLEN, ONBEKEND, driejaarcijfersVan, gebiedMetLandelijk, gebiedsnaam, gebiedstabellen, instellingenMetNormenIn, instellingentabel, trendVan, vestigingenIn, vestigingentabel,
} from './gebied.js';

/** Municipalities of residence on T0: the list with figures, and one municipality in detail. */
export async function gemeenteRoutes(app: FastifyInstance, { db, gegevens }: ApiContext): Promise<void> {
  app.get('/gemeenten', {
    schema: {
      tags: ['Gemeenten'],
      operationId: 'gemeenten',
      summary: 'Gemeenten met hun cijfers',
      description: 'Alle gemeenten van de indeling van het schooljaar, en elke gemeente met cijfers in de telling; desgewenst van één RMC-regio.',
      querystring: figuurQuery({
        ...JaarEnStatus,
        rmcCode: Type.Optional(Type.String({ pattern: RMC_PATROON, description: 'alleen de gemeenten van deze RMC-regio', example: '21' })),
      }, ['gemeenten']),
      response: ok(GemeentelijstAntwoord, 'De gemeenten, op naam'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof GemeentelijstAntwoord>) => [tabel('gemeenten',
        [...TELLINGKOLOMMEN, 'gemeenteCode', 'naam', 'rmcCode', 'rmcNaam', ...CIJFERKOLOMMEN],
        p.gemeenten.map((g) => ({
          ...tellingCellen(p.telling), gemeenteCode: g.gemeenteCode, naam: g.naam, rmcCode: g.rmcCode, rmcNaam: g.rmcNaam, ...cijferCellen(g.totaal),
        })))],
    },
  }, async (request) => {
    const q = query<JaarEnStatusQuery & { rmcCode?: string }>(request);
    const cat = await gegevens.catalogus();
    const run = kiesRun(cat, q);
    const [indeling, laatste, cijfers, nl] = await Promise.all([
      gegevens.indeling(run.schooljaar), gegevens.laatsteIndeling(), gegevens.gepubliceerd([run.id], 'gemeente', null, ['totaal']),
      gegevens.gepubliceerd([run.id], 'landelijk', [LANDELIJK], ['totaal']),
    ]);
    const vanJaar = new Map(indeling.map((g) => [g.gemeente_code, g]));
    const ooit = new Map(laatste.map((g) => [g.gemeente_code, g]));
    const codes = [...new Set([...vanJaar.keys(), ...cijfers.map((c) => c.gebied)])];
    const gemeenten = codes.map((code) => {
      const g = vanJaar.get(code);
      const rmcCode = g?.rmc_code ?? ONBEKEND;
      return {
        gemeenteCode: code,
        naam: gebiedsnaam(code, g?.gemeente_naam ?? ooit.get(code)?.gemeente_naam),
        rmcCode,
        rmcNaam: gebiedsnaam(rmcCode, g?.rmc_naam),
        totaal: totaalVan(cijfers.filter((c) => c.gebied === code)),
      };
    }).filter((g) => !q.rmcCode || g.rmcCode === q.rmcCode)
      .sort((a, b) => (a.gemeenteCode === ONBEKEND ? 1 : b.gemeenteCode === ONBEKEND ? -1 : a.naam.localeCompare(b.naam, 'nl')));
    return { telling: tellingInfo(cat, run), landelijk: totaalVan(nl), gemeenten };
  });

  app.get('/gemeenten/:gemeenteCode', {
    schema: {
      tags: ['Gemeenten'],
      operationId: 'gemeente',
      summary: 'Eén gemeente',
      description: 'Cijfers van de gemeente (woongemeente op de teldatum) naast de regio en het land; de trend; de schoolvestigingen in de gemeente; '
        + 'de instellingen met een vestiging in de gemeente, elk met de cijfers van de hele instelling per categorie tegen de norm '
        + '(na 2014-2015: de laatst vastgestelde norm, ter vergelijking) en het aantal categorieën boven de norm, die met de meeste boven de norm eerst. '
        + 'Een gemeente publiceert alleen haar totaal: elke uitsplitsing staat er met null en afschermingsreden "niet uitgesplitst" '
        + '(anders zou de regio min haar gemeenten afgeschermde aantallen teruggeven; zie docs/openbaarmaking.md). '
        + 'Daarnaast de driejaarscijfers: voor kleine gemeenten, waar de losse jaren vaak <5 of afgeschermd zijn.',
      params: Type.Object({ gemeenteCode: Type.String({ pattern: GEMEENTE_PATROON, description: 'CBS-gemeentecode, bijv. GM0363, of onbekend', example: 'GM0363' }) }),
      querystring: figuurQuery(JaarEnStatus, [...GEBIEDSTABELLEN, 'vestigingen', 'instellingen', 'driejaarcijfers']),
      response: ok(GemeenteAntwoord, 'De gemeente'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof GemeenteAntwoord>) => [
        ...gebiedstabellen(p, { gemeenteCode: p.gemeenteCode }),
        vestigingentabel(p.telling, p.vestigingen),
        instellingentabel(p.telling, { gemeenteCode: p.gemeenteCode }, p.instellingen),
        tabel('driejaarcijfers', ['eersteSchooljaar', 'laatsteSchooljaar', 'runIds', 'gemeenteCode', ...CIJFERKOLOMMEN], p.driejaarcijfers.map((d) => ({
          eersteSchooljaar: d.schooljaren[0], laatsteSchooljaar: d.schooljaren[2], runIds: d.runIds.join(' '), gemeenteCode: p.gemeenteCode, ...cijferCellen(d.cijfer),
        }))),
      ],
    },
  }, async (request) => {
    const { gemeenteCode } = params<{ gemeenteCode: string }>(request);
    const q = query<JaarEnStatusQuery>(request);
    const cat = await gegevens.catalogus();
    const run = kiesRun(cat, q);
    const [indeling, laatste] = await Promise.all([gegevens.indeling(run.schooljaar), gegevens.laatsteIndeling()]);
    const rij = indeling.find((g) => g.gemeente_code === gemeenteCode);
    const ooit = laatste.find((g) => g.gemeente_code === gemeenteCode);
    const { gevonden, ...gebied } = await gebiedMetLandelijk(gegevens, run.id, 'gemeente', gemeenteCode);
    if (!gevonden && !rij && !ooit) {
      throw nietGevonden(`Gemeente ${gemeenteCode} komt niet voor in de indeling of in de telling van ${run.schooljaar}.`);
    }
    const hier = rij ? [rij] : ooit ? [ooit] : [];
    const [trend, regiocijfers, vestigingen, instellingen, driejaarcijfers] = await Promise.all([
      trendVan(gegevens, cat, q.status, 'gemeente', gemeenteCode),
      rij ? gegevens.gepubliceerd([run.id], 'rmc', [rij.rmc_code], ['totaal']) : Promise.resolve([]),
      vestigingenIn(gegevens, run.id, hier),
      instellingenMetNormenIn(gegevens, run, hier, request.toegang),
      driejaarcijfersVan(gegevens, gemeenteCode),
    ]);
    return {
      telling: tellingInfo(cat, run),
      gemeenteCode,
      naam: gebiedsnaam(gemeenteCode, rij?.gemeente_naam ?? ooit?.gemeente_naam),
      regio: rij ? { rmcCode: rij.rmc_code, naam: rij.rmc_naam, totaal: totaalVan(regiocijfers) } : null,
      ...gebied,
      trend,
      vestigingen,
      normbasis: normbasis(run.schooljaar),
      instellingen,
      driejaarcijfers,
    };
  });
}
