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
  /** `cel`: this figure is cell `index` of a breakdown, and takes part in its secondary suppression. */
  constructor(readonly startpopulatie: number, readonly vsv: number, readonly cel?: Celplek) {}
}

/** A figure of an institution in a category of a school year, judged against the norm. */
export class NormTelcijfer extends Telcijfer {
  constructor(startpopulatie: number, vsv: number, readonly schooljaar: string, readonly categorie: string, cel?: Celplek) {
    super(startpopulatie, vsv, cel);
  }
}

export interface Celplek {
  readonly groep: Celgroep;
  readonly index: number;
}

/**
 * A breakdown whose cells together make up a published total (src/server/figures.ts makes
 * them). Which cells are withheld on top of DUO's rule (secondary suppression,
 * `secundaireAfscherming`) depends on all cells at once and on the access level, so it is
 * decided here, once per access level, when the first cell is published.
 */
export class Celgroep {
  private readonly besluiten = new Map<Toegang, readonly Celafscherming[]>();

  constructor(private readonly besluit: (toegang: Toegang) => readonly Celafscherming[]) {}

  afscherming(index: number, toegang: Toegang): Celafscherming {
    let b = this.besluiten.get(toegang);
    if (!b) {
      b = this.besluit(toegang);
      this.besluiten.set(toegang, b);
    }
    return b[index] ?? NIET_SECUNDAIR;
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
    const gepubliceerd = publiceerCijfer(waarde, toegang, waarde.cel?.groep.afscherming(waarde.cel.index, toegang));
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
