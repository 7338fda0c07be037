import type { PlotModule } from './componenten/Grafiek';
import type { Aantal } from './opmaak';

/**
 * The charts of Binnenboord. Series are told apart by line style and marker shape and
 * labelled in the chart itself, never by colour alone; withheld values are left out of the
 * chart, never drawn as 0 (the table shows them as <5, x or –): a line breaks where a value is
 * missing, and a bar without a value says so.
 */
export const KLEUREN = ['#24527a', '#1b1b1b', '#3f6e2a', '#7a2451', '#4b5563', '#8a6100', '#5b3a78', '#0f6b6b'];
export const SYMBOLEN = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye', 'times'] as const;
export const STREPEN = ['', '6,3', '2,3', '8,3,2,3', '1,2', '10,4', '4,4', '12,2'];

const nl = new Intl.NumberFormat('nl-NL');

export interface Reekspunt {
  schooljaar: string;
  waarde: number | null;
  voorlopig?: boolean;
}

export interface Lijnreeks {
  /** shown in the legend and at the end of the line: always a name, never a code */
  naam: string;
  /** what the series is ('NL', an RMC code, a municipality code, a BRIN): it keeps its style on every page */
  sleutel: string;
  punten: Reekspunt[];
}

/** Below this width a chart is drawn for a narrow screen: names in a legend under it, shorter ticks. */
export const SMAL = 560;

/** The style (colour, dash, marker) of the country: always the same, black and dashed with squares. */
const STIJL_LANDELIJK = 1;

function hash(tekst: string): number {
  let h = 0;
  for (const c of tekst) h = (h * 31 + c.codePointAt(0)!) >>> 0;
  return h;
}

/**
 * One style per series key, the same on every page: the country has its own, every other key
 * gets the style its hash points at, or the next free one when another series in the same
 * chart has it already (so two lines in one chart never look alike).
 */
