/**
 * A streaming RFC 4180 reader that reports every record with its line number and its
 * raw text, and that recovers from a broken record without losing the rows after it.
 *
 * Why not a general CSV library: csv-parse, on a stray or unclosed quote, swallows the
 * following lines into the broken record, so valid rows after it would be lost. Here a
 * broken record is rejected on its own first line and reading resumes on the next line.
 */
export type CsvRecord =
  | { readonly regel: number; readonly ruw: string; readonly velden: string[] }
  | { readonly regel: number; readonly ruw: string; readonly fout: string };

/** A quoted field may span at most this many lines; beyond that the quote is taken to be unclosed. */
export const MAX_LINES_PER_RECORD = 50;

type ParseResult = { status: 'ok'; velden: string[] } | { status: 'open' } | { status: 'fout'; reden: string };

/** Parses one record from its text (lines joined with `\n`). */
export function parseCsvRecord(tekst: string): ParseResult {
  if (!tekst.includes('"')) return { status: 'ok', velden: tekst.split(',') };
  const velden: string[] = [];
  let i = 0;
  const n = tekst.length;
  for (;;) {
    if (tekst[i] === '"') {
      let waarde = '';
      i += 1;
      for (;;) {
        const volgende = tekst.indexOf('"', i);
        if (volgende < 0) return { status: 'open' };
        waarde += tekst.slice(i, volgende);
        if (tekst[volgende + 1] === '"') {
          waarde += '"';
          i = volgende + 2;
          continue;
        }
        i = volgende + 1;
        break;
      }
      velden.push(waarde);
      if (i === n) return { status: 'ok', velden };
      if (tekst[i] !== ',') {
        return { status: 'fout', reden: `na een gesloten aanhalingsteken volgt '${tekst[i]}' in plaats van een komma (veld ${velden.length})` };
      }
      i += 1;
    } else {
      const komma = tekst.indexOf(',', i);
      const einde = komma < 0 ? n : komma;
      const waarde = tekst.slice(i, einde);
      if (waarde.includes('"')) {
        return { status: 'fout', reden: `aanhalingsteken midden in een veld zonder aanhalingstekens (veld ${velden.length + 1})` };
      }
      velden.push(waarde);
      if (komma < 0) return { status: 'ok', velden };
      i = komma + 1;
    }
    if (i === n) {
      velden.push('');
      return { status: 'ok', velden };
    }
  }
}

/** Splits a byte stream into lines (LF or CRLF), decoding UTF-8; invalid bytes become U+FFFD. */
async function* regels(bron: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  let rest = '';
  for await (const stuk of bron) {
    rest += typeof stuk === 'string' ? stuk : decoder.decode(stuk, { stream: true });
    let begin = 0;
    for (;;) {
      const eind = rest.indexOf('\n', begin);
      if (eind < 0) break;
      yield rest.charCodeAt(eind - 1) === 13 ? rest.slice(begin, eind - 1) : rest.slice(begin, eind);
      begin = eind + 1;
    }
    rest = rest.slice(begin);
  }
  rest += decoder.decode();
  if (rest.length > 0) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * Yields every non-empty record of a CSV stream, in order. A UTF-8 byte order mark at the
 * start is dropped (levering.md tolerates it). Empty lines are skipped.
 */
export async function* readCsvRecords(bron: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRecord> {
  const bronregels = regels(bron)[Symbol.asyncIterator]();
  /** lines read ahead while a quoted field was open, to be read again after a broken record */
  const terug: { nr: number; tekst: string }[] = [];
  let laatsteNr = 0;
  const volgende = async (): Promise<{ nr: number; tekst: string } | null> => {
    const t = terug.shift();
    if (t) return t;
    const r = await bronregels.next();
    if (r.done) return null;
    laatsteNr += 1;
    const tekst = laatsteNr === 1 && r.value.charCodeAt(0) === 0xfeff ? r.value.slice(1) : r.value;
    return { nr: laatsteNr, tekst };
  };

  for (;;) {
    const eerste = await volgende();
    if (!eerste) return;
    if (eerste.tekst === '') continue;
    const gelezen = [eerste];
    let tekst = eerste.tekst;
    for (;;) {
      const o = parseCsvRecord(tekst);
      if (o.status === 'ok') {
        yield { regel: eerste.nr, ruw: tekst, velden: o.velden };
        break;
      }
      if (o.status === 'fout') {
        // Only the first line is rejected; any lines read after it are read again.
        terug.unshift(...gelezen.slice(1));
        const reden = gelezen.length > 1 ? 'een aanhalingsteken op deze regel wordt niet goed gesloten' : o.reden;
        yield { regel: eerste.nr, ruw: eerste.tekst, fout: reden };
        break;
      }
      const erbij = gelezen.length < MAX_LINES_PER_RECORD ? await volgende() : null;
      if (!erbij) {
        terug.unshift(...gelezen.slice(1));
        yield { regel: eerste.nr, ruw: eerste.tekst, fout: 'aanhalingsteken wordt niet gesloten' };
        break;
      }
      gelezen.push(erbij);
      tekst += `\n${erbij.tekst}`;
    }
  }
}
