/**
 * CSV lines as a delivering party writes them (RFC 4180) with minimal quoting: a field is
 * quoted only when it must be (a comma, a quote or a line break in it), so the files look like
 * ordinary exports. (src/db/csv.ts quotes every text instead, for COPY.)
 */
export function minimalCsvField(waarde: string | number | null | undefined): string {
  if (waarde === null || waarde === undefined) return '';
  const s = String(waarde);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function minimalCsvLine(velden: readonly (string | number | null | undefined)[]): string {
  let uit = '';
  for (let i = 0; i < velden.length; i += 1) {
    if (i > 0) uit += ',';
    uit += minimalCsvField(velden[i]);
  }
  return `${uit}\n`;
}
