import { existsSync } from 'node:fs';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { decodeer, leesBronmap } from './bronbestanden.js';
import {
  GEMEENTE_KOLOMMEN, VESTIGING_KOLOMMEN, bepaalNieuweStand, type Rij, type VerdwenenRij, type Wijzigingen,
} from './nieuweStand.js';
import {
  BEVOLKING_BESTAND, GEMEENTEN_BESTAND, PC4_BESTAND, VESTIGINGEN_BESTAND, leesReferentieCsv,
} from './referentiedata.js';

/**
 * `binnenboord referentie bijwerken --bron MAP`: replaces the snapshot of municipalities and
 * vo/vso locations in the reference data folder from newer DUO and CBS files. The checks are in
 * nieuweStand.ts; here: reading, writing (both files are written beside the old ones and then
 * renamed, so a failure leaves the old snapshot whole) and the line added to BRONNEN.md.
 */
export class BijwerkenGeweigerd extends Error {
  constructor(readonly redenen: readonly string[]) {
    super(`De referentiedata is NIET bijgewerkt; ${redenen.length} reden(en):\n${redenen.map((r) => `  - ${r}`).join('\n')}`);
  }
}

export interface BijwerkOpties {
  readonly bron: string;
  readonly verdwenen?: string;
  /** YYYY-MM-DD; default today (UTC) */
  readonly peildatum?: string;
}

export interface Bijwerkverslag {
  readonly bronnen: { readonly duo: string; readonly cbs: string };
  readonly gemeenten: number;
  readonly aantalVo: number;
  readonly aantalVso: number;
  readonly wijzigingen: Wijzigingen;
}

async function leesVerdwenen(pad: string): Promise<{ rijen: VerdwenenRij[]; fouten: string[] }> {
  let records: string[][];
  try {
    records = parse(decodeer(await readFile(pad)), { bom: true, skip_empty_lines: true, delimiter: [',', ';'] });
  } catch (e) {
    return { rijen: [], fouten: [`--verdwenen ${pad}: niet leesbaar als CSV: ${(e as Error).message}`] };
  }
  const kop = (records[0] ?? []).map((k) => k.trim().toLowerCase());
  const [b, v, r] = ['brin', 'vestiging', 'reden'].map((k) => kop.indexOf(k));
  if (b! < 0 || v! < 0 || r! < 0) return { rijen: [], fouten: [`--verdwenen ${pad}: de kop moet de kolommen brin, vestiging en reden hebben`] };
  return {
    rijen: records.slice(1).map((rij, i) => ({ regel: i + 2, brin: (rij[b!] ?? '').trim(), vestiging: (rij[v!] ?? '').trim(), reden: rij[r!] ?? '' })),
    fouten: [],
  };
}

