/**
 * Narrows the CSV of lijsten.md (as `binnenboord lijst` writes it for a scope) to the rows
 * whose columns have the given values, and names the persons of the rows kept (column 3,
 * persoon_id) for the audit record. Fields are read as RFC 4180 (COPY quotes a field only
 * when it must), so a quoted comma cannot shift a column. The header line is kept as is.
 */
export function csvVelden(regel: string): string[] {
  const velden: string[] = [];
  let veld = '';
  let gequoot = false;
  for (let i = 0; i < regel.length; i += 1) {
    const c = regel[i]!;
    if (gequoot) {
      if (c === '"' && regel[i + 1] === '"') { veld += '"'; i += 1; } else if (c === '"') gequoot = false; else veld += c;
    } else if (c === '"') gequoot = true;
    else if (c === ',') { velden.push(veld); veld = ''; } else veld += c;
  }
  velden.push(veld);
  return velden;
}

/** One CSV line again, quoting a field only when it must (as COPY does). */
function regelVan(velden: readonly string[]): string {
  return velden.map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',');
}

/**
 * `leeg`: columns emptied in every row (the header stays): a school downloads the rows of its
 * former pupils without their residence (docs/toegang.md, field matrix), as its JSON shows.
 */
export function lijstCsvFilter(voorwaarden: readonly { kolom: number; waarde: string }[], leeg: readonly number[] = []) {
  return (csv: string): { csv: string; persoonIds: string[] } => {
    const regels = csv.split('\n');
    const kop = regels.shift()!;
    const uit = [kop];
    const persoonIds: string[] = [];
    for (const regel of regels) {
      if (regel === '') continue;
      const velden = csvVelden(regel);
      if (!voorwaarden.every((v) => velden[v.kolom] === v.waarde)) continue;
      uit.push(leeg.length === 0 ? regel : regelVan(velden.map((v, i) => (leeg.includes(i) ? '' : v))));
      persoonIds.push(velden[2]!);
    }
    return { csv: `${uit.join('\n')}\n`, persoonIds };
  };
}
