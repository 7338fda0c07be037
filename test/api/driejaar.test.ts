import { expect, it } from 'vitest';
import { leesAlleRuns } from '../../src/db/tellingen.js';
import { bewaarDriejaarpublicaties, hier, inWerker, vensters } from '../../src/publicatie/driejaar.js';
import { publicatieVan } from '../../src/publicatie/laden.js';
import { NIET_UITGESPLITST, SECUNDAIR_AFGESCHERMD } from '../../src/domain/openbaarmaking.js';
import { describeDatabases } from '../support/database.js';
import { JAREN } from './fixture.js';
import { apiomgeving, leesCsv } from './omgeving.js';

/**
 * The three-year figures of a municipality in the API (issue 11 item 3; docs/openbaarmaking.md,
 * "Driejaarscijfer"): published only once their pattern is kept, and then as every figure is.
 * The attacker test (aanvaller.test.ts) checks that nothing can be worked back from them.
 */
const wacht = () => new Promise((r) => setTimeout(r, 1100)); // the server reads the data version at most once a second

describeDatabases('API: driejaarscijfers van gemeenten', (driver) => {
  const api = apiomgeving(driver);

  it('zonder bewaard afschermingspatroon geen driejaarscijfer (niets wordt gepubliceerd voordat het is nagegaan)', async () => {
    const g = await api.json('/api/v1/gemeenten/GM0363');
    expect(g.driejaarcijfers).toEqual([]);
  });

  it('na de telling: één venster over de drie definitieve tellingen, de sommen zoals elk cijfer gepubliceerd', async () => {
    await bewaarDriejaarpublicaties(api.db);
    await wacht();
    const runs = (await api.json('/api/v1/schooljaren')).schooljaren
      .map((j: { tellingen: { runId: number; status: string }[] }) => j.tellingen.filter((t) => t.status === 'definitief').at(-1)!.runId);
    let getoond = 0;
    for (const code of ['GM0363', 'GM0344', 'GM0307']) {
      const g = await api.json(`/api/v1/gemeenten/${code}`);
      expect(g.driejaarcijfers).toHaveLength(1);
      const [d] = g.driejaarcijfers;
      expect(d.schooljaren).toEqual([...JAREN]);
      expect(d.runIds).toEqual(runs);
      const jaren = await Promise.all(JAREN.map((j) => api.json(`/api/v1/gemeenten/${code}?schooljaar=${j}&status=definitief`)));
      if (typeof d.cijfer.vsv === 'number') {
        getoond += 1;
        // a shown sum is the sum of the years (where they are shown too, one can check it)
        const vsv = jaren.map((j) => j.totaal.vsv);
        if (vsv.every((v) => typeof v === 'number')) expect(d.cijfer.vsv).toBe(vsv.reduce((a: number, b: number) => a + b, 0));
        expect(d.cijfer.vsv === 0 || d.cijfer.vsv >= 5, `${code}: ${d.cijfer.vsv}`).toBe(true);
      } else if (d.cijfer.vsv === null) {
        expect([SECUNDAIR_AFGESCHERMD, NIET_UITGESPLITST]).toContain(d.cijfer.afschermingsreden);
        expect(d.cijfer.percentage).toBeNull();
      } else expect(d.cijfer.vsv).toBe('<5');
      const csv = leesCsv((await api.get(`/api/v1/gemeenten/${code}?formaat=csv&tabel=driejaarcijfers`)).body);
      expect(csv).toHaveLength(1);
      expect(csv[0]).toMatchObject({ eersteSchooljaar: JAREN[0], laatsteSchooljaar: JAREN[2], runIds: runs.join(' '), gemeenteCode: code });
      expect(csv[0]!.vsv).toBe(d.cijfer.vsv === null ? d.cijfer.afschermingsreden : String(d.cijfer.vsv));
    }
    expect(getoond).toBeGreaterThan(0);
  });

  it('in een aparte thread (zoals de server het na de start doet) hetzelfde patroon als hier', async () => {
    const [venster] = vensters(await leesAlleRuns(api.db));
    const pubs = await Promise.all(venster!.map((r) => publicatieVan(api.db, r.id, { bewaar: false })));
    const jaren = pubs.map((p) => ({ tabel: p.tabel, stand: { startpopulatie: p.patroon.startpopulatie, vsv: p.patroon.vsv } }));
    const [daar, thuis] = await Promise.all([inWerker(jaren), hier(jaren)]);
    expect(daar.cijfers).toEqual(thuis.cijfers);
    expect(daar.cijfers.length).toBeGreaterThan(0);
  });

  it('een patroon voor andere tabellen (een nieuwere telling, een ander algoritme) wordt niet gebruikt', async () => {
    await api.db.query("UPDATE driejaar_patroon SET vingerafdruk = 'verouderd', berekend_op = now()");
    await wacht();
    expect((await api.json('/api/v1/gemeenten/GM0363')).driejaarcijfers).toEqual([]);
    await bewaarDriejaarpublicaties(api.db);
    await wacht();
    expect((await api.json('/api/v1/gemeenten/GM0363')).driejaarcijfers).toHaveLength(1);
  });
});
