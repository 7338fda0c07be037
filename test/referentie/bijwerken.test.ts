import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BijwerkenGeweigerd, werkReferentiedataBij, type BijwerkOpties } from '../../src/referentie/bijwerken.js';
import { leesReferentieCsv, schrijfReferentielevering } from '../../src/referentie/referentiedata.js';
import { binnenboord } from '../support/cli.js';
import { tijdelijkeMap } from '../support/database.js';

/**
 * `binnenboord referentie bijwerken`: a small reference folder (four municipalities, three
 * locations) and small DUO/CBS files in their published layouts, written per test, so every
 * check can be shown to refuse the update, with every reason at once, and leave the old
 * snapshot untouched.
 */
const GEMEENTEN_KOP = 'gemeente_code,gemeente_number,gemeente_name,province_code,province_name,rmc_code,rmc_name,rmc_assignment_source,has_vo_vestiging,population_2021,population_10_14_2021,population_15_19_2021,population_20_24_2021,population_12_23_2021_estimate,pc4_count';
const VESTIGINGEN_KOP = 'brin,vestigingscode,name,onderwijsstructuur,is_vmbo,is_vbo,is_mavo,is_havo,is_vwo,is_pro,is_vso,is_so_vso_combined,is_brugjaar_only,denominatie,street,house_number,postcode,place,gemeente_code,gemeente_name,duo_gemeente_label,province_name,rmc_code,rmc_name,website,student_count,lat,lon';

const OUDE_GEMEENTEN = [
  GEMEENTEN_KOP,
  'GM0001,0001,Alfa,PV20,Groningen,01,Noord,duo_vo_vestigingen_2025,1,1000,100,100,100,240,1',
  'GM0002,0002,Beta,PV20,Groningen,01,Noord,derived_regeling_2012,0,500,50,50,50,120,1',
  'GM0003,0003,Gamma,PV21,Friesland,02,Zuid,duo_vo_vestigingen_2025,1,800,80,80,80,192,1',
];
const OUDE_VESTIGINGEN = [
  VESTIGINGEN_KOP,
  '01AA,01AA00,"Alfa College, havo en vwo",HAVO/VWO,0,0,0,1,1,0,0,0,0,Openbaar,Schoolstraat,1,1000AA,Alfa,GM0001,Alfa,ALFA,Groningen,01,Noord,,600,53.1,6.5',
  '01AA,01AA01,Gamma Mavo,MAVO,1,0,1,0,0,0,0,0,0,Openbaar,Dorpsweg,2,1002AA,Gamma,GM0003,Gamma,GAMMA,Friesland,02,Zuid,,300,53.0,5.8',
  '02BB,02BB00,De Brug vso,VSO,0,0,0,0,0,0,1,0,0,Bijzonder,Laan,3,1002AB,Gamma,GM0003,Gamma,GAMMA,Friesland,02,Zuid,,90,53.0,5.9',
];
const PC4 = ['pc4,gemeente_code,gemeente_name,woonplaats_cbs_2021', '1000,GM0001,Alfa,Alfa', '1001,GM0002,Beta,Beta', '1002,GM0003,Gamma,Gamma', '1003,GM0004,Delta,Delta'];
const BEVOLKING = [
  'pc4,population,age_10_14,age_15_19,age_20_24',
  '1000,1000,100,100,100', '1001,500,50,50,50', '1002,800,80,80,80', '1003,400,40,40,40',
];

const CBS_KOP = 'Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam';
const NIEUW_CBS = [
  CBS_KOP,
  '1;GM0001;Alfa;20;PV20;Groningen',
  '2;GM0002;Beta aan Zee;20;PV20;Groningen',
  '3;GM0003;Gamma;21;PV21;Friesland',
  '4;GM0004;Delta;21;PV21;Friesland',
];
const DUO_KOP = '"PROVINCIE";"BEVOEGD GEZAG NUMMER";"INSTELLINGSCODE";"VESTIGINGSCODE";"VESTIGINGSNAAM";"STRAATNAAM";"HUISNUMMER-TOEVOEGING";"POSTCODE";"PLAATSNAAM";"GEMEENTENUMMER";"GEMEENTENAAM";"DENOMINATIE";"INTERNETADRES";"ONDERWIJSSTRUCTUUR";"RMC-REGIO CODE";"RMC-REGIO NAAM"';
const duoRij = (brin: string, vestiging: string, naam: string, gemeente: string, structuur: string, rmc: string, rmcNaam: string) =>
  ['Groningen', '1', brin, vestiging, naam, 'Schoolstraat', '1', '1000 AA', 'ALFA', gemeente, 'ALFA', 'Openbaar', '', structuur, rmc, rmcNaam].map((v) => `"${v}"`).join(';');
