import { describe, expect, it } from 'vitest';
import { tijdigheid } from '../../../src/domain/verzuim/tijdigheid.js';
import { schoolkalender } from '../../../src/verzuim/schoolkalender.js';

const k = schoolkalender();
const m16 = (einddatum: string, meldingsdatum: string) => ({ soort: '16u4w' as const, startdatum: '2017-09-18', einddatum, meldingsdatum });

describe('tijdigheid: melden binnen 5 schooldagen na het overschrijden van de drempel', () => {
  it('drempel op maandag: melden op de 5e schooldag erna (maandag, over het weekend heen) is tijdig, op de 6e te laat', () => {
    expect(tijdigheid(m16('2017-10-02', '2017-10-06'), 'noord', k)).toMatchObject({ status: 'tijdig', drempeldatum: '2017-10-02', uiterlijk: '2017-10-09' });
    // 2017-10-02 is the threshold day itself; five school days after it: 3, 4, 5, 6, 9 October.
    expect(tijdigheid(m16('2017-10-02', '2017-10-09'), 'noord', k).status).toBe('tijdig');
    expect(tijdigheid(m16('2017-10-02', '2017-10-10'), 'noord', k).status).toBe('te-laat');
  });
  it('het weekend telt niet: drempel op donderdag, uiterlijk de donderdag erna', () => {
    expect(tijdigheid(m16('2017-10-05', '2017-10-12'), 'midden', k)).toMatchObject({ status: 'tijdig', uiterlijk: '2017-10-12' });
    expect(tijdigheid(m16('2017-10-05', '2017-10-13'), 'midden', k).status).toBe('te-laat');
  });
  it('een vakantieweek ertussen schuift de termijn een week op, alleen in de regio met vakantie (herfst 2016)', () => {
    const m = { soort: '16u4w' as const, startdatum: '2016-09-26', einddatum: '2016-10-12' };
    // noord: 13, 14, (15–23 vrij), 24, 25, 26 oktober
    expect(tijdigheid({ ...m, meldingsdatum: '2016-10-26' }, 'noord', k)).toMatchObject({ status: 'tijdig', uiterlijk: '2016-10-26' });
    expect(tijdigheid({ ...m, meldingsdatum: '2016-10-27' }, 'noord', k).status).toBe('te-laat');
    // zuid heeft 22–30 oktober vrij: 13, 14, 17, 18, 19 oktober
    expect(tijdigheid({ ...m, meldingsdatum: '2016-10-19' }, 'zuid', k).status).toBe('tijdig');
    expect(tijdigheid({ ...m, meldingsdatum: '2016-10-20' }, 'zuid', k).status).toBe('te-laat');
  });
  it('een feestdag telt niet als schooldag (Hemelvaart 2018, buiten de meivakantie)', () => {
    // drempel ma 7 mei: 8, 9, (10 Hemelvaart), 11, 14, 15
    expect(tijdigheid(m16('2018-05-07', '2018-05-15'), 'noord', k)).toMatchObject({ status: 'tijdig', uiterlijk: '2018-05-15' });
    expect(tijdigheid(m16('2018-05-07', '2018-05-16'), 'noord', k).status).toBe('te-laat');
  });
  it('lrv: de drempel is de 29e dag van het verzuim', () => {
    const t = tijdigheid({ soort: 'lrv', startdatum: '2017-09-04', einddatum: '2017-10-20', meldingsdatum: '2017-10-09' }, 'zuid', k);
    expect(t).toMatchObject({ status: 'tijdig', drempeldatum: '2017-10-02', uiterlijk: '2017-10-09' });
  });
  it('andere soorten hebben geen termijn; buiten de kalender is het onbekend', () => {
    expect(tijdigheid({ soort: 'luxe', startdatum: '2017-10-02', einddatum: null, meldingsdatum: '2018-01-01' }, 'noord', k).status).toBe('niet-van-toepassing');
    expect(tijdigheid(m16('2025-10-06', '2025-10-20'), 'noord', k)).toMatchObject({ status: 'onbekend', reden: expect.stringMatching(/schooldagen niet te tellen/) });
    expect(tijdigheid(m16('2017-10-02', '2017-10-09'), null, k).status).toBe('onbekend');
  });
});
