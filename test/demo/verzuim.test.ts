import { expect, it } from 'vitest';
import { demomelding, maakDemoverzuim } from '../../src/demo/verzuim.js';
import { Prng } from '../../src/generator/prng.js';
import { describeDatabases } from '../support/database.js';
import { apiomgeving } from '../api/omgeving.js';

/**
 * The demo world's absence (issue 10 item 6; src/demo/verzuim.ts): reports that the real filing
 * path accepts, dated within the pupil's enrolment and the school year, and the demo accounts'
 * share handled.
 */
it('een demomelding ligt binnen de inschrijving en het schooljaar, met de data in volgorde', () => {
  const rng = Prng.voor(7, 1);
  let gemaakt = 0;
  for (let i = 0; i < 2000; i += 1) {
    const begin = `2023-0${1 + (i % 9)}-15`;
    const eind = i % 3 === 0 ? null : `2024-0${1 + (i % 6)}-20`;
    const m = demomelding({ persoon_id: `P${i}`, brin: '20BB', vestiging: '00', vsv: i % 2 === 0, geboortedatum: `200${i % 10}-05-05`, begindatum: begin, einddatum: eind }, 2023, rng);
    if (!m) continue;
    gemaakt += 1;
    expect(m.startdatum <= m.einddatum && m.einddatum < m.meldingsdatum, JSON.stringify(m)).toBe(true);
    expect(m.startdatum >= begin && m.startdatum >= '2023-10-01', JSON.stringify(m)).toBe(true);
    expect(m.meldingsdatum <= '2024-06-30' && (eind === null || m.meldingsdatum <= eind), JSON.stringify(m)).toBe(true);
    if (m.soort === 'lrv') expect(Number(m.verzuim_dagen)).toBeGreaterThan(20);
    if (m.soort === '16u4w') expect(Number(m.verzuim_uren)).toBeGreaterThanOrEqual(16);
  }
  expect(gemaakt).toBeGreaterThan(500);
});

describeDatabases('demoverzuim op de testlevering', (driver) => {
  const api = apiomgeving(driver);

  it('elke melding komt door de echte controles; de demo-leerplicht (Utrecht) en -RMC hebben een deel behandeld', async () => {
    const [run] = await api.db.query<{ id: number; schooljaar: string }>('SELECT id, schooljaar FROM telling_run ORDER BY schooljaar DESC, id DESC LIMIT 1');
    const begin = Number(run!.schooljaar.slice(0, 4));
    const v = await maakDemoverzuim(api.db, run!.id, begin, 1, '2026-12-07', { vsv: 1, anderen: 1 });
    // The only refusal the real checks may make: a pupil who moved abroad before the report date
    // (no residence to route to), and it is reported, not dropped.
    for (const w of v.geweigerd) expect(w).toMatch(/persoon_id: geen woongemeente bekend op de meldingsdatum/);
    expect(v.geweigerd.length).toBeLessThan(v.gemeld / 20);
    expect(v.gemeld).toBeGreaterThan(10);
    const [n] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM verzuimmelding');
    expect(n!.n).toBe(v.gemeld);
    const behandeld = await api.db.query<{ status: string; contactpersoon: string | null; acties: number }>(`
      SELECT m.status, m.contactpersoon, (SELECT count(*)::int FROM verzuimactie a WHERE a.melding_id = m.id) AS acties
      FROM verzuimmelding m WHERE (m.behandelaar = 'leerplicht' AND m.gemeente_code = 'GM0344') OR (m.behandelaar = 'rmc' AND m.rmc_code = '19')`);
    expect(behandeld.length).toBeGreaterThan(0);
    expect(behandeld.filter((b) => b.acties > 0).length).toBe(v.behandeld);
    for (const b of behandeld.filter((x) => x.acties > 0)) expect(b.contactpersoon).toMatch(/^Demo /);
    // the same seed gives the same reports
    const [eerste] = await api.db.query<{ s: string }>("SELECT string_agg(persoon_id || meldingsdatum::text || soort, ',' ORDER BY id) AS s FROM verzuimmelding");
    await api.db.query('DELETE FROM verzuimactie'); await api.db.query('DELETE FROM verzuimstatus'); await api.db.query('DELETE FROM verzuimmelding');
    await maakDemoverzuim(api.db, run!.id, begin, 1, '2026-12-07', { vsv: 1, anderen: 1 });
    const [tweede] = await api.db.query<{ s: string }>("SELECT string_agg(persoon_id || meldingsdatum::text || soort, ',' ORDER BY id) AS s FROM verzuimmelding");
    expect(tweede!.s).toBe(eerste!.s);
  }, 120_000);
});
