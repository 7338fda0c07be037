import { describe, expect, it } from 'vitest';
import { intakestand, jarenUitGroep, openWerk, periodiekContactNodig, plusMaanden, werkpunt, type OpenDossier } from '../../../src/domain/dossier/werklijst.js';

const basis: OpenDossier = {
  dossierId: 'd1', geopendOp: '2018-04-01', behandelaarId: 'a', behandelaarNaam: 'Anna', volgendContact: null,
  intake: null, laatsteContact: null, uitOnderwijsSinds: '2018-03-01',
};

describe('werklijst', () => {
  it('intake te laat: vanaf dag 28 (4 weken) 4-6-weken, na dag 42 (6 weken) meer dan 6 weken; met een intake nooit', () => {
    expect(intakestand(basis, '2018-04-28')).toBe('op-tijd'); // 27 days
    expect(intakestand(basis, '2018-04-29')).toBe('4-6-weken'); // 28 days
    expect(intakestand(basis, '2018-05-13')).toBe('4-6-weken'); // 42 days
    expect(intakestand(basis, '2018-05-14')).toBe('meer-dan-6-weken'); // 43 days
    expect(intakestand({ ...basis, intake: '2018-04-20' }, '2018-09-01')).toBe('op-tijd');
  });

  it('jaren uit het onderwijs: onder een jaar geen oud-vsv\'er; 1-2, 2-3, 3-4, 4+ op de verjaardag van het vertrek', () => {
    expect(jarenUitGroep(basis, '2019-02-28')).toBeNull();
    expect(jarenUitGroep(basis, '2019-03-01')).toBe('1-2');
    expect(jarenUitGroep(basis, '2020-03-01')).toBe('2-3');
    expect(jarenUitGroep(basis, '2021-03-01')).toBe('3-4');
    expect(jarenUitGroep(basis, '2022-03-01')).toBe('4+');
    expect(jarenUitGroep({ ...basis, uitOnderwijsSinds: null }, '2022-03-01')).toBeNull();
  });

  it('periodiek contact: zonder contact binnen het interval (maanden), alleen voor oud-vsv\'ers', () => {
    const oud = { ...basis, laatsteContact: '2019-01-31' };
    expect(plusMaanden('2019-01-31', 1)).toBe('2019-02-28');
    expect(periodiekContactNodig(oud, '2019-07-30', 6)).toBe(false);
    expect(periodiekContactNodig(oud, '2019-07-31', 6)).toBe(true);
    expect(periodiekContactNodig({ ...basis, laatsteContact: null }, '2019-03-01', 6)).toBe(true);
    expect(periodiekContactNodig({ ...basis, laatsteContact: null }, '2019-02-28', 6)).toBe(false);
  });

  it('nieuwe naam zonder behandelaar; contact te doen op de dag zelf', () => {
    expect(werkpunt({ ...basis, behandelaarId: null }, '2018-04-02', 6).nieuw).toBe(true);
    expect(werkpunt({ ...basis, volgendContact: '2018-05-01' }, '2018-05-01', 6).contactTeDoen).toBe(true);
    expect(werkpunt({ ...basis, volgendContact: '2018-05-02' }, '2018-05-01', 6).contactTeDoen).toBe(false);
  });

  it('open werk per behandelaar en in totaal', () => {
    const w = openWerk([basis, { ...basis, dossierId: 'd2', behandelaarId: null, behandelaarNaam: null }], '2018-05-13', 6);
    expect(w.perBehandelaar.map((x) => [x.behandelaar, x.open, x.nieuw, x.intakesTeLaat])).toEqual([['Anna', 1, 0, 1], ['niet toegewezen', 1, 1, 1]]);
    expect(w.totaal).toMatchObject({ behandelaar: 'totaal', open: 2, nieuw: 1, intakesTeLaat: 2, contactenTeDoen: 0, periodiekContact: 0 });
  });
});