export function stijlnummers(sleutels: readonly string[]): number[] {
  const bezet = new Set<number>();
  const n = KLEUREN.length;
  const uit: number[] = sleutels.map((k) => (k === 'NL' ? STIJL_LANDELIJK : -1));
  uit.forEach((i) => i >= 0 && bezet.add(i));
  // Keys claim their style in a fixed order (by key), not in the order of the series, so that a
  // series keeps its style however the chart lists them: only a true clash in one chart moves one.
  const volgorde = sleutels.map((_k, j) => j).filter((j) => uit[j]! < 0).sort((a, b) => (sleutels[a]! < sleutels[b]! ? -1 : sleutels[a]! > sleutels[b]! ? 1 : a - b));
  for (const j of volgorde) {
    let k = hash(sleutels[j]!) % n;
    for (let stap = 0; stap < n && (bezet.has(k) || k === STIJL_LANDELIJK); stap += 1) k = (k + 1) % n;
    bezet.add(k);
    uit[j] = k;
  }
  return uit;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The shape of a marker in a 16×16 legend swatch, centred at (8, 8). */
function markerpad(symbool: (typeof SYMBOLEN)[number]): string {
  switch (symbool) {
    case 'square': return 'M4,4H12V12H4Z';
    case 'triangle': return 'M8,3L13,12H3Z';
    case 'diamond': return 'M8,2L14,8L8,14L2,8Z';
    case 'cross': return 'M6,2H10V6H14V10H10V14H6V10H2V6H6Z';
    case 'times': return 'M3,5L5,3L8,6L11,3L13,5L10,8L13,11L11,13L8,10L5,13L3,11L6,8Z';
    case 'star': return 'M8,2L9.8,6.2L14,6.5L10.8,9.3L11.8,13.5L8,11.2L4.2,13.5L5.2,9.3L2,6.5L6.2,6.2Z';
    case 'wye': return 'M7,2H9V7L13,11L11.6,12.4L8,9L4.4,12.4L3,11L7,7Z';
    default: return 'M8,3A5,5 0 1 1 7.99,3Z';
  }
}

/** The legend under a line chart: per series its line style, marker and name (in HTML, so it wraps on a narrow screen). */
function reekslegenda(reeksen: readonly Lijnreeks[], stijl: readonly number[]): HTMLElement {
  const lijst = document.createElement('ul');
  lijst.className = 'bb-reekslegenda';
  reeksen.forEach((r, j) => {
    const i = stijl[j]!;
    const li = document.createElement('li');
    const staal = document.createElementNS(SVG, 'svg');
    staal.setAttribute('width', '40');
    staal.setAttribute('height', '16');
    staal.setAttribute('viewBox', '0 0 40 16');
    staal.setAttribute('aria-hidden', 'true');
    staal.setAttribute('focusable', 'false');
    const lijn = document.createElementNS(SVG, 'path');
    lijn.setAttribute('d', 'M0,8H40');
    lijn.setAttribute('stroke', KLEUREN[i]!);
    lijn.setAttribute('stroke-width', '2.5');
    if (STREPEN[i]) lijn.setAttribute('stroke-dasharray', STREPEN[i]!);
    const marker = document.createElementNS(SVG, 'path');
    marker.setAttribute('d', markerpad(SYMBOLEN[i]!));
    marker.setAttribute('transform', 'translate(12,0)');
    marker.setAttribute('fill', KLEUREN[i]!);
    staal.append(lijn, marker);
    li.append(staal, document.createTextNode(r.naam));
    lijst.append(li);
  });
  return lijst;
}

/** "2016-2017" as "16/17" on a narrow screen. */
function kortJaar(j: string): string {
  return /^\d{4}-\d{4}$/.test(j) ? `${j.slice(2, 4)}/${j.slice(7, 9)}` : j;
}

/**
 * Lines over school years; every series its own style (stijlnummers), the names in a legend
 * under the chart and, on a wide screen, also at the end of each line.
 */
export function lijngrafiek(Plot: PlotModule, breedte: number, opties: {
  reeksen: Lijnreeks[];
  jaren: string[];
  yLabel: string;
  percentage?: boolean;
  doel?: { waarde: number; label: string };
  breuken?: { schooljaar: string; label: string }[];
}): HTMLElement {
  const smal = breedte < SMAL;
  const stijl = stijlnummers(opties.reeksen.map((r) => r.sleutel));
  // Lines get every point, so a missing value breaks the line (Plot interrupts a line at a
  // null y) instead of joining its neighbours; markers only where there is a value.
  const alle = opties.reeksen.flatMap((r, j) => r.punten.map((p) => ({ ...p, reeks: r.naam, i: stijl[j]! })));
  const punten = alle.filter((p) => p.waarde !== null);
  const laatste = opties.reeksen.map((r, j) => {
    const p = [...r.punten].reverse().find((q) => q.waarde !== null);
    return p ? { ...p, reeks: r.naam, i: stijl[j]! } : null;
  }).filter((p) => p !== null);
  const breuken = (opties.breuken ?? []).filter((b) => opties.jaren.includes(b.schooljaar));
  const tekst = (v: number) => (opties.percentage ? `${v.toFixed(1).replace('.', ',')}%` : nl.format(v));
  // Tick labels turn when they would touch; the axis title sits centred below them, never on one.
  const gedraaid = smal ? opties.jaren.length > 4 : opties.jaren.length > 6;
  const onder = gedraaid ? (smal ? 56 : 66) : 44;
  const plot = Plot.plot({
    width: breedte,
    height: smal ? 280 : 320,
    marginLeft: smal ? 48 : 64,
    marginRight: smal ? 16 : 150,
    marginBottom: onder,
    marginTop: 28,
    x: {
      type: 'point', domain: opties.jaren, label: 'Schooljaar', labelAnchor: 'center', labelOffset: onder - 6,
      tickRotate: gedraaid ? -35 : 0, padding: 0.3, tickFormat: smal ? kortJaar : undefined,
    },
    y: { grid: true, label: opties.yLabel, zero: true, nice: true, tickFormat: tekst, ticks: smal ? 5 : undefined },
    marks: [
      ...breuken.map((b) => Plot.ruleX([b.schooljaar], { stroke: '#4b5563', strokeDasharray: '3,3' })),
      // on a narrow screen the word would run into the axis title; the chart's explanation says what the line is
      ...(smal ? [] : breuken.map((b) => Plot.text([b.schooljaar], {
        x: (d: string) => d, frameAnchor: 'top', dy: -14, text: () => b.label, fill: '#1b1b1b', textAnchor: 'start', dx: 4,
      }))),
      ...(opties.doel ? [
        Plot.ruleY([opties.doel.waarde], { stroke: '#1b1b1b', strokeWidth: 2, strokeDasharray: '8,4' }),
        // beside the chart when there is room, otherwise just above the line at the right
        Plot.text([opties.doel.waarde], smal
          ? { y: (d: number) => d, frameAnchor: 'right', textAnchor: 'end', dy: -8, text: () => opties.doel!.label, fill: '#1b1b1b' }
          : { y: (d: number) => d, frameAnchor: 'right', textAnchor: 'start', dx: 6, text: () => opties.doel!.label, fill: '#1b1b1b' }),
      ] : []),
      ...opties.reeksen.map((_r, j) => Plot.line(alle.filter((p) => p.i === stijl[j]), {
        x: 'schooljaar', y: 'waarde', stroke: KLEUREN[stijl[j]!], strokeWidth: 2.5, strokeDasharray: STREPEN[stijl[j]!] || undefined,
      })),
      ...opties.reeksen.map((_r, j) => {
        const i = stijl[j]!;
        return Plot.dot(punten.filter((p) => p.i === i), {
          x: 'schooljaar', y: 'waarde', symbol: () => SYMBOLEN[i], r: smal ? 4 : 5, stroke: KLEUREN[i], strokeWidth: 2,
          // provisional figures are hollow, definitive ones filled: shape, not colour, tells them apart
          fill: (p: Reekspunt) => (p.voorlopig ? '#ffffff' : KLEUREN[i]!),
          title: (p: Reekspunt & { reeks: string }) => `${p.reeks}, ${p.schooljaar}: ${tekst(p.waarde!)}${p.voorlopig ? ' (voorlopig)' : ''}`,
        });
      }),
      ...(smal ? [] : [Plot.text(laatste, {
        x: 'schooljaar', y: 'waarde', text: (p: { reeks: string }) => p.reeks, textAnchor: 'start', dx: 10, fill: '#1b1b1b', fontWeight: 600, lineWidth: 11,
      })]),
    ],
  }) as SVGSVGElement;
  const vak = document.createElement('div');
  vak.append(plot, reekslegenda(opties.reeksen, stijl));
  return vak;
}

export interface Staaf {
  label: string;
  waarde: number | null;
  vergelijking?: number | null;
}

/**
 * Horizontal bars (the area) with a tick for the comparison (national figure or norm). The
 * value is written right of the bar or of the tick, whichever is further, so the two never
 * overlap. On a narrow screen each label stands above its bar instead of beside it.
 */
export function staafgrafiek(
  Plot: PlotModule, breedte: number,
  opties: { staven: Staaf[]; xLabel: string; vergelijkingLabel: string; /** whole counts instead of percentages: integer ticks, and an axis to at least 1 */ aantallen?: boolean },
) {
  const smal = breedte < SMAL;
  const staven = opties.staven.filter((s) => s.waarde !== null);
  const zonder = opties.staven.filter((s) => s.waarde === null);
  const ticks = opties.staven.filter((s) => s.vergelijking !== null && s.vergelijking !== undefined);
  const pct = opties.aantallen
    ? (v: number) => (Number.isInteger(v) ? v.toLocaleString('nl-NL') : '')
    : (v: number) => `${v.toFixed(1).replace('.', ',')}%`;
  // all zero would leave a scale of [0, 0] on which every bar spans the width
  const domein = opties.aantallen ? { domain: [0, Math.max(1, ...staven.map((s) => s.waarde!))] } : {};
  const rechts = (s: Staaf) => Math.max(s.waarde ?? 0, s.vergelijking ?? 0);
  const band = smal ? 52 : 40;
  // on a narrow screen the bar takes the lower part of its band, its label the upper part
  const inzet = smal ? { insetTop: 24, insetBottom: 4 } : { insetTop: 6, insetBottom: 6 };
  const omlaag = smal ? 6 : 0;
  return Plot.plot({
    width: breedte,
    height: Math.max(120, opties.staven.length * band + 60),
    marginLeft: smal ? 8 : 190,
    marginRight: smal ? 48 : 60,
    marginBottom: 44,
    x: { grid: true, label: opties.xLabel, zero: true, nice: true, tickFormat: pct, labelOffset: 38, labelAnchor: 'center', ticks: smal ? 4 : undefined, ...domein },
    y: { domain: opties.staven.map((s) => s.label), label: null, axis: smal ? null : 'left' },
    marks: [
      Plot.barX(staven, { y: 'label', x: 'waarde', fill: KLEUREN[0], ...inzet }),
      Plot.text(staven, { y: 'label', x: rechts, text: (s: Staaf) => pct(s.waarde!), textAnchor: 'start', dx: 6, dy: omlaag, fill: '#1b1b1b' }),
      // no bar is not a bar of 0: say that there is no percentage
      Plot.text(zonder, { y: 'label', x: () => 0, text: () => 'geen percentage getoond', textAnchor: 'start', dx: 4, dy: omlaag, fill: '#4b5563', fontStyle: 'italic' }),
      Plot.tickX(ticks, { y: 'label', x: 'vergelijking', stroke: '#1b1b1b', strokeWidth: 3, strokeDasharray: '4,2', ...(smal ? { insetTop: 22 } : {}) }),
      ...(smal ? [Plot.text(opties.staven, { y: 'label', x: () => 0, text: 'label', textAnchor: 'start', dy: -13, fill: '#1b1b1b', fontWeight: 600 })] : []),
      Plot.ruleX([0]),
    ],
  });
}

export function alsGetal(a: Aantal | null | undefined): number | null {
  return typeof a === 'number' ? a : null;
}
