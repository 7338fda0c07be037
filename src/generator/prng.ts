/**
 * A small seeded pseudo-random generator (sfc32), seeded per person from the run's seed
 * and the person's number. Why not Math.random: the same seed must give the same bytes on
 * every run, and a per-person stream lets us generate person by person without keeping
 * anyone else in memory (and without one person's draws shifting another's).
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    // Warm up: sfc32 needs a few rounds before close seeds diverge.
    for (let i = 0; i < 12; i += 1) this.volgende32();
  }

  /** A stream for one key (e.g. seed and person number); different keys give independent streams. */
  static voor(zaad: number, ...sleutel: number[]): Prng {
    let h = mix32(zaad ^ 0x9e3779b9);
    for (const k of sleutel) h = mix32(h ^ mix32(k + 0x85ebca6b));
    return new Prng(h, mix32(h ^ 0x27d4eb2f), mix32(h + 0x165667b1), mix32(h ^ 0xd3a2646c));
  }

  volgende32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  getal(): number {
    return this.volgende32() / 4294967296;
  }

  /** True with probability p. */
  kans(p: number): boolean {
    return this.getal() < p;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  geheel(min: number, max: number): number {
    return min + Math.floor(this.getal() * (max - min + 1));
  }

  /** One element, uniformly. */
  kies<T>(lijst: readonly T[]): T {
    return lijst[Math.floor(this.getal() * lijst.length)]!;
  }

  /** Approximately normal (Irwin–Hall of four uniforms): enough for spreading dates and ages. */
  normaal(gemiddelde: number, sd: number): number {
    const s = this.getal() + this.getal() + this.getal() + this.getal() - 2;
    return gemiddelde + s * sd * 1.7320508;
  }
}

/** A 32-bit integer hash (murmur3 finaliser), for deriving seeds and pseudonyms. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Weighted choice in O(log n): cumulative weights with binary search. Built once per
 * list (municipalities, schools, names), used millions of times.
 */
export class Gewogen<T> {
  private readonly cumulatief: Float64Array;
  readonly totaal: number;

  constructor(readonly items: readonly T[], gewichten: readonly number[]) {
    if (items.length === 0 || items.length !== gewichten.length) throw new Error('Gewogen: lege of ongelijke lijsten');
    this.cumulatief = new Float64Array(items.length);
    let som = 0;
    gewichten.forEach((g, i) => {
      som += Math.max(0, g);
      this.cumulatief[i] = som;
    });
    if (som <= 0) throw new Error('Gewogen: alle gewichten zijn 0');
    this.totaal = som;
  }

  trek(r: Prng): T {
    const doel = r.getal() * this.totaal;
    let lo = 0;
    let hi = this.cumulatief.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulatief[mid]! > doel) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Picks a key of a table of probabilities (which need not sum to 1; the rest goes to the last key). */
export function kiesUit<K extends string>(r: Prng, tabel: Readonly<Record<K, number>>): K {
  const sleutels = Object.keys(tabel) as K[];
  let totaal = 0;
  for (const k of sleutels) totaal += tabel[k];
  let x = r.getal() * totaal;
  for (const k of sleutels) {
    x -= tabel[k];
    if (x < 0) return k;
  }
  return sleutels[sleutels.length - 1]!;
}
