import { describe, expect, it } from 'vitest';
import { bepaalStartpopulatie, inschrijvingPerInstelling } from '../../src/domain/telling/startpopulatie.js';
import type { Inschrijving } from '../../src/domain/telling/dossier.js';
import { beoordeling, dossier, inschrijving, JAREN, mbo, SJ_2019, vavo, vo } from './bouwers.js';

/**
 * telling.md, section A: the primary enrolment is the one with the highest sector priority
 * (vo before mbo before vavo), then the highest mbo level, then the earliest begindatum,
 * then the smallest inschrijving_id. Per institution: the first of that BRIN's enrolments.
 */
function primair(...inschrijvingen: Inschrijving[]): string {
  const s = bepaalStartpopulatie(dossier('P1', '2002-03-14').met(...inschrijvingen).bouw(), SJ_2019);
  if (!s.inStartpopulatie) throw new Error('niet in de startpopulatie');
  return s.telbaar[0]!.inschrijving.inschrijvingId;
}

const opT0 = (velden: Partial<Inschrijving>) => inschrijving({ begindatum: '2019-08-15', einddatum: '2020-06-30', ...velden });

describe('primaire inschrijving: sector vo vóór mbo vóór vavo', () => {
  it('vo wint van mbo, ook als de mbo-inschrijving eerder begon en een kleiner id heeft', () => {
    expect(primair(
      opT0({ ...mbo(4), inschrijvingId: 'A1', begindatum: '2018-08-01' }),
      opT0({ ...vo('havo', 4), inschrijvingId: 'Z9', begindatum: '2019-09-01' }),
    )).toBe('Z9');
  });
  it('mbo wint van vavo', () => {
    expect(primair(
      opT0({ ...vavo(), inschrijvingId: 'A1', begindatum: '2018-08-01' }),
      opT0({ ...mbo(1), inschrijvingId: 'Z9', begindatum: '2019-09-01' }),
    )).toBe('Z9');
  });
  it('vo wint van vavo', () => {
    expect(primair(opT0({ ...vavo(), inschrijvingId: 'A1' }), opT0({ ...vo('vo-brugjaar', 1), inschrijvingId: 'Z9' }))).toBe('Z9');
  });
  it('de volgorde in het dossier doet er niet toe', () => {
    const a = opT0({ ...vavo(), inschrijvingId: 'V' });
    const b = opT0({ ...mbo(2), inschrijvingId: 'M' });
    const c = opT0({ ...vo('vwo', 5), inschrijvingId: 'O' });
    expect(primair(a, b, c)).toBe('O');
    expect(primair(c, b, a)).toBe('O');
    expect(primair(b, a, c)).toBe('O');
  });
});

describe('primaire inschrijving: binnen mbo het hoogste niveau', () => {
  it('mbo-4 wint van mbo-2, ook als mbo-2 eerder begon', () => {
    expect(primair(
      opT0({ ...mbo(2), inschrijvingId: 'A1', begindatum: '2017-08-01' }),
      opT0({ ...mbo(4), inschrijvingId: 'B1', begindatum: '2019-09-30' }),
    )).toBe('B1');
  });
  it('mbo-2 wint van mbo-1', () => {
    expect(primair(opT0({ ...mbo(1), inschrijvingId: 'A1' }), opT0({ ...mbo(2), inschrijvingId: 'B1' }))).toBe('B1');
  });
  it('mbo-3 en mbo-4 (zelfde categorie): niveau 4 wint', () => {
    expect(primair(opT0({ ...mbo(3), inschrijvingId: 'A1' }), opT0({ ...mbo(4), inschrijvingId: 'B1' }))).toBe('B1');
  });
});

describe('primaire inschrijving: dan de vroegste begindatum', () => {
  it('twee vo-inschrijvingen: de vroegste begindatum wint, ook met een groter id', () => {
    expect(primair(
      opT0({ ...vo('havo', 4), inschrijvingId: 'A1', begindatum: '2019-08-02' }),
      opT0({ ...vo('vwo', 4), inschrijvingId: 'B1', begindatum: '2019-08-01' }),
    )).toBe('B1');
  });
  it('twee mbo-2-inschrijvingen: een dag verschil beslist', () => {
    expect(primair(
      opT0({ ...mbo(2), inschrijvingId: 'A1', begindatum: '2019-09-01' }),
      opT0({ ...mbo(2), inschrijvingId: 'B1', begindatum: '2019-08-31' }),
    )).toBe('B1');
  });
});

