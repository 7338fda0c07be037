import { describe, expect, it } from 'vitest';
import {
  MAX_MISLUKT, STARTPAGINA, controleerGebruikersnaam, controleerWachtwoord, isVergrendeld, leesRolEnScope,
} from '../../src/domain/toegang/inloggen.js';
import { ROLLEN } from '../../src/domain/toegang/rollen.js';

/** The pure rules of logging in (src/domain/toegang/inloggen.ts), at their boundaries. */
describe('regels van het inloggen', () => {
  it('wachtwoord: 12 tot en met 256 tekens, verder geen samenstellingseisen', () => {
    expect(controleerWachtwoord('a'.repeat(11))).toBe('het wachtwoord is te kort: minstens 12 tekens');
    expect(controleerWachtwoord('a'.repeat(12))).toBeNull();
    expect(controleerWachtwoord('a'.repeat(256))).toBeNull();
    expect(controleerWachtwoord('a'.repeat(257))).toBe('het wachtwoord is te lang: hoogstens 256 tekens');
  });

  it('gebruikersnaam: 2 tot 64 tekens, kleine letters, cijfers en . _ @ -', () => {
    for (const goed of ['ab', 'demo-rmc', 'j.jansen@gemeente.example.org', 'a'.repeat(64)]) expect(controleerGebruikersnaam(goed), goed).toBeNull();
    for (const fout of ['a', 'Jansen', '-a', 'met spatie', 'a'.repeat(65), '']) expect(controleerGebruikersnaam(fout), fout).not.toBeNull();
  });

  it(`lock-out vanaf ${MAX_MISLUKT} mislukte pogingen`, () => {
    expect(isVergrendeld(MAX_MISLUKT - 1)).toBe(false);
    expect(isVergrendeld(MAX_MISLUKT)).toBe(true);
  });

  it('rol en scopecode: de scopesoort volgt uit de rol; code verplicht bij rmc, leerplicht, school en verboden bij de landelijke rollen', () => {
    expect(leesRolEnScope('rmc', '19')).toEqual({ rol: 'rmc', scope: { soort: 'rmc-regio', code: '19' } });
    expect(leesRolEnScope('leerplicht', ' GM0344 ')).toEqual({ rol: 'leerplicht', scope: { soort: 'gemeente', code: 'GM0344' } });
    expect(leesRolEnScope('analist', '')).toEqual({ rol: 'analist', scope: { soort: 'landelijk' } });
    expect(leesRolEnScope('school', null)).toEqual({ fout: "rol 'school' vraagt een scopecode (brin)" });
    expect(leesRolEnScope('beheer', '19')).toEqual({ fout: "rol 'beheer' heeft geen scopecode (landelijk); laat de scope leeg" });
    expect(leesRolEnScope('school', '19')).toEqual({ fout: "scopecode '19' is geen geldige brin-code" });
    expect(leesRolEnScope('directeur', null)).toEqual({ fout: 'rol \'directeur\' is onbekend: kies uit rmc, leerplicht, school, analist, beheer, privacy' });
  });

  it('elke rol heeft een startpagina; rmc en leerplicht beginnen bij hun werklijst, de school bij personen', () => {
    expect(Object.keys(STARTPAGINA).sort()).toEqual([...ROLLEN].sort());
    expect(ROLLEN.filter((r) => STARTPAGINA[r] === '/werklijst').sort()).toEqual(['leerplicht', 'rmc']);
    expect(STARTPAGINA.school).toBe('/personen');
    expect(STARTPAGINA.analist).toBe('/');
  });
});
