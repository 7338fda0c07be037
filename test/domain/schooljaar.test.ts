import { describe, expect, it } from 'vitest';
import { parseSchooljaar, schooljaarVanaf } from '../../src/domain/schooljaar.js';

describe('teldata: T0 = 1 oktober T, T1 = 1 oktober T+1, einde verlate-startkwalificatievenster = 31 december T+1', () => {
  it('2019-2020 heeft T0 2019-10-01, T1 2020-10-01 en venster tot en met 2020-12-31', () => {
    expect(parseSchooljaar('2019-2020')).toEqual({
      naam: '2019-2020', jaar: 2019, t0: '2019-10-01', t1: '2020-10-01', eindeVerlateStartkwalificatie: '2020-12-31',
    });
  });
  it('2023-2024 heeft T0 2023-10-01, T1 2024-10-01 en venster tot en met 2024-12-31', () => {
    expect(schooljaarVanaf(2023)).toEqual({
      naam: '2023-2024', jaar: 2023, t0: '2023-10-01', t1: '2024-10-01', eindeVerlateStartkwalificatie: '2024-12-31',
    });
  });
  it('1999-2000 (eeuwwisseling) schrijft vier cijfers', () => {
    const sj = schooljaarVanaf(1999);
    expect(sj.naam).toBe('1999-2000');
    expect(sj.t1).toBe('2000-10-01');
  });
});

describe('parseSchooljaar: alleen T-T+1 met vier cijfers en een streepje', () => {
  it.each(['2019-2020', '2012-2013', '1900-1901', '2099-2100'])('aanvaardt %s', (s) => {
    expect(parseSchooljaar(s)?.naam).toBe(s);
  });
  it.each([
    ['2019-2021', 'tweede jaar is niet T+1'],
    ['2019-2019', 'twee keer hetzelfde jaar'],
    ['2020-2019', 'omgekeerd'],
    ['2019/2020', 'schuine streep'],
    ['19-20', 'twee cijfers'],
    ['2019-20', 'tweede jaar verkort'],
    ['2019', 'één jaar'],
    ['', 'leeg'],
    [' 2019-2020', 'spatie ervoor'],
    ['2019-2020 ', 'spatie erna'],
    ['2019 - 2020', 'spaties rond het streepje'],
    ['1899-1900', 'vóór 1900'],
  ])('weigert %j (%s)', (s) => {
    expect(parseSchooljaar(s)).toBeNull();
  });
});
