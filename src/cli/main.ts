import { Command, Option } from 'commander';
import { DatabaseInUse, DatabaseUnavailable } from '../db/open.js';
import { LeveringOnverwerkbaar } from '../importeren/importeer.js';
import { BijwerkenGeweigerd } from '../referentie/bijwerken.js';
import { ReferentiedataOntbreekt } from '../referentie/referentiedata.js';
import {
  UsageError, afgewezenCommand, auditControleerCommand, bewaartermijnenCommand, demoCommand, importCommand, leveringenCommand, normenCommand, referentieBijwerkenCommand, referentieCommand,
  tellingCommand, verklaarCommand, type Write,
} from './commands.js';
import { registreerAccountCommands } from './accountCommands.js';
import { registreerGeneratorCommands } from './generatorCommands.js';
import { registreerVerzuimCommands } from './verzuimCommands.js';
import { OnbruikbaarBestand } from '../verzuim/importeer.js';
import { lijstCommand } from './lijstCommand.js';

/** `binnenboord` — the command line of cli.md. */
const write: Write = (t) => process.stdout.write(t);
const database = () => new Option('--database <locatie>', 'map van de ingebedde database, of een postgres:// URL (of BINNENBOORD_DATABASE)');

function program(): Command {
  // exitOverride before the subcommands are added: they copy it when created, so that their
  // usage errors also reach main() (exit status 2) instead of commander's own process.exit(1).
  const p = new Command('binnenboord')
    .description('Binnenboord: registratiedata inlezen en de officiële vsv-telling uitvoeren')
    .showHelpAfterError()
    .exitOverride();

  p.command('import').argument('<map>', 'map met de bestanden van de levering (levering.md)')
    .description('lees een levering in; afgewezen rijen worden gemeld en bewaard')
    .addOption(database())
    .action((map: string, o) => importCommand(map, o, write));

  p.command('telling').description('voer de vsv-telling van een schooljaar uit en sla haar op')
    .requiredOption('--schooljaar <T-T+1>', 'bijv. 2019-2020')
    .option('--status <status>', 'definitief of voorlopig', 'definitief')
    .option('--uitvoer <map>', 'schrijf personen.csv, instellingen.csv, regios.csv en landelijk.csv')
    .option('--werkuren <uren>', 'drempel voor entreediploma met werk (standaard 12, of BINNENBOORD_WERKUREN_DREMPEL)')
    .addOption(database())
    .action((o) => tellingCommand(o, write));

  p.command('verklaar').description('leg uit waarom een persoon wel of niet als vsv\'er telt')
    .requiredOption('--schooljaar <T-T+1>', 'bijv. 2019-2020')
    .requiredOption('--persoon <id>', 'persoon_id')
    .option('--status <status>', 'definitief of voorlopig', 'definitief')
    .option('--werkuren <uren>', 'drempel voor entreediploma met werk')
    .addOption(database())
    .action((o) => verklaarCommand(o, write));

  p.command('normen').description('toets de instellingen aan de prestatienormen')
    .requiredOption('--schooljaar <T-T+1>', 'bijv. 2013-2014')
    .option('--brin <brin>', 'alleen deze instelling')
    .option('--status <status>', 'definitief of voorlopig', 'definitief')
    .addOption(database())
    .action((o) => normenCommand(o, write));

  p.command('afgewezen').description('alle afgewezen rijen als CSV (met bestand, regel, kolom en reden)')
    .option('--levering <id>', 'alleen deze levering')
    .addOption(database())
    .action((o) => afgewezenCommand(o, write));

  p.command('leveringen').description('overzicht van de ingelezen leveringen')
    .addOption(database())
    .action((o) => leveringenCommand(o, write));

  const referentie = p.command('referentie')
    .description('maak een levering van gemeenten, RMC-indeling en vo-vestigingen uit referentiedata/ (of BINNENBOORD_REFERENTIEDATA)')
    .option('--uitvoer <map>', 'schrijf rmc_indeling.csv en instellingen.csv in deze map')
    .option('--importeer', 'lees de levering meteen in')
    .addOption(database())
    .action((o) => referentieCommand(o, write));
  referentie.command('bijwerken')
    .description('vervang gemeenten en vo-vestigingen van referentiedata/ door nieuwere bestanden van DUO ("02. alle vestigingen vo") en CBS (gemeentelijke indeling), na controle')
    .requiredOption('--bron <map>', 'map met het DUO- en het CBS-bestand (CSV zoals gepubliceerd; herkend aan de kop)')
    .option('--verdwenen <bestand>', 'CSV met brin,vestiging,reden: vo-vestigingen die niet meer in het DUO-bestand staan, met de reden')
    .option('--peildatum <JJJJ-MM-DD>', 'datum van de nieuwe bestanden (standaard vandaag)')
    .action((o) => referentieBijwerkenCommand(o, write));

  p.command('demo').description('lees de rekenvoorbeelden in en toon de landelijke cijfers (npm start)')
    .addOption(database())
    .action((o) => demoCommand(o, write));

  const audit = p.command('audit').description('het audittrail van inzage in persoonsgegevens');
  audit.command('controleer').description('controleer de hashketen; status 1 en de eerste gebroken schakel als er iets is gewijzigd of verwijderd')
    .addOption(database())
    .action((o) => auditControleerCommand(o, write));

  p.command('bewaartermijnen').description('bewaartermijnen van persoonsgegevens')
    .command('toepassen').description('verwijder wat verlopen is, in delen, en leg elke verwijdering vast (de server doet dit dagelijks)')
    .option('--peildatum <JJJJ-MM-DD>', 'de datum waarop de termijnen worden bepaald (standaard vandaag)')
    .addOption(database())
    .action((o) => bewaartermijnenCommand(o, write));
  p.command('lijst').description('een maandlijst (lijsten.md) als CSV: uitschrijvingen, werkvoorraad, herinschrijvingen, startset, uitval of verlate-startkwalificatie')
    .requiredOption('--soort <lijst>', 'uitschrijvingen, werkvoorraad, herinschrijvingen, startset, uitval of verlate-startkwalificatie')
    .requiredOption('--maand <JJJJ-MM>', 'bijv. 2024-03 (peildatum 1 maart 2024)')
    .option('--rmc <code>', 'alleen wie op de peildatum in deze RMC-regio woont')
    .option('--gemeente <code>', 'alleen wie op de peildatum in deze gemeente woont')
    .option('--brin <brin>', 'alleen wie het laatst bij deze instelling bekostigd ingeschreven stond')
    .option('--uitvoer <bestand>', 'schrijf de CSV in dit bestand (anders naar standaarduitvoer)')
    .addOption(database())
    .action((o) => lijstCommand(o, write, (t) => process.stderr.write(t)));

  registreerGeneratorCommands(p, write);
  registreerAccountCommands(p, write);
  registreerVerzuimCommands(p, write);
  return p;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    const bekend = e instanceof UsageError || e instanceof LeveringOnverwerkbaar || e instanceof DatabaseUnavailable || e instanceof DatabaseInUse || e instanceof ReferentiedataOntbreekt || e instanceof BijwerkenGeweigerd || e instanceof OnbruikbaarBestand;
    process.stderr.write(`binnenboord: ${bekend ? (e as Error).message : (e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
