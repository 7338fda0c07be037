import { useEffect, useRef, useState } from 'react';

/**
 * A chart drawn with Observable Plot (SVG). Plot is loaded only when a chart is shown, so
 * the first page is usable before it arrives. For assistive technology the chart is one
 * image with a summary; its data is always in the table beside it. Plot's inline <style>
 * is removed before the chart enters the page (the Content-Security-Policy forbids inline
 * styles; stijl.css has the equivalent rules).
 */
export type PlotModule = typeof import('@observablehq/plot');
export type Tekenaar = (plot: PlotModule, breedte: number) => SVGSVGElement | HTMLElement;

export function Grafiek({ titel, samenvatting, teken, sleutel, uitleg, interactief = false }: {
  titel: string;
  /** what the chart shows, in one or two sentences, for screen readers */
  samenvatting: string;
  teken: Tekenaar;
  /** changes when the data changes; the chart is redrawn then */
  sleutel: string;
  uitleg?: string;
  /**
   * a map whose areas are links of their own (role=link, a name each): the chart is then a
   * named group instead of one image, and the labels of its areas stay
   */
  interactief?: boolean;
}) {
  const vlak = useRef<HTMLDivElement>(null);
  const tekenaar = useRef(teken);
  tekenaar.current = teken;
  const [mislukt, zetMislukt] = useState(false);

  useEffect(() => {
    let actief = true;
    import('@observablehq/plot').then((Plot) => {
      const doel = vlak.current;
      if (!actief || !doel) return;
      const breedte = Math.max(260, Math.min(doel.clientWidth || 640, 900));
      const el = tekenaar.current(Plot, breedte);
      el.querySelectorAll('style').forEach((s) => s.remove());
      const svg = el instanceof SVGSVGElement ? el : el.querySelector('svg');
      if (svg) {
        svg.setAttribute('role', interactief ? 'group' : 'img');
        svg.setAttribute('aria-label', samenvatting);
        svg.removeAttribute('aria-description');
        // Plot labels its mark groups; inside one image those labels are not allowed and not needed.
        svg.querySelectorAll(interactief ? 'g[aria-label], g[aria-description]' : '[aria-label], [aria-description]').forEach((n) => {
          n.removeAttribute('aria-label');
          n.removeAttribute('aria-description');
        });
      }
      el.setAttribute('data-grafiek', 'klaar');
      doel.replaceChildren(el);
    }).catch(() => actief && zetMislukt(true));
    return () => {
      actief = false;
    };
  }, [sleutel, samenvatting]);

  return (
    <figure className="bb-grafiek">
      <figcaption>{titel}</figcaption>
      <div ref={vlak} className="bb-grafiek__vlak">
        {mislukt && <p>De grafiek kon niet worden getekend; de cijfers staan in de tabel.</p>}
      </div>
      {uitleg && <p className="bb-grafiek__uitleg">{uitleg}</p>}
    </figure>
  );
}
