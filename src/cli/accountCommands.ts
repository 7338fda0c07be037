import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { leesAccountOpNaam, leesAccounts } from '../db/accounts.js';
import type { Db } from '../db/database.js';
import { scopeTekst } from '../domain/toegang/rollen.js';
import { AccountFout, maakAccount, maakMachineclient, wijzigAccountgegevens, zetWachtwoord } from '../toegang/accounts.js';
import { UsageError, withDatabase, type Write } from './commands.js';
import { table } from './table.js';

/**
 * `binnenboord account maak|wijzig|blokkeer|lijst` and `binnenboord machineclient maak`:
 * accounts on the command line, e.g. the first beheer account of a production install.
 * A password is read from stdin (--wachtwoord-stdin) or asked for without echo; it is never
 * printed, logged or accepted as an argument (arguments show in `ps` and shell history).
 */
const database = () => new Option('--database <locatie>', 'map van de ingebedde database, of een postgres:// URL (of BINNENBOORD_DATABASE)');

async function leesStdin(): Promise<string> {
  let tekst = '';
  for await (const stuk of process.stdin) tekst += stuk.toString('utf8');
  return tekst.replace(/\r?\n$/, '');
}

/** Asks twice on a terminal, without showing what is typed. */
async function vraagWachtwoord(): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('geen terminal om het wachtwoord te vragen: geef het via stdin met --wachtwoord-stdin');
  const vraag = async (tekst: string) => {
    let stil = false;
    const uit = new Writable({ write: (stuk, _c, klaar) => { if (!stil) process.stderr.write(stuk); klaar(); } });
    const rl = createInterface({ input: process.stdin, output: uit, terminal: true });
    const antwoord = await new Promise<string>((klaar) => {
      rl.question(tekst, klaar);
      stil = true;
    });
    rl.close();
    process.stderr.write('\n');
    return antwoord;
  };
  const eerste = await vraag('Wachtwoord: ');
  if ((await vraag('Nog een keer: ')) !== eerste) throw new UsageError('de twee wachtwoorden zijn niet gelijk');
  return eerste;
}

async function wachtwoord(o: { wachtwoordStdin?: boolean }): Promise<string> {
  return o.wachtwoordStdin ? leesStdin() : vraagWachtwoord();
}

function alsGebruiksfout(e: unknown): never {
  if (e instanceof AccountFout) throw new UsageError(`${e.veld}: ${e.message}`);
  throw e;
}

async function accountOpNaam(db: Db, naam: string) {
  const a = await leesAccountOpNaam(db, naam);
  if (!a) throw new UsageError(`er is geen account '${naam}'`);
  return a;
}

