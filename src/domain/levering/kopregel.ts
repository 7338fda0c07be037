import type { Bestandsdefinitie } from './bestanden.js';
import { controleerKop } from './controle.js';

/**
 * Whether the first line of a delivered file is the header of that file (levering.md:
 * "header row with exactly the column names below in any order, comma-separated"). A file
 * whose first line is not is refused with the whole delivery (docs/levering.md), with a
 * reason that says what the file looks like and how to fix it, in the words of the tools the
 * suppliers use (Excel). Pure: the import reads the line, this judges it.
 *
 * Privacy: a first line that is not a header may be a data row with a persoon_id in it. A
 * reason quotes the delivered line only when it holds a column name of the file (a header).
 */
export const OPSLAAN_ALS_CSV_UTF8 = 'sla het op als "CSV UTF-8 (door komma\'s gescheiden)"';

const ANDERE_SCHEIDINGSTEKENS: readonly { teken: string; naam: string; lijkt: string }[] = [
  { teken: ';', naam: "puntkomma's", lijkt: "dit is een bestand met puntkomma's, zoals Nederlandse Excel het opslaat" },
  { teken: '\t', naam: 'tabs', lijkt: 'dit is een bestand met tabs, zoals Excel "Tekst (tab-gescheiden)" het opslaat' },
  { teken: '|', naam: 'verticale strepen (|)', lijkt: 'dit is een bestand met verticale strepen (|) als scheidingsteken' },
];

/** A delivered column name as someone meant it: without spaces, quotes or capitals. */
function bedoeld(veld: string): string {
  return veld.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
}

function kort(tekst: string): string {
  const t = tekst.replace(/\t/g, '→');
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}

/**
 * Reasons why `regel` (the first non-empty line, decoded, without BOM or CR) is not the header
 * of `def`; empty when it is. `velden` is that line as the import's CSV reader splits it, or
 * the reader's complaint when it cannot split it.
 */
export function beoordeelKopregel(def: Bestandsdefinitie, regel: string, velden: readonly string[] | { fout: string }): string[] {
  const namen = def.kolommen.map((k) => k.naam);
  const verplicht = def.kolommen.filter((k) => !k.optioneel).map((k) => k.naam);
  const isKolomnaam = (veld: string) => namen.includes(bedoeld(veld));
  const voorbeeld = verplicht.join(',');

  // Not comma-separated: one field on commas, several on another separator.
  if (!('fout' in velden) && velden.length <= 1) {
    for (const s of ANDERE_SCHEIDINGSTEKENS) {
      const delen = regel.split(s.teken);
      if (delen.length < 2) continue;
      if (delen.some(isKolomnaam)) {
        return [`niet door komma's gescheiden: de kopregel '${kort(regel)}' is alleen met ${s.naam} in kolommen te splitsen; ` +
          `${s.lijkt}: ${OPSLAAN_ALS_CSV_UTF8}`];
      }
      return [`niet door komma's gescheiden en geen kopregel: de eerste regel bestaat uit ${delen.length} velden gescheiden door ` +
        `${s.naam}, zonder één kolomnaam van ${def.bestand}; ${s.lijkt}: zet de kolomnamen (${voorbeeld}) als eerste regel ` +
        `en ${OPSLAAN_ALS_CSV_UTF8}`];
    }
  }
  if ('fout' in velden) {
    return [`de kopregel is geen geldige CSV (${velden.fout}); de eerste regel moet de kolomnamen bevatten, gescheiden door komma's, ` +
      `bijvoorbeeld ${voorbeeld}`];
  }

  // No header: not one field is (even loosely) a column name of this file.
  if (!velden.some(isKolomnaam)) {
    const lijktGegevens = velden.some((v) => /^\s*"?\d{4}-\d{2}-\d{2}"?\s*$/.test(v));
    return [`geen kopregel: de eerste regel bevat geen enkele kolomnaam van ${def.bestand}` +
      `${lijktGegevens ? ' (het is een regel met gegevens)' : ''}; zet als eerste regel de kolomnamen, gescheiden door komma's, ` +
      `bijvoorbeeld ${voorbeeld}`];
  }

  // A header, but not this file's: missing or doubled columns, with what was meant.
  return controleerKop(def, velden).fouten.map((f) => {
    const bijna = f.kolom && velden.find((v) => v !== f.kolom && bedoeld(v) === f.kolom);
    if (bijna !== undefined && bijna !== null && bijna !== '' && f.reden.includes('ontbreekt')) {
      return `${f.reden}: er staat wel '${bijna}'; schrijf de kolomnaam precies als '${f.kolom}' (kleine letters, zonder spaties of aanhalingstekens eromheen)`;
    }
    return f.reden.includes('ontbreekt')
      ? `${f.reden}; de kopregel is '${kort(regel)}', verwacht zijn de kolommen ${namen.map((n) => (verplicht.includes(n) ? n : `${n} (optioneel)`)).join(', ')}`
      : f.reden;
  });
}