describe('primaire inschrijving: dan het kleinste inschrijving_id, op tekencode', () => {
  it("'A10' < 'A9' (tekst, geen getal)", () => {
    expect(primair(opT0({ ...mbo(2), inschrijvingId: 'A9' }), opT0({ ...mbo(2), inschrijvingId: 'A10' }))).toBe('A10');
  });
  it("hoofdletters vóór kleine letters: 'Z' < 'a'", () => {
    expect(primair(opT0({ ...mbo(2), inschrijvingId: 'a' }), opT0({ ...mbo(2), inschrijvingId: 'Z' }))).toBe('Z');
  });
  it("'-' < '0' < '_' (ASCII-volgorde)", () => {
    expect(primair(opT0({ ...mbo(2), inschrijvingId: '_1' }), opT0({ ...mbo(2), inschrijvingId: '01' }), opT0({ ...mbo(2), inschrijvingId: '-1' }))).toBe('-1');
    expect(primair(opT0({ ...mbo(2), inschrijvingId: '_1' }), opT0({ ...mbo(2), inschrijvingId: '01' }))).toBe('01');
  });
  it('een id dat het begin van een ander is, is kleiner', () => {
    expect(primair(opT0({ ...mbo(2), inschrijvingId: 'AB' }), opT0({ ...mbo(2), inschrijvingId: 'A' }))).toBe('A');
  });
});

describe('primaire inschrijving: "highest mbo level" geldt alleen tussen mbo-inschrijvingen', () => {
  // telling.md orders by sector, then "the highest mbo level", then the earliest begindatum.
  // A level filled in on a vo or vavo enrolment (the format does not forbid it) is no mbo
  // level and must not decide between two vo enrolments.
  it('twee vo-inschrijvingen, één met (onterecht) een niveau: de vroegste begindatum wint', () => {
    expect(primair(
      opT0({ ...vo('havo', 4), niveau: 4, inschrijvingId: 'A1', begindatum: '2019-09-01' }),
      opT0({ ...vo('vwo', 4), inschrijvingId: 'B1', begindatum: '2019-08-01' }),
    )).toBe('B1');
  });
});

describe.each(JAREN)('primaire inschrijving $naam: alleen inschrijvingen op T0 doen mee', (jaar) => {
  it('een vo-inschrijving die de dag vóór T0 eindigde, verslaat de mbo-inschrijving op T0 niet', () => {
    const d = dossier('P1', `${jaar.jaar - 17}-01-01`).met(
      inschrijving({ ...vo('vwo', 5), inschrijvingId: 'VO', begindatum: `${jaar.jaar - 1}-08-01`, einddatum: `${jaar.jaar}-09-30` }),
      inschrijving({ ...mbo(2), inschrijvingId: 'MBO', begindatum: `${jaar.jaar}-09-01`, einddatum: null }),
    ).bouw();
    expect(beoordeling(d, jaar).primair.inschrijvingId).toBe('MBO');
  });
});

describe('inschrijving per instelling (BRIN)', () => {
  it('één inschrijving per BRIN, de eerste in dezelfde volgorde', () => {
    const d = dossier('P1', '2002-03-14').met(
      opT0({ ...mbo(2), brin: '20BB', inschrijvingId: 'M2' }),
      opT0({ ...mbo(4), brin: '20BB', inschrijvingId: 'M4' }),
      opT0({ ...vo('vmbo-tl', 4), brin: '10AA', inschrijvingId: 'VO' }),
      opT0({ ...vavo(), brin: '21BC', inschrijvingId: 'VA' }),
    ).bouw();
    const s = bepaalStartpopulatie(d, SJ_2019);
    if (!s.inStartpopulatie) throw new Error('niet in de startpopulatie');
    expect(inschrijvingPerInstelling(s.telbaar).map((t) => [t.inschrijving.brin, t.inschrijving.inschrijvingId])).toEqual([
      ['10AA', 'VO'], ['20BB', 'M4'], ['21BC', 'VA'],
    ]);
  });
  it('twee vestigingen van één BRIN tellen als één instelling', () => {
    const d = dossier('P1', '2002-03-14').met(
      opT0({ ...mbo(2), brin: '20BB', vestiging: '01', inschrijvingId: 'B' }),
      opT0({ ...mbo(2), brin: '20BB', vestiging: '00', inschrijvingId: 'A' }),
    ).bouw();
    const b = beoordeling(d, SJ_2019);
    expect(b.perInstelling.map((t) => `${t.brin}-${t.vestiging}`)).toEqual(['20BB-00']);
  });
  it('nationaal telt de persoon één keer (primair), per instelling bij elke BRIN', () => {
    const d = dossier('P1', '2002-03-14').met(
      opT0({ ...mbo(2), brin: '20BB', inschrijvingId: 'M' }),
      opT0({ ...vo('havo', 4), brin: '11AB', inschrijvingId: 'H' }),
    ).bouw();
    const b = beoordeling(d, SJ_2019);
    expect(b.primair.inschrijvingId).toBe('H');
    expect(b.perInstelling.map((t) => t.inschrijvingId)).toEqual(['H', 'M']);
    expect(b.perInstelling.map((t) => t.categorie)).toEqual(['vo-bovenbouw-havo-vwo', 'mbo-2']);
  });
});
