import type { Db } from '../../src/db/database.js';

/**
 * An independent implementation of lijsten.md in plain SQL, written from the contract alone
 * (it imports nothing from src/domain/lijsten, src/lijsten or src/db/lijsten.ts). It works on
 * every person of `persoon`, not on a candidate set, and decides every term in SQL, so that a
 * mistake in the engine's candidate selection or in its rules shows up as a difference.
 *
 * Returns, for month `maand` (YYYY-MM), every row of every list as the CSV line of the
 * command line (without quoting: identifiers and codes never need it), sorted per list by
 * persoon_id in character order.
 */
const BEKOSTIGD = `('vo-brugjaar','vmbo-bb','vmbo-kb','vmbo-gl','vmbo-tl','havo','vwo','vo-engelse-stroom','vo-ib','pro','vso','mbo','vavo')`;
const SK = `('havo','vwo','mbo-2','mbo-3','mbo-4','ho')`;

/** "not pvsv" parts on date `dag` for person `pid` (SQL expressions), in the reason order of lijsten.md. */
function redenen(pid: string, dag: string): [string, string][] {
  return [
    ['overleden', `EXISTS (SELECT 1 FROM brp_gebeurtenis g WHERE g.persoon_id = ${pid} AND g.soort = 'overlijden' AND g.datum <= ${dag})`],
    // the last emigration/immigration on or before dag is an emigration (an immigration on the same day counts as later)
    ['geemigreerd', `EXISTS (SELECT 1 FROM brp_gebeurtenis e WHERE e.persoon_id = ${pid} AND e.soort = 'emigratie' AND e.datum <= ${dag}
        AND NOT EXISTS (SELECT 1 FROM brp_gebeurtenis i WHERE i.persoon_id = ${pid} AND i.soort = 'immigratie' AND i.datum >= e.datum AND i.datum <= ${dag}))`],
    ['onderwijs', `EXISTS (SELECT 1 FROM inschrijving o WHERE o.persoon_id = ${pid} AND o.begindatum <= ${dag} AND (o.einddatum IS NULL OR o.einddatum >= ${dag})
        AND o.onderwijstype NOT IN ('dji','politie','defensie'))`],
    ['dji', `EXISTS (SELECT 1 FROM inschrijving o WHERE o.persoon_id = ${pid} AND o.begindatum <= ${dag} AND (o.einddatum IS NULL OR o.einddatum >= ${dag}) AND o.onderwijstype = 'dji')`],
    ['politie-defensie', `EXISTS (SELECT 1 FROM inschrijving o WHERE o.persoon_id = ${pid} AND o.begindatum <= ${dag} AND (o.einddatum IS NULL OR o.einddatum >= ${dag})
        AND o.onderwijstype IN ('politie','defensie'))`],
    ['vrijstelling', `EXISTS (SELECT 1 FROM vrijstelling v WHERE v.persoon_id = ${pid} AND v.grond IN ('5a','5b','5c','15') AND v.vanaf <= ${dag} AND (v.tot IS NULL OR v.tot >= ${dag}))`],
    ['startkwalificatie', `EXISTS (SELECT 1 FROM diploma s WHERE s.persoon_id = ${pid} AND s.soort IN ${SK} AND s.datum <= ${dag})`],
    ['leeftijd', `(extract(year FROM age(${dag}, ${pid.replace('persoon_id', 'geboortedatum')}))::int NOT BETWEEN 12 AND 22)`],
  ];
}

