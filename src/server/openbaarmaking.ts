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
   * `cel`: this figure is cell `index` of a breakdown decided as a whole when it is published
   * (the absence figures); then that decision applies instead.
   */
  constructor(readonly startpopulatie: number, readonly vsv: number, readonly afscherming: Celafscherming = NIET_SECUNDAIR, readonly cel?: Celplek) {}
}

/** A figure of an institution in a category of a school year, judged against the norm. */
export class NormTelcijfer extends Telcijfer {
  constructor(startpopulatie: number, vsv: number, readonly schooljaar: string, readonly categorie: string, afscherming?: Celafscherming) {
    super(startpopulatie, vsv, afscherming);
  }
}

export interface Celplek {
  readonly groep: Celgroep;
  readonly index: number;
}

/**
 * A breakdown decided as a whole when it is published (the public absence figures, whose
 * pattern src/server/routes/verzuimPubliek.ts keeps): which cells are withheld on top of DUO's
 * rule, per access level, decided once when the first cell is published.
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

/**
 * A bare count (for example the persons that could not be counted, or absence reports).
 * `cel`: this count is cell `index` of a breakdown of counts (`Celgroep`); when it is
 * withheld by secondary suppression, or folded, it is published as null.
 */
export class Telaantal {
  constructor(readonly aantal: number, readonly cel?: Celplek) {}
}


/**
 * A share of persons: `metMelding` of `vsvers` (the vsv'ers who had an absence report). Published
 * as a figure is, under the same rule: both counts as `<5` when 1–4, the percentage only when
 * `metMelding` is 5 or more; `cel` takes part in the secondary suppression of a breakdown (the regions).
 */
export class Aandeelcijfer extends Telcijfer {
  constructor(vsvers: number, metMelding: number, cel?: Celplek) {
    super(vsvers, metMelding, NIET_SECUNDAIR, cel);
  }
}

const FIGUURNAMEN = new Set(['startpopulatie', 'vsv', 'percentage', 'aantal']);

export class OngeschermdCijfer extends Error {}

/** The published form of a response: every Telcijfer and Telaantal replaced; what holds none is returned as it is, not copied. */
export function schermAf(waarde: unknown, toegang: Toegang): unknown {
  return scherm(waarde, toegang, []);
}

/** `pad`: where in the response we are, for the error only (joined then, not on every value: this runs on every response). */
function scherm(waarde: unknown, toegang: Toegang, pad: (string | number)[]): unknown {
  if (waarde === null || typeof waarde !== 'object') return waarde;
  if (waarde instanceof Telcijfer) {
    const gepubliceerd = publiceerCijfer(waarde, toegang, waarde.cel ? waarde.cel.groep.afscherming(waarde.cel.index, toegang) : waarde.afscherming);
    if (waarde instanceof Aandeelcijfer) {
      const { startpopulatie, vsv, ...rest } = gepubliceerd;
      return { vsvers: startpopulatie, metMelding: vsv, ...rest };
    }
    if (!(waarde instanceof NormTelcijfer)) return gepubliceerd;
    const oordeel = beoordeelNorm(waarde.schooljaar, waarde.categorie, waarde.startpopulatie === 0 ? 0 : waarde.vsv, waarde.startpopulatie);
    return {
      ...gepubliceerd,
      norm: normVoor(waarde.schooljaar, waarde.categorie),
      normoordeel: oordeel === 'geen-norm' ? oordeel : publiceerAfgeleide(oordeel, gepubliceerd),
    };
  }
  if (waarde instanceof Telaantal) {
    if (toegang === 'openbaar' && waarde.cel?.groep.afscherming(waarde.cel.index, toegang).startpopulatie) return null;
    return publiceerAantal(waarde.aantal, toegang);
  }
  // Copied only where something below changes: most of a response (person data, names) has no figure.
  if (Array.isArray(waarde)) {
    let uit: unknown[] | null = null;
    for (let i = 0; i < waarde.length; i += 1) {
      pad.push(i);
      const w = scherm(waarde[i], toegang, pad);
      pad.pop();
      if (w !== waarde[i]) (uit ??= waarde.slice())[i] = w;
    }
    return uit ?? waarde;
  }
  let uit: Record<string, unknown> | null = null;
  for (const sleutel in waarde) {
    if (!Object.hasOwn(waarde, sleutel)) continue;
    const w = (waarde as Record<string, unknown>)[sleutel];
    if (w === null || typeof w !== 'object') {
      if (FIGUURNAMEN.has(sleutel) && w !== null) throw new OngeschermdCijfer(`'${[...pad, sleutel].map((p) => `/${p}`).join('')}' is een cijfer zonder afscherming`);
      continue;
    }
    pad.push(sleutel);
    const gepubliceerd = scherm(w, toegang, pad);
    pad.pop();
    if (gepubliceerd !== w) (uit ??= { ...waarde })[sleutel] = gepubliceerd;
  }
  return uit ?? waarde;
}

export { AFGESCHERMD_OORDEEL };