const NIEUW_DUO = [
  DUO_KOP,
  // renamed, and now in region 02: Alfa moves to Zuid
  duoRij('01AA', '01AA00', 'Alfa Lyceum, havo en vwo', '0001', 'HAVO/VWO', '02', 'Zuid'),
  duoRij('03CC', '03CC00', 'Delta School', '0004', 'VBO/MAVO', '02', 'Zuid'),
];

const regels = (r: readonly string[]) => `${r.join('\r\n')}\r\n`;

let map: string;
let bron: string;

async function schrijfBron(bestanden: Record<string, readonly string[] | string>): Promise<void> {
  for (const [naam, inhoud] of Object.entries(bestanden)) await writeFile(join(bron, naam), typeof inhoud === 'string' ? inhoud : regels(inhoud));
}

async function oudeStand(): Promise<string> {
  return (await readFile(join(map, 'data', 'gemeenten.csv'), 'utf8')) + (await readFile(join(map, 'data', 'vo_vso_vestigingen.csv'), 'utf8'));
}

async function weigering(opties: Partial<BijwerkOpties> = {}): Promise<string[]> {
  const voor = await oudeStand();
  const e = await werkReferentiedataBij(map, { bron, peildatum: '2026-09-01', ...opties }).then(() => null, (f: unknown) => f);
  expect(e).toBeInstanceOf(BijwerkenGeweigerd);
  expect(await oudeStand(), 'de vorige stand blijft ongewijzigd').toBe(voor);
  return [...(e as BijwerkenGeweigerd).redenen];
}

beforeEach(async () => {
  map = await tijdelijkeMap('referentiedata');
  bron = await tijdelijkeMap('bron');
  await mkdir(join(map, 'data'));
  await writeFile(join(map, 'data', 'gemeenten.csv'), regels(OUDE_GEMEENTEN));
  await writeFile(join(map, 'data', 'vo_vso_vestigingen.csv'), regels(OUDE_VESTIGINGEN));
  await writeFile(join(map, 'data', 'nl_pc4_gemeente_2025.csv'), regels(PC4));
  await writeFile(join(map, 'data', 'nl_pc4_population_by_age_2021.csv'), regels(BEVOLKING));
  await writeFile(join(map, 'BRONNEN.md'), '# Bronnen\n\n## Updates\n\n');
  await writeFile(join(map, 'verdwenen.csv'), 'brin,vestiging,reden\n01AA,01,gesloten per 1 augustus 2026\n');
  await schrijfBron({ 'gemeenten-alfabetisch-2026.csv': NIEUW_CBS, '02.-alle-vestigingen-vo.csv': NIEUW_DUO });
});

