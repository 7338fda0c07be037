import { herleidbaarInTabel, secundaireAfschermingTabel, type Cel } from '../src/domain/openbaarmaking.js';

/**
 * `npm run bench:verzuimafscherming`: how long the secondary suppression of one table regions ×
 * values of the public absence figures takes (src/server/routes/verzuimPubliek.ts keeps the
 * decision per computation, so this is paid once per school year per day, not per request).
 * Synthetic tables of 41 regions (40 and onbekend) with few to many small counts; a fixed seed.
 */
let zaad = 20261207;
const getal = () => ((zaad = (zaad * 1103515245 + 12345) % 2147483648) / 2147483648);

const GEVALLEN = [
  { naam: 'soort (5), veel meldingen', kolommen: 5, schaal: 60 },
  { naam: 'soort (5), weinig meldingen', kolommen: 5, schaal: 6 },
  { naam: 'eerste actie (6), middel', kolommen: 6, schaal: 20 },
  { naam: 'afsluitreden (7), weinig', kolommen: 7, schaal: 4 },
];

for (const g of GEVALLEN) {
  const tijden: number[] = [];
  let over = 0;
  let afgeschermd = 0;
  for (let herhaling = 0; herhaling < 10; herhaling += 1) {
    const cellen: Cel[][] = Array.from({ length: 41 }, () => Array.from({ length: g.kolommen }, (_, j) => ({
      startpopulatie: getal() < 0.25 ? 0 : Math.floor(getal() * g.schaal * (j === 0 ? 4 : 1)), vsv: 0,
    })));
    const totaal = { startpopulatie: cellen.flat().reduce((t, c) => t + c.startpopulatie, 0), vsv: 0 };
    const begin = performance.now();
    const a = secundaireAfschermingTabel(cellen, totaal, 'openbaar');
    tijden.push(performance.now() - begin);
    afgeschermd += a.cellen.flat().filter((c) => c.startpopulatie).length;
    over += herleidbaarInTabel(cellen, totaal, a).length;
  }
  tijden.sort((x, y) => x - y);
  process.stdout.write(`${g.naam.padEnd(30)} mediaan ${tijden[5]!.toFixed(0).padStart(5)} ms, max ${tijden[9]!.toFixed(0).padStart(5)} ms; `
    + `${(afgeschermd / 10).toFixed(1)} cellen aanvullend afgeschermd; vast te pinnen (niet te redden, zoals 1 + 5 = 6): ${over} in 10 tabellen\n`);
}
