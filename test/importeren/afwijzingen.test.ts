import { beforeAll, expect, it } from 'vitest';
import { importeerLevering, type Importverslag } from '../../src/importeren/importeer.js';
import { describeDatabases, verseDatabase } from '../support/database.js';
import { schrijfLevering } from '../support/levering.js';

/**
 * levering.md: "A row that breaks a rule is rejected with the file, line number, column and a
 * human-readable reason; all other rows of the delivery are still imported. Rejected rows are
 * kept (quarantined) with their reasons." One delivery with every kind of rejection.
 */
const BOM = '\uFEFF';
const crlf = (...regels: string[]) => regels.map((r) => `${r}\r\n`).join('');

// personen.csv: BOM, CRLF line ends, an optional column (voornamen) and an extra one.
const PERSONEN = Buffer.concat([
  Buffer.from(BOM + crlf(
    'persoon_id,geboortedatum,geslacht,voornamen,lievelingskleur', // 1
    'A01,2003-01-01,V,Anna,blauw', // 2 ok
    'A02,2019-02-30,M,Bram,rood', // 3 no such date
    'A 03,2003-01-01,M,Cas,groen', // 4 bad id
    'A04,2003-01-01,Q,Dirk,geel', // 5 bad enum
    'A05,2003-01-01,V,Eva', // 6 one field short
    'A06,"2003-01-01,V,Fien,paars', // 7 quote never closed on its line
    'A07,2003-01-01,X,"Gijs, de tweede",wit', // 8 ok, after the broken quote
  ), 'utf8'),
  Buffer.from('A08,2003-01-01,V,Hann', 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from(',zwart\r\n', 'utf8'), // 9 invalid UTF-8
  Buffer.from(crlf(
    'A01,2004-04-04,M,Anna,oranje', // 10 same key as line 2
    'A09,2003-12-31,,,', // 11 ok, empty optional fields
  ), 'utf8'),
]);

const INSCHRIJVINGEN = [
  'inschrijving_id,persoon_id,brin,vestiging,onderwijstype,leerjaar,niveau,leerweg,crebo,nieuwkomer,begindatum,einddatum', // 1
  'I1,A01,20BB,00,mbo,1,2,bol,,nee,2019-08-15,', // 2 ok
  'I2,A01,20BB,00,mbo,1,,bol,,nee,2019-08-15,2020-06-30', // 3 mbo without niveau
  'I3,A07,10AA,00,havo,4,,,,,2019-08-01,2019-07-31', // 4 einddatum before begindatum
  'I4,A07,10AA,00,gymnasium,4,,,,nee,2019-08-01,', // 5 bad enum
  'I5,A09,1AA,00,vwo,7,,,,nee,2019-08-01,', // 6 two errors in one row
  'I6,A09,10AA,00,"vwo",5,,,,nee,2019-08-01,', // 7 ok, quoted field
  'I7,A09,10AA,00,vwo,5,,,,nee,2019-08-01,"2020-07-31', // 8 quote not closed before the end of the file
].join('\n');

// A quoted field over two lines: the line numbers after it are still the file's own.
const INSTELLINGEN = 'brin,vestiging,naam,gemeente_code,soort\n' +
  '10AA,00,"Stedelijk College\nlocatie Noord",GM0363,vo\n' + // 2-3 ok
  '20BB,0,ROC,GM0344,mbo\n' + // 4 bad vestiging
  '20BB,00,ROC Midden,GM0344,mbo\n'; // 5 ok

// A file without rejections beside the others. (A file that misses a required column refuses the
// whole delivery: test/importeren/weigering.test.ts.)
const WERK = 'persoon_id,vanaf,tot,uren_per_week\nA01,2020-07-01,,12\n';

interface Afgewezen {
  bestand: string;
  regel: number;
  kolom: string | null;
  reden: string;
  inhoud: string;
}

describeDatabases('afgewezen rijen', (driver) => {
  const t = verseDatabase(driver);
  let verslag: Importverslag;
  let afgewezen: Afgewezen[];

  beforeAll(async () => {
    const map = await schrijfLevering({
      'personen.csv': PERSONEN,
      'inschrijvingen.csv': INSCHRIJVINGEN,
      'instellingen.csv': INSTELLINGEN,
      'werk.csv': WERK,
      'diplomas.csv': 'persoon_id,soort,datum,brin\n',
      'vrijstellingen.csv': '',
      'notities.txt': 'geen deel van het formaat\n',
    });
    verslag = await importeerLevering(t.db, map);
    afgewezen = await t.db.query<Afgewezen>(
      'SELECT bestand, regel, kolom, reden, inhoud FROM afgewezen_rij WHERE levering_id = $1 ORDER BY bestand, regel, id', [verslag.leveringId]);
  });

  const rij = (bestand: string, regel: number) => afgewezen.filter((a) => a.bestand === bestand && a.regel === regel);

  it('de geldige rijen zijn ingelezen, met hun waarden', async () => {
    expect(await t.db.query('SELECT persoon_id, geboortedatum, geslacht, voornamen FROM persoon ORDER BY persoon_id')).toEqual([
      { persoon_id: 'A01', geboortedatum: '2003-01-01', geslacht: 'V', voornamen: 'Anna' },
      { persoon_id: 'A07', geboortedatum: '2003-01-01', geslacht: 'X', voornamen: 'Gijs, de tweede' },
      { persoon_id: 'A09', geboortedatum: '2003-12-31', geslacht: null, voornamen: null },
    ]);
    expect(await t.db.query('SELECT inschrijving_id, onderwijstype, nieuwkomer, einddatum FROM inschrijving ORDER BY 1')).toEqual([
      { inschrijving_id: 'I1', onderwijstype: 'mbo', nieuwkomer: 'nee', einddatum: null },
      { inschrijving_id: 'I6', onderwijstype: 'vwo', nieuwkomer: 'nee', einddatum: null },
    ]);
    expect(await t.db.query('SELECT brin, vestiging, naam FROM instelling ORDER BY 1, 2')).toEqual([
      { brin: '10AA', vestiging: '00', naam: 'Stedelijk College\nlocatie Noord' },
      { brin: '20BB', vestiging: '00', naam: 'ROC Midden' },
    ]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM werk')).toEqual([{ n: 1 }]);
  });

  it('het verslag telt per bestand gelezen, nieuw en afgewezen', () => {
    const per = Object.fromEntries(verslag.bestanden.map((b) => [b.bestand, [b.gelezen, b.nieuw, b.vervangen, b.afgewezen]]));
    expect(per).toEqual({
      'personen.csv': [10, 3, 0, 7],
      'instellingen.csv': [3, 2, 0, 1],
      'inschrijvingen.csv': [7, 2, 0, 5],
      'diplomas.csv': [0, 0, 0, 0],
      'vrijstellingen.csv': [0, 0, 0, 0],
      'werk.csv': [1, 1, 0, 0],
    });
  });

  it('een niet-bestaande datum (2019-02-30)', () => {
    expect(rij('personen.csv', 3)).toEqual([{
      bestand: 'personen.csv', regel: 3, kolom: 'geboortedatum',
      reden: expect.stringContaining("'2019-02-30' is geen bestaande datum"), inhoud: 'A02,2019-02-30,M,Bram,rood',
    }]);
  });

  it('een ongeldig id', () => {
    expect(rij('personen.csv', 4)).toEqual([{
      bestand: 'personen.csv', regel: 4, kolom: 'persoon_id',
      reden: expect.stringContaining("'A 03' is geen geldige waarde"), inhoud: 'A 03,2003-01-01,M,Cas,groen',
    }]);
  });

  it('een waarde buiten de toegestane lijst', () => {
    expect(rij('personen.csv', 5)).toEqual([{
      bestand: 'personen.csv', regel: 5, kolom: 'geslacht',
      reden: expect.stringContaining("'Q' is geen toegestane waarde"), inhoud: 'A04,2003-01-01,Q,Dirk,geel',
    }]);
    expect(rij('inschrijvingen.csv', 5)).toEqual([expect.objectContaining({
      kolom: 'onderwijstype', reden: expect.stringContaining("'gymnasium' is geen toegestane waarde"),
    })]);
  });

  it('een verkeerd aantal velden', () => {
    expect(rij('personen.csv', 6)).toEqual([{
      bestand: 'personen.csv', regel: 6, kolom: null, reden: 'rij heeft 4 velden, de kopregel 5', inhoud: 'A05,2003-01-01,V,Eva',
    }]);
  });

  it('een aanhalingsteken dat niet sluit: alleen die regel valt af, de regels erna tellen', () => {
    expect(rij('personen.csv', 7)).toEqual([{
      bestand: 'personen.csv', regel: 7, kolom: null,
      reden: expect.stringMatching(/^ongeldige CSV: .*aanhalingsteken/), inhoud: 'A06,"2003-01-01,V,Fien,paars',
    }]);
    expect(rij('personen.csv', 8)).toEqual([]);
    // at the very end of a file as well
    expect(rij('inschrijvingen.csv', 8)).toEqual([expect.objectContaining({
      kolom: null, reden: expect.stringMatching(/aanhalingsteken wordt niet gesloten/), inhoud: 'I7,A09,10AA,00,vwo,5,,,,nee,2019-08-01,"2020-07-31',
    })]);
  });

  it('ongeldige UTF-8', () => {
    expect(rij('personen.csv', 9)).toEqual([{
      bestand: 'personen.csv', regel: 9, kolom: 'voornamen',
      reden: expect.stringContaining('geen geldige UTF-8'), inhoud: 'A08,2003-01-01,V,Hann\uFFFD\uFFFD,zwart',
    }]);
  });

  it('dezelfde sleutel twee keer in één bestand: de latere regel valt af en noemt de eerste', () => {
    const [dubbel, ...meer] = rij('personen.csv', 10);
    expect(meer).toEqual([]);
    expect(dubbel).toMatchObject({ kolom: null, reden: expect.stringContaining('zelfde sleutel (persoon_id) als regel 2') });
    // exactly the delivered line, including the extra column that the import ignores
    expect(dubbel!.inhoud).toBe('A01,2004-04-04,M,Anna,oranje');
    expect(verslag.afwijzingen).toContainEqual(expect.objectContaining({ bestand: 'personen.csv', regel: 10 }));
  });

  it('mbo zonder niveau, en een einddatum vóór de begindatum', () => {
    expect(rij('inschrijvingen.csv', 3)).toEqual([{
      bestand: 'inschrijvingen.csv', regel: 3, kolom: 'niveau',
      reden: expect.stringContaining('niveau is verplicht bij onderwijstype mbo'), inhoud: 'I2,A01,20BB,00,mbo,1,,bol,,nee,2019-08-15,2020-06-30',
    }]);
    expect(rij('inschrijvingen.csv', 4)).toEqual([{
      bestand: 'inschrijvingen.csv', regel: 4, kolom: 'einddatum',
      reden: 'einddatum 2019-07-31 ligt vóór begindatum 2019-08-01', inhoud: 'I3,A07,10AA,00,havo,4,,,,,2019-08-01,2019-07-31',
    }]);
  });

  it('elke fout in een rij wordt bewaard, de rij telt één keer als afgewezen', () => {
    expect(rij('inschrijvingen.csv', 6).map((a) => a.kolom)).toEqual(['brin', 'leerjaar']);
    expect(new Set(rij('inschrijvingen.csv', 6).map((a) => a.inhoud))).toEqual(new Set(['I5,A09,1AA,00,vwo,7,,,,nee,2019-08-01,']));
  });

  it('regelnummers zijn die van het bestand, ook na een veld over twee regels', () => {
    expect(rij('instellingen.csv', 4)).toEqual([expect.objectContaining({ kolom: 'vestiging', inhoud: '20BB,0,ROC,GM0344,mbo' })]);
    expect(afgewezen.filter((a) => a.bestand === 'instellingen.csv')).toHaveLength(1);
  });

  it('onbekende kolom, onbekend bestand en een leeg bestand worden gemeld en bewaard bij de levering', async () => {
    const verwacht = [
      'onbekend bestand notities.txt genegeerd (levering.md kent het niet)',
      "personen.csv: onbekende kolom 'lievelingskleur' genegeerd",
      'vrijstellingen.csv is leeg (geen kopregel)',
    ];
    for (const o of verwacht) expect(verslag.opmerkingen).toContain(o);
    const [levering] = await t.db.query<{ opmerkingen: string[] }>('SELECT opmerkingen FROM levering WHERE id = $1', [verslag.leveringId]);
    expect(levering!.opmerkingen).toEqual(verslag.opmerkingen);
  });

  it('BOM en CRLF worden geaccepteerd: geen BOM in de kop, geen \\r in de waarden', async () => {
    expect(verslag.opmerkingen.some((o) => o.includes('\uFEFF'))).toBe(false);
    const rijen = await t.db.query<{ r: string }>('SELECT (p.*)::text AS r FROM persoon p');
    for (const r of rijen) expect(r.r).not.toMatch(/[\r\uFEFF]/);
    expect(afgewezen.every((a) => !a.inhoud.includes('\r') && !a.inhoud.startsWith('\uFEFF'))).toBe(true);
  });

  it('het aantal afgewezen rijen in de database klopt met het verslag en levering_bestand', async () => {
    const perBestand = await t.db.query<{ bestand: string; afgewezen: number }>(
      'SELECT bestand, afgewezen FROM levering_bestand WHERE levering_id = $1 ORDER BY bestand', [verslag.leveringId]);
    const uitVerslag = verslag.bestanden.map((b) => ({ bestand: b.bestand, afgewezen: b.afgewezen }))
      .sort((a, b) => a.bestand.localeCompare(b.bestand));
    expect(perBestand).toEqual(uitVerslag);
    const rijen = new Set(afgewezen.map((a) => `${a.bestand}:${a.regel}`));
    expect(rijen.size).toBe(verslag.bestanden.reduce((s, b) => s + b.afgewezen, 0));
    expect(verslag.aantalAfwijzingen).toBe(afgewezen.length);
  });
});
