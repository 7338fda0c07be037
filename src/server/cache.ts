import type { FastifyRequest } from 'fastify';
import { dataversie } from '../db/cijfers.js';
import type { Db } from '../db/database.js';

/**
 * Stored runs never change, so what the API answers changes only when a run or a delivery
 * is added. The server keeps finished answers (after openbaarmaking, per access level
 * and format) and the reference data it reads for every request, both under the data
 * version; a new run or delivery makes them all stale at once. The version itself is read
 * at most once a second: a new count shows up within a second, and a busy server does not
 * ask the database the same question for every request.
 */
export interface Bewaard {
  body: string;
  headers: Record<string, string>;
}

export interface CacheOpties {
  /** how long a read data version is trusted, in ms */
  versieInterval?: number;
  maxAntwoorden?: number;
  maxBytes?: number;
  /** false: keep no finished answers (reference data is still read once per version) */
  antwoorden?: boolean;
}

/** Reference data kept per data version: a few keys per school year in practice. */
const MAX_ONTHOUDEN = 1000;

export class Antwoordcache {
  private versieTekst: string | null = null;
  private versieTijd = 0;
  private versieBezig: Promise<string> | null = null;
  private readonly antwoorden = new Map<string, Bewaard>();
  private bytes = 0;
  private memoVersie: string | null = null;
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly interval: number;
  private readonly maxAntwoorden: number;
  private readonly maxBytes: number;
  private readonly aan: boolean;

  constructor(private readonly db: Db, opties: CacheOpties = {}) {
    this.interval = opties.versieInterval ?? 1000;
    this.maxAntwoorden = opties.maxAntwoorden ?? 2000;
    this.maxBytes = opties.maxBytes ?? 64 * 1024 * 1024;
    this.aan = opties.antwoorden ?? true;
  }

  async versie(): Promise<string> {
    if (this.versieTekst !== null && Date.now() - this.versieTijd < this.interval) return this.versieTekst;
    this.versieBezig ??= dataversie(this.db).then((v) => {
      if (v !== this.versieTekst) this.leeg();
      this.versieTekst = v;
      this.versieTijd = Date.now();
      return v;
    }).finally(() => {
      this.versieBezig = null;
    });
    return this.versieBezig;
  }

  /** Forget everything now (after this process itself stored a run or a delivery). */
  leeg(): void {
    this.antwoorden.clear();
    this.bytes = 0;
    this.memo.clear();
    this.memoVersie = null;
    this.versieTekst = null;
  }

  haal(sleutel: string, versie: string): Bewaard | undefined {
    const b = this.antwoorden.get(`${versie}\n${sleutel}`);
    if (b) {
      // least recently used goes first: re-insert to move to the back
      this.antwoorden.delete(`${versie}\n${sleutel}`);
      this.antwoorden.set(`${versie}\n${sleutel}`, b);
    }
    return b;
  }

  bewaar(sleutel: string, versie: string, b: Bewaard): void {
    if (!this.aan || versie !== this.versieTekst || b.body.length > this.maxBytes / 8) return;
    this.antwoorden.set(`${versie}\n${sleutel}`, b);
    this.bytes += b.body.length;
    while (this.antwoorden.size > this.maxAntwoorden || this.bytes > this.maxBytes) {
      const [oudste, weg] = this.antwoorden.entries().next().value as [string, Bewaard];
      this.antwoorden.delete(oudste);
      this.bytes -= weg.body.length;
    }
  }

  /** Reference data (runs, names) read once per data version. */
  async onthoud<T>(sleutel: string, maak: () => Promise<T>): Promise<T> {
    const versie = await this.versie();
    if (this.memoVersie !== versie) {
      this.memo.clear();
      this.memoVersie = versie;
    }
    let p = this.memo.get(sleutel) as Promise<T> | undefined;
    if (!p) {
      // Keys come from validated parameters (a school year), but are bounded all the same.
      if (this.memo.size >= MAX_ONTHOUDEN) this.memo.clear();
      p = maak();
      p.catch(() => this.memo.delete(sleutel));
      this.memo.set(sleutel, p);
    }
    return p;
  }
}

/**
 * The key of a kept answer: what the answer depends on, taken after validation (defaults
 * filled in, types converted), never the raw URL. So `?a=1&b=2`, `?b=2&a=1` and `?a=01` (for
 * an integer) share one answer, and junk cannot add entries: unknown parameters get a 400,
 * and errors are never kept. The format counts once, however it was asked for (`formaat=csv`
 * or `Accept: text/csv`).
 */
export function cachesleutel(request: FastifyRequest): string {
  const query: Record<string, unknown> = { ...(request.query as Record<string, unknown> | undefined) };
  delete query.formaat;
  return JSON.stringify([
    request.toegang, request.formaat, request.method, request.routeOptions.url,
    gesorteerd(request.params as Record<string, unknown> | undefined), gesorteerd(query),
  ]);
}

function gesorteerd(waarden: Record<string, unknown> | undefined): [string, unknown][] {
  return Object.entries(waarden ?? {}).filter(([, w]) => w !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
