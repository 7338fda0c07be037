import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Bestandsdefinitie } from '../domain/levering/bestanden.js';
import { OPSLAAN_ALS_CSV_UTF8, beoordeelKopregel } from '../domain/levering/kopregel.js';
import { parseCsvRecord } from './csvReader.js';

/**
 * The whole-file check of a delivered file, run on every file of a delivery before any row
 * is merged (docs/levering.md, "Een levering als geheel weigeren"). One pass over the bytes:
 * - the sha256 of the file (the delivery's checksum is made of these);
 * - the encoding: a file is taken to be in another encoding than UTF-8 when it starts with a
 *   UTF-16 or UTF-32 byte order mark, when its first line holds NUL bytes (UTF-16 without a
 *   mark), when its header line is not valid UTF-8, or when at least ANDERE_CODERING.regels
 *   lines after the header, and more than ANDERE_CODERING.aandeel of them, are not valid
 *   UTF-8. Fewer such lines are row errors of those rows (the import rejects them);
 * - the header (src/domain/levering/kopregel.ts): comma-separated, present, every required
 *   column.
 * An empty file (no line at all) passes: the import notes it, as before.
 */
export const ANDERE_CODERING = { regels: 2, aandeel: 0.01 } as const;

export interface Bestandsonderzoek {
  /** sha256 of the file's bytes */
  readonly controlesom: string;
  /** why the file cannot be read as levering.md; empty when it can */
  readonly redenen: readonly string[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ANDERE_CODERING_ADVIES = 'het bestand is in een andere tekenset opgeslagen dan UTF-8, waarschijnlijk Windows-1252 ("ANSI"), ' +
  `zoals Excel "CSV (gescheiden door lijstscheidingsteken)" het opslaat: ${OPSLAAN_ALS_CSV_UTF8}`;

function bomReden(begin: Uint8Array): string | null {
  const b = (...bytes: number[]) => bytes.every((x, i) => begin[i] === x);
  if (b(0xff, 0xfe, 0, 0) || b(0, 0, 0xfe, 0xff)) return `het bestand is UTF-32 (het begint met een UTF-32-bytevolgordeteken): ${OPSLAAN_ALS_CSV_UTF8}`;
  if (b(0xff, 0xfe) || b(0xfe, 0xff)) {
    return `het bestand is UTF-16 (het begint met een UTF-16-bytevolgordeteken), zoals Excel "Unicode-tekst" het opslaat: ${OPSLAAN_ALS_CSV_UTF8}`;
  }
  return null;
}

export async function onderzoekBestand(def: Bestandsdefinitie, pad: string): Promise<Bestandsonderzoek> {
  const hash = createHash('sha256');
  const redenen: string[] = [];
  let begin: Buffer | null = Buffer.alloc(0);
  let bom: string | null = null;
  let kop: Buffer | null = null;
  /** lines read so far (the file's own line numbers) */
  let nr = 0;
  let kopNr = 0;
  let ongeldig = 0;
  let eersteOngeldig = 0;
  let rest: Buffer = Buffer.alloc(0);

  const regel = (bytes: Buffer) => {
    nr += 1;
    const r = bytes.at(-1) === 0x0d ? bytes.subarray(0, -1) : bytes;
    if (kop === null) {
      if (r.length === 0) return;
      kop = Buffer.from(r);
      kopNr = nr;
      return;
    }
    if (!isUtf8(r)) {
      ongeldig += 1;
      if (eersteOngeldig === 0) eersteOngeldig = nr;
    }
  };
  const blok = (bytes: Buffer) => {
    // Fast path: a block of whole lines that is valid UTF-8 only needs its lines counted.
    if (kop !== null && isUtf8(bytes)) {
      for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) nr += 1;
      return;
    }
    let van = 0;
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, van)) {
      regel(bytes.subarray(van, i));
      van = i + 1;
    }
  };

  for await (const stuk of createReadStream(pad) as AsyncIterable<Buffer>) {
    hash.update(stuk);
    if (begin !== null) {
      begin = Buffer.concat([begin, stuk]);
      if (begin.length < 4) continue;
      bom = bomReden(begin);
      const eerst = begin;
      begin = null;
      if (bom) continue;
      rest = eerst;
    } else {
      if (bom) continue; // only the checksum still matters
      rest = rest.length ? Buffer.concat([rest, stuk]) : stuk;
    }
    const laatste = rest.lastIndexOf(0x0a);
    if (laatste < 0) continue;
    blok(rest.subarray(0, laatste + 1));
    rest = Buffer.from(rest.subarray(laatste + 1));
  }
  if (begin !== null) {
    // A file shorter than four bytes.
    bom = bomReden(begin);
    rest = begin;
  }
  if (!bom && rest.length) blok(Buffer.concat([rest, Buffer.from([0x0a])]));

  const controlesom = hash.digest('hex');
  if (bom) return { controlesom, redenen: [bom] };
  if (kop === null) return { controlesom, redenen: [] };
  const kopregel: Buffer = kop;
  if (kopregel.includes(0)) {
    return { controlesom, redenen: [`het bestand bevat nul-bytes in de eerste regel: het is waarschijnlijk UTF-16 zonder bytevolgordeteken; ${OPSLAAN_ALS_CSV_UTF8}`] };
  }
  const kopGeldig = isUtf8(kopregel);
  if (!kopGeldig) redenen.push(`de kopregel (regel ${kopNr}) is geen geldige UTF-8: ${ANDERE_CODERING_ADVIES}`);
  else {
    let tekst = kopregel.toString('utf8');
    if (UTF8_BOM.every((x, i) => kopregel[i] === x)) tekst = tekst.slice(1);
    const p = parseCsvRecord(tekst);
    const velden = p.status === 'ok' ? p.velden : { fout: p.status === 'fout' ? p.reden : 'een aanhalingsteken wordt niet gesloten' };
    redenen.push(...beoordeelKopregel(def, tekst, velden));
  }
  const regels = nr - kopNr;
  if (kopGeldig && ongeldig >= ANDERE_CODERING.regels && ongeldig > regels * ANDERE_CODERING.aandeel) {
    const procent = ((100 * ongeldig) / regels).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
    redenen.push(`${ongeldig} van de ${regels} regels na de kopregel (${procent}%) bevatten tekens die geen geldige UTF-8 zijn, ` +
      `de eerste op regel ${eersteOngeldig}: ${ANDERE_CODERING_ADVIES}`);
  }
  return { controlesom, redenen };
}
