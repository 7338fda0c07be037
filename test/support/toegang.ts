import type { FastifyRequest } from 'fastify';
import { controleerRolEnScope, type Gebruiker, type Rol } from '../../src/domain/toegang/rollen.js';
import type { Testgebruiker } from '../../src/server/toegang.js';

/**
 * TEST ONLY: who is asking, from a request header, for the API and browser tests of access
 * until (and besides) the login plugin. `bouwApp({ testgebruiker: testgebruikerUitHeader })`
 * is the only way in: no environment variable or setting enables it, and main.ts never passes it.
 */
export const TESTHEADER = 'x-binnenboord-testgebruiker';

export const testgebruikerUitHeader: Testgebruiker = (request: FastifyRequest) => {
  const h = request.headers[TESTHEADER];
  if (typeof h !== 'string' || h === '') return null;
  const g = JSON.parse(h) as Gebruiker;
  const fout = controleerRolEnScope(g.rol, g.scope);
  if (fout) throw new Error(`testgebruiker: ${fout}`);
  return g;
};

/** One user per role, each in the test delivery's region 19 (Utrecht): GM0344, BRIN 20BB (test/api/fixture.ts). */
export const TESTGEBRUIKERS: Readonly<Record<Rol, Gebruiker>> = {
  rmc: { accountId: 't-rmc', weergavenaam: 'Test RMC Utrecht', rol: 'rmc', scope: { soort: 'rmc-regio', code: '19' }, soort: 'persoon' },
  leerplicht: { accountId: 't-lp', weergavenaam: 'Test Leerplicht Utrecht', rol: 'leerplicht', scope: { soort: 'gemeente', code: 'GM0344' }, soort: 'persoon' },
  school: { accountId: 't-school', weergavenaam: 'Test ROC Midden', rol: 'school', scope: { soort: 'brin', code: '20BB' }, soort: 'machine' },
  analist: { accountId: 't-analist', weergavenaam: 'Test Analist', rol: 'analist', scope: { soort: 'landelijk' }, soort: 'persoon' },
  beheer: { accountId: 't-beheer', weergavenaam: 'Test Beheer', rol: 'beheer', scope: { soort: 'landelijk' }, soort: 'persoon' },
  privacy: { accountId: 't-privacy', weergavenaam: 'Test FG', rol: 'privacy', scope: { soort: 'landelijk' }, soort: 'persoon' },
};

export function alsGebruiker(g: Gebruiker | null): Record<string, string> {
  return g ? { [TESTHEADER]: JSON.stringify(g) } : {};
}
