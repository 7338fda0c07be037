import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { nietGevonden } from '../problems.js';

import { SchooljaarParam } from '../schemas.js';
import { ok, query, type ApiContext } from './common.js';

/**
 * Boundaries for the maps, read at run time from the project's reference data
 * (referentiedata/geo/, TopoJSON from CBS/PDOK via cartomap/nl; sources in BRONNEN.md). A school year T-T+1 uses the
 * boundaries of 1 January T+1, or the nearest year there is a file for.
 */
const BRON = 'CBS / PDOK, vereenvoudigd door cartomap/nl';

const KaartAntwoord = Type.Object({
  jaar: Type.Integer({ description: 'jaar van de gebiedsindeling' }),
  bron: Type.String(),
  objectnaam: Type.String({ description: 'naam van het object in de topologie' }),
  topologie: Type.Object({ type: Type.String() }, { additionalProperties: true, description: 'TopoJSON; elk gebied heeft de eigenschappen statcode (MC01, GM0363) en statnaam' }),
});

async function beschikbareJaren(geoMap: string, soort: string): Promise<number[]> {
  try {
    const patroon = new RegExp(`^${soort}_(\\d{4})\\.topojson$`);
    return (await readdir(geoMap)).map((f) => patroon.exec(f)?.[1]).filter((j): j is string => Boolean(j)).map(Number).sort();
  } catch {
    return [];
  }
}

export function kiesJaar(jaren: readonly number[], gewenst: number): number | null {
  if (jaren.length === 0) return null;
  return [...jaren].sort((a, b) => Math.abs(a - gewenst) - Math.abs(b - gewenst) || b - a)[0]!;
}

export async function kaartRoutes(app: FastifyInstance, { db, geoMap, gegevens }: ApiContext): Promise<void> {
  const cache = new Map<string, string>();

  const kaart = (url: string, soort: string, operationId: string, summary: string) => app.get(url, {
    schema: {
      tags: ['Kaarten'],
      operationId,
      summary,
      description: `Grenzen als TopoJSON (bron: ${BRON}). Als de map met kaartgrenzen ontbreekt: 404; toon dan een tabel.`,
      querystring: Type.Object({ schooljaar: Type.Optional(SchooljaarParam) }, { additionalProperties: false }),
      response: ok(KaartAntwoord, 'De kaart'),
    },
    config: { handeling: 'cijfers.lezen' },
  }, async (request, reply) => {
    const { schooljaar } = query<{ schooljaar?: string }>(request);
    let gewenst = schooljaar ? Number(schooljaar.slice(5)) : null;
    if (gewenst === null) {
      const laatste = (await gegevens.catalogus()).runs.at(-1);
      gewenst = laatste ? Number(laatste.schooljaar.slice(5)) : new Date().getUTCFullYear();
    }
    const jaar = kiesJaar(await beschikbareJaren(geoMap, soort), gewenst);
    if (jaar === null) throw nietGevonden('De kaartgrenzen zijn op deze server niet beschikbaar (de map geo/ van de referentiedata ontbreekt).');
    const naam = `${soort}_${jaar}`;
    let tekst = cache.get(naam);
    if (tekst === undefined) {
      const topologie = await readFile(join(geoMap, `${naam}.topojson`), 'utf8');
      tekst = `{"jaar":${jaar},"bron":${JSON.stringify(BRON)},"objectnaam":${JSON.stringify(naam)},"topologie":${topologie}}`;
      cache.set(naam, tekst);
    }
    return reply.type('application/json; charset=utf-8').send(tekst);
  });

  kaart('/kaarten/rmc-regios', 'regionaalmeld_coordinatiepunt', 'kaartRmcRegios', 'Grenzen van de RMC-regio\'s');
  kaart('/kaarten/gemeenten', 'gemeente', 'kaartGemeenten', 'Grenzen van de gemeenten');
}