describe('referentie bijwerken: een geldige update', () => {
  it('schrijft de nieuwe stand en meldt wat er veranderde', async () => {
    const v = await werkReferentiedataBij(map, { bron, verdwenen: join(map, 'verdwenen.csv'), peildatum: '2026-09-01' });
    expect(v.wijzigingen).toEqual({
      gemeentenToegevoegd: ['GM0004 Delta (RMC 02)'],
      gemeentenVervallen: [],
      gemeentenHernoemd: ['GM0002: Beta → Beta aan Zee'],
      regioGewijzigd: ['GM0001 Alfa: RMC 01 Noord → 02 Zuid'],
      vestigingenToegevoegd: ['03CC00 Delta School (Delta)'],
      vestigingenVervallen: ['01AA01 Gamma Mavo (Gamma): gesloten per 1 augustus 2026'],
      vestigingenGewijzigd: ["01AA00: name 'Alfa College, havo en vwo' → 'Alfa Lyceum, havo en vwo'"],
    });
    expect([v.gemeenten, v.aantalVo, v.aantalVso]).toEqual([4, 2, 1]);

    const gemeenten = await leesReferentieCsv(join(map, 'data', 'gemeenten.csv'));
    expect(gemeenten.map((g) => [g.gemeente_code, g.gemeente_name, g.rmc_code, g.rmc_assignment_source, g.has_vo_vestiging, g.population_12_23_2021_estimate, g.pc4_count])).toEqual([
      ['GM0001', 'Alfa', '02', 'duo_vo_vestigingen_2026', '1', '240', '1'],
      // no vo location: the region of the old snapshot stays, with its source
      ['GM0002', 'Beta aan Zee', '01', 'derived_regeling_2012', '0', '120', '1'],
      ['GM0003', 'Gamma', '02', 'duo_vo_vestigingen_2025', '0', '192', '1'],
      ['GM0004', 'Delta', '02', 'duo_vo_vestigingen_2026', '1', '96', '1'],
    ]);
    const vestigingen = await leesReferentieCsv(join(map, 'data', 'vo_vso_vestigingen.csv'));
    expect(vestigingen.map((r) => [r.vestigingscode, r.name, r.gemeente_code, r.rmc_code, r.postcode, r.student_count, r.is_vbo, r.is_mavo, r.is_vso])).toEqual([
      // pupil count and coordinates stay with a known location; a new one has none
      ['01AA00', 'Alfa Lyceum, havo en vwo', 'GM0001', '02', '1000AA', '600', '0', '0', '0'],
      ['02BB00', 'De Brug vso', 'GM0003', '02', '1002AB', '90', '0', '0', '1'],
      ['03CC00', 'Delta School', 'GM0004', '02', '1000AA', '', '1', '1', '0'],
    ]);
    expect(await readFile(join(map, 'BRONNEN.md'), 'utf8')).toMatch(/- \d{4}-\d{2}-\d{2}: peildatum 2026-09-01; gemeenten\.csv uit CBS `gemeenten-alfabetisch-2026\.csv` \(4 gemeenten\)/);

    // The delivery of `referentie --importeer` is made from the new snapshot.
    const uitvoer = await tijdelijkeMap('levering');
    expect(await schrijfReferentielevering(map, uitvoer)).toEqual([{ bestand: 'rmc_indeling.csv', rijen: 4 }, { bestand: 'instellingen.csv', rijen: 3 }]);
    expect(await readFile(join(uitvoer, 'instellingen.csv'), 'utf8')).toContain('"03CC","00","Delta School","GM0004","vo"');
  });

  it('leest een CBS-bestand in Windows-1252 met komma\'s en een oude DUO-kop (BRIN NUMMER, VESTIGINGSNUMMER)', async () => {
    await schrijfBron({ '02.-alle-vestigingen-vo.csv': NIEUW_DUO.map((r) => r.replace('"INSTELLINGSCODE"', '"BRIN NUMMER"').replace('"VESTIGINGSCODE"', '"VESTIGINGSNUMMER"')) });
    // 'è' is one byte (0xE8) in Windows-1252, so the file is not valid UTF-8.
    await writeFile(join(bron, 'gemeenten-alfabetisch-2026.csv'), Buffer.from(regels(NIEUW_CBS.map((r) => r.replaceAll(';', ',').replace('Beta aan Zee', 'Bèta'))), 'latin1'));
    const v = await werkReferentiedataBij(map, { bron, verdwenen: join(map, 'verdwenen.csv'), peildatum: '2026-09-01' });
    expect(v.wijzigingen.gemeentenHernoemd).toEqual(['GM0002: Beta → Bèta']);
    expect(v.aantalVo).toBe(2);
  });

  it('op de opdrachtregel: status 0 en het verslag; bij weigering status 1 met alle redenen en zonder stacktrace', async () => {
    const werkmap = await tijdelijkeMap('cwd');
    const env = { BINNENBOORD_REFERENTIEDATA: map };
    const geweigerd = await binnenboord(['referentie', 'bijwerken', '--bron', bron, '--peildatum', '2026-09-01'], { cwd: werkmap, env });
    expect(geweigerd.status).toBe(1);
    expect(geweigerd.stderr).toContain('De referentiedata is NIET bijgewerkt; 1 reden(en):');
    expect(geweigerd.stderr).toContain('01AA01 Gamma Mavo (Gamma)');
    expect(geweigerd.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

    const u = await binnenboord(['referentie', 'bijwerken', '--bron', bron, '--verdwenen', join(map, 'verdwenen.csv'), '--peildatum', '2026-09-01'], { cwd: werkmap, env });
    expect(u.stderr).toBe('');
    expect(u.status).toBe(0);
    expect(u.stdout).toContain(`Referentiedata in ${map} bijgewerkt`);
    expect(u.stdout).toContain('Gemeenten in een andere RMC-regio: 1\n  GM0001 Alfa: RMC 01 Noord → 02 Zuid\n');
    expect(u.stdout).toContain('Vestigingen vervallen: 1\n  01AA01 Gamma Mavo (Gamma): gesloten per 1 augustus 2026\n');
  });
});

describe('referentie bijwerken weigert, met elke reden, en laat de vorige stand staan', () => {
  it('een vo-vestiging verdwijnt zonder reden (en noemt die vestiging)', async () => {
    expect(await weigering()).toEqual([
      '1 vo-vestiging(en) van de vorige stand ontbreken in 02.-alle-vestigingen-vo.csv zonder reden; noem ze met een reden in een bestand voor --verdwenen (kolommen brin,vestiging,reden):\n      01AA01 Gamma Mavo (Gamma)',
    ]);
  });

  it('een --verdwenen-bestand met fouten: geen reden, niet verdwenen, onbekend, onleesbare codes, verkeerde kop', async () => {
    await writeFile(join(map, 'verdwenen.csv'), 'brin,vestiging,reden\n01AA,01,\n01AA,00,gesloten\n09ZZ,00,gesloten\n1A,0,gesloten\n');
    const r = await weigering({ verdwenen: join(map, 'verdwenen.csv') });
    expect(r).toContain('--verdwenen regel 2: vestiging 01AA01 heeft geen reden');
    expect(r).toContain('--verdwenen regel 3: vestiging 01AA00 staat nog in 02.-alle-vestigingen-vo.csv, is dus niet verdwenen');
    expect(r).toContain('--verdwenen regel 4: vestiging 09ZZ00 staat niet als vo-vestiging in de vorige stand');
    expect(r).toContain("--verdwenen regel 5: '1A' '0' is geen BRIN (2 cijfers, 2 hoofdletters) met vestigingscode (2 cijfers)");
    expect(r.some((x) => x.includes('01AA01 Gamma Mavo (Gamma)'))).toBe(true);

    await writeFile(join(map, 'verdwenen.csv'), 'brin;vestigingscode;toelichting\n');
    expect(await weigering({ verdwenen: join(map, 'verdwenen.csv') })).toContain(`--verdwenen ${join(map, 'verdwenen.csv')}: de kop moet de kolommen brin, vestiging en reden hebben`);
  });

  const gevallen: { naam: string; cbs?: readonly string[]; duo?: readonly string[]; verwacht: string[] }[] = [
    {
      naam: 'slecht gevormde gemeente- en provinciecodes (CBS)',
      cbs: [CBS_KOP, '1;G0001;Alfa;20;PV20;Groningen', '7;GM0002;Beta;20;PV20;Groningen', '3;GM0003;;21;P21;Friesland', '4;GM0004;Delta;21;PV21;Friesland'],
      verwacht: [
        "gemeenten-alfabetisch-2026.csv regel 2: GemeentecodeGM 'G0001' is geen GM gevolgd door 4 cijfers",
        "gemeenten-alfabetisch-2026.csv regel 3: Gemeentecode '7' hoort bij GM0002 niet (verwacht 2)",
        "gemeenten-alfabetisch-2026.csv regel 4: ProvinciecodePV 'P21' van GM0003 is geen PV gevolgd door 2 cijfers",
        'gemeenten-alfabetisch-2026.csv regel 4: GM0003 heeft geen Gemeentenaam',
      ],
    },
    {
      naam: 'slecht gevormde BRIN, vestigingscode, gemeentenummer, RMC-code en onderwijsstructuur (DUO)',
      duo: [
        DUO_KOP,
        duoRij('1AA', '1AA00', 'X', '0001', 'HAVO', '02', 'Zuid'),
        duoRij('01AA', '01AA0', 'Alfa Lyceum', '0001', 'HAVO/VWO', '02', 'Zuid'),
        duoRij('03CC', '03CC00', 'Delta School', '4', 'VBO/MAVO', '2', 'Zuid'),
        duoRij('03CC', '03CC01', 'Delta Twee', '0004', 'VBO/LWOO', '02', 'Zuid'),
      ],
      verwacht: [
        "02.-alle-vestigingen-vo.csv regel 2: BRIN '1AA' is geen 2 cijfers gevolgd door 2 hoofdletters",
        "02.-alle-vestigingen-vo.csv regel 3: vestigingscode '01AA0' is geen 2 cijfers (of de BRIN 01AA gevolgd door 2 cijfers)",
        "02.-alle-vestigingen-vo.csv regel 4: GEMEENTENUMMER '4' is geen 4 cijfers",
        "02.-alle-vestigingen-vo.csv regel 4: RMC-REGIO CODE '2' van vestiging 03CC00 is geen code van 2 cijfers",
        "02.-alle-vestigingen-vo.csv regel 5: ONDERWIJSSTRUCTUUR 'VBO/LWOO' van vestiging 03CC01 is onbekend (bekend: VBO, MAVO, HAVO, VWO, PRO, BRUGJAAR, VSO, (V)SO)",
      ],
    },
    {
      naam: 'een gemeente of vestiging twee keer',
      cbs: [...NIEUW_CBS, '4;GM0004;Delta;21;PV21;Friesland'],
      duo: [...NIEUW_DUO, duoRij('03CC', '03CC00', 'Delta School', '0004', 'VBO/MAVO', '02', 'Zuid')],
      verwacht: [
        'gemeenten-alfabetisch-2026.csv regel 6: gemeente GM0004 staat twee keer in het CBS-bestand',
        '02.-alle-vestigingen-vo.csv regel 4: vestiging 03CC00 staat twee keer in het DUO-bestand',
      ],
    },
    {
      naam: 'een vestiging in een gemeente die CBS niet kent',
      duo: [...NIEUW_DUO, duoRij('04DD', '04DD00', 'Nergens', '0099', 'HAVO', '02', 'Zuid')],
      verwacht: ['02.-alle-vestigingen-vo.csv regel 4: vestiging 04DD00 ligt in gemeente GM0099 (ALFA), die niet in het CBS-bestand staat'],
    },
    {
      naam: 'een gemeente in twee RMC-regio\'s',
      duo: [...NIEUW_DUO, duoRij('01AA', '01AA02', 'Alfa Mavo', '0001', 'MAVO', '01', 'Noord')],
      verwacht: ['gemeente GM0001 (Alfa) ligt volgens 02.-alle-vestigingen-vo.csv in meer dan één RMC-regio: 02 (01AA00); 01 (01AA02)'],
    },
    {
      naam: 'een RMC-code met twee namen',
      duo: [...NIEUW_DUO, duoRij('04DD', '04DD00', 'Gamma Havo', '0003', 'HAVO', '02', 'Zuidwest')],
      verwacht: ["02.-alle-vestigingen-vo.csv: RMC-regio 02 heeft meer dan één naam: 'Zuid', 'Zuidwest'"],
    },
    {
      naam: 'een nieuwe gemeente zonder vo-vestiging, dus zonder RMC-regio',
      duo: [NIEUW_DUO[0]!, NIEUW_DUO[1]!],
      verwacht: [
        'gemeente GM0004 (Delta) is nieuw en heeft geen vo-vestiging in 02.-alle-vestigingen-vo.csv, dus geen RMC-regio; leg de regio vast in de vorige stand (data/gemeenten.csv) of lever een DUO-bestand met een vestiging in die gemeente',
      ],
    },
    {
      naam: 'een gemeente zonder PC4-gebieden, en een vso-vestiging in een vervallen gemeente',
      cbs: [CBS_KOP, '1;GM0001;Alfa;20;PV20;Groningen', '2;GM0002;Beta;20;PV20;Groningen', '4;GM0004;Delta;21;PV21;Friesland', '5;GM0005;Epsilon;21;PV21;Friesland'],
      duo: [...NIEUW_DUO, duoRij('05EE', '05EE00', 'Epsilon College', '0005', 'HAVO', '02', 'Zuid')],
      verwacht: [
        'gemeente GM0005 (Epsilon) heeft geen PC4-gebieden in nl_pc4_gemeente_2025.csv; werk die tabel eerst bij (de generator plaatst personen per PC4)',
        'vso-vestiging 02BB00 (De Brug vso) ligt in gemeente GM0003 (Gamma), die niet meer in het CBS-bestand staat',
      ],
    },
  ];
  for (const g of gevallen) {
    it(g.naam, async () => {
      await schrijfBron({ 'gemeenten-alfabetisch-2026.csv': g.cbs ?? NIEUW_CBS, '02.-alle-vestigingen-vo.csv': g.duo ?? NIEUW_DUO });
      const r = await weigering({ verdwenen: join(map, 'verdwenen.csv') });
      for (const v of g.verwacht) expect(r).toContain(v);
    });
  }

  it('bronbestanden: ontbrekend, dubbel, niet herkend, kolom ontbreekt, geen geldige CSV; en een ongeldige peildatum', async () => {
    await writeFile(join(bron, 'gemeenten-alfabetisch-2026.csv'), regels([CBS_KOP.replace(';Provincienaam', '')]));
    await writeFile(join(bron, 'leesmij.csv'), 'a;b\n1;2\n');
    await writeFile(join(bron, 'kapot.csv'), '"RMC-REGIO CODE";"VESTIGINGSCODE"\n"01;"02"\n');
    await writeFile(join(bron, 'tweede-duo.csv'), regels(NIEUW_DUO));
    const r = await weigering({ peildatum: '2026-13-45' });
    expect(r).toEqual(expect.arrayContaining([
      "--peildatum '2026-13-45' is geen datum JJJJ-MM-DD",
      'gemeenten-alfabetisch-2026.csv (CBS gemeentelijke indeling): kolom Provincienaam ontbreekt',
      'leesmij.csv: niet herkend als DUO "02. alle vestigingen vo" of CBS gemeentelijke indeling (kop zonder RMC-REGIO CODE en VESTIGINGSCODE, of zonder GemeentecodeGM)',
      expect.stringMatching(/^kapot\.csv: geen geldig CSV-bestand: /),
      expect.stringMatching(/: meer dan één bestand DUO "02\. alle vestigingen vo": 02\.-alle-vestigingen-vo\.csv, tweede-duo\.csv$/),
    ]));

    const leeg = await tijdelijkeMap('leeg');
    expect(await weigering({ bron: leeg })).toEqual(expect.arrayContaining([
      expect.stringMatching(/: geen bestand DUO "02\. alle vestigingen vo" gevonden$/),
      expect.stringMatching(/: geen bestand CBS gemeentelijke indeling gevonden$/),
    ]));
    expect(await weigering({ bron: join(leeg, 'bestaat-niet') })).toEqual([`de bronmap ${join(leeg, 'bestaat-niet')} bestaat niet of is niet leesbaar`]);
  });

  it('alle redenen tegelijk, niet alleen de eerste', async () => {
    await schrijfBron({
      'gemeenten-alfabetisch-2026.csv': [...NIEUW_CBS, '9;GM9;Fout;21;PV21;Friesland'],
      '02.-alle-vestigingen-vo.csv': [...NIEUW_DUO, duoRij('04DD', '04DD00', 'Gamma Havo', '0003', 'HAVO', '02', 'Zuidwest')],
    });
    const r = await weigering();
    expect(r).toHaveLength(3);
    expect(r[0]).toContain("GemeentecodeGM 'GM9'");
    expect(r[1]).toContain('RMC-regio 02 heeft meer dan één naam');
    expect(r[2]).toContain('01AA01 Gamma Mavo (Gamma)');
  });
});
