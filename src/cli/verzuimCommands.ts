import { stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { importeerVerzuimmeldingen, type Verzuimimportverslag } from '../verzuim/importeer.js';
import { publiceerVerzuimcijfers } from '../verzuim/publiceren.js';
import { isSchooljaar } from '../domain/verzuim/cijfers.js';
import { UsageError, cliToegang, withDatabase, type Write } from './commands.js';

/**
 * `binnenboord verzuim importeer FILE --brin XXXX`: files the absence reports of one school
 * from a CSV file (docs/verzuim.md) and prints, per line, what was filed and what was refused
 * and why. The output names line numbers, never a person.
 */
export function printVerzuimverslag(v: Verzuimimportverslag, write: Write): void {
  const regels = new Set(v.geweigerd.map((g) => g.regel));
  write(`${v.gelezen} melding(en) gelezen: ${v.gemeld.length} gemeld, ${regels.size} geweigerd.\n`);
  const teLaat = v.gemeld.filter((g) => g.tijdigheid === 'te-laat').length;
  if (teLaat > 0) write(`${teLaat} melding(en) te laat gemeld (later dan 5 schooldagen na de drempel).\n`);
  if (v.gemeld.length > 0) {
    write('\nGemeld:\n');
    for (const g of v.gemeld) {
      const naar = g.behandelaar === 'rmc' ? `RMC-regio ${g.rmcCode} (woongemeente ${g.gemeenteCode})` : `leerplicht ${g.gemeenteCode}`;
      write(`  regel ${g.regel}: melding ${g.meldingId} naar ${naar}, ${g.tijdigheid}${g.opmerkingen.length ? `; ${g.opmerkingen.join('; ')}` : ''}\n`);
    }
  }
  if (v.geweigerd.length > 0) {
    write('\nGeweigerd:\n');
    for (const g of v.geweigerd) write(`  regel ${g.regel}${g.kolom ? `, kolom ${g.kolom}` : ''}: ${g.reden}\n`);
  }
}

export async function verzuimImporteerCommand(bestand: string, opties: { brin: string; database?: string; vandaag?: string }, write: Write): Promise<void> {
  if (!/^\d{2}[A-Z]{2}$/.test(opties.brin)) throw new UsageError(`--brin '${opties.brin}' is geen BRIN-code (2 cijfers en 2 hoofdletters, bijv. 25LX)`);
  const info = await stat(bestand).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`'${bestand}' is geen bestand`);
  const verslag = await withDatabase(opties.database, (db) => importeerVerzuimmeldingen(db, bestand, {
    brin: opties.brin, gebruiker: cliToegang('verzuim.importeren'), ...(opties.vandaag ? { vandaag: opties.vandaag } : {}),
  }));
  printVerzuimverslag(verslag, write);
}

/**
 * `binnenboord verzuim publiceren --schooljaar 2024-2025`: recomputes the public absence figures
 * of a school year (docs/rules/verzuim-cijfers.md, "Openbare verzuimcijfers"); the server also
 * does this daily for the current and the previous school year. Prints counts, never a person.
 */
export async function verzuimPubliceerCommand(opties: { schooljaar: string; database?: string }, write: Write): Promise<void> {
  if (!isSchooljaar(opties.schooljaar)) throw new UsageError(`--schooljaar '${opties.schooljaar}' is geen schooljaar: twee opeenvolgende jaren, zoals 2024-2025`);
  cliToegang('beheer.opdrachtregel');
  const uit = await withDatabase(opties.database, (db) => publiceerVerzuimcijfers(db, opties.schooljaar));
  const vsv = uit.tellingStatus ? `vsv'ers uit de ${uit.tellingStatus}e telling` : 'geen telling van dit schooljaar, dus geen aandeel vsv\'ers met een melding';
  write(`Openbare verzuimcijfers van ${opties.schooljaar} berekend: ${uit.meldingen} melding(en), ${uit.rijen} cijfers; ${vsv}.\n`);
}

export function registreerVerzuimCommands(p: Command, write: Write): void {
  const verzuim = p.command('verzuim').description('verzuimmeldingen van scholen aan leerplicht en RMC');
  verzuim.command('importeer').argument('<bestand>', 'CSV-bestand met verzuimmeldingen (docs/verzuim.md)')
    .description('lees verzuimmeldingen van één school in; elke regel wordt gecontroleerd en naar de woongemeente of RMC-regio gerouteerd')
    .requiredOption('--brin <brin>', 'de school die meldt; elke regel moet deze BRIN hebben')
    .addOption(new Option('--vandaag <JJJJ-MM-DD>', 'datum van vandaag (voor tests en het naspelen van een oude import)').hideHelp())
    .addOption(new Option('--database <locatie>', 'map van de ingebedde database, of een postgres:// URL (of BINNENBOORD_DATABASE)'))
    .action((bestand: string, o) => verzuimImporteerCommand(bestand, o, write));
  verzuim.command('publiceren')
    .description('bereken de openbare verzuimcijfers (landelijk en per RMC-regio, afgeschermd gepubliceerd) van een schooljaar opnieuw')
    .requiredOption('--schooljaar <JJJJ-JJJJ>', 'het schooljaar (1 augustus t/m 31 juli), bijv. 2024-2025')
    .addOption(new Option('--database <locatie>', 'map van de ingebedde database, of een postgres:// URL (of BINNENBOORD_DATABASE)'))
    .action((o) => verzuimPubliceerCommand(o, write));
}
