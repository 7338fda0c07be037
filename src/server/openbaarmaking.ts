import { beoordeelNorm, normVoor } from '../domain/normen.js';
import {
  AFGESCHERMD_OORDEEL, NIET_SECUNDAIR, publiceerAantal, publiceerAfgeleide, publiceerCijfer, type Celafscherming, type Toegang,
} from '../domain/openbaarmaking.js';

/**
 * The one place where openbaarmaking is applied to what the server sends. Routes never
 * put a count in a response themselves: they wrap it in a `Telcijfer` or `Telaantal`, and a
 * hook on every response replaces those by their published form before anything is
 * serialised, as JSON or as CSV. A plain number under the name of a figure makes the
 * response fail rather than leak (fail closed).
 */
export class Telcijfer {
  /**
   * `afscherming`: what the run's one suppression pattern withholds of this figure on top of
   * DUO's rule (src/publicatie/publicatie.ts); absent for a figure outside the pattern.
   */
  constructor(readonly startpopulatie: number, readonly vsv: number, readonly afscherming: Celafscherming = NIET_SECUNDAIR) {}
}

/** A figure of an institution in a category of a school year, judged against the norm. */
export class NormTelcijfer extends Telcijfer {
  constructor(startpopulatie: number, vsv: number, readonly schooljaar: string, readonly categorie: string, afscherming?: Celafscherming) {
    super(startpopulatie, vsv, afscherming);
  }
}

/** A bare count of persons (for example the persons that could not be counted). */
export class Telaantal {
  constructor(readonly aantal: number) {}
}

const FIGUURNAMEN = new Set(['startpopulatie', 'vsv', 'percentage', 'aantal']);

export class OngeschermdCijfer extends Error {}

export function schermAf(waarde: unknown, toegang: Toegang, pad = ''): unknown {
  if (waarde === null || typeof waarde !== 'object') return waarde;
  if (waarde instanceof Telcijfer) {
    const gepubliceerd = publiceerCijfer(waarde, toegang, waarde.afscherming);
    if (!(waarde instanceof NormTelcijfer)) return gepubliceerd;
    const oordeel = beoordeelNorm(waarde.schooljaar, waarde.categorie, waarde.startpopulatie === 0 ? 0 : waarde.vsv, waarde.startpopulatie);
    return {
      ...gepubliceerd,
      norm: normVoor(waarde.schooljaar, waarde.categorie),
      normoordeel: oordeel === 'geen-norm' ? oordeel : publiceerAfgeleide(oordeel, gepubliceerd),
    };
  }
  if (waarde instanceof Telaantal) return publiceerAantal(waarde.aantal, toegang);
  if (Array.isArray(waarde)) return waarde.map((w, i) => schermAf(w, toegang, `${pad}/${i}`));
  const uit: Record<string, unknown> = {};
  for (const [sleutel, w] of Object.entries(waarde)) {
    if (FIGUURNAMEN.has(sleutel) && w !== null && typeof w !== 'object') {
      throw new OngeschermdCijfer(`'${pad}/${sleutel}' is een cijfer zonder afscherming`);
    }
    uit[sleutel] = schermAf(w, toegang, `${pad}/${sleutel}`);
  }
  return uit;
}

export { AFGESCHERMD_OORDEEL };
