import { performance } from 'node:perf_hooks';

/** The q-quantile (0.5, 0.95) of latencies in ms. */
export function kwantiel(ms: readonly number[], q: number): number {
  const s = [...ms].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/**
 * `aantal` requests sent by `gelijktijdig` clients at once, each client waiting for its answer
 * (read whole) before the next: the latencies in ms, the number of answers that were not 2xx, and
 * per status of those the count and the first answer's body (so that a failing run says why).
 */
export async function belast(aantal: number, gelijktijdig: number, verzoek: (n: number) => Promise<Response>): Promise<Belasting> {
  let volgende = 0;
  let fouten = 0;
  const ms: number[] = [];
  const foutsoorten = new Map<number, { aantal: number; voorbeeld: string }>();
  await Promise.all(Array.from({ length: gelijktijdig }, async () => {
    for (let n = volgende++; n < aantal; n = volgende++) {
      const t = performance.now();
      const r = await verzoek(n);
      const tekst = await r.text();
      ms.push(performance.now() - t);
      if (!r.ok) {
        fouten += 1;
        const soort = foutsoorten.get(r.status) ?? { aantal: 0, voorbeeld: tekst.slice(0, 300) };
        soort.aantal += 1;
        foutsoorten.set(r.status, soort);
      }
    }
  }));
  return { ms, fouten, foutsoorten };
}

export interface Belasting { ms: number[]; fouten: number; foutsoorten: Map<number, { aantal: number; voorbeeld: string }> }

/** One line of a load measurement against the 200 ms p95 target of issues 9 and 10. */
export function belastingsregel(naam: string, gelijktijdig: number, m: Belasting, doelMs = 200): string {
  const p95 = kwantiel(m.ms, 0.95);
  const fouten = [...m.foutsoorten].map(([status, f]) => `\n    ${f.aantal} × ${status}: ${f.voorbeeld}`).join('');
  return `  ${naam}, ${gelijktijdig} tegelijk, ${m.ms.length} verzoeken: p50 ${kwantiel(m.ms, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, `
    + `${m.fouten} fouten; doel p95 < ${doelMs} ms ${p95 < doelMs && m.fouten === 0 ? 'gehaald' : 'NIET gehaald'}${fouten}`;
}
