/** A plain text table for the terminal: the first column left-aligned, the rest right-aligned. */
export function table(kop: readonly string[], rijen: readonly (readonly (string | number)[])[]): string {
  const alle = [kop, ...rijen].map((r) => r.map(String));
  const breedte = kop.map((_, i) => Math.max(...alle.map((r) => (r[i] ?? '').length)));
  return alle
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(breedte[i]!) : c.padStart(breedte[i]!))).join('  ').trimEnd())
    .join('\n');
}
