import { aantal, procent, type Aantal } from '../opmaak';

/**
 * A count or percentage as shown to the public. Withheld values are shown as "<5", "x" and "–"
 * and spelled out for screen readers; every table explains them below it. "x" is a count the
 * API returns as null: withheld by secondary suppression (docs/api.md, Openbaarmaking). A count
 * that is missing altogether (no pupils in the starting population) is "–" as well.
 */
export const AFGESCHERMD_UITLEG = 'afgeschermd om herleiding te voorkomen';

/** Why a cell of a breakdown that is not published shows nothing (afschermingsreden "niet uitgesplitst"). */
export const NIET_UITGESPLITST_UITLEG = 'niet uitgesplitst: te weinig leerlingen';

export function Getal({ a, nietUitgesplitst = false }: { a: Aantal | null | undefined; nietUitgesplitst?: boolean }) {
  if (a === '<5') return <><span aria-hidden="true">&lt;5</span><span className="visueel-verborgen">minder dan 5</span></>;
  if (a === null && nietUitgesplitst) {
    return <><abbr className="bb-afgeschermd" title={NIET_UITGESPLITST_UITLEG} aria-hidden="true">n.u.</abbr><span className="visueel-verborgen">{NIET_UITGESPLITST_UITLEG}</span></>;
  }
  if (a === null) {
    return <><abbr className="bb-afgeschermd" title={AFGESCHERMD_UITLEG} aria-hidden="true">x</abbr><span className="visueel-verborgen">afgeschermd</span></>;
  }
  if (a === undefined) return <><span aria-hidden="true">–</span><span className="visueel-verborgen">geen cijfer</span></>;
  return <>{aantal(a)}</>;
}

export function Procent({ p }: { p: string | null | undefined }) {
  if (p === null || p === undefined) return <><span aria-hidden="true">–</span><span className="visueel-verborgen">niet getoond</span></>;
  return <>{procent(p)}</>;
}
