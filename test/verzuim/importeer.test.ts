import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { leesActies, leesStatushistorie } from '../../src/db/verzuim.js';
import { meldingenVoorSchool, registreerActie, wijsContactpersoon, wijzigMeldingstatus } from '../../src/verzuim/afhandeling.js';
import { importeerVerzuimmeldingen, OnbruikbaarBestand } from '../../src/verzuim/importeer.js';
import { describeDatabases, tijdelijkeMap, verseDatabase } from '../support/database.js';
import { meldingenCsv, vulRegistratie } from './registratie.js';
import { cliGebruiker } from '../../src/cli/gebruiker.js';

const opties = { brin: '25LX', gebruiker: cliGebruiker({ USER: 'test' }), vandaag: '2018-06-01' };

async function bestand(inhoud: string): Promise<string> {
  const pad = join(await tijdelijkeMap('verzuim'), 'meldingen.csv');
  await writeFile(pad, inhoud);
  return pad;
}

describeDatabases('verzuimmeldingen importeren', (driver) => {
  const t = verseDatabase(driver);
  beforeAll(async () => {
    await vulRegistratie(t.db);
  });

  it('geldige regels worden gemeld en gerouteerd, kapotte teruggegeven met regel, kolom en reden', async () => {
    const pad = await bestand(meldingenCsv([
      {}, // regel 2: P1 woont op 2017-10-20 in Zaanstad (verhuisd die dag)
      { persoon_id: 'P1', meldingsdatum: '2017-10-19', einddatum: '2017-10-18', soort: 'overig', verzuim_uren: '4' }, // regel 3: de dag vóór de verhuizing: Amsterdam
      { persoon_id: 'P2', vestiging: '01', soort: 'rmc', bron: 'duo-verzuimloket' }, // regel 4: 18 op de meldingsdatum → RMC Rijnmond
      { persoon_id: 'P3' }, // regel 5: niet ingeschreven bij 25LX
      { persoon_id: 'P9' }, // regel 6: onbekend
      { melder_email: 'geen-adres', verzuim_uren: 'veel' }, // regel 7: twee fouten
      '"kapot,regel', // regel 8: aanhalingsteken niet gesloten
      { brin: '30AB' }, // regel 9: andere school
      { vestiging: '07' }, // regel 10: onbekende vestiging
      { persoon_id: 'P1', startdatum: '2017-11-06', einddatum: '2017-11-10', meldingsdatum: '2017-11-27' }, // regel 11: te laat
    ]));
    const v = await importeerVerzuimmeldingen(t.db, pad, opties);
    expect(v.gelezen).toBe(10);
    expect(v.gemeld.map((g) => [g.regel, g.behandelaar, g.gemeenteCode, g.rmcCode, g.tijdigheid])).toEqual([
      [2, 'leerplicht', 'GM0479', null, 'tijdig'],
      [3, 'leerplicht', 'GM0363', null, 'niet-van-toepassing'],
      [4, 'rmc', 'GM0599', '29', 'niet-van-toepassing'],
      [11, 'leerplicht', 'GM0479', null, 'te-laat'],
    ]);
    expect(v.gemeld[3]!.opmerkingen[0]).toBe('te laat gemeld: uiterlijk 2017-11-17 (5 schooldagen na 2017-11-10)');
    expect(v.geweigerd).toEqual([
      { regel: 5, kolom: 'persoon_id', reden: 'de leerling stond op de startdatum 2017-10-02 niet ingeschreven bij 25LX' },
      { regel: 6, kolom: 'persoon_id', reden: 'de leerling is onbekend in de registratie' },
      { regel: 7, kolom: 'verzuim_uren', reden: "'veel' is geen getal ≥ 0 met hoogstens twee decimalen (punt als decimaalteken)" },
      { regel: 7, kolom: 'melder_email', reden: "'geen-adres' is geen e-mailadres" },
      { regel: 8, kolom: null, reden: 'een aanhalingsteken op deze regel wordt niet goed gesloten' },
      { regel: 9, kolom: 'brin', reden: "'30AB' wijkt af van --brin 25LX: een bestand bevat alleen meldingen van één school" },
      { regel: 10, kolom: 'vestiging', reden: 'vestiging 25LX07 staat niet in de instellingenlijst' },
    ]);
    const [r] = await t.db.query<Record<string, unknown>>(
      'SELECT soort, bron, status, tijdigheid, uiterlijke_meldingsdatum, verzuim_uren FROM verzuimmelding WHERE id = $1', [v.gemeld[2]!.meldingId]);
    expect(r).toEqual({ soort: 'rmc', bron: 'duo-verzuimloket', status: 'in-behandeling', tijdigheid: 'niet-van-toepassing', uiterlijke_meldingsdatum: null, verzuim_uren: '17.00' });
    expect(await leesStatushistorie(t.db, v.gemeld[0]!.meldingId)).toEqual([{ status: 'in-behandeling', afsluitreden: null, door: 'cli:test' }]);
    // One audit record for the pupils looked up to route the rows: persons by reference, never by persoon_id.
    const audits = await t.db.query<{ handeling: string; doel: string; aantal_personen: number; parameters: string }>(
      "SELECT handeling, doel, aantal_personen, parameters FROM audit WHERE handeling = 'verzuim.importeren'");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ handeling: 'verzuim.importeren', doel: 'verzuim-melden' });
    // every pupil named was looked up, known or not (P9 is unknown, P3 not enrolled here)
    expect(audits[0]!.aantal_personen).toBe(4);
    const genoemd = await t.db.query<{ r: string }>("SELECT persoon_referentie(p) AS r FROM unnest(ARRAY['P1','P2','P3','P9']) AS p ORDER BY 1");
    expect(await t.db.query<{ r: string }>(`SELECT ap.referentie AS r FROM audit_persoon ap JOIN audit a ON a.id = ap.audit_id
      WHERE a.handeling = 'verzuim.importeren' ORDER BY 1`)).toEqual(genoemd);
    expect(audits[0]!.parameters).not.toMatch(/P\d/);
  });

  it('de 7-dagenregel geldt ook tegen eerder opgeslagen meldingen', async () => {
    // P1 has a 16u4w report dated 2017-10-20 for 2017-10-02..18 from the first test.
    const pad = await bestand(meldingenCsv([
      { startdatum: '2017-10-19', einddatum: '2017-10-25', meldingsdatum: '2017-10-26' },
      { startdatum: '2017-10-19', einddatum: '2017-10-26', meldingsdatum: '2017-10-27' },
    ]));
    const v = await importeerVerzuimmeldingen(t.db, pad, opties);
    expect(v.geweigerd.map((g) => [g.regel, g.kolom])).toEqual([[2, 'meldingsdatum']]);
    expect(v.gemeld.map((g) => g.regel)).toEqual([3]);
  });

  it('een verkeerde kopregel weigert het hele bestand', async () => {
    const pad = await bestand('soort,persoon_id,extra\n16u4w,P1,x\n');
    await expect(importeerVerzuimmeldingen(t.db, pad, opties)).rejects.toThrow(OnbruikbaarBestand);
    await expect(importeerVerzuimmeldingen(t.db, pad, opties)).rejects.toThrow(/kolommen ontbreken: bron, brin.*onbekende kolommen: extra/);
  });

  it('afhandeling: contactpersoon, actie, afsluiten; de school ziet alleen status en contactpersoon', async () => {
    const [{ id }] = await t.db.query<{ id: number }>("SELECT min(id) AS id FROM verzuimmelding WHERE persoon_id = 'P1'") as [{ id: number }];
    expect(await wijsContactpersoon(t.db, id, 'M. Bakker', 'lpa')).toEqual({ ok: true, waarde: null });
    expect(await registreerActie(t.db, id, { soort: 'gesprek-leerling-en-ouders', datum: '2017-10-23', medewerker: 'M. Bakker' }, '2018-01-01')).toEqual({ ok: true, waarde: null });
    expect((await registreerActie(t.db, id, { soort: 'boete', datum: '2017-10-23', medewerker: 'M. Bakker' }, '2018-01-01')).ok).toBe(false);
    expect(await wijzigMeldingstatus(t.db, id, { naar: 'afgesloten', reden: 'terug-naar-school', opmerking: '' }, 'lpa')).toEqual({ ok: false, reden: 'een afsluitopmerking is verplicht' });
    expect(await wijzigMeldingstatus(t.db, id, { naar: 'afgesloten', reden: 'terug-naar-school', opmerking: 'weer aanwezig' }, 'lpa')).toEqual({ ok: true, waarde: null });
    expect((await wijzigMeldingstatus(t.db, id, { naar: 'in-behandeling' }, 'lpa')).ok).toBe(false);
    expect(await leesActies(t.db, id)).toEqual([{ soort: 'gesprek-leerling-en-ouders', datum: '2017-10-23', medewerker: 'M. Bakker' }]);
    expect((await leesStatushistorie(t.db, id)).map((s) => s.status)).toEqual(['in-behandeling', 'in-behandeling', 'afgesloten']);
    const zicht = (await meldingenVoorSchool(t.db, '25LX')).find((m) => m.meldingId === id);
    expect(zicht).toEqual({ meldingId: id, status: 'afgesloten', contactpersoon: 'M. Bakker' });
    expect(await wijzigMeldingstatus(t.db, 999999, { naar: 'in-behandeling' }, 'lpa')).toEqual({ ok: false, reden: 'melding 999999 bestaat niet' });
  });
});
