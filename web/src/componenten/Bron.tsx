import type { Telling } from '../api';
import { Link } from '../router';
import { datum, datumTijd, schaaltekst } from '../opmaak';
import { useMeldSynthetisch } from './Synthetisch';

/**
 * Where a figure comes from, in plain words: school year and status, when it was computed,
 * from the registrations received on which day, and by which definition (every figure says
 * so). No internal names (stored run numbers, delivery numbers, spec files): the API gives
 * those to whoever needs them.
 */
export function definitietekst(versie: string): string {
  // "vsv-telling 1.0 (telling.md, regelingen 2012/2016)" → "de vsv-definitie van de regelingen 2012/2016 (versie 1.0)"
  const schoon = versie.replace(/[\w-]+\.md,?\s*/g, '').replace(/\(\s*\)/g, '').trim();
  const m = /^vsv-telling\s+([\d.]+)\s*(?:\((.+)\))?$/.exec(schoon);
  if (!m) return `de definitie ${schoon}`;
  return m[2] ? `de vsv-definitie van de ${m[2]} (versie ${m[1]})` : `de vsv-definitie, versie ${m[1]}`;
}

function registraties(t: Telling): string {
  const dagen = [...new Set(t.leveringen.map((l) => datum(l.ontvangenOp)))];
  if (dagen.length === 0) return '';
  return ` uit de registraties ontvangen op ${dagen.join(' en ')}`;
}

export function Bron({ telling }: { telling: Telling | null }) {
  useMeldSynthetisch([telling]);
  if (!telling) return null;
  return (
    <p className="bb-bron">
      Schooljaar <strong>{telling.schooljaar}</strong>, <span className="bb-status">{telling.status}</span>.
      {' '}Berekend op {datumTijd(telling.berekendOp)}{registraties(telling)}
      {telling.synthetisch ? ` (synthetische demodata${telling.schaal !== null ? `, schaal ${schaaltekst(telling.schaal)}` : ''})` : ''},
      {' '}volgens {definitietekst(telling.definitieversie)}. <Link href="/over-deze-cijfers">Over deze cijfers</Link>
    </p>
  );
}

/** Under a table over several school years: the status of each year, and the definition. */
export function Tellingen({ tellingen }: { tellingen: Telling[] }) {
  useMeldSynthetisch(tellingen);
  if (tellingen.length === 0) return null;
  const definities = [...new Set(tellingen.map((t) => definitietekst(t.definitieversie)))];
  const voorlopig = tellingen.filter((t) => t.status === 'voorlopig').map((t) => t.schooljaar);
  return (
    <p className="bb-bron">
      {voorlopig.length === 0 ? 'Alle schooljaren zijn definitief.' : `Voorlopig: ${voorlopig.join(', ')}; de andere schooljaren zijn definitief.`}
      {' '}Berekend volgens {definities.join('; ')}. Elk jaar is berekend uit de registraties van dat schooljaar.
    </p>
  );
}
