import { describe, expect, it } from 'vitest';
import { BELEID, HANDELINGEN, beslis, doelenVoor, magVoor, type Handeling } from '../../../src/domain/toegang/beleid.js';
import { ROLLEN, SCOPESOORT, type Gebruiker, type Rol, type Scope } from '../../../src/domain/toegang/rollen.js';

/** The one access policy (beleid.ts): each rule at its boundary. */
const EIGEN: Record<Rol, Scope> = {
  rmc: { soort: 'rmc-regio', code: '19' },
  leerplicht: { soort: 'gemeente', code: 'GM0344' },
  school: { soort: 'brin', code: '20BB' },
  analist: { soort: 'landelijk' },
  beheer: { soort: 'landelijk' },
  privacy: { soort: 'landelijk' },
};

const gebruiker = (rol: Rol, soort: Gebruiker['soort'] = 'persoon'): Gebruiker =>
  ({ accountId: `a-${rol}`, weergavenaam: `Test ${rol}`, rol, scope: EIGEN[rol], soort });

const regioVanGemeente = (g: string) => ({ GM0344: '19', GM0307: '16', GM0363: '21' } as Record<string, string>)[g] ?? null;

describe('toegangsbeleid', () => {
  it('test-scopes passen bij hun rol', () => {
    for (const rol of ROLLEN) expect(EIGEN[rol].soort).toBe(SCOPESOORT[rol]);
  });

  it.each(['api.beschrijving', 'cijfers.lezen', 'sessie.lezen', 'sessie.inloggen', 'sessie.uitloggen'] as Handeling[])(
    '%s: iedereen, ook anoniem', (h) => {
      expect(beslis(null, h)).toEqual({ toegestaan: true });
      for (const rol of ROLLEN) expect(beslis(gebruiker(rol), h).toegestaan).toBe(true);
    });

  it.each([['account.beheren', 'beheer'], ['audit.lezen', 'privacy']] as const)('%s: alleen %s; anoniem 401, anderen 403', (h, rol) => {
    expect(beslis(null, h)).toMatchObject({ toegestaan: false, status: 401 });
    for (const r of ROLLEN) {
      const b = beslis(gebruiker(r), h);
      if (r === rol) expect(b).toEqual({ toegestaan: true });
      else expect(b).toMatchObject({ toegestaan: false, status: 403, reden: expect.stringContaining(`'${rol}'`) });
    }
  });

  it('persoon.lezen: rmc, leerplicht en school binnen eigen scope; analist, beheer en privacy nooit', () => {
    expect(beslis(null, 'persoon.lezen')).toMatchObject({ status: 401 });
    for (const r of ['rmc', 'leerplicht', 'school'] as const) expect(beslis(gebruiker(r), 'persoon.lezen').toegestaan).toBe(true);
    for (const r of ['analist', 'beheer', 'privacy'] as const) expect(beslis(gebruiker(r), 'persoon.lezen')).toMatchObject({ status: 403 });
  });

  describe('scope van persoon.lezen (lijsten.md: wie ziet welke rijen)', () => {
    const rmc = gebruiker('rmc');
    const lp = gebruiker('leerplicht');
    const school = gebruiker('school');
    const vraag = (g: Gebruiker, gevraagd: object) => beslis(g, 'persoon.lezen', { gevraagd, regioVanGemeente });

    it('rmc: eigen regio en haar gemeenten wel; een andere regio of een gemeente elders niet', () => {
      expect(vraag(rmc, { rmcCode: '19' }).toegestaan).toBe(true);
      expect(vraag(rmc, { gemeenteCode: 'GM0344' }).toegestaan).toBe(true);
      expect(vraag(rmc, { brin: '10AA' }).toegestaan).toBe(true);
      expect(vraag(rmc, { rmcCode: '21' })).toMatchObject({ status: 403, reden: expect.stringContaining('RMC-regio 21') });
      expect(vraag(rmc, { gemeenteCode: 'GM0363' })).toMatchObject({ status: 403, reden: expect.stringContaining('GM0363') });
      expect(vraag(rmc, { gemeenteCode: 'GM9999' })).toMatchObject({ status: 403 });
      // without a classification no municipality can be shown to lie in the region
      expect(beslis(rmc, 'persoon.lezen', { gevraagd: { gemeenteCode: 'GM0344' } })).toMatchObject({ status: 403 });
    });

    it('leerplicht: eigen gemeente wel; een andere gemeente of een regio niet', () => {
      expect(vraag(lp, { gemeenteCode: 'GM0344', brin: '20BB' }).toegestaan).toBe(true);
      expect(vraag(lp, { gemeenteCode: 'GM0307' })).toMatchObject({ status: 403 });
      expect(vraag(lp, { rmcCode: '19' })).toMatchObject({ status: 403 });
    });

    it('school: eigen BRIN wel; een andere BRIN niet, en nooit op woonplaats', () => {
      expect(vraag(school, { brin: '20BB' }).toegestaan).toBe(true);
      expect(vraag(school, {}).toegestaan).toBe(true);
      expect(vraag(school, { brin: '10AA' })).toMatchObject({ status: 403, reden: expect.stringContaining('10AA') });
      expect(vraag(school, { gemeenteCode: 'GM0344' })).toMatchObject({ status: 403, reden: expect.stringContaining('wonen') });
      expect(vraag(school, { rmcCode: '19' })).toMatchObject({ status: 403 });
    });
  });

  it('handelingen van de opdrachtregel: alleen een cli-gebruiker, nooit via API of web', () => {
    for (const h of ['persoon.verklaren', 'afwijzing.lezen', 'telling.personen.uitvoeren', 'beheer.opdrachtregel'] as const) {
      expect(beslis(gebruiker('analist', 'cli'), h).toegestaan).toBe(true);
      expect(beslis(null, h)).toMatchObject({ status: 401 });
      for (const r of ROLLEN) expect(beslis(gebruiker(r), h)).toMatchObject({ status: 403 });
      expect(beslis(gebruiker('rmc', 'machine'), h)).toMatchObject({ status: 403 });
    }
  });

  it('elke handeling staat in het beleid met een regel; magVoor volgt beslis', () => {
    expect(HANDELINGEN.length).toBe(Object.keys(BELEID).length);
    expect(magVoor(null)).toEqual(['api.beschrijving', 'cijfers.lezen', 'sessie.lezen', 'sessie.inloggen', 'sessie.uitloggen']);
    expect(magVoor(gebruiker('privacy'))).toContain('audit.lezen');
    expect(magVoor(gebruiker('privacy'))).not.toContain('persoon.lezen');
    expect(magVoor(gebruiker('school'))).toContain('persoon.lezen');
  });

  it('persoon.lezen met een doel van een andere taak: 403', () => {
    expect(beslis(gebruiker('rmc'), 'persoon.lezen', { doel: 'trajectbegeleiding' }).toegestaan).toBe(true);
    expect(beslis(gebruiker('rmc'), 'persoon.lezen', { doel: 'leerplichthandhaving' })).toMatchObject({ status: 403, reden: expect.stringContaining('trajectbegeleiding') });
    expect(beslis(gebruiker('school'), 'persoon.lezen', { doel: 'uitleg-telling' })).toMatchObject({ status: 403 });
  });

  it('doelen zijn aan een rol gebonden', () => {
    expect(doelenVoor('rmc', 'persoon.lezen')).toEqual(['trajectbegeleiding']);
    expect(doelenVoor('leerplicht', 'persoon.lezen')).toEqual(['leerplichthandhaving']);
    expect(doelenVoor('school', 'persoon.lezen')).toEqual(['controle-inschrijvingen']);
    expect(doelenVoor('privacy')).toEqual(['toezicht']);
    expect(doelenVoor('analist')).toEqual([]);
    expect(doelenVoor('school')).toEqual(['controle-inschrijvingen', 'maandlijst', 'verzuim-melden']);
    expect(doelenVoor('school', 'lijst.lezen')).toEqual(['controle-inschrijvingen', 'maandlijst']);
    expect(doelenVoor('leerplicht')).toEqual(['leerplichthandhaving', 'maandlijst', 'verzuimafhandeling']);
  });

  it('de verzuimdoelen openen alleen de verzuimhandelingen, niet het zoeken in een telling', () => {
    expect(beslis(gebruiker('school'), 'persoon.lezen', { doel: 'verzuim-melden' })).toMatchObject({ status: 403 });
    expect(beslis(gebruiker('leerplicht'), 'persoon.lezen', { doel: 'verzuimafhandeling' })).toMatchObject({ status: 403 });
    expect(beslis(gebruiker('school'), 'verzuim.melden', { doel: 'verzuim-melden' }).toegestaan).toBe(true);
    expect(beslis(gebruiker('leerplicht'), 'verzuim.behandelen', { doel: 'verzuimafhandeling' }).toegestaan).toBe(true);
    expect(beslis(gebruiker('school'), 'verzuim.behandelen')).toMatchObject({ status: 403 });
    expect(beslis(gebruiker('rmc'), 'verzuim.melden')).toMatchObject({ status: 403 });
    expect(beslis(gebruiker('school'), 'verzuim.lezen', { gevraagd: { brin: '10AA' } })).toMatchObject({ status: 403 });
  });
});