function csvVeld(waarde: string): string {
  return /[",\r\n]/.test(waarde) ? `"${waarde.replaceAll('"', '""')}"` : waarde;
}

/** CSV text in the layout of the files in the folder (header, CRLF line ends, quotes only where needed). */
export function alsCsv(kolommen: readonly string[], rijen: readonly Rij[]): string {
  return [kolommen, ...rijen.map((r) => kolommen.map((k) => r[k] ?? ''))].map((r) => `${r.map(csvVeld).join(',')}\r\n`).join('');
}

export async function werkReferentiedataBij(map: string, opties: BijwerkOpties): Promise<Bijwerkverslag> {
  const peildatum = opties.peildatum ?? new Date().toISOString().slice(0, 10);
  const fouten: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(peildatum) || Number.isNaN(Date.parse(peildatum))) fouten.push(`--peildatum '${peildatum}' is geen datum JJJJ-MM-DD`);
  const data = join(map, 'data');
  for (const b of [GEMEENTEN_BESTAND, VESTIGINGEN_BESTAND, PC4_BESTAND, BEVOLKING_BESTAND]) {
    if (!existsSync(join(data, b))) fouten.push(`de vorige stand ontbreekt: ${join(data, b)}`);
  }
  const bron = await leesBronmap(opties.bron);
  fouten.push(...bron.fouten);
  const verdwenen = opties.verdwenen ? await leesVerdwenen(opties.verdwenen) : { rijen: [], fouten: [] };
  fouten.push(...verdwenen.fouten);
  if (fouten.length || !bron.duo || !bron.cbs) throw new BijwerkenGeweigerd(fouten);

  const [oudeGemeenten, oudeVestigingen, pc4, bevolking] = await Promise.all(
    [GEMEENTEN_BESTAND, VESTIGINGEN_BESTAND, PC4_BESTAND, BEVOLKING_BESTAND].map((b) => leesReferentieCsv(join(data, b))));
  const uitkomst = bepaalNieuweStand({
    oudeGemeenten: oudeGemeenten!, oudeVestigingen: oudeVestigingen!, pc4: pc4!, bevolking: bevolking!,
    duo: bron.duo, cbs: bron.cbs, verdwenen: verdwenen.rijen, peildatum,
  });
  if (!uitkomst.ok) throw new BijwerkenGeweigerd(uitkomst.fouten);

  const nieuw: [string, string][] = [
    [GEMEENTEN_BESTAND, alsCsv(GEMEENTE_KOLOMMEN, uitkomst.gemeenten)],
    [VESTIGINGEN_BESTAND, alsCsv(VESTIGING_KOLOMMEN, uitkomst.vestigingen)],
  ];
  for (const [b, tekst] of nieuw) await writeFile(join(data, `${b}.nieuw`), tekst);
  for (const [b] of nieuw) await rename(join(data, `${b}.nieuw`), join(data, b));

  const w = uitkomst.wijzigingen;
  const bronnen = join(map, 'BRONNEN.md');
  if (existsSync(bronnen)) {
    await appendFile(bronnen, `- ${new Date().toISOString().slice(0, 10)}: peildatum ${peildatum}; ${GEMEENTEN_BESTAND} uit CBS \`${basename(bron.cbs.bestand)}\` ` +
      `(${uitkomst.gemeenten.length} gemeenten), ${VESTIGINGEN_BESTAND} uit DUO \`${basename(bron.duo.bestand)}\` (${uitkomst.aantalVo} vo-vestigingen; ` +
      `${uitkomst.aantalVso} vso-vestigingen uit de vorige stand); gemeenten +${w.gemeentenToegevoegd.length} −${w.gemeentenVervallen.length}, ` +
      `${w.gemeentenHernoemd.length} hernoemd, ${w.regioGewijzigd.length} andere RMC-regio; vestigingen +${w.vestigingenToegevoegd.length} ` +
      `−${w.vestigingenVervallen.length}, ${w.vestigingenGewijzigd.length} gewijzigd.\n`);
  }
  return { bronnen: { duo: bron.duo.bestand, cbs: bron.cbs.bestand }, gemeenten: uitkomst.gemeenten.length, aantalVo: uitkomst.aantalVo, aantalVso: uitkomst.aantalVso, wijzigingen: w };
}

/** The report of a carried-out update, in Dutch, one section per kind of change. */
export function bijwerkverslagTekst(map: string, v: Bijwerkverslag): string {
  const w = v.wijzigingen;
  const deel = (titel: string, lijst: readonly string[]) =>
    `${titel}: ${lijst.length}${lijst.length ? `\n${lijst.map((r) => `  ${r}`).join('\n')}` : ''}\n`;
  return `Referentiedata in ${map} bijgewerkt uit ${v.bronnen.cbs} (CBS) en ${v.bronnen.duo} (DUO): ` +
    `${v.gemeenten} gemeenten, ${v.aantalVo} vo-vestigingen, ${v.aantalVso} vso-vestigingen (uit de vorige stand overgenomen; het DUO-bestand vo bevat ze niet).\n` +
    deel('Gemeenten toegevoegd', w.gemeentenToegevoegd) +
    deel('Gemeenten vervallen', w.gemeentenVervallen) +
    deel('Gemeenten hernoemd', w.gemeentenHernoemd) +
    deel('Gemeenten in een andere RMC-regio', w.regioGewijzigd) +
    deel('Vestigingen toegevoegd', w.vestigingenToegevoegd) +
    deel('Vestigingen vervallen', w.vestigingenVervallen) +
    deel('Vestigingen gewijzigd', w.vestigingenGewijzigd);
}
