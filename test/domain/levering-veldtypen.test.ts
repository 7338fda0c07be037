import { describe, expect, it } from 'vitest';
import * as t from '../../src/domain/levering/veldtypen.js';
import type { Veldtype } from '../../src/domain/levering/veldtypen.js';

/**
 * levering.md field types. Each type: a valid value is stored as given (or null for empty in an
 * optional field); an invalid value is refused with a reason that quotes the value and says
 * what was expected.
 */
interface Geval { naam: string; type: Veldtype; geldig: string[]; ongeldig: string[]; leeg: 'fout' | null | string }

const GEVALLEN: Geval[] = [
  { naam: 'identificatie', type: t.identificatie, geldig: ['P01', 'a', 'A-b_9', 'x'.repeat(32)], ongeldig: ['x'.repeat(33), 'P 01', 'P.01', 'é', 'P01,'], leeg: 'fout' },
  { naam: 'gemeenteCode', type: t.gemeenteCode, geldig: ['GM0363', 'GM0000'], ongeldig: ['GM363', 'gm0363', 'GM03630', '0363'], leeg: 'fout' },
  { naam: 'brin', type: t.brin, geldig: ['25LX', '00AA'], ongeldig: ['25lx', '2LX', '25LXX', 'LX25'], leeg: 'fout' },
  { naam: 'brinOfLeeg', type: t.brinOfLeeg, geldig: ['20BB'], ongeldig: ['20bb', '20B'], leeg: null },
  { naam: 'vestiging', type: t.vestiging, geldig: ['00', '01', '99'], ongeldig: ['0', '001', 'A0'], leeg: 'fout' },
  { naam: 'postcodeOfLeeg', type: t.postcodeOfLeeg, geldig: ['3511', '1000'], ongeldig: ['351', '3511AB', '35111'], leeg: null },
  { naam: 'leerjaarOfLeeg', type: t.leerjaarOfLeeg, geldig: ['1', '6'], ongeldig: ['0', '7', '01', '1.0'], leeg: null },
  { naam: 'niveauOfLeeg', type: t.niveauOfLeeg, geldig: ['1', '4'], ongeldig: ['0', '5', 'entree'], leeg: null },
  { naam: 'creboOfLeeg', type: t.creboOfLeeg, geldig: ['25180', '00001'], ongeldig: ['2518', '251800', 'ABCDE'], leeg: null },
  { naam: 'rmcCode', type: t.rmcCode, geldig: ['21', '01'], ongeldig: ['1', '210', 'AB'], leeg: 'fout' },
  { naam: 'datum', type: t.datum, geldig: ['2019-10-01', '2020-02-29'], ongeldig: ['2019-02-29', '01-10-2019', '2019-10-1', '2019-13-01'], leeg: 'fout' },
  { naam: 'datumOfLeeg', type: t.datumOfLeeg, geldig: ['2019-10-01'], ongeldig: ['2019-09-31', 'gisteren'], leeg: null },
  { naam: 'keuze verplicht', type: t.keuze(['overlijden', 'emigratie', 'immigratie'], true), geldig: ['emigratie'], ongeldig: ['Emigratie', 'verhuizing'], leeg: 'fout' },
  { naam: 'keuze optioneel', type: t.keuze(['M', 'V', 'X'], false), geldig: ['M', 'V', 'X'], ongeldig: ['m', 'O'], leeg: null },
  { naam: 'keuze met betekenis van leeg', type: t.keuze(['ja', 'nee'], false, 'nee'), geldig: ['ja', 'nee'], ongeldig: ['Ja', 'j'], leeg: 'nee' },
  { naam: 'urenPerWeek', type: t.urenPerWeek, geldig: ['12', '12.5', '0', '7.25', '40.000'], ongeldig: ['-1', '1e3', '.5', '12.', 'twaalf', '1234567890123'], leeg: 'fout' },
  { naam: 'schooljaar', type: t.schooljaar, geldig: ['2019-2020'], ongeldig: ['2019-2021', '2019/2020', '19-20'], leeg: 'fout' },
  { naam: 'schooljaarOfLeeg', type: t.schooljaarOfLeeg, geldig: ['2015-2016'], ongeldig: ['2015'], leeg: null },
];

describe.each(GEVALLEN)('veldtype $naam', ({ type, geldig, ongeldig, leeg }) => {
  it.each(geldig)('aanvaardt %j en bewaart de waarde ongewijzigd', (ruw) => {
    expect(type.controleer(ruw)).toEqual({ ok: true, waarde: ruw });
  });
  it.each(ongeldig)('weigert %j; de reden citeert de waarde en noemt wat verwacht werd', (ruw) => {
    const c = type.controleer(ruw);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.reden).toContain(t.citeer(ruw));
    expect(c.reden.includes(type.omschrijving) || c.reden.includes('gebruik een punt')).toBe(true);
  });
  it(`leeg: ${leeg === 'fout' ? 'geweigerd (verplicht)' : `bewaard als ${JSON.stringify(leeg)}`}`, () => {
    const c = type.controleer('');
    if (leeg === 'fout') {
      expect(c).toEqual({ ok: false, reden: `verplicht veld is leeg (verwacht ${type.omschrijving})` });
    } else {
      expect(c).toEqual({ ok: true, waarde: leeg });
    }
  });
});

describe('veldtype tekst', () => {
  it('verplicht: aanvaardt tekst, weigert leeg en alleen spaties', () => {
    expect(t.tekst(true).controleer('ROC Midden')).toEqual({ ok: true, waarde: 'ROC Midden' });
    expect(t.tekst(true).controleer('')).toEqual({ ok: false, reden: 'verplicht veld is leeg (verwacht niet-lege tekst)' });
    expect(t.tekst(true).controleer('   ').ok).toBe(false);
  });
  it('optioneel: leeg wordt null, tekst blijft zoals geleverd', () => {
    expect(t.tekst(false).controleer('')).toEqual({ ok: true, waarde: null });
    expect(t.tekst(false).controleer(' van der ')).toEqual({ ok: true, waarde: ' van der ' });
  });
});

describe('veldtype urenPerWeek: een komma wordt geweigerd met een voorstel', () => {
  it("'12,5' → gebruik een punt, bijv. 12.5", () => {
    expect(t.urenPerWeek.controleer('12,5')).toEqual({ ok: false, reden: "'12,5': gebruik een punt als decimaalteken, bijv. 12.5" });
  });
  it('12 tekens is de grens: 12345678.901 mag, 1234567890.12 niet', () => {
    expect(t.urenPerWeek.controleer('12345678.901').ok).toBe(true);
    expect(t.urenPerWeek.controleer('1234567890.12').ok).toBe(false);
  });
});

describe('citeer', () => {
  it('zet de waarde tussen enkele aanhalingstekens', () => {
    expect(t.citeer('abc')).toBe("'abc'");
  });
  it('kort een lange waarde in tot 40 tekens en een beletselteken', () => {
    expect(t.citeer('x'.repeat(41))).toBe(`'${'x'.repeat(40)}…'`);
    expect(t.citeer('x'.repeat(40))).toBe(`'${'x'.repeat(40)}'`);
  });
  it('een ongeldige datum noemt "geen bestaande datum" en het verwachte formaat', () => {
    expect(t.datum.controleer('2019-02-29')).toEqual({ ok: false, reden: "'2019-02-29' is geen bestaande datum (verwacht een datum JJJJ-MM-DD)" });
  });
});
