import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isLijstsoort, LIJSTSOORTEN, type Lijstsoort } from '../domain/lijsten/lijsten.js';
import { lijstjaar, parseMaand } from '../domain/lijsten/maand.js';
import { LIJSTEN_VOOR_SCHOOL, magLijstZien, type Scope } from '../domain/lijsten/rij.js';
import { schooljaarVanaf } from '../domain/schooljaar.js';
import { lijstenMetDossiers } from '../lijsten/dossiers.js';
import { registreerLijstinzage } from '../lijsten/inzage.js';
import { lijstCsv } from '../lijsten/uitvoer.js';
import { UsageError, cliToegang, withDatabase, type Write } from './commands.js';

/**
 * `binnenboord lijst --soort S --maand YYYY-MM [--rmc 21 | --gemeente GM0363 | --brin 25LX] [--uitvoer FILE]`
 * (lijsten.md, "Command line"). Uses the stored lists of the month when they were computed from
 * the current data, otherwise computes and stores them first. The CSV goes to the file or to
 * standard output; messages then go to standard error, so that the output stays pure CSV.
 */
export interface LijstOpties { soort?: string; maand?: string; rmc?: string; gemeente?: string; brin?: string; uitvoer?: string; database?: string }

export function parseScope(o: LijstOpties): Scope {
  const gegeven = [o.rmc !== undefined, o.gemeente !== undefined, o.brin !== undefined].filter(Boolean).length;
  if (gegeven > 1) throw new UsageError('geef hoogstens één van --rmc, --gemeente en --brin');
  if (o.rmc !== undefined) {
    if (!/^\d{2}$/.test(o.rmc)) throw new UsageError(`--rmc '${o.rmc}' is geen RMC-regio; schrijf twee cijfers, bijv. 21`);
    return { soort: 'rmc', code: o.rmc };
  }
  if (o.gemeente !== undefined) {
    if (!/^GM\d{4}$/.test(o.gemeente)) throw new UsageError(`--gemeente '${o.gemeente}' is geen gemeentecode; schrijf GM en vier cijfers, bijv. GM0363`);
    return { soort: 'gemeente', code: o.gemeente };
  }
  if (o.brin !== undefined) {
    if (!/^\d{2}[A-Z]{2}$/.test(o.brin)) throw new UsageError(`--brin '${o.brin}' is geen BRIN; schrijf twee cijfers en twee hoofdletters, bijv. 25LX`);
    return { soort: 'brin', code: o.brin };
  }
  return { soort: 'landelijk' };
}

function bereik(scope: Scope): string {
  return scope.soort === 'landelijk' ? 'landelijk' : `${scope.soort} ${scope.code}`;
}

export async function lijstCommand(o: LijstOpties, write: Write, melding: Write): Promise<void> {
  if (!o.soort || !isLijstsoort(o.soort)) {
    throw new UsageError(`--soort '${o.soort ?? ''}' is onbekend; kies ${LIJSTSOORTEN.join(', ')}`);
  }
  const soort: Lijstsoort = o.soort;
  const maand = o.maand ? parseMaand(o.maand) : null;
  if (!maand) throw new UsageError(`--maand '${o.maand ?? ''}' is geen maand; schrijf JJJJ-MM, bijv. 2024-03`);
  const scope = parseScope(o);
  if (!magLijstZien(scope, soort)) {
    throw new UsageError(`een school (--brin) ziet alleen de lijsten ${LIJSTEN_VOOR_SCHOOL.join(', ')}, niet ${soort}`);
  }
  await withDatabase(o.database, async (db) => {
    const { run, nieuw } = await lijstenMetDossiers(db, maand);
    const jaar = lijstjaar(maand);
    if ((soort === 'startset' || soort === 'uitval') && run.startset_run_id === null) {
      throw new UsageError(`De ${soort} van ${maand.naam} komt uit de telling van ${jaar.naam}, en die is er nog niet; `
        + `voer eerst binnenboord telling --schooljaar ${jaar.naam} uit.`);
    }
    const vorig = schooljaarVanaf(jaar.jaar - 1).naam;
    if (soort === 'verlate-startkwalificatie' && run.vorige_run_id === null) {
      throw new UsageError(`De lijst verlate-startkwalificatie van ${maand.naam} komt uit de definitieve telling van ${vorig}, `
        + `en die is er nog niet; voer eerst binnenboord telling --schooljaar ${vorig} --status definitief uit.`);
    }
    const teller = { rijen: 0 };
    const csv = lijstCsv(db, run, soort, scope, teller);
    try {
      if (o.uitvoer) {
        await pipeline(Readable.from(csv), createWriteStream(o.uitvoer));
      } else {
        for await (const stuk of csv) write(typeof stuk === 'string' ? stuk : Buffer.from(stuk).toString('utf8'));
      }
    } finally {
      // Also when writing broke off: whatever was read is recorded, with the rows that got out.
      await registreerLijstinzage(db, {
        gebruiker: cliToegang('lijst.lezen'), soort, maand: maand.naam, bereik: bereik(scope), lijstrunId: run.id, personen: teller.rijen,
        naar: o.uitvoer ?? 'standaarduitvoer',
      });
    }
    const personen = teller.rijen;
    const herkomst = `lijstrun ${run.id} (${nieuw ? 'nu berekend' : `opgeslagen op ${run.gereed_op}`}; leveringen ${run.leveringen.join(', ') || 'geen'}`
      + `${run.startset_run_id !== null ? `; startset uit telling-run ${run.startset_run_id}` : ''}`
      + `${run.vorige_run_id !== null ? `; verlate startkwalificaties uit telling-run ${run.vorige_run_id}` : ''})`;
    (o.uitvoer ? write : melding)(`Lijst ${soort} ${maand.naam} (${bereik(scope)}): ${personen} personen${o.uitvoer ? ` naar ${o.uitvoer}` : ''}; ${herkomst}.\n`);
  });
}
