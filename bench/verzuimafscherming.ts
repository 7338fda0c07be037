import { toets } from '../src/domain/openbaarmaking/intervallen.js';
import { aanvallersmodel, bepaalPatroon, SECUNDAIR } from '../src/domain/openbaarmaking/patroon.js';
import { bouwVerzuimtabel } from '../src/domain/openbaarmaking/verzuimtabel.js';
import { VERZUIMUITSPLITSINGEN, VERZUIMUITSPLITSING_NAMEN, type Verzuimrij, type Verzuimuitsplitsing } from '../src/domain/verzuim/publiek.js';
import { highsOplosser } from '../src/publicatie/highs.js';

/**
 * `npm run bench:verzuimafscherming`: how long the one suppression pattern of a school year's
 * public absence figures takes (src/server/routes/verzuimPubliek.ts keeps it per computation, so
 * this is paid once per school year per day, not per request), and what the attacker's exact
 * linear programs then find (nothing, or the test fails). Synthetic school years of 41 regions
 * (40 and onbekend) with few to many reports per region; a fixed seed.
 */
let zaad = 20261207;
const getal = () => ((zaad = (zaad * 1103515245 + 12345) % 2147483648) / 2147483648);

const GEVALLEN = [
  { naam: 'veel meldingen', schaal: 60 },
  { naam: 'middel', schaal: 20 },
  { naam: 'weinig meldingen', schaal: 5 },
];

const oplosser = await highsOplosser();
const regios = [...Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(2, '0')), 'onbekend'];
const waarden = Object.fromEntries(VERZUIMUITSPLITSING_NAMEN.map((d) => [d, [...VERZUIMUITSPLITSINGEN[d].waarden]])) as Record<Verzuimuitsplitsing, string[]>;

for (const g of GEVALLEN) {
  const tijden: number[] = [];
  let over = 0;
  let afgeschermd = 0;
  for (let herhaling = 0; herhaling < 5; herhaling += 1) {
    const rijen: Verzuimrij[] = [];
    const nl = new Map<string, number>();
    for (const regio of regios) {
      // per report one value of every breakdown; the closing reasons only for the closed ones
      const n = getal() < 0.2 ? 0 : Math.floor(getal() * g.schaal * 4);
      const tel = new Map<string, number>([['totaal|meldingen', n]]);
      for (let m = 0; m < n; m += 1) {
        for (const d of VERZUIMUITSPLITSING_NAMEN) {
          if (d === 'afsluitreden') continue;
          const w = waarden[d][Math.floor(getal() * waarden[d].length)]!;
          tel.set(`${d}|${w}`, (tel.get(`${d}|${w}`) ?? 0) + 1);
          if (d === 'status' && w === 'afgesloten') {
            const r = waarden.afsluitreden[Math.floor(getal() * waarden.afsluitreden.length)]!;
            tel.set(`afsluitreden|${r}`, (tel.get(`afsluitreden|${r}`) ?? 0) + 1);
          }
        }
      }
      for (const [k, aantal] of tel) {
        const [dimensie, waarde] = k.split('|') as [string, string];
        rijen.push({ niveau: 'regio', gebied: regio, dimensie, waarde, aantal });
        nl.set(k, (nl.get(k) ?? 0) + aantal);
      }
    }
    for (const [k, aantal] of nl) {
      const [dimensie, waarde] = k.split('|') as [string, string];
      rijen.push({ niveau: 'landelijk', gebied: 'NL', dimensie, waarde, aantal });
    }
    const tabel = bouwVerzuimtabel({ rijen, regios, waarden });
    const begin = performance.now();
    const p = bepaalPatroon(tabel, oplosser);
    tijden.push(performance.now() - begin);
    afgeschermd += p.startpopulatie.filter((s) => s === SECUNDAIR).length;
    const m = aanvallersmodel(tabel, p, oplosser);
    over += toets(m.grenzen, m.eisen, m.rijen, oplosser).falen.length;
  }
  tijden.sort((x, y) => x - y);
  process.stdout.write(`${g.naam.padEnd(20)} mediaan ${tijden[2]!.toFixed(0).padStart(6)} ms, max ${tijden[4]!.toFixed(0).padStart(6)} ms; `
    + `${(afgeschermd / 5).toFixed(1)} cellen aanvullend afgeschermd; voor de aanvaller versmald of vastgepind: ${over} in 5 schooljaren\n`);
}
