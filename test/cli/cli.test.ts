import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { binnenboord, type Uitkomst } from '../support/cli.js';
import { describeDatabases, geslotenPoort, metDatabase, tijdelijkeMap } from '../support/database.js';
import { VOORBEELDEN } from '../support/gedeeld.js';
import { aantallen, csv, gesorteerdeCsv, momentopname, schrijfLevering, voorbeelden } from '../support/levering.js';

/**
 * The command line of cli.md, run as a user runs it (node bin/binnenboord.js). Exit status:
 * 0 done (also when rows were rejected), 1 could not be done (with a message, no stack trace),
 * 2 the command line itself is wrong (commander: unknown command, missing required option).
 */
const geenStacktrace = (u: Uitkomst) => expect(u.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

describeDatabases('binnenboord op de opdrachtregel', (driver) => {
  let locatie: string;
  let werkmap: string;
  const bb = (...args: string[]) => binnenboord([...args, '--database', locatie], { cwd: werkmap });

  beforeAll(async () => {
    locatie = await driver.nieuweLocatie();
    werkmap = await tijdelijkeMap('cwd');
  });

  it('import van de rekenvoorbeelden: status 0 en per bestand gelezen, geïmporteerd, vervangen, ongewijzigd, afgewezen', async () => {
    const u = await bb('import', voorbeelden().levering);
    expect(u.stderr).toBe('');
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/^Levering 'levering' verwerkt \(levering 1, sha256 [0-9a-f]{16}…\)\./);
    expect(u.stdout).toMatch(/^personen\.csv\s+16\s+16\s+0\s+0\s+0$/m);
    expect(u.stdout).toMatch(/^inschrijvingen\.csv\s+18\s+18\s+0\s+0\s+0$/m);
  });

  it('telling --uitvoer: status 0, landelijke cijfers, en de vier bestanden zijn die van de spec', async () => {
    const uitvoer = join(werkmap, 'uitvoer');
    const u = await bb('telling', '--schooljaar', '2019-2020', '--uitvoer', uitvoer);
    expect(u.stderr).toBe('');
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/Telling 2019-2020 \(definitief\) opgeslagen als run 1; definitie .+; werkurendrempel 12; leveringen 1\./);
    expect(u.stdout).toMatch(/^totaal\s+13\s+4\s+30\.77$/m);
    for (const b of ['personen.csv', 'instellingen.csv', 'regios.csv', 'landelijk.csv']) {
      expect((await gesorteerdeCsv(join(uitvoer, b))).equals(await gesorteerdeCsv(join(voorbeelden().uitvoer, b))), b).toBe(true);
    }
  });

  it('dezelfde levering nogmaals: status 0, zegt dat zij al is ingelezen (welke, wanneer) en verandert niets', async () => {
    const voor = await metDatabase(locatie, momentopname);
    const u = await bb('import', voorbeelden().levering);
    expect(u.stderr).toBe('');
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/^Levering 'levering' is al ingelezen: levering 1 \('levering', ontvangen \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\) bestaat uit precies dezelfde bestanden \(sha256 [0-9a-f]{16}…\)\. Er is niets veranderd\.\n$/);
    expect(await metDatabase(locatie, momentopname)).toEqual(voor);
  });

  it('een levering met kapotte bestanden: status 1, elke reden van elk bestand, alleen de weigering vastgelegd', async () => {
    const map = await schrijfLevering({
      'personen.csv': 'persoon_id;geboortedatum;geslacht\nW01;2004-01-01;V\n',
      'werk.csv': 'persoon_id,vanaf,tot\nW01,2020-01-01,\n',
    });
    const voor = await metDatabase(locatie, aantallen);
    const u = await bb('import', map);
    expect(u.status).toBe(1);
    expect(u.stdout).toBe('');
    geenStacktrace(u);
    expect(u.stderr).toMatch(/^binnenboord: Levering '.+' geweigerd: 2 bestanden zijn niet te lezen als levering\.md\. Er is niets van ingelezen; de weigering is vastgelegd als weigering 1 \(binnenboord leveringen\)\.\n/);
    expect(u.stderr).toContain(`  - personen.csv: niet door komma's gescheiden: de kopregel 'persoon_id;geboortedatum;geslacht' is alleen met puntkomma's in kolommen te splitsen; dit is een bestand met puntkomma's, zoals Nederlandse Excel het opslaat: sla het op als "CSV UTF-8 (door komma's gescheiden)"\n`);
    expect(u.stderr).toContain("  - werk.csv: verplichte kolom 'uren_per_week' ontbreekt in de kopregel");
    expect(u.stderr).toMatch(/Herstel deze bestanden en lever de hele levering opnieuw aan\.\n$/);
    expect(await metDatabase(locatie, aantallen)).toEqual({ ...voor, levering_weigering: 1 });

    const l = await bb('leveringen');
    expect(l.status).toBe(0);
    expect(l.stdout).toMatch(/Geweigerde leveringen \(niets van ingelezen\):\nweigering 1 {2}levering-\S+ {2}ontvangen \d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}sha256 [0-9a-f]{12}\n {2}- personen\.csv: niet door komma's gescheiden.*\n {2}- werk\.csv: verplichte kolom 'uren_per_week'/);
  });

  it('--werkuren verandert de drempel van de telling', async () => {
    const u = await bb('telling', '--schooljaar', '2019-2020', '--werkuren', '21');
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/werkurendrempel 21;/);
    expect(u.stdout).toMatch(/^mbo\s+8\s+4\s+50\.00$/m);
  });

  it('verklaar: status 0, noemt de beslissende regel, en schrijft een auditregel', async () => {
    const u = await bb('verklaar', '--schooljaar', '2019-2020', '--persoon', 'P07');
    expect(u.status).toBe(0);
    expect(u.stdout).toContain('mbo1-werk: JA');
    expect(u.stdout).toContain("Besluit: geen vsv'er, reden mbo1-werk.");
    const audit = await metDatabase(locatie, (db) => db.query(`SELECT a.account_id, p.referentie = persoon_referentie('P07') AS zelfde
      FROM audit a JOIN audit_persoon p ON p.audit_id = a.id WHERE a.handeling = 'persoon.verklaren'`));
    expect(audit).toEqual([{ account_id: expect.stringMatching(/^cli:/), zelfde: true }]);
  });

  it('audit controleer: status 0 bij een hele keten, status 1 met het record bij een gewijzigd record', async () => {
    const heel = await bb('audit', 'controleer');
    expect(heel.status).toBe(0);
    expect(heel.stdout).toMatch(/Het audittrail is intact: \d+ record/);
    let doel = '';
    await metDatabase(locatie, async (db) => {
      doel = (await db.query<{ doel: string }>('SELECT doel FROM audit WHERE id = 1'))[0]!.doel;
      await db.exec('ALTER TABLE audit DISABLE TRIGGER USER');
      await db.exec("UPDATE audit SET doel = 'iets anders' WHERE id = 1");
      await db.exec('ALTER TABLE audit ENABLE TRIGGER USER');
    });
    const kapot = await bb('audit', 'controleer');
    expect(kapot.status).toBe(1);
    expect(kapot.stderr).toContain('NIET intact: record 1: de inhoud past niet bij de opgeslagen hash');
    // repaired again, for the tests after this one
    await metDatabase(locatie, async (db) => {
      await db.exec('ALTER TABLE audit DISABLE TRIGGER USER');
      await db.query('UPDATE audit SET doel = $1 WHERE id = 1', [doel]);
      await db.exec('ALTER TABLE audit ENABLE TRIGGER USER');
    });
    expect((await bb('audit', 'controleer')).status).toBe(0);
  });

  it('import met afgewezen rijen: status 0, elke afwijzing met bestand, regel, kolom en reden', async () => {
    const map = await schrijfLevering({
      'personen.csv': csv(['persoon_id', 'geboortedatum', 'geslacht'], ['N01', '2004-01-01', 'V'], ['N02', '2019-02-30', 'M']),
      'werk.csv': 'persoon_id,vanaf,tot,uren_per_week\nN01,2020-01-01,,"12,5"\n',
    });
    const u = await bb('import', map);
    expect(u.stderr).toBe('');
    expect(u.status).toBe(0);
    expect(u.stdout).toContain('2 rij(en) afgewezen en bewaard (binnenboord afgewezen --levering 2 geeft ze alle):');
    expect(u.stdout).toMatch(/personen\.csv regel 3, kolom geboortedatum: '2019-02-30' is geen bestaande datum/);
    expect(u.stdout).toMatch(/werk\.csv regel 2, kolom uren_per_week: '12,5': gebruik een punt als decimaalteken, bijv\. 12\.5/);

    const q = await bb('afgewezen', '--levering', '2');
    expect(q.status).toBe(0);
    expect(q.stdout.split('\n')[0]).toBe('levering_id,bestand,regel,kolom,reden,inhoud');
    expect(q.stdout).toContain('2,personen.csv,3,geboortedatum,');
    expect(q.stdout).toContain('N02,2019-02-30,M');
    expect(q.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('leveringen: een overzicht van alle ingelezen leveringen', async () => {
    const u = await bb('leveringen');
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/^1\s+levering\s/m);
    expect(u.stdout).toMatch(/^2\s+levering-\S+\s.*\s2$/m);
    expect(u.stdout).not.toMatch(/^3\s/m);
  });

  it('import van een map die niet bestaat: status 1, melding, niets veranderd', async () => {
    const voor = await metDatabase(locatie, momentopname);
    const u = await bb('import', join(werkmap, 'bestaat-niet'));
    expect(u.status).toBe(1);
    expect(u.stdout).toBe('');
    expect(u.stderr).toBe(`binnenboord: map ${join(werkmap, 'bestaat-niet')} bestaat niet of is geen map\n`);
    expect(await metDatabase(locatie, momentopname)).toEqual(voor);
  });

  it('--schooljaar dat geen schooljaar is: status 1 en uitleg hoe het wel moet', async () => {
    for (const fout of ['2019-2021', '2019', '19-20']) {
      const u = await bb('telling', '--schooljaar', fout);
      expect(u.status, fout).toBe(1);
      expect(u.stderr).toBe(`binnenboord: --schooljaar '${fout}' is geen schooljaar; schrijf het als JJJJ-JJJJ, bijv. 2019-2020\n`);
    }
    expect((await metDatabase(locatie, aantallen)).telling_run).toBe(2);
  });

  it('--status die niet bestaat: status 1', async () => {
    const u = await bb('telling', '--schooljaar', '2019-2020', '--status', 'concept');
    expect(u.status).toBe(1);
    expect(u.stderr).toBe("binnenboord: --status 'concept' is onbekend; kies definitief of voorlopig\n");
  });

  it('een ongeldige werkurendrempel: status 1 met melding, geen stacktrace', async () => {
    const u = await bb('telling', '--schooljaar', '2019-2020', '--werkuren', 'veel');
    expect(u.status).toBe(1);
    expect(u.stderr).toContain("werkurendrempel 'veel' is geen getal ≥ 0");
    geenStacktrace(u);
  });

  it('BINNENBOORD_DATABASE geldt als er geen --database is', async () => {
    const u = await binnenboord(['leveringen'], { cwd: werkmap, env: { BINNENBOORD_DATABASE: locatie } });
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/^2\s+levering-/m);
  });
}, { overgeslagen: VOORBEELDEN.reden });

