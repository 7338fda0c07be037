import { expect, it } from 'vitest';
import { maakDemodossiers } from '../../src/demo/dossiers.js';
import { maakDemoaccounts } from '../../src/demo/demoaccounts.js';
import { leesAccounts } from '../../src/db/accounts.js';
import { describeDatabases } from '../support/database.js';
import { apiomgeving } from '../api/omgeving.js';

/**
 * The demo world's case work (issue 9 item 6; src/demo/dossiers.ts) on the test delivery: the
 * lists of a school year followed month by month, and the demo officers' dossiers worked with
 * events that pass the dossier rules, consistent with the lists (back in education: `opleiding`).
 */
describeDatabases('demodossiers op de testlevering', (driver) => {
  const api = apiomgeving(driver);

  it('twaalf maanden lijsten; de dossiers van de demo-RMC (19) en -leerplicht (Utrecht) bewerkt, in de tijd van hun dossier', async () => {
    const [run] = await api.db.query<{ schooljaar: string }>('SELECT schooljaar FROM telling_run ORDER BY schooljaar DESC LIMIT 1');
    const begin = Number(run!.schooljaar.slice(0, 4));
    const uit = await maakDemodossiers(api.db, begin, 1, '2026-12-07');
    expect(uit.maanden).toBe(12);
    expect(uit.dossiers).toBeGreaterThan(0);
    expect(uit.gebeurtenissen).toBeGreaterThan(0);
    const rijen = await api.db.query<{ status: string; geopend_op: string; soort: string; datum: string; gegevens: Record<string, string>; weergavenaam: string }>(`
      SELECT d.status, d.geopend_op::text AS geopend_op, g.soort, g.datum::text AS datum, g.gegevens, g.weergavenaam
      FROM dossier_gebeurtenis g JOIN dossier d ON d.id = g.dossier_id ORDER BY g.id`);
    expect(rijen.length).toBe(uit.gebeurtenissen);
    const nu = `${begin + 1}-09-01`;
    for (const r of rijen) {
      expect(r.datum >= r.geopend_op && r.datum <= nu, JSON.stringify(r)).toBe(true);
      expect(r.weergavenaam).toMatch(/^Demo (RMC|leerplicht)/);
      // a closed dossier (back in education on the lists) has no other outcome than opleiding
      if (r.soort === 'uitkomst' && r.status === 'gesloten') expect(r.gegevens.categorie).toBe('opleiding');
    }
    const [audit] = await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE handeling = 'dossier.schrijven'");
    expect(audit!.n).toBe(uit.gebeurtenissen);
    // handovers at the 18th birthday: what was sent and accepted is what the table holds
    const o = await api.db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM dossier_overdracht
      WHERE van_soort = 'gemeente' AND van_code = 'GM0344' AND naar_soort = 'rmc-regio' AND naar_code = '19' GROUP BY status`);
    const n = (status: string) => o.find((x) => x.status === status)?.n ?? 0;
    expect(n('verzonden') + n('aanvaard')).toBe(uit.overdrachten.verzonden);
    expect(n('aanvaard')).toBe(uit.overdrachten.aanvaard);
    // once the demo accounts exist, the work is theirs: the demo officer's own worklist shows it
    await maakDemoaccounts(api.db);
    const rmc = (await leesAccounts(api.db)).find((a) => a.gebruikersnaam === 'demo-rmc')!;
    expect(await api.db.query("SELECT count(*)::int AS n FROM dossier_gebeurtenis WHERE account_id LIKE 'demo:%'")).toEqual([{ n: 0 }]);
    expect(await api.db.query("SELECT count(*)::int AS n FROM dossier WHERE behandelaar_id LIKE 'demo:%'")).toEqual([{ n: 0 }]);
    const [eigen] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dossier_gebeurtenis WHERE account_id = $1', [rmc.id]);
    expect(eigen!.n).toBeGreaterThan(0);
  }, 180_000);
});
