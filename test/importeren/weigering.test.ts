import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { leesWeigeringen } from '../../src/db/leveringenOverzicht.js';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { ANDERE_CODERING } from '../../src/importeren/bestandscontrole.js';
import { LeveringGeweigerd, importeerLevering } from '../../src/importeren/importeer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, verseDatabase } from '../support/database.js';
import { aantallen, csv, kopieVanVoorbeelden, momentopname, schrijfLevering, voorbeelden } from '../support/levering.js';
import { VOORBEELDEN } from '../support/gedeeld.js';

/**
 * levering.md: "A file that cannot be read as this format at all — in another encoding than
 * UTF-8, not comma-separated, no header row, a required column missing — makes the whole
 * delivery unprocessable: it is refused as a whole, with the reason per file, and changes no
 * data." The rules (docs/levering.md) one by one, then a delivery with several broken files.
 * Every case starts from a database holding a delivery and a count.
 */
const PERSONEN_KOP = ['persoon_id', 'geboortedatum', 'geslacht'];
const latin1 = (tekst: string) => Buffer.from(tekst, 'latin1');
const utf16 = (tekst: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tekst, 'utf16le')]);

/** A personen.csv of n rows of which the rows in `fout` (1-based) carry a Windows-1252 ë in voornamen. */
function personenMetLatin1(n: number, fout: readonly number[], voorvoegsel = 'Q'): Buffer {
  const regels = ['persoon_id,geboortedatum,geslacht,voornamen\n'];
  for (let i = 1; i <= n; i += 1) regels.push(`${voorvoegsel}${i},2003-01-01,V,${fout.includes(i) ? 'Noë' : 'Noa'}\n`);
  return latin1(regels.join(''));
}