export async function referentieLijsten(db: Db, maand: string): Promise<Record<string, string[]>> {
  const [jaar, mnd] = maand.split('-').map(Number) as [number, number];
  const t = mnd >= 10 ? jaar : jaar - 1;
  const d = `${maand}-01`;
  const t0 = `${t}-10-01`;
  const r = redenen('pp.persoon_id', 'm.dag');
  const sql = `
    WITH maanden AS (
      SELECT gs::date AS dag FROM generate_series(DATE '${t0}', DATE '${d}', interval '1 month') gs
    ),
    -- pvsv and the first reason why not, per person and peildatum of the lijstjaar up to M
    toestand AS (
      SELECT pp.persoon_id, m.dag,
        CASE ${r.map(([code, expr]) => `WHEN ${expr} THEN '${code}'`).join(' ')} ELSE NULL END AS reden,
        EXISTS (SELECT 1 FROM inschrijving b WHERE b.persoon_id = pp.persoon_id AND b.onderwijstype IN ${BEKOSTIGD}
                AND b.begindatum < m.dag AND (b.einddatum IS NULL OR b.einddatum >= (m.dag - interval '1 month')::date)) AS bekostigd_vorige_maand
      FROM persoon pp CROSS JOIN maanden m
    ),
    uit AS (SELECT persoon_id, dag FROM toestand WHERE reden IS NULL AND bekostigd_vorige_maand),
    wv AS (
      SELECT t.persoon_id, t.dag FROM toestand t
      WHERE t.reden IS NULL AND EXISTS (SELECT 1 FROM uit u WHERE u.persoon_id = t.persoon_id AND u.dag <= t.dag)
    ),
    her AS (
      SELECT t.persoon_id, t.reden FROM toestand t
      WHERE t.dag = DATE '${d}' AND DATE '${d}' <> DATE '${t0}' AND t.reden IS NOT NULL
        AND EXISTS (SELECT 1 FROM wv w WHERE w.persoon_id = t.persoon_id AND w.dag = (DATE '${d}' - interval '1 month')::date)
    ),
    lijst AS (
      SELECT 'uitschrijvingen' AS lijst, persoon_id, NULL::text AS reden FROM uit WHERE dag = DATE '${d}'
      UNION ALL SELECT 'werkvoorraad', persoon_id, NULL FROM wv WHERE dag = DATE '${d}'
      UNION ALL SELECT 'herinschrijvingen', persoon_id, reden FROM her
    ),
    gemeente AS (
      SELECT DISTINCT ON (persoon_id) persoon_id, gemeente_code FROM verblijf
      WHERE vanaf <= DATE '${d}' AND (tot IS NULL OR tot >= DATE '${d}') ORDER BY persoon_id, vanaf DESC
    ),
    rmc AS (
      SELECT DISTINCT ON (gemeente_code) gemeente_code, rmc_code FROM rmc_indeling
      WHERE schooljaar_vanaf <= '${t}-${t + 1}' AND (schooljaar_tot IS NULL OR schooljaar_tot >= '${t}-${t + 1}')
      ORDER BY gemeente_code, schooljaar_vanaf DESC
    ),
    laatste AS (
      SELECT DISTINCT ON (persoon_id) persoon_id, brin, vestiging, onderwijstype, einddatum FROM inschrijving
      WHERE onderwijstype IN ${BEKOSTIGD} AND einddatum < DATE '${d}'
      ORDER BY persoon_id, einddatum DESC, inschrijving_id COLLATE "C"
    ),
    rij AS (
      SELECT l.lijst, l.persoon_id, COALESCE(g.gemeente_code, 'onbekend') AS gemeente_code, COALESCE(r.rmc_code, 'onbekend') AS rmc_code,
             (extract(year FROM age(DATE '${d}', p.geboortedatum)))::int AS leeftijd,
             la.brin, la.vestiging, la.onderwijstype, la.einddatum::text AS einddatum, l.reden
      FROM lijst l JOIN persoon p ON p.persoon_id = l.persoon_id
      LEFT JOIN gemeente g ON g.persoon_id = l.persoon_id LEFT JOIN rmc r ON r.gemeente_code = g.gemeente_code
      LEFT JOIN laatste la ON la.persoon_id = l.persoon_id
    ),
    startrun AS (SELECT max(id) AS id FROM telling_run WHERE schooljaar = '${t}-${t + 1}'),
    vorigerun AS (SELECT max(id) AS id FROM telling_run WHERE schooljaar = '${t - 1}-${t}' AND status = 'definitief'),
    startset AS (
      SELECT 'startset' AS lijst, tp.persoon_id, tp.gemeente_code, tp.rmc_code, tp.leeftijd::int AS leeftijd, tp.brin, tp.vestiging,
             i.onderwijstype, NULL::text AS einddatum, NULL::text AS reden
      FROM telling_persoon tp JOIN startrun s ON s.id = tp.run_id LEFT JOIN inschrijving i ON i.inschrijving_id = tp.inschrijving_id
    ),
    uitval AS (
      SELECT 'uitval' AS lijst, w.persoon_id, w.gemeente_code, w.rmc_code, w.leeftijd, w.brin, w.vestiging, w.onderwijstype, w.einddatum, w.reden
      FROM rij w WHERE w.lijst = 'werkvoorraad' AND EXISTS (SELECT 1 FROM startset s WHERE s.persoon_id = w.persoon_id)
    ),
    verlaat AS (
      SELECT 'verlate-startkwalificatie' AS lijst, tp.persoon_id, tp.gemeente_code, tp.rmc_code, tp.leeftijd::int, tp.brin, tp.vestiging,
             i.onderwijstype, NULL::text, 'verlate-startkwalificatie'
      FROM telling_persoon tp JOIN vorigerun v ON v.id = tp.run_id LEFT JOIN inschrijving i ON i.inschrijving_id = tp.inschrijving_id
      WHERE tp.reden = 'verlate-startkwalificatie'
        AND EXISTS (SELECT 1 FROM diploma s WHERE s.persoon_id = tp.persoon_id AND s.soort IN ${SK}
                    AND s.datum > DATE '${t}-10-01' AND s.datum <= DATE '${t}-12-31' AND s.datum < DATE '${d}')
    )
    SELECT * FROM (
      SELECT * FROM rij UNION ALL SELECT * FROM startset UNION ALL SELECT * FROM uitval UNION ALL SELECT * FROM verlaat
    ) alles ORDER BY lijst, persoon_id COLLATE "C"`;
  const rijen = await db.queryArrays(sql);
  const uit: Record<string, string[]> = {
    uitschrijvingen: [], werkvoorraad: [], herinschrijvingen: [], startset: [], uitval: [], 'verlate-startkwalificatie': [],
  };
  for (const [lijst, ...velden] of rijen) {
    uit[String(lijst)]!.push([lijst, maand, ...velden].map((v) => (v === null ? '' : String(v))).join(','));
  }
  return uit;
}
