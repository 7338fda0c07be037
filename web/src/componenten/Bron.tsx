import type { Telling } from '../api';
import { datumTijd, schaaltekst } from '../opmaak';
import { useMeldSynthetisch } from './Synthetisch';

/** Where a figure comes from: school year, status, definition and stored run (telling.md: every figure says so). */
export function Bron({ telling }: { telling: Telling | null }) {
  useMeldSynthetisch([telling]);
  if (!telling) return null;
  return (
    <p className="bb-bron">
      Schooljaar <strong>{telling.schooljaar}</strong>, <span className="bb-status">{telling.status}</span>; definitie {telling.definitieversie};
      {' '}telling {telling.runId}, berekend op {datumTijd(telling.berekendOp)}
      {telling.leveringen.length > 0 ? ` uit levering ${telling.leveringen.map((l) => l.id).join(', ')}` : ''}
      {telling.synthetisch ? ` (synthetische demodata${telling.schaal !== null ? `, schaal ${schaaltekst(telling.schaal)}` : ''})` : ''}.
    </p>
  );
}

/** Under a table over several school years: which stored run each year comes from, and the definition. */
export function Tellingen({ tellingen }: { tellingen: Telling[] }) {
  useMeldSynthetisch(tellingen);
  if (tellingen.length === 0) return null;
  const definities = [...new Set(tellingen.map((t) => t.definitieversie))];
  return (
    <p className="bb-bron">
      Tellingen: {tellingen.map((t) => `${t.schooljaar} telling ${t.runId} (${t.status})`).join('; ')}.
      {' '}Definitie: {definities.join('; ')}.
    </p>
  );
}