describeDatabases('een levering als geheel weigeren', (driver) => {
  const t = verseDatabase(driver);
  let voor: Record<string, string[]>;

  beforeAll(async () => {
    await importeerLevering(t.db, voorbeelden().levering);
    await voerTellingUit(t.db, parseSchooljaar('2019-2020')!, { status: 'definitief', werkurenDrempel: 12 });
    voor = await momentopname(t.db);
  });

  /** Imports a copy of the worked examples with `bestanden` replaced; expects a refusal that changed nothing else. */
  async function weiger(bestanden: Record<string, string | Uint8Array>): Promise<LeveringGeweigerd> {
    const map = await kopieVanVoorbeelden();
    for (const [naam, inhoud] of Object.entries(bestanden)) await writeFile(join(map, naam), inhoud);
    const weigeringen = (await aantallen(t.db)).levering_weigering!;
    const fout = await importeerLevering(t.db, map).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(LeveringGeweigerd);
    const { levering_weigering: na, ...rest } = await momentopname(t.db);
    const { levering_weigering: _, ...verwacht } = voor;
    expect(rest).toEqual(verwacht);
    expect(na).toHaveLength(weigeringen + 1);
    return fout as LeveringGeweigerd;
  }

  it('een verplichte kolom ontbreekt', async () => {
    const f = await weiger({ 'werk.csv': 'persoon_id,vanaf,tot\nP07,2020-07-01,\n' });
    expect(f.redenen).toEqual([{ bestand: 'werk.csv', reden: expect.stringMatching(/^verplichte kolom 'uren_per_week' ontbreekt in de kopregel; de kopregel is 'persoon_id,vanaf,tot'/) }]);
  });

  it('een kolomnaam met hoofdletters of spaties: de melding noemt wat er wel staat', async () => {
    const f = await weiger({ 'personen.csv': 'persoon_id, Geboortedatum,geslacht\nP01,2002-03-15,V\n' });
    expect(f.redenen).toEqual([{
      bestand: 'personen.csv',
      reden: "verplichte kolom 'geboortedatum' ontbreekt in de kopregel: er staat wel ' Geboortedatum'; schrijf de kolomnaam precies als 'geboortedatum' (kleine letters, zonder spaties of aanhalingstekens eromheen)",
    }]);
  });

  it('een kolom twee keer', async () => {
    const f = await weiger({ 'personen.csv': 'persoon_id,geboortedatum,geslacht,geslacht\nP01,2002-03-15,V,V\n' });
    expect(f.redenen).toEqual([{ bestand: 'personen.csv', reden: "kolom 'geslacht' staat twee keer in de kopregel" }]);
  });

  it('puntkomma\'s, zoals Nederlandse Excel opslaat', async () => {
    const f = await weiger({ 'personen.csv': 'persoon_id;geboortedatum;geslacht\nP01;2002-03-15;V\n' });
    expect(f.redenen).toEqual([{
      bestand: 'personen.csv',
      reden: "niet door komma's gescheiden: de kopregel 'persoon_id;geboortedatum;geslacht' is alleen met puntkomma's in kolommen te splitsen; " +
        "dit is een bestand met puntkomma's, zoals Nederlandse Excel het opslaat: sla het op als \"CSV UTF-8 (door komma's gescheiden)\"",
    }]);
  });

  it('tabs', async () => {
    const f = await weiger({ 'werk.csv': 'persoon_id\tvanaf\ttot\turen_per_week\nP07\t2020-07-01\t\t20\n' });
    expect(f.redenen[0]!.reden).toMatch(/^niet door komma's gescheiden: .* alleen met tabs in kolommen te splitsen; dit is een bestand met tabs/);
  });

  it('geen kopregel: de eerste regel is een gegevensregel (zonder die regel te herhalen)', async () => {
    const f = await weiger({ 'personen.csv': csv(['P01', '2002-03-15', 'V'], ['P02', '2002-04-15', 'M']) });
    expect(f.redenen).toEqual([{
      bestand: 'personen.csv',
      reden: "geen kopregel: de eerste regel bevat geen enkele kolomnaam van personen.csv (het is een regel met gegevens); zet als eerste regel de kolomnamen, gescheiden door komma's, bijvoorbeeld persoon_id,geboortedatum,geslacht",
    }]);
    expect(f.message).not.toContain('P01');
  });

  it('UTF-16 (met bytevolgordeteken), zoals Excel "Unicode-tekst" opslaat', async () => {
    const f = await weiger({ 'personen.csv': utf16(csv(PERSONEN_KOP, ['P01', '2002-03-15', 'V'])) });
    expect(f.redenen).toEqual([{ bestand: 'personen.csv', reden: expect.stringMatching(/^het bestand is UTF-16 .*sla het op als "CSV UTF-8/) }]);
  });

  it('UTF-16 zonder bytevolgordeteken: nul-bytes in de eerste regel', async () => {
    const f = await weiger({ 'personen.csv': Buffer.from(csv(PERSONEN_KOP, ['P01', '2002-03-15', 'V']), 'utf16le') });
    expect(f.redenen).toEqual([{ bestand: 'personen.csv', reden: expect.stringMatching(/^het bestand bevat nul-bytes in de eerste regel/) }]);
  });

  it('een kopregel die geen UTF-8 is (Windows-1252)', async () => {
    const f = await weiger({ 'instellingen.csv': latin1('brin,vestiging,naam,gemeente_code,soort,opmerkingë\n10AA,00,School,GM0363,vo,x\n') });
    expect(f.redenen).toEqual([{ bestand: 'instellingen.csv', reden: expect.stringMatching(/^de kopregel \(regel 1\) is geen geldige UTF-8: .*Windows-1252/) }]);
  });

  it(`meer dan ${ANDERE_CODERING.aandeel * 100}% van de regels (en minstens ${ANDERE_CODERING.regels}) geen UTF-8: een andere tekenset`, async () => {
    const f = await weiger({ 'personen.csv': personenMetLatin1(10, [3, 7]) });
    expect(f.redenen).toEqual([{
      bestand: 'personen.csv',
      reden: expect.stringMatching(/^2 van de 10 regels na de kopregel \(20%\) bevatten tekens die geen geldige UTF-8 zijn, de eerste op regel 4: .*Windows-1252/),
    }]);
  });

  it('een levering met drie kapotte bestanden: elke reden van elk bestand, één weigering, verder niets veranderd', async () => {
    const tellingVoor = await aantallen(t.db);
    const f = await weiger({
      'personen.csv': 'persoon_id;geboortedatum;geslacht\nP01;2002-03-15;V\n',
      'werk.csv': utf16('persoon_id,vanaf,tot,uren_per_week\n'),
      'inschrijvingen.csv': 'inschrijving_id,persoon_id,brin,vestiging,onderwijstype,leerjaar,niveau,leerweg,crebo,nieuwkomer,einddatum,einddatum\n',
    });
    expect(f.redenen.map((r) => r.bestand)).toEqual(['personen.csv', 'inschrijvingen.csv', 'inschrijvingen.csv', 'werk.csv']);
    expect(f.redenen.map((r) => r.reden.split(/[:;]/)[0])).toEqual([
      "niet door komma's gescheiden",
      "kolom 'einddatum' staat twee keer in de kopregel",
      "verplichte kolom 'begindatum' ontbreekt in de kopregel",
      'het bestand is UTF-16 (het begint met een UTF-16-bytevolgordeteken), zoals Excel "Unicode-tekst" het opslaat',
    ]);
    for (const r of f.redenen) expect(f.message).toContain(`  - ${r.bestand}: ${r.reden}`);
    expect(f.message).toMatch(/^Levering '.*' geweigerd: 3 bestanden zijn niet te lezen als levering\.md\. Er is niets van ingelezen; de weigering is vastgelegd als weigering \d+/);

    const tellingNa = await aantallen(t.db);
    expect(tellingNa).toEqual({ ...tellingVoor, levering_weigering: tellingVoor.levering_weigering! + 1 });
    const laatste = (await leesWeigeringen(t.db)).at(-1)!;
    expect(laatste.id).toBe(f.weigeringId);
    expect(laatste.redenen).toEqual(f.redenen);
    expect(laatste.controlesom).toMatch(/^[0-9a-f]{64}$/);
  });
}, { overgeslagen: VOORBEELDEN.reden });

describeDatabases('een enkele ongeldige byte is een rijfout, geen weigering', (driver) => {
  const t = verseDatabase(driver);

  it(`één regel met een ongeldige byte, ook als dat meer dan ${ANDERE_CODERING.aandeel * 100}% is: alleen die rij valt af`, async () => {
    const v = await importeerLevering(t.db, await schrijfLevering({ 'personen.csv': personenMetLatin1(3, [2]) }));
    expect(v.bestanden).toEqual([expect.objectContaining({ bestand: 'personen.csv', gelezen: 3, nieuw: 2, afgewezen: 1 })]);
    expect(v.afwijzingen).toEqual([{ bestand: 'personen.csv', regel: 3, kolom: 'voornamen', reden: 'veld bevat tekens die geen geldige UTF-8 zijn' }]);
  });

  it(`${ANDERE_CODERING.regels} regels, maar niet meer dan ${ANDERE_CODERING.aandeel * 100}% van de regels: rijfouten`, async () => {
    const v = await importeerLevering(t.db, await schrijfLevering({ 'personen.csv': personenMetLatin1(200, [50, 150], 'R') }));
    expect(v.bestanden).toEqual([expect.objectContaining({ gelezen: 200, nieuw: 198, afgewezen: 2 })]);
    expect(v.afwijzingen.map((a) => a.regel)).toEqual([51, 151]);
  });

  it(`${ANDERE_CODERING.regels} regels en net meer dan ${ANDERE_CODERING.aandeel * 100}%: geweigerd`, async () => {
    const fout = await importeerLevering(t.db, await schrijfLevering({ 'personen.csv': personenMetLatin1(199, [50, 150]) })).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(LeveringGeweigerd);
  });

  it('een leeg bestand weigert niets: het wordt gemeld', async () => {
    const v = await importeerLevering(t.db, await schrijfLevering({ 'diplomas.csv': '', 'personen.csv': csv(PERSONEN_KOP, ['E01', '2003-01-01', 'V']) }));
    expect(v.opmerkingen).toContain('diplomas.csv is leeg (geen kopregel)');
  });

  it('een kopregel tussen aanhalingstekens en met BOM is gewoon een kopregel', async () => {
    const v = await importeerLevering(t.db, await schrijfLevering({ 'personen.csv': '\uFEFF"persoon_id","geboortedatum","geslacht"\r\nE02,2003-01-01,V\r\n' }));
    expect(v.bestanden).toEqual([expect.objectContaining({ gelezen: 1, nieuw: 1, afgewezen: 0 })]);
  });
});

