import { feature } from 'topojson-client';
import type { Topology, GeometryObject } from 'topojson-specification';
import { apiUrl, csvUrl, useApi, type Cijfer, type Gemeentelijst, type Kaart as KaartData, type Regiolijst } from '../api';
import { Bron } from '../componenten/Bron';
import { Grafiek } from '../componenten/Grafiek';
import { Jaarkeuze } from '../componenten/Jaarkeuze';
import { Melding, Toon } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { CIJFERKOLOMMEN, Tabel, cijfercellen } from '../componenten/Tabel';
import { indeling, KLASSEN, patronenDefs, Staal, type Klassen } from '../kaartklassen';
import { Link, useRouter } from '../router';

/**
 * Kaart: a choropleth of the vsv percentage per RMC region or municipality, with the list of
 * areas beside it. Every class has its own pattern as well as its own shade, and the legend
 * names the range in words, so the map never relies on colour alone; the table beside it
 * holds every value. Without boundary files (no shared geo folder) only the table is shown.
 */
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
  const wat = gemeenten ? 'gemeenten' : "RMC-regio's";
  const ander = new URLSearchParams(zoek);
  if (gemeenten) ander.delete('niveau');
  else ander.set('niveau', 'gemeenten');

  return (
    <Pagina titel={`Kaart: vsv-percentage per ${gemeenten ? 'gemeente' : 'RMC-regio'}`}>
      <p className="utrecht-paragraph">
        {gemeenten ? 'Gemeenten naar woonplaats op 1 oktober.' : "De 39 RMC-regio's (regionale meld- en coördinatiefunctie) naar woonplaats op 1 oktober."}
        {' '}<Link href={`/kaart${ander.toString() ? `?${ander.toString()}` : ''}`}>{gemeenten ? "Toon RMC-regio's" : 'Toon gemeenten'}</Link>
      </p>
      <Jaarkeuze />
      <Toon toestand={lijst} klaar={(data) => {
        const rijen: Gebiedsrij[] = 'regios' in data
          ? data.regios.map((r) => ({ code: r.rmcCode, naam: r.naam, href: `/regio/${r.rmcCode}`, cijfer: r.totaal }))
          : data.gemeenten.map((g) => ({ code: g.gemeenteCode, naam: g.naam, href: `/gemeente/${g.gemeenteCode}`, cijfer: g.totaal }));
        const klassen = indeling(rijen.map((r) => r.cijfer));
        return (
          <>
            <Bron telling={data.telling} />
            <div className="bb-twee-kolommen">
              <div>
                {kaart.status === 'laden' && <p className="bb-laden" role="status">Bezig met laden van de kaart…</p>}
                {kaart.status === 'fout' && (
                  <Melding soort="warning"><p className="utrecht-paragraph">De kaart kan niet worden getoond: {kaart.fout.message} De cijfers staan in de tabel.</p></Melding>
                )}
                {kaart.status === 'klaar' && <Kaartbeeld kaart={kaart.data} rijen={rijen} klassen={klassen} wat={wat} gemeenten={gemeenten} />}
              </div>
              <Tabel titel={`${gemeenten ? 'Gemeenten' : "RMC-regio's"}, ${data.telling.schooljaar}`} csv={csvUrl(lijstUrl)}
                kolommen={[{ kop: gemeenten ? 'Gemeente' : 'Regio' }, ...CIJFERKOLOMMEN]}
                rijen={rijen.map((r) => [<Link href={r.href}>{r.naam}</Link>, ...cijfercellen(r.cijfer)])} />
            </div>
          </>
        );
      }} />
    </Pagina>
  );
}

function Kaartbeeld({ kaart, rijen, klassen, wat, gemeenten }: { kaart: KaartData; rijen: Gebiedsrij[]; klassen: Klassen; wat: string; gemeenten: boolean }) {
  const { navigeer } = useRouter();
  const topologie = kaart.topologie as unknown as Topology;
  const object = topologie.objects[kaart.objectnaam] as GeometryObject;
  const verzameling = feature(topologie, object) as unknown as { features: { properties: { statcode: string; statnaam: string } }[] };
  const perCode = new Map(rijen.map((r) => [r.code, r]));
  const code = (statcode: string) => (gemeenten ? statcode : statcode.replace(/^MC/, ''));
  const features = verzameling.features;
  return (
    <>
      <Grafiek titel={`Kaart van de ${wat}, vsv-percentage in klassen (grenzen ${kaart.jaar})`}
        sleutel={JSON.stringify([kaart.objectnaam, rijen.map((r) => r.cijfer.percentage)])}
        samenvatting={`Kaart van Nederland met de ${wat}, gekleurd en gearceerd naar klasse van het vsv-percentage. De tabel ernaast geeft elk gebied met zijn cijfer en klasse.`}
        uitleg={`Grenzen: ${kaart.bron}, indeling ${kaart.jaar}. Klik op een gebied voor de details, of gebruik de tabel.`}
        teken={(Plot, breedte) => {
          const el = Plot.plot({
            width: Math.min(breedte, 560),
            height: Math.min(breedte, 560) * 1.15,
            projection: { type: 'mercator', domain: verzameling as never },
            color: { type: 'identity' },
            marks: [
              Plot.geo(features, {
                fill: (f: { properties: { statcode: string } }) => `url(#${klassen.patroonId(perCode.get(code(f.properties.statcode))?.cijfer ?? null)})`,
                stroke: '#ffffff',
                strokeWidth: gemeenten ? 0.4 : 1,
              }),
            ],
          }) as SVGSVGElement;
          el.prepend(patronenDefs());
          // Click to open an area (mouse convenience; the table gives the same links to everyone).
          const paden = el.querySelectorAll('g[aria-label="geo"] path');
          paden.forEach((pad, i) => {
            const f = features[i];
            const rij = f ? perCode.get(code(f.properties.statcode)) : undefined;
            if (!rij) return;
            const titel = document.createElementNS('http://www.w3.org/2000/svg', 'title');
            titel.textContent = `${rij.naam}: ${klassen.label(rij.cijfer)}`;
            pad.appendChild(titel);
            pad.addEventListener('click', () => navigeer(rij.href));
          });
          return el;
        }} />
      <Legenda klassen={klassen} />
    </>
  );
}

function Legenda({ klassen }: { klassen: Klassen }) {
  return (
    <>
      <h2 className="utrecht-heading-3" id="kop-legenda">Legenda</h2>
      <ul className="bb-legenda" aria-labelledby="kop-legenda">
        {klassen.legenda().map((k) => <li key={k.id}><Staal id={k.id} />{k.label}</li>)}
      </ul>
      <p className="utrecht-paragraph utrecht-paragraph--small">De klassen verdelen de gebieden met een getoond percentage in {KLASSEN} groepen van ongeveer gelijke grootte.</p>
    </>
  );
}
