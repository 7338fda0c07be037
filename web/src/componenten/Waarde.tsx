import { aantal, procent, type Aantal } from '../opmaak';

/**
 * A count or percentage as shown to the public. Withheld values are shown as "<5" and "–"
 * and spelled out for screen readers; every table explains them below it.
 */
export function Getal({ a }: { a: Aantal | null | undefined }) {
  if (a === '<5') return <><span aria-hidden="true">&lt;5</span><span className="visueel-verborgen">minder dan 5</span></>;
  return <>{aantal(a)}</>;
}

export function Procent({ p }: { p: string | null | undefined }) {
  if (p === null || p === undefined) return <><span aria-hidden="true">–</span><span className="visueel-verborgen">niet getoond</span></>;
  return <>{procent(p)}</>;
}
