import { join } from 'node:path';
import { PROJECTMAP, referentiedataMap } from '../config.js';
import { describeLocation, parseDatabaseLocation } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { pasBewaartermijnenToe } from '../db/bewaartermijnen.js';
import { publiceerRecenteVerzuimcijfers } from '../verzuim/publiceren.js';
import { zorgVoorDemoaccounts } from '../demo/demoaccounts.js';
import { demoklok, zorgVoorDemodata } from '../demo/demodata.js';
import { bewaarDriejaarpublicaties, inWerker } from '../publicatie/driejaar.js';
import { bewaarPublicaties } from '../publicatie/laden.js';
import { leesBewaartermijnen } from '../domain/toegang/bewaartermijnen.js';
import { bouwApp } from './app.js';
import { leesServerConfig } from './config.js';
import { loggerOpties } from './logging.js';

/**
 * `npm start`: checks the settings, opens the database (running its migrations), loads
 * demo data into an empty database, and serves the API and the web app.
 */
async function start(): Promise<number> {
  const uitkomst = leesServerConfig(process.env);
  if (!uitkomst.ok) {
    process.stderr.write(`Binnenboord kan niet starten; deze instellingen zijn ongeldig:\n${uitkomst.fouten.map((f) => `  - ${f}`).join('\n')}\n`);
    return 1;
  }
  const config = uitkomst.config;
  const bewaren = leesBewaartermijnen(process.env);
  if (!bewaren.ok) {
    process.stderr.write(`Binnenboord kan niet starten; deze bewaartermijnen zijn ongeldig:\n${bewaren.fouten.map((f) => `  - ${f}`).join('\n')}\n`);
    return 1;
  }
  const locatie = describeLocation(parseDatabaseLocation(config.database));
  process.stdout.write(`Database openen: ${locatie}\n`);
  let db;
  try {
    // The server holds an embedded database folder for its whole life: an import from the
    // command line meanwhile is refused with a message naming this process (folderLock.ts).
    db = await openDatabase(config.database, { command: 'binnenboord server (npm start)', verbindingen: config.databaseVerbindingen ?? undefined });
  } catch (e) {
    process.stderr.write(`Binnenboord kan niet starten: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    await zorgVoorDemodata(db, (melding) => process.stdout.write(`${melding}\n`), { schaal: config.demoSchaal });
    // One account per role to try the app with; never in production (README, Demo-accounts).
    await zorgVoorDemoaccounts(db, { productie: config.inloggen.productie }, (melding) => process.stdout.write(`${melding}\n`));
  } catch (e) {
    // Missing reference data, a full disk: say what, leave the database as it was (the
    // import is one transaction) and stop, so the next start tries again.
    process.stderr.write(`Binnenboord kan niet starten: de demodata konden niet worden geladen: ${(e as Error).message}\n`);
    await db.close();
    return 1;
  }
  // Every run's suppression pattern, for runs counted before this version (or with more
  // locations delivered since): the public door may only read them.
  await bewaarPublicaties(db, (melding) => process.stdout.write(`${melding}\n`));

  const app = await bouwApp({
    db,
    webMap: join(PROJECTMAP, 'dist', 'web'),
    geoMap: join(referentiedataMap(), 'geo'),
    logger: loggerOpties(config.logniveau),
    cache: { antwoorden: config.antwoordcache },
    grenzen: { verzoekenPerMinuut: config.verzoekenPerMinuut, antwoordTijdlimiet: config.antwoordTijdlimiet * 1000 },
    verzoekTijdlimiet: config.verzoekTijdlimiet * 1000,
    vertrouwdeProxy: config.vertrouwdeProxy,
    inloggen: config.inloggen,
    verzuim: { achterstandWeken: config.verzuimAchterstandWeken },
  });
  // Retention, daily in the server process (and `binnenboord bewaartermijnen toepassen`):
  // first a minute after the start, then every 24 hours. A failure is logged and retried next time.
  const bewaar = () => {
    demoklok(db).then((demo) => pasBewaartermijnenToe(db, bewaren.termijnen, demo ?? new Date().toISOString().slice(0, 10)))
      .then((uit) => app.log.info({ bewaartermijnen: uit }, 'bewaartermijnen toegepast'))
      .catch((e: unknown) => app.log.error({ err: e }, 'bewaartermijnen konden niet worden toegepast'));
  };
  setTimeout(bewaar, 60_000).unref();
  setInterval(bewaar, 24 * 60 * 60 * 1000).unref();
  // The public absence figures of this school year and the last (docs/rules/verzuim-cijfers.md),
  // beside retention: at the start and then daily, so they are at most a day behind the reports.
  const publiceerVerzuim = () => {
    demoklok(db).then((demo) => publiceerRecenteVerzuimcijfers(db, demo ?? new Date().toISOString().slice(0, 10)))
      .then((jaren) => app.log.info({ verzuimcijfers: jaren }, 'openbare verzuimcijfers berekend'))
      .catch((e: unknown) => app.log.error({ err: e }, 'openbare verzuimcijfers konden niet worden berekend'));
  };
  setTimeout(publiceerVerzuim, 5_000).unref();
  setInterval(publiceerVerzuim, 24 * 60 * 60 * 1000).unref();
  // The three-year figures of windows counted before this version (docs/openbaarmaking.md,
  // "Driejaarscijfer"): in a thread, so the server answers meanwhile; a window is published once
  // its pattern is kept.
  setTimeout(() => {
    bewaarDriejaarpublicaties(db, (melding) => app.log.info(melding), inWerker)
      .catch((e: unknown) => app.log.error({ err: e }, 'driejaarscijfers konden niet worden afgeschermd'));
  }, 1_000).unref();

  const stop = async (signaal: string) => {
    process.stdout.write(`${signaal}: Binnenboord stopt.\n`);
    // Requests still running get a few seconds; then the process stops regardless.
    setTimeout(() => process.exit(1), 5000).unref();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const adres = await app.listen({ port: config.port, host: config.host });
  const url = new URL(adres);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  process.stdout.write(`Binnenboord draait op ${url.origin}/ (API: ${url.origin}/api/v1/openapi.json)\n`);
  return 0;
}

const code = await start();
if (code !== 0) process.exit(code);
