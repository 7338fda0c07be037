import { AllesDownloaden } from '../componenten/AllesDownloaden';
import { useEffect, useMemo, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { apiUrl, csvUrl, useApi, type Cijfer, type Gemeentelijst, type Kaart as KaartData, type Regiolijst } from '../api';
import { Bron } from '../componenten/Bron';
import { Grafiek } from '../componenten/Grafiek';
import { Jaarkeuze } from '../componenten/Jaarkeuze';
import { Melding, Toon } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { CIJFERKOLOMMEN, Tabel, cijfercellen, naamcel } from '../componenten/Tabel';
import { GEEN_CIJFERS, gebiedscode, indeling, KLASSEN, nietOpKaart, patronenDefs, Staal, type Klassen } from '../kaartklassen';
import { Link, useRouter } from '../router';

/**
 * Kaart: a choropleth of the vsv percentage per RMC region or municipality, with the list of
 * areas beside it. Every class has its own pattern as well as its own shade, and the legend
 * names the range in words, so the map never relies on colour alone; the table beside it
 * holds every value and the class of every area. Without boundary files (no shared geo
 * folder) only the table is shown. The boundaries are those of one year, so an area of the
 * figures can be missing from the map (merged since, or "onbekend"): the table says
 * "niet op de kaart" for it and the areas are listed under the map, with why. The table opens
 * with the largest number of vsv'ers first (who contributes most), sorts by any column, and
 * gives each class in short ("1,52–2,00%"); the legend spells the range out.
 */
const NAAMVOLGORDE = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** "De 39 RMC-regio's", from the list itself; "onbekend" (residence unknown) is no region. */
function regiozin(data: Regiolijst | Gemeentelijst | null): string {
  const uitleg = "(regionale meld- en coördinatiefunctie) naar woonplaats op 1 oktober.";
  if (!data || !('regios' in data)) return `De RMC-regio's ${uitleg}`;
  const n = data.regios.filter((r) => r.rmcCode !== 'onbekend').length;
  const onbekend = data.regios.some((r) => r.rmcCode === 'onbekend') ? " De tabel heeft ook een rij voor jongeren van wie de woonregio onbekend is." : '';
  return `De ${n} ${n === 1 ? 'RMC-regio' : "RMC-regio's"} ${uitleg}${onbekend}`;
}

interface Gebiedsrij {
  code: string;
  naam: string;
  href: string;
  cijfer: Cijfer;
}

export function Kaart() {
  const { zoek } = useRouter();
  const gemeenten = zoek.get('niveau') === 'gemeenten';
  const schooljaar = zoek.get('schooljaar');
  const status = zoek.get('status');
  const lijstUrl = apiUrl(gemeenten ? '/gemeenten' : '/rmc-regios', { schooljaar, status });
  const lijst = useApi<Regiolijst | Gemeentelijst>(lijstUrl);
  const kaartjaar = lijst.status === 'klaar' ? lijst.data.telling.schooljaar : null;
  const kaart = useApi<KaartData>(kaartjaar ? apiUrl(gemeenten ? '/kaarten/gemeenten' : '/kaarten/rmc-regios', { schooljaar: kaartjaar }) : null);
  // on the municipality map the region borders are drawn over the municipalities
  const regiokaart = useApi<KaartData>(kaartjaar && gemeenten ? apiUrl('/kaarten/rmc-regios', { schooljaar: kaartjaar }) : null);
  // The area codes that have a boundary on the map; null while there is no map.
  const opKaart = useMemo(() => (kaart.status === 'klaar' ? grenscodes(kaart.data, gemeenten) : null), [kaart, gemeenten]);
  const wat = gemeenten ? 'gemeenten' : "RMC-regio's";
  const ander = new URLSearchParams(zoek);
  if (gemeenten) ander.delete('niveau');
  else ander.set('niveau', 'gemeenten');

  return (
    <Pagina titel={`Kaart: vsv-percentage per ${gemeenten ? 'gemeente' : 'RMC-regio'}`}>
      <p className="utrecht-paragraph">
        {gemeenten ? 'Gemeenten naar woonplaats op 1 oktober.' : regiozin(lijst.status === 'klaar' ? lijst.data : null)}
        {' '}<Link href={`/kaart${ander.toString() ? `?${ander.toString()}` : ''}`}>{gemeenten ? "Toon RMC-regio's" : 'Toon gemeenten'}</Link>
      </p>
      <Jaarkeuze />
      <Toon toestand={lijst} klaar={(data) => {
        const rijen: Gebiedsrij[] = 'regios' in data
          ? data.regios.map((r) => ({ code: r.rmcCode, naam: r.naam, href: `/regio/${r.rmcCode}`, cijfer: r.totaal }))
          : data.gemeenten.map((g) => ({ code: g.gemeenteCode, naam: g.naam, href: `/gemeente/${g.gemeenteCode}`, cijfer: g.totaal }));
        rijen.sort((a, b) => NAAMVOLGORDE.compare(a.naam, b.naam) || a.code.localeCompare(b.code));
        // The classes divide the areas on the map (all areas until the map is there), so the legend fits the map.
        const klassen = indeling(rijen.filter((r) => !opKaart || opKaart.has(r.code)).map((r) => r.cijfer));
        // short, so a row stays on one or two lines; the legend and the list under the map say more
        const klasse = (r: Gebiedsrij) => (opKaart && !opKaart.has(r.code) ? 'niet op de kaart' : klassen.kort(r.cijfer));
        // without boundaries there is no map, so no class either
        const metKlasse = kaart.status !== 'fout';
        return (
          <>
            <Bron telling={data.telling} />
            <AllesDownloaden url={lijstUrl} wat={`de ${wat}`} />
            <div className="bb-twee-kolommen">
              <div>
                {kaart.status === 'laden' && <p className="bb-laden" role="status">Bezig met laden van de kaart…</p>}
                {kaart.status === 'fout' && (
                  <Melding soort="warning"><p className="utrecht-paragraph">De kaart kan niet worden getoond: {kaart.fout.message} De cijfers staan in de tabel.</p></Melding>
                )}
                {kaart.status === 'klaar' && opKaart && (!gemeenten || regiokaart.status !== 'laden') && (
                  <Kaartbeeld kaart={kaart.data} regiokaart={regiokaart.status === 'klaar' ? regiokaart.data : null} rijen={rijen} klassen={klassen} wat={wat} gemeenten={gemeenten}
                    schooljaar={data.telling.schooljaar} nietOpDeKaart={rijen.filter((r) => !opKaart.has(r.code))} />
                )}
              </div>
              <Tabel titel={`${gemeenten ? 'Gemeenten' : "RMC-regio's"}, ${data.telling.schooljaar}`} csv={csvUrl(lijstUrl)}
                sorteer={{ id: 'gebieden', standaard: { kolom: "vsv'ers", richting: 'af' }, rangschik: true }}
                kolommen={[{ kop: gemeenten ? 'Gemeente' : 'Regio' }, ...CIJFERKOLOMMEN, ...(metKlasse ? [{ kop: 'Klasse op de kaart', heel: true }] : [])]}
                rijen={rijen.map((r) => [naamcel(r.naam, <Link href={r.href}>{r.naam}</Link>), ...cijfercellen(r.cijfer), ...(metKlasse ? [klasse(r)] : [])])} />
            </div>
          </>
        );
      }} />
    </Pagina>
  );
}

function grenscodes(kaart: KaartData, gemeenten: boolean): Set<string> {
  const object = (kaart.topologie as unknown as Topology).objects[kaart.objectnaam] as GeometryCollection | undefined;
  const codes = (object?.geometries ?? []).map((g) => (g.properties as { statcode?: string } | undefined)?.statcode);
  return new Set(codes.filter((c): c is string => Boolean(c)).map((c) => gebiedscode(c, gemeenten)));
}

const ZOOM_MAX = 8;

/**
 * The map itself: larger than before, with zoom (buttons, Ctrl+wheel, + and − on a focused area; dragging or the
 * arrow buttons move), a focused area brought into view when zoomed in, the name of
 * an area on hover and on keyboard focus (each area is a link: Tab to it, Enter opens it), and
 * on the municipality map the RMC region borders drawn over the municipalities.
 */
function Kaartbeeld({ kaart, regiokaart, rijen, klassen, wat, gemeenten, schooljaar, nietOpDeKaart }: {
  kaart: KaartData; regiokaart: KaartData | null; rijen: Gebiedsrij[]; klassen: Klassen; wat: string; gemeenten: boolean; schooljaar: string;
  /** areas of the figures without a boundary on this map */
  nietOpDeKaart: Gebiedsrij[];
}) {
  const { navigeer } = useRouter();
  const vak = useRef<HTMLDivElement>(null);
  const [zoom, zetZoom] = useState({ z: 1, x: 0.5, y: 0.5 });
  const [tip, zetTip] = useState<{ tekst: string; x: number; y: number } | null>(null);
  const topologie = kaart.topologie as unknown as Topology;
  const object = topologie.objects[kaart.objectnaam] as GeometryObject;
  const verzameling = feature(topologie, object) as unknown as { features: { properties: { statcode: string; statnaam: string } }[] };
  const regiogrenzen = regiokaart
    ? (feature(regiokaart.topologie as unknown as Topology, (regiokaart.topologie as unknown as Topology).objects[regiokaart.objectnaam] as GeometryObject) as unknown as { features: unknown[] }).features
    : [];
  const perCode = new Map(rijen.map((r) => [r.code, r]));
  const code = (statcode: string) => gebiedscode(statcode, gemeenten);
  const features = verzameling.features;
  // A boundary without an area in the figures (formed after this school year) has no figures, which is not "no pupils".
  const zonderCijfers = features.some((f) => !perCode.has(code(f.properties.statcode)));
  const patroon = (statcode: string) => {
    const rij = perCode.get(code(statcode));
    return rij ? klassen.patroonId(rij.cijfer) : GEEN_CIJFERS.id;
  };

  // zoom: the viewBox of the drawn map, around a centre (fractions of its width and height)
  useEffect(() => {
    const svg = vak.current?.querySelector<SVGSVGElement>('svg[role=group]');
    if (!svg) return;
    const [, , w, h] = (svg.dataset.viewbox ?? svg.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number) as [number, number, number, number];
    svg.dataset.viewbox ??= `0 0 ${w} ${h}`;
    const bw = w / zoom.z;
    const bh = h / zoom.z;
    const x = Math.min(Math.max(zoom.x * w - bw / 2, 0), w - bw);
    const y = Math.min(Math.max(zoom.y * h - bh / 2, 0), h - bh);
    svg.setAttribute('viewBox', `${x} ${y} ${bw} ${bh}`);
  });
  const zoomIn = (f: number) => zetZoom((z) => ({ ...z, z: Math.min(ZOOM_MAX, Math.max(1, z.z * f)) }));
  const [wielhint, zetWielhint] = useState(false);
  // The wheel zooms with Ctrl (or ⌘) held, as on most web maps, so scrolling the page over the
  // map still scrolls the page (at 320 px the map fills the screen). The point under the pointer
  // stays where it is. A trackpad pinch arrives as a wheel event with ctrlKey.
  useEffect(() => {
    const el = vak.current;
    if (!el) return undefined;
    let weg: ReturnType<typeof setTimeout> | undefined;
    const wiel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey)) {
        zetWielhint(true);
        clearTimeout(weg);
        weg = setTimeout(() => zetWielhint(false), 1500);
        return;
      }
      e.preventDefault();
      const svg = el.querySelector<SVGSVGElement>('svg[role=group]');
      const r = (svg ?? el).getBoundingClientRect();
      const fx = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
      const fy = Math.min(1, Math.max(0, (e.clientY - r.top) / r.height));
      const f = e.deltaY < 0 ? 1.25 : 0.8;
      zetZoom((z) => {
        const nz = Math.min(ZOOM_MAX, Math.max(1, z.z * f));
        // the map point under the pointer, as a fraction of the whole map, before and after
        const px = z.x + (fx - 0.5) / z.z;
        const py = z.y + (fy - 0.5) / z.z;
        return { z: nz, x: Math.min(1, Math.max(0, px - (fx - 0.5) / nz)), y: Math.min(1, Math.max(0, py - (fy - 0.5) / nz)) };
      });
    };
    el.addEventListener('wheel', wiel, { passive: false });
    return () => {
      el.removeEventListener('wheel', wiel);
      clearTimeout(weg);
    };
  }, []);
  /** A keyboard user who tabs to an area outside the zoomed view gets it in view. */
  const volgFocus = (doel: EventTarget | null) => {
    const pad = (doel as Element | null)?.closest?.('path[data-naam]') as SVGGraphicsElement | null;
    const svg = vak.current?.querySelector<SVGSVGElement>('svg[role=group]');
    if (!pad || !svg || zoom.z <= 1) return;
    const [, , w, h] = (svg.dataset.viewbox ?? '0 0 0 0').split(' ').map(Number) as [number, number, number, number];
    const [vx, vy, vw, vh] = (svg.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number) as [number, number, number, number];
    const b = pad.getBBox();
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    if (w > 0 && h > 0 && (cx < vx || cx > vx + vw || cy < vy || cy > vy + vh)) zetZoom((z) => ({ ...z, x: cx / w, y: cy / h }));
  };
  const schuif = (dx: number, dy: number) => zetZoom((z) => ({ ...z, x: Math.min(1, Math.max(0, z.x + dx / z.z)), y: Math.min(1, Math.max(0, z.y + dy / z.z)) }));
  const sleep = useRef<{ x: number; y: number } | null>(null);

  const toonTip = (e: { target: EventTarget | null; clientX?: number; clientY?: number }) => {
    const pad = (e.target as Element | null)?.closest?.('path[data-naam]');
    const doos = vak.current?.getBoundingClientRect();
    if (!pad || !doos) return zetTip(null);
    const r = pad.getBoundingClientRect();
    const x = (e.clientX ?? r.left + r.width / 2) - doos.left;
    const y = (e.clientY ?? r.top) - doos.top;
    zetTip({ tekst: pad.getAttribute('data-naam')!, x, y });
  };

  return (
    <>
      <div className="bb-kaartknoppen" role="group" aria-label="Kaart zoomen en verschuiven">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => zoomIn(2)} disabled={zoom.z >= ZOOM_MAX}>Inzoomen</button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => zoomIn(0.5)} disabled={zoom.z <= 1}>Uitzoomen</button>
        {zoom.z > 1 && <>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => schuif(0, -0.25)} aria-label="Naar het noorden">↑</button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => schuif(0, 0.25)} aria-label="Naar het zuiden">↓</button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => schuif(-0.25, 0)} aria-label="Naar het westen">←</button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => schuif(0.25, 0)} aria-label="Naar het oosten">→</button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => zetZoom({ z: 1, x: 0.5, y: 0.5 })}>Hele kaart</button>
        </>}
      </div>
      <div ref={vak} className="bb-kaart" data-zoom={zoom.z}
        onPointerOver={toonTip} onPointerMove={(e) => {
          if (sleep.current && zoom.z > 1 && vak.current) {
            const r = vak.current.getBoundingClientRect();
            const dx = (sleep.current.x - e.clientX) / r.width;
            const dy = (sleep.current.y - e.clientY) / r.height;
            sleep.current = { x: e.clientX, y: e.clientY };
            schuif(dx, dy);
          } else toonTip(e);
        }}
        onPointerDown={(e) => { if (zoom.z > 1) sleep.current = { x: e.clientX, y: e.clientY }; }}
        onPointerUp={() => { sleep.current = null; }} onPointerLeave={() => { sleep.current = null; zetTip(null); }}
        onFocus={(e) => { volgFocus(e.target); toonTip(e); }} onBlur={() => zetTip(null)}
        onKeyDown={(e) => {
          // + and - zoom while an area of the map has focus
          if (e.key === '+' || e.key === '=') { e.preventDefault(); zoomIn(2); } else if (e.key === '-') { e.preventDefault(); zoomIn(0.5); }
        }}>
        <Grafiek titel={`Kaart van de ${wat}, vsv-percentage in klassen (grenzen ${kaart.jaar})`} interactief
          sleutel={JSON.stringify([kaart.objectnaam, regiogrenzen.length, rijen.map((r) => r.cijfer.percentage)])}
          samenvatting={`Kaart van Nederland met de ${wat}, gekleurd en gearceerd naar klasse van het vsv-percentage. Elk gebied is een link naar zijn pagina. De tabel ernaast geeft elk gebied met zijn cijfer en klasse.`}
          uitleg={`Grenzen: ${kaart.bron}, indeling ${kaart.jaar}.${regiogrenzen.length ? ' Dikke lijnen: grenzen van de RMC-regio\'s.' : ''} Wijs een gebied aan of ga er met Tab naartoe voor de naam; klik of Enter opent het. Zoom met de knoppen, met Ctrl en het scrollwiel, of met + en − als een gebied de focus heeft; sleep om te verschuiven.`}
          teken={(Plot, breedte) => {
            const w = Math.min(breedte, 760);
            const el = Plot.plot({
              width: w,
              height: w * 1.15,
              projection: { type: 'mercator', domain: verzameling as never },
              color: { type: 'identity' },
              marks: [
                Plot.geo(features, {
                  fill: (f: { properties: { statcode: string } }) => `url(#${patroon(f.properties.statcode)})`,
                  stroke: '#ffffff',
                  strokeWidth: gemeenten ? 0.4 : 1,
                }),
                ...(regiogrenzen.length ? [Plot.geo(regiogrenzen, { fill: 'none', stroke: '#1b1b1b', strokeWidth: 1.6 })] : []),
              ],
            }) as SVGSVGElement;
            el.prepend(patronenDefs());
            // every area a link with its name (the table gives the same links to everyone)
            const paden = el.querySelectorAll('g[aria-label="geo"] path');
            paden.forEach((pad, i) => {
              const f = features[i];
              if (!f) return;
              const rij = perCode.get(code(f.properties.statcode));
              const naam = rij ? `${rij.naam}: ${klassen.label(rij.cijfer)}` : `${f.properties.statnaam}: geen cijfers in ${schooljaar}`;
              pad.setAttribute('data-naam', naam);
              if (rij) {
                pad.setAttribute('role', 'link');
                pad.setAttribute('tabindex', '0');
                pad.setAttribute('aria-label', naam);
                pad.addEventListener('click', () => navigeer(rij.href));
                pad.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') navigeer(rij.href); });
              }
            });
            return el;
          }} />
        {tip && <div className="bb-kaarttip" aria-hidden="true" style={{ left: tip.x, top: tip.y }}>{tip.tekst}</div>}
        {wielhint && <div className="bb-kaarthint" aria-hidden="true">Houd Ctrl ingedrukt en scroll om te zoomen</div>}
      </div>
      <Legenda klassen={klassen} zonderCijfers={zonderCijfers} />
      <NietOpDeKaart gebieden={nietOpDeKaart} gemeenten={gemeenten} jaar={kaart.jaar} schooljaar={schooljaar} />
    </>
  );
}

