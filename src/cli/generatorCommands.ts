import type { Command } from 'commander';
import { parseSchooljaar } from '../domain/schooljaar.js';
import { referentiedataMap } from '../config.js';
import { genereer, type Generatorverslag } from '../generator/genereer.js';
import { kalibreerInProces } from '../kalibratie/inProces.js';
import { kalibreerMetDatabase } from '../kalibratie/metDatabase.js';
import { kalibratierapport } from './kalibratierapport.js';
import { UsageError, type Write } from './commands.js';
import { table } from './table.js';

/**
 * The generator's commands: `genereer` (a synthetic national delivery) and `kalibratie`
 * (generate, import, count and compare with the published figures). Registered by main.ts.
 */
export function parseSchaal(tekst: string | undefined, standaard = 1): number {
  if (tekst === undefined) return standaard;
  const schaal = Number(tekst);
  if (!Number.isFinite(schaal) || schaal <= 0 || schaal > 2) throw new UsageError(`--schaal '${tekst}' is geen getal tussen 0 en 2 (1 = heel Nederland)`);
  return schaal;
}

export function parseZaad(tekst: string | undefined): number {
  if (tekst === undefined) return 1;
  const zaad = Number(tekst);
  if (!Number.isInteger(zaad) || zaad < 0 || zaad > 0xffffffff) throw new UsageError(`--zaad '${tekst}' is geen geheel getal van 0 tot 4294967295`);
  return zaad;
}

export function parseJaar(tekst: string, optie: string): number {
  const jaar = parseSchooljaar(tekst);
  if (!jaar) throw new UsageError(`${optie} '${tekst}' is geen schooljaar; schrijf het als JJJJ-JJJJ, bijv. 2016-2017`);
  if (jaar.jaar < 2008 || jaar.jaar > 2035) throw new UsageError(`${optie} ${tekst} ligt buiten 2008-2009 … 2035-2036`);
  return jaar.jaar;
}

export function printGeneratorverslag(v: Generatorverslag, write: Write): void {
  write(`Levering geschreven naar ${v.map} in ${v.seconden.toFixed(1)} s: ${v.personen.toLocaleString('nl-NL')} personen `
    + `(van ${v.gesimuleerd.toLocaleString('nl-NL')} gesimuleerd; wie vóór het eerste schooljaar al van school was, is weggelaten); `
    + `gegevens tot en met ${v.dataEinde}.\n`);
  const totaal = Object.values(v.rijen).reduce((s, n) => s + n, 0);
  write(`${table(['bestand', 'rijen'], [...Object.entries(v.rijen).map(([b, n]) => [b, n] as [string, number]), ['totaal', totaal]])}\n`);
  write(`${Math.round(totaal / v.seconden).toLocaleString('nl-NL')} rijen/s.\n`);
}

interface GenereerOpties { uitvoer: string; schaal?: string; zaad?: string; van: string; tot: string; stil?: boolean }

export async function genereerCommand(o: GenereerOpties, write: Write): Promise<void> {
  const van = parseJaar(o.van, '--van');
  const tot = parseJaar(o.tot, '--tot');
  if (tot < van) throw new UsageError(`--tot ${o.tot} ligt vóór --van ${o.van}`);
  const verslag = await genereer({
    uitvoer: o.uitvoer, schaal: parseSchaal(o.schaal), zaad: parseZaad(o.zaad), van, tot,
    voortgang: o.stil ? undefined : (m) => process.stderr.write(`${m}\n`),
  });
  printGeneratorverslag(verslag, write);
}

export function registreerGeneratorCommands(p: Command, write: Write): void {
  p.command('genereer').description('schrijf een synthetische landelijke levering (levering.md), gekalibreerd op de gepubliceerde vsv-cijfers')
    .requiredOption('--uitvoer <map>', 'map voor de bestanden van de levering')
    .option('--schaal <factor>', '1 = heel Nederland (ca. 1,4 miljoen in de startpopulatie per schooljaar)', '1')
    .option('--zaad <getal>', 'zaad van de toevalsgenerator; zelfde zaad en opties geven dezelfde bytes', '1')
    .option('--van <T-T+1>', 'eerste schooljaar', '2016-2017')
    .option('--tot <T-T+1>', 'laatste schooljaar (de levering loopt tot en met 31 december erna)', '2023-2024')
    .option('--stil', 'geen voortgang op stderr')
    .action((o: GenereerOpties) => genereerCommand(o, write));

  p.command('kalibratie').description('genereer, lees in, tel elk schooljaar (definitief) en zet de uitkomst naast de gepubliceerde vsv-cijfers')
    .option('--schaal <factor>', 'deel van heel Nederland', '0.02')
    .option('--zaad <getal>', 'zaad van de toevalsgenerator', '1')
    .option('--van <T-T+1>', 'eerste schooljaar', '2016-2017')
    .option('--tot <T-T+1>', 'laatste schooljaar', '2023-2024')
    .option('--database <locatie>', 'tel in deze database; heeft zij al een levering, dan wordt niets gegenereerd of ingelezen (anders: een nieuwe ingebedde database in een tijdelijke map)')
    .option('--levering <map>', 'schrijf de gegenereerde levering hier (anders een tijdelijke map, daarna verwijderd)')
    .option('--snel', 'geen bestanden en geen database: de regels van de telling direct op de gegenereerde personen (om parameters af te stemmen)')
    .option('--stil', 'geen voortgang op stderr')
    .action((o: KalibratieOpties) => kalibratieCommand(o, write));
}

interface KalibratieOpties { schaal?: string; zaad?: string; van: string; tot: string; snel?: boolean; database?: string; levering?: string; stil?: boolean }

export async function kalibratieCommand(o: KalibratieOpties, write: Write): Promise<void> {
  const van = parseJaar(o.van, '--van');
  const tot = parseJaar(o.tot, '--tot');
  if (tot < van) throw new UsageError(`--tot ${o.tot} ligt vóór --van ${o.van}`);
  const schaal = parseSchaal(o.schaal, 0.02);
  const zaad = parseZaad(o.zaad);
  const voortgang = o.stil ? undefined : (m: string) => process.stderr.write(`${m}\n`);
  const start = performance.now();
  const uitkomsten = o.snel
    ? await kalibreerInProces({ schaal, zaad, van, tot, voortgang })
    : await kalibreerMetDatabase({ schaal, zaad, van, tot, voortgang, database: o.database, levering: o.levering }, write);
  write(`\nKalibratie: schaal ${schaal}, zaad ${zaad}, schooljaren ${van}-${van + 1} tot en met ${tot}-${tot + 1}, `
    + `${o.snel ? 'regels van de telling in het proces (--snel)' : 'ingelezen en geteld met binnenboord telling (definitief)'}; `
    + `${((performance.now() - start) / 1000).toFixed(0)} s.\n\n`);
  write(await kalibratierapport(uitkomsten, schaal, referentiedataMap()));
}
