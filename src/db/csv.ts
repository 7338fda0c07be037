/**
 * CSV text for COPY (FORMAT csv): null is an empty unquoted field, every other value is
 * quoted, so that no delivered text (a comma, a newline, or a line `\.`) can change the
 * meaning of the data.
 */
export function csvField(waarde: string | number | boolean | null): string {
  if (waarde === null) return '';
  if (typeof waarde !== 'string') return String(waarde);
  return waarde.includes('"') ? `"${waarde.replaceAll('"', '""')}"` : `"${waarde}"`;
}

export function csvLine(waarden: readonly (string | number | boolean | null)[]): string {
  return `${waarden.map(csvField).join(',')}\n`;
}
