import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { LANDELIJK } from '../../domain/telling/cijfers.js';
import { normbasis, onderdelen, totaalVan } from '../figures.js';
import { nietGevonden } from '../problems.js';
import { kiesRun, tellingInfo } from '../runs.js';
import { RMC_PATROON, RegioAntwoord, RegiolijstAntwoord } from '../schemas.js';
import { CIJFERKOLOMMEN, JaarEnStatus, TELLINGKOLOMMEN, cijferCellen, figuurQuery, ok, params, query, tabel, tellingCellen, type ApiContext, type JaarEnStatusQuery } from './common.js';
import {
  GEBIEDSTABELLEN, ONBEKEND, gebiedMetLandelijk, gebiedsnaam, gebiedstabellen, instellingenMetNormenIn, instellingentabel, trendVan, vestigingenIn, vestigingentabel,
} from './gebied.js';

/** RMC regions: the list with figures, and one region in detail. Names follow the school year's classification. */
export async function regioRoutes(app: FastifyInstance, { db, gegevens }: ApiContext): Promise<void> {
  app.get('/rmc-regios', {
    schema: {
      tags: ['Regio\'s'],
      operationId: 'rmcRegios',
      summary: 'RMC-regio\'s met hun cijfers',
      description: 'Alle RMC-regio\'s van het schooljaar (indeling van dat schooljaar) met totaal en sectoren; regio "onbekend" telt wie geen bekende woongemeente had.',
      querystring: figuurQuery(JaarEnStatus, ['regios']),
      response: ok(RegiolijstAntwoord, 'De regio\'s, op code'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof RegiolijstAntwoord>) => [tabel('regios', [...TELLINGKOLOMMEN, 'rmcCode', 'naam', 'sector', ...CIJFERKOLOMMEN],
        p.regios.flatMap((r) => [{ waarde: 'totaal', cijfer: r.totaal }, ...r.sector].map((o) => ({
          ...tellingCellen(p.telling), rmcCode: r.rmcCode, naam: r.naam, sector: o.waarde, ...cijferCellen(o.cijfer),
        }))))],
    },
  }, async (request) => {
    const cat = await gegevens.catalogus();
    const run = kiesRun(cat, query<JaarEnStatusQuery>(request));
    const [indeling, laatste, cijfers, nl] = await Promise.all([
      gegevens.indeling(run.schooljaar), gegevens.rmcNamen(), gegevens.gepubliceerd([run.id], 'rmc', null, ['totaal', 'sector']),
      gegevens.gepubliceerd([run.id], 'landelijk', [LANDELIJK], ['totaal']),
    ]);
    const namen = new Map(indeling.map((r) => [r.rmc_code, r.rmc_naam]));
    const codes = [...new Set([...namen.keys(), ...cijfers.map((c) => c.gebied)])]
      .sort((a, b) => (a === ONBEKEND ? 1 : b === ONBEKEND ? -1 : a.localeCompare(b)));
    return {
      telling: tellingInfo(cat, run),
      landelijk: totaalVan(nl),
      regios: codes.map((code) => {
        const van = cijfers.filter((c) => c.gebied === code);
        return { rmcCode: code, naam: gebiedsnaam(code, namen.get(code) ?? laatste.get(code)), totaal: totaalVan(van), sector: onderdelen(van, 'sector') };
      }),
    };
  });

  app.get('/rmc-regios/:rmcCode', {
    schema: {
      tags: ['Regio\'s'],
      operationId: 'rmcRegio',
      summary: 'Eén RMC-regio',
      description: 'Cijfers van de regio met uitsplitsingen naar sector, categorie, leeftijdsgroep en geslacht, naast de landelijke; '
        + 'de trend over alle schooljaren; de gemeenten en schoolvestigingen in de regio; de instellingen met een vestiging in de regio, '
        + 'elk met de cijfers van de hele instelling per categorie tegen de norm (na 2014-2015: de laatst vastgestelde norm, ter vergelijking) '
        + 'en het aantal categorieën boven de norm, die met de meeste categorieën boven de norm eerst.',
      params: Type.Object({ rmcCode: Type.String({ pattern: RMC_PATROON, description: 'RMC-code van twee cijfers (DUO-nummering), of onbekend', example: '21' }) }),
      querystring: figuurQuery(JaarEnStatus, [...GEBIEDSTABELLEN, 'gemeenten', 'vestigingen', 'instellingen']),
      response: ok(RegioAntwoord, 'De regio'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof RegioAntwoord>) => [
        ...gebiedstabellen(p, { rmcCode: p.rmcCode }),
        tabel('gemeenten', [...TELLINGKOLOMMEN, 'rmcCode', 'gemeenteCode', 'naam', ...CIJFERKOLOMMEN],
          p.gemeenten.map((g) => ({ ...tellingCellen(p.telling), rmcCode: p.rmcCode, gemeenteCode: g.gemeenteCode, naam: g.naam, ...cijferCellen(g.cijfer) }))),
        vestigingentabel(p.telling, p.vestigingen),
        instellingentabel(p.telling, { rmcCode: p.rmcCode }, p.instellingen),
      ],
    },
  }, async (request) => {
    const { rmcCode } = params<{ rmcCode: string }>(request);
    const q = query<JaarEnStatusQuery>(request);
    const cat = await gegevens.catalogus();
    const run = kiesRun(cat, q);
    const [indeling, laatste] = await Promise.all([gegevens.indeling(run.schooljaar), gegevens.rmcNamen()]);
    const gemeenten = indeling.filter((g) => g.rmc_code === rmcCode);
    const { gevonden, ...gebied } = await gebiedMetLandelijk(gegevens, run.id, 'rmc', rmcCode);
    if (!gevonden && gemeenten.length === 0 && !laatste.has(rmcCode)) {
      throw nietGevonden(`RMC-regio ${rmcCode} komt niet voor in de indeling of in de telling van ${run.schooljaar}.`);
    }
    const [trend, gemeentecijfers, vestigingen, instellingen] = await Promise.all([
      trendVan(gegevens, cat, q.status, 'rmc', rmcCode),
      gegevens.gepubliceerd([run.id], 'gemeente', gemeenten.map((g) => g.gemeente_code), ['totaal']),
      vestigingenIn(gegevens, run.id, gemeenten),
      instellingenMetNormenIn(gegevens, run, gemeenten, request.toegang),
    ]);
    return {
      telling: tellingInfo(cat, run),
      rmcCode,
      naam: gebiedsnaam(rmcCode, gemeenten[0]?.rmc_naam ?? laatste.get(rmcCode)),
      ...gebied,
      trend,
      gemeenten: gemeenten.map((g) => ({
        gemeenteCode: g.gemeente_code, naam: g.gemeente_naam,
        cijfer: totaalVan(gemeentecijfers.filter((c) => c.gebied === g.gemeente_code)),
      })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
      vestigingen,
      normbasis: normbasis(run.schooljaar),
      instellingen,
    };
  });
}