describe('binnenboord zonder database', () => {
  let werkmap: string;
  beforeAll(async () => {
    werkmap = await tijdelijkeMap('cwd');
  });

  it('--help: status 0 en de opdrachten van cli.md', async () => {
    const u = await binnenboord(['--help'], { cwd: werkmap });
    expect(u.status).toBe(0);
    for (const opdracht of ['import', 'telling', 'verklaar', 'afgewezen', 'leveringen']) expect(u.stdout).toMatch(new RegExp(`^\\s+${opdracht}\\b`, 'm'));
  });

  it('een onbekende opdracht: status 2', async () => {
    const u = await binnenboord(['tel'], { cwd: werkmap });
    expect(u.status).toBe(2);
    expect(u.stderr).toContain("unknown command 'tel'");
  });

  it('telling zonder --schooljaar: status 2', async () => {
    const u = await binnenboord(['telling'], { cwd: werkmap });
    expect(u.status).toBe(2);
    expect(u.stderr).toContain("required option '--schooljaar <T-T+1>' not specified");
  });

  it('import zonder map: status 2', async () => {
    const u = await binnenboord(['import'], { cwd: werkmap });
    expect(u.status).toBe(2);
    expect(u.stderr).toContain("missing required argument 'map'");
  });

  it('een PostgreSQL-server die niet luistert: status 1, "niet bereikbaar", wachtwoord verborgen', async () => {
    const poort = await geslotenPoort();
    const u = await binnenboord(['leveringen', '--database', `postgres://jan:geheim@127.0.0.1:${poort}/bb`], { cwd: werkmap });
    expect(u.status).toBe(1);
    expect(u.stderr).toMatch(new RegExp(`^binnenboord: PostgreSQL-server postgres://jan:\\*\\*\\*@127\\.0\\.0\\.1:${poort}/bb is niet bereikbaar: .*ECONNREFUSED`));
    expect(u.stderr).not.toContain('geheim');
    geenStacktrace(u);
  });

  it('zonder --database en BINNENBOORD_DATABASE: de ingebedde database in ./.binnenboord', async () => {
    const u = await binnenboord(['leveringen'], { cwd: werkmap });
    expect(u.status).toBe(0);
    expect(existsSync(join(werkmap, '.binnenboord', 'PG_VERSION'))).toBe(true);
  });
});

describe('main() in het eigen proces', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const stil = () => {
    const uit = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const fout = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return { uit, fout };
  };

  it('een gebruiksfout in een subopdracht geeft 2 terug en beëindigt het proces niet', async () => {
    const { fout } = stil();
    const exit = vi.spyOn(process, 'exit');
    expect(await main(['telling'])).toBe(2);
    expect(await main(['import'])).toBe(2);
    expect(exit).not.toHaveBeenCalled();
    expect(fout.mock.calls.map((c) => String(c[0])).join('')).toContain("required option '--schooljaar <T-T+1>' not specified");
  });

  it('--help van een subopdracht geeft 0', async () => {
    const { uit } = stil();
    expect(await main(['telling', '--help'])).toBe(0);
    expect(uit.mock.calls.map((c) => String(c[0])).join('')).toContain('--schooljaar <T-T+1>');
  });
});