function Legenda({ klassen, zonderCijfers }: { klassen: Klassen; zonderCijfers: boolean }) {
  const items = [...klassen.legenda(), ...(zonderCijfers ? [GEEN_CIJFERS] : [])];
  return (
    <>
      <h2 className="utrecht-heading-3" id="kop-legenda">Legenda</h2>
      <ul className="bb-legenda" aria-labelledby="kop-legenda">
        {items.map((k) => <li key={k.id}><Staal id={k.id} />{k.label.startsWith(k.kort) ? k.label : `${k.kort} (${k.label})`}</li>)}
      </ul>
      <p className="utrecht-paragraph utrecht-paragraph--small">De klassen verdelen de gebieden met een getoond percentage in {KLASSEN} groepen van ongeveer gelijke grootte.</p>
    </>
  );
}

/** The areas of the figures that have no boundary on this map, with why; their figures are in the table. */
function NietOpDeKaart({ gebieden, gemeenten, jaar, schooljaar }: { gebieden: Gebiedsrij[]; gemeenten: boolean; jaar: number; schooljaar: string }) {
  if (gebieden.length === 0) return null;
  return (
    <section aria-labelledby="kop-niet-op-kaart" data-testid="niet-op-kaart">
      <h2 className="utrecht-heading-3" id="kop-niet-op-kaart">Niet op de kaart</h2>
      <p className="utrecht-paragraph utrecht-paragraph--small">
        De kaart heeft de {gemeenten ? 'gemeentegrenzen' : 'regiogrenzen'} van {jaar}. {gebieden.length === 1 ? 'Dit gebied' : 'Deze gebieden'} uit
        {' '}de cijfers van {schooljaar} {gebieden.length === 1 ? 'staat' : 'staan'} er niet op; de cijfers staan wel in de tabel.
      </p>
      <ul className="bb-niet-op-kaart">
        {gebieden.map((g) => <li key={g.code}><Link href={g.href}>{g.naam}</Link>: {nietOpKaart(g.code, gemeenten)}</li>)}
      </ul>
    </section>
  );
}