export function registreerAccountCommands(p: Command, write: Write): void {
  const account = p.command('account').description('accounts van personen: maken, wijzigen, blokkeren, tonen');

  account.command('maak').description('maak een account (het wachtwoord wordt gevraagd, of gelezen met --wachtwoord-stdin)')
    .requiredOption('--gebruikersnaam <naam>', 'kleine letters, cijfers en . _ @ -')
    .requiredOption('--weergavenaam <naam>', 'naam in de kop van de webapp')
    .requiredOption('--rol <rol>', 'rmc, leerplicht, school, analist, beheer of privacy')
    .option('--scope <code>', 'RMC-regiocode, gemeentecode (GM….) of BRIN; niet bij analist, beheer en privacy')
    .option('--wachtwoord-stdin', 'lees het wachtwoord van stdin (voor scripts)')
    .option('--alleen-oidc', 'geen wachtwoord: alleen inloggen via OpenID Connect')
    .option('--oidc-sub <sub>', 'het OpenID Connect-subject van deze persoon')
    .addOption(database())
    .action(async (o) => {
      const ww = o.alleenOidc ? null : await wachtwoord(o);
      const a = await withDatabase(o.database, (db) => maakAccount(db, {
        gebruikersnaam: o.gebruikersnaam, weergavenaam: o.weergavenaam, rol: o.rol, scopecode: o.scope ?? null, wachtwoord: ww, oidcSub: o.oidcSub ?? null,
      })).catch(alsGebruiksfout);
      write(`Account '${a.gebruikersnaam}' gemaakt: rol ${a.rol}, scope ${scopeTekst(a.scope)}.\n`);
    });

  account.command('wijzig').description('wijzig naam, rol, scope of wachtwoord; deblokkeer (een rolwijziging of nieuw wachtwoord beëindigt de open sessies)')
    .requiredOption('--gebruikersnaam <naam>')
    .option('--weergavenaam <naam>')
    .option('--rol <rol>')
    .option('--scope <code>', 'nieuwe scopecode (leeg bij een landelijke rol)')
    .option('--wachtwoord-stdin', 'zet een nieuw wachtwoord, gelezen van stdin')
    .option('--nieuw-wachtwoord', 'zet een nieuw wachtwoord, gevraagd op de terminal')
    .option('--deblokkeer', 'hef een blokkade op')
    .addOption(database())
    .action(async (o) => {
      const ww = o.wachtwoordStdin || o.nieuwWachtwoord ? await wachtwoord(o) : null;
      await withDatabase(o.database, async (db) => {
        let a = await accountOpNaam(db, o.gebruikersnaam);
        const w = {
          ...(o.weergavenaam !== undefined ? { weergavenaam: o.weergavenaam as string } : {}),
          ...(o.rol !== undefined ? { rol: o.rol as string } : {}),
          ...(o.scope !== undefined ? { scopecode: o.scope as string } : {}),
          ...(o.deblokkeer ? { geblokkeerd: false } : {}),
        };
        if (Object.keys(w).length === 0 && ww === null) throw new UsageError('niets te wijzigen: geef --weergavenaam, --rol, --scope, --wachtwoord-stdin, --nieuw-wachtwoord of --deblokkeer');
        if (Object.keys(w).length > 0) a = await wijzigAccountgegevens(db, a, w).catch(alsGebruiksfout);
        if (ww !== null) a = await zetWachtwoord(db, a.id, ww).catch(alsGebruiksfout);
        write(`Account '${a.gebruikersnaam}' gewijzigd: rol ${a.rol}, scope ${scopeTekst(a.scope)}${a.geblokkeerd ? ', geblokkeerd' : ''}${ww !== null ? ', nieuw wachtwoord' : ''}.\n`);
      });
    });

  account.command('blokkeer').description('blokkeer een account: inloggen kan niet meer en open sessies eindigen meteen')
    .requiredOption('--gebruikersnaam <naam>')
    .addOption(database())
    .action(async (o) => {
      await withDatabase(o.database, async (db) => {
        const a = await wijzigAccountgegevens(db, await accountOpNaam(db, o.gebruikersnaam), { geblokkeerd: true }).catch(alsGebruiksfout);
        write(`Account '${a.gebruikersnaam}' geblokkeerd; open sessies zijn beëindigd.\n`);
      });
    });

  account.command('lijst').description('toon alle accounts (zonder wachtwoorden)')
    .addOption(database())
    .action(async (o) => {
      const accounts = await withDatabase(o.database, leesAccounts);
      write(`${table(['gebruikersnaam', 'weergavenaam', 'rol', 'scope', 'status'], accounts.map((a) => [
        a.gebruikersnaam, a.weergavenaam, a.rol, scopeTekst(a.scope), [a.geblokkeerd ? 'geblokkeerd' : 'actief', a.demo ? 'demo' : ''].filter(Boolean).join(', '),
      ]))}\n`);
    });

  p.command('machineclient').description('machineclients (bijv. de leerlingadministratie van een school)')
    .command('maak').description('maak een machineclient; de API-sleutel wordt één keer getoond, op stdout')
    .requiredOption('--naam <naam>')
    .requiredOption('--rol <rol>')
    .option('--scope <code>')
    .addOption(database())
    .action(async (o) => {
      const { client, sleutel } = await withDatabase(o.database, (db) => maakMachineclient(db, { naam: o.naam, rol: o.rol, scopecode: o.scope ?? null })).catch(alsGebruiksfout);
      process.stderr.write(`Machineclient '${client.naam}' gemaakt: rol ${client.rol}, scope ${scopeTekst(client.scope)}. De API-sleutel staat hieronder en wordt niet opnieuw getoond:\n`);
      write(`${sleutel}\n`);
    });
}
