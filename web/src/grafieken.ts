import type { PlotModule } from './componenten/Grafiek';
import type { Aantal } from './opmaak';

/**
 * The charts of Binnenboord. Series are told apart by line style and marker shape and
 * labelled in the chart itself, never by colour alone; withheld values are left out of the
 * chart, never drawn as 0 (the table shows them as <5, x or –): a line breaks where a value is
 * missing, and a bar without a value says so.
 */
export const KLEUREN = ['#24527a', '#8a6100', '#3f6e2a', '#7a2451', '#4b5563', '#1b1b1b', '#5b3a78', '#0f6b6b'];
export const SYMBOLEN = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye', 'times'] as const;
export const STREPEN = ['', '6,3', '2,3', '8,3,2,3', '1,2', '10,4', '4,4', '12,2'];

const nl = new Intl.NumberFormat('nl-NL');

export interface Reekspunt {
  schooljaar: string;
  waarde: number | null;
  voorlopig?: boolean;
}

export interface Lijnreeks {
  naam: string;
  punten: Reekspunt[];
}

/** Lines over school years; every series its own dash and marker, its name at the end of the line. */
export function lijngrafiek(Plot: PlotModule, breedte: number, opties: {
  reeksen: Lijnreeks[];
  jaren: string[];
  yLabel: string;
  percentage?: boolean;
  doel?: { waarde: number; label: string };
  breuken?: { schooljaar: string; label: string }[];
}) {
  // Lines get every point, so a missing value breaks the line (Plot interrupts a line at a
  // null y) instead of joining its neighbours; markers only where there is a value.
  const alle = opties.reeksen.flatMap((r, i) => r.punten.map((p) => ({ ...p, reeks: r.naam, i })));
  const punten = alle.filter((p) => p.waarde !== null);
  const laatste = opties.reeksen.map((r, i) => {
    const p = [...r.punten].reverse().find((q) => q.waarde !== null);
    return p ? { ...p, reeks: r.naam, i } : null;
  }).filter((p) => p !== null);
  const breuken = (opties.breuken ?? []).filter((b) => opties.jaren.includes(b.schooljaar));
  const tekst = (v: number) => (opties.percentage ? `${v.toFixed(1).replace('.', ',')}%` : nl.format(v));
  return Plot.plot({
    width: breedte,
    height: 320,
    marginLeft: 64,
    marginRight: 150,
    marginBottom: 48,
    x: { type: 'point', domain: opties.jaren, label: 'Schooljaar', tickRotate: opties.jaren.length > 6 ? -30 : 0, padding: 0.3 },
    y: { grid: true, label: opties.yLabel, zero: true, nice: true, tickFormat: tekst },
    marks: [
      ...breuken.map((b) => Plot.ruleX([b.schooljaar], { stroke: '#4b5563', strokeDasharray: '3,3' })),
      ...breuken.map((b) => Plot.text([b.schooljaar], { x: (d: string) => d, frameAnchor: 'top', dy: -4, text: () => b.label, fill: '#1b1b1b', textAnchor: 'start', dx: 4 })),
      ...(opties.doel ? [
        Plot.ruleY([opties.doel.waarde], { stroke: '#1b1b1b', strokeWidth: 2, strokeDasharray: '8,4' }),
        Plot.text([opties.doel.waarde], { y: (d: number) => d, frameAnchor: 'right', textAnchor: 'start', dx: 6, text: () => opties.doel!.label, fill: '#1b1b1b' }),
      ] : []),
      ...opties.reeksen.map((r, i) => Plot.line(alle.filter((p) => p.i === i), {
        x: 'schooljaar', y: 'waarde', stroke: KLEUREN[i % KLEUREN.length], strokeWidth: 2.5, strokeDasharray: STREPEN[i % STREPEN.length] || undefined,
      })),
      ...opties.reeksen.map((r, i) => Plot.dot(punten.filter((p) => p.i === i), {
        x: 'schooljaar', y: 'waarde', symbol: () => SYMBOLEN[i % SYMBOLEN.length], r: 5, stroke: KLEUREN[i % KLEUREN.length], strokeWidth: 2,
        // provisional figures are hollow, definitive ones filled: shape, not colour, tells them apart
        fill: (p: Reekspunt) => (p.voorlopig ? '#ffffff' : KLEUREN[i % KLEUREN.length]!),
        title: (p: Reekspunt & { reeks: string }) => `${p.reeks}, ${p.schooljaar}: ${tekst(p.waarde!)}${p.voorlopig ? ' (voorlopig)' : ''}`,
      })),
      Plot.text(laatste, { x: 'schooljaar', y: 'waarde', text: (p: { reeks: string }) => p.reeks, textAnchor: 'start', dx: 10, fill: '#1b1b1b', fontWeight: 600 }),
    ],
  });
}

export interface Staaf {
  label: string;
  waarde: number | null;
  vergelijking?: number | null;
}

/** Horizontal bars (the area) with a tick for the comparison (national figure or norm). */
export function staafgrafiek(Plot: PlotModule, breedte: number, opties: { staven: Staaf[]; xLabel: string; vergelijkingLabel: string }) {
  const staven = opties.staven.filter((s) => s.waarde !== null);
  const zonder = opties.staven.filter((s) => s.waarde === null);
  const ticks = opties.staven.filter((s) => s.vergelijking !== null && s.vergelijking !== undefined);
  const pct = (v: number) => `${v.toFixed(1).replace('.', ',')}%`;
  return Plot.plot({
    width: breedte,
    height: Math.max(120, opties.staven.length * 40 + 60),
    marginLeft: 190,
    marginRight: 60,
    marginBottom: 44,
    x: { grid: true, label: opties.xLabel, zero: true, nice: true, tickFormat: pct, labelOffset: 38, labelAnchor: 'center' },
    y: { domain: opties.staven.map((s) => s.label), label: null },
    marks: [
      Plot.barX(staven, { y: 'label', x: 'waarde', fill: KLEUREN[0], insetTop: 6, insetBottom: 6 }),
      Plot.text(staven, { y: 'label', x: 'waarde', text: (s: Staaf) => pct(s.waarde!), textAnchor: 'start', dx: 4, fill: '#1b1b1b' }),
      // no bar is not a bar of 0: say that there is no percentage
      Plot.text(zonder, { y: 'label', x: () => 0, text: () => 'geen percentage getoond', textAnchor: 'start', dx: 4, fill: '#4b5563', fontStyle: 'italic' }),
      Plot.tickX(ticks, { y: 'label', x: 'vergelijking', stroke: '#1b1b1b', strokeWidth: 3, strokeDasharray: '4,2' }),
      Plot.ruleX([0]),
    ],
  });
}

export function alsGetal(a: Aantal | null | undefined): number | null {
  return typeof a === 'number' ? a : null;
}
