import { AllesDownloaden } from '../componenten/AllesDownloaden';
import { useState, type FormEvent } from 'react';
import { apiUrl, csvUrl, useApi, type Gemeentelijst, type Kerncijfers as KerncijfersData, type Reeks, type Regiolijst } from '../api';
import { Bron, Tellingen } from '../componenten/Bron';
import { Grafiek } from '../componenten/Grafiek';
import { Jaarkeuze } from '../componenten/Jaarkeuze';
import { Kerncijfers } from '../componenten/Kerncijfers';
import { Melding, Toon } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { Verzuimsectie } from '../componenten/Verzuimsectie';
import { CIJFERKOLOMMEN, Tabel, cijfercellen } from '../componenten/Tabel';
import { Getal, Procent } from '../componenten/Waarde';
import { alsGetal, lijngrafiek } from '../grafieken';
import { CATEGORIEEN, GESLACHTEN, LEEFTIJDSGROEPEN, LEERWEGEN, SECTOREN, aantal, label, schaaltekst } from '../opmaak';
import { useRouter } from '../router';

/**
 * Landelijk: the key figures of the latest (or chosen) school year and the national series
 * against the target of at most 20,000 new vsv'ers by 2024, with provisional figures and
 * method changes marked.
 */
export function Landelijk() {
  const { zoek } = useRouter();
  const schooljaar = zoek.get('schooljaar');
  const status = zoek.get('status');
  const kernUrl = apiUrl('/landelijk/kerncijfers', { schooljaar, status });
  const reeksUrl = apiUrl('/landelijk/reeks', { status });
  const kern = useApi<KerncijfersData>(kernUrl);
  const reeks = useApi<Reeks>(reeksUrl);

  return (
    <Pagina titel="Landelijke vsv-cijfers">
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        Nieuwe voortijdig schoolverlaters (vsv'ers): jongeren tot 23 jaar die het onderwijs verlaten zonder startkwalificatie.
      </p>
      <Toon toestand={reeks} wat="het landelijke doel" klaar={(r) => <Doelzin r={r} />} />
      <Jaarkeuze />
      <GebiedKiezer />
      <section aria-labelledby="kop-kerncijfers">
        <h2 id="kop-kerncijfers" className="utrecht-heading-2">Kerncijfers</h2>
        <Toon toestand={kern} klaar={(k) => <KerncijferBlok k={k} url={kernUrl} />} />
      </section>
      <section aria-labelledby="kop-reeks">
        <h2 id="kop-reeks" className="utrecht-heading-2">Verloop over de schooljaren</h2>
        <Toon toestand={reeks} wat="de reeks" klaar={(r) => <ReeksBlok r={r} url={reeksUrl} />} />
      </section>
      <Verzuimsectie />
    </Pagina>
  );
}

const NAAMVOLGORDE = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * "Uw regio of gemeente": straight to the page of an RMC region or municipality, with the
 * chosen school year and status. Two small forms, each a labelled select and a button.
 * "onbekend" (residence unknown) is no place to go to.
 */
function GebiedKiezer() {
  const { zoek, navigeer } = useRouter();
  const query = { schooljaar: zoek.get('schooljaar'), status: zoek.get('status') };
  // The lists of the chosen year; when that year or status has no count, the latest lists
  // (the page of the area then says what is missing), so the pickers never wait forever.
  const regiosJaar = useApi<Regiolijst>(apiUrl('/rmc-regios', query));
  const gemeentenJaar = useApi<Gemeentelijst>(apiUrl('/gemeenten', query));
  const regiosLaatste = useApi<Regiolijst>(regiosJaar.status === 'fout' ? apiUrl('/rmc-regios') : null);
  const gemeentenLaatste = useApi<Gemeentelijst>(gemeentenJaar.status === 'fout' ? apiUrl('/gemeenten') : null);
  const regios = regiosJaar.status === 'fout' ? regiosLaatste : regiosJaar;
  const gemeenten = gemeentenJaar.status === 'fout' ? gemeentenLaatste : gemeentenJaar;
  const behoud = new URLSearchParams();
  for (const k of ['schooljaar', 'status'] as const) if (query[k]) behoud.set(k, query[k]!);
  const opties = (lijst: { code: string; naam: string }[]) => lijst.filter((o) => o.code !== 'onbekend')
    .sort((a, b) => NAAMVOLGORDE.compare(a.naam, b.naam) || a.code.localeCompare(b.code));
  return (
    <section aria-labelledby="kop-gebiedkiezer" className="bb-gebiedkiezer">
      <h2 id="kop-gebiedkiezer" className="utrecht-heading-3">Uw regio of gemeente</h2>
      <div className="bb-gebiedkiezer__formulieren">
        <Kiezer id="kies-regio" label="RMC-regio" wat="regio" pad="/regio" behoud={behoud} navigeer={navigeer}
          opties={regios.status === 'klaar' ? opties(regios.data.regios.map((r) => ({ code: r.rmcCode, naam: r.naam }))) : regios.status === 'fout' ? [] : null} />
        <Kiezer id="kies-gemeente" label="Gemeente" wat="gemeente" pad="/gemeente" behoud={behoud} navigeer={navigeer}
          opties={gemeenten.status === 'klaar' ? opties(gemeenten.data.gemeenten.map((g) => ({ code: g.gemeenteCode, naam: g.naam }))) : gemeenten.status === 'fout' ? [] : null} />
      </div>
    </section>
  );
}

function Kiezer({ id, label: tekst, wat, pad, behoud, navigeer, opties }: {
  id: string; label: string; wat: string; pad: string; behoud: URLSearchParams; navigeer: (href: string) => void;
  opties: { code: string; naam: string }[] | null;
}) {
  const [code, zetCode] = useState('');
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    if (code) navigeer(`${pad}/${encodeURIComponent(code)}${behoud.toString() ? `?${behoud}` : ''}`);
  };
  return (
    <form className="bb-formulier" onSubmit={verstuur} aria-label={`Naar een ${wat}`}>
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{tekst}</label></div>
        <div className="utrecht-form-field__input">
          <select id={id} className="utrecht-select utrecht-select--html-select" value={code} required disabled={!opties}
            onChange={(e) => zetCode(e.target.value)}>
            <option value="">{opties ? `Kies een ${wat}` : 'Bezig met laden…'}</option>
            {opties?.map((o) => <option key={o.code} value={o.code}>{o.naam}</option>)}
          </select>
        </div>
      </div>
      <button type="submit" className="utrecht-button utrecht-button--primary-action">Bekijk<span className="visueel-verborgen"> {wat}</span></button>
    </form>
  );
}

function KerncijferBlok({ k, url }: { k: KerncijfersData; url: string }) {
  const t = k.uitsplitsingen;
  return (
    <>
      <Bron telling={k.telling} />
      <AllesDownloaden url={url} wat={`de kerncijfers van ${k.telling.schooljaar}`} />
      {k.methodewijziging && <Melding soort="warning"><p className="utrecht-paragraph">Trendbreuk in {k.methodewijziging.schooljaar}: {k.methodewijziging.omschrijving}</p></Melding>}
      <Kerncijfers label={`Kerncijfers ${k.telling.schooljaar}`} items={[
        { waarde: <Getal a={k.totaal.vsv} />, label: `nieuwe vsv'ers in ${k.telling.schooljaar} (${k.telling.status})` },
        { waarde: <Procent p={k.totaal.percentage} />, label: 'vsv-percentage' },
        { waarde: <Getal a={k.totaal.startpopulatie} />, label: 'leerlingen en studenten in de startpopulatie' },
        ...(k.vorigJaar ? [{ waarde: <Getal a={k.vorigJaar.totaal.vsv} />, label: `vsv'ers in ${k.vorigJaar.telling.schooljaar} (vorig jaar, ${k.vorigJaar.telling.status})` }] : []),
      ]} />
      <Tabel titel={`Naar sector, ${k.telling.schooljaar}`} csv={csvUrl(url, 'sector')}
        kolommen={[{ kop: 'Sector' }, ...CIJFERKOLOMMEN]} rijen={t.sector.map((o) => [label(SECTOREN, o.waarde), ...cijfercellen(o.cijfer)])} />
      <Tabel titel={`Naar categorie, ${k.telling.schooljaar}`} csv={csvUrl(url, 'categorie')}
        kolommen={[{ kop: 'Categorie' }, ...CIJFERKOLOMMEN]} rijen={t.categorie.map((o) => [label(CATEGORIEEN, o.waarde), ...cijfercellen(o.cijfer)])} />
      <Tabel titel={`mbo naar leerweg, ${k.telling.schooljaar}`} csv={csvUrl(url, 'leerweg')}
        kolommen={[{ kop: 'Leerweg' }, ...CIJFERKOLOMMEN]} rijen={t.leerweg.map((o) => [label(LEERWEGEN, o.waarde), ...cijfercellen(o.cijfer)])} />
      <Tabel titel={`Naar leeftijd op 1 oktober, ${k.telling.schooljaar}`} csv={csvUrl(url, 'leeftijdsgroep')}
        kolommen={[{ kop: 'Leeftijd' }, ...CIJFERKOLOMMEN]} rijen={t.leeftijdsgroep.map((o) => [label(LEEFTIJDSGROEPEN, o.waarde), ...cijfercellen(o.cijfer)])} />
      <Tabel titel={`Naar geslacht, ${k.telling.schooljaar}`} csv={csvUrl(url, 'geslacht')}
        kolommen={[{ kop: 'Geslacht' }, ...CIJFERKOLOMMEN]} rijen={t.geslacht.map((o) => [label(GESLACHTEN, o.waarde), ...cijfercellen(o.cijfer)])} />
    </>
  );
}

function ReeksBlok({ r, url }: { r: Reeks; url: string }) {
  if (r.reeks.length === 0) return <Melding><p className="utrecht-paragraph">Er zijn nog geen tellingen opgeslagen.</p></Melding>;
  const jaren = r.reeks.map((p) => p.schooljaar);
  const laatste = r.reeks.at(-1)!.totaal.vsv;
  // a withheld count is left out of the chart, and the summary says so instead of "x vsv'ers"
  const laatsteVsv = typeof laatste === 'number' ? `${aantal(laatste)} vsv'ers` : "aantal vsv'ers afgeschermd";
  // Synthetic demo data at scale s is compared with the target × s: 20,000 against a tenth of
  // the country would say nothing.
  const schaal = r.reeks.find((p) => p.telling.synthetisch && p.telling.schaal !== null)?.telling.schaal ?? null;
  const doelWaarde = schaal === null ? r.doel.doelAantal : Math.round(r.doel.doelAantal * schaal);
  const doelLabel = schaal === null
    ? `Doel ${r.doel.jaar}: ${aantal(r.doel.doelAantal)}`
    : `Doel ${r.doel.jaar} × schaal ${schaaltekst(schaal)}: ${aantal(doelWaarde)}`;
  const samenvatting = `Lijngrafiek van het aantal nieuwe vsv'ers per schooljaar, ${jaren[0]} tot en met ${jaren.at(-1)}, `
    + `met ${schaal === null ? 'het landelijke doel' : `het landelijke doel maal de schaal van de synthetische demodata (${schaaltekst(schaal)})`} van ${aantal(doelWaarde)}. Laatste schooljaar: ${laatsteVsv}.`;
  return (
    <>
      <Grafiek titel={`Aantal nieuwe vsv'ers per schooljaar, met het doel voor ${r.doel.jaar}`} samenvatting={samenvatting} sleutel={JSON.stringify(r.reeks.map((p) => [p.schooljaar, p.totaal.vsv, p.telling.status]))}
        uitleg={`${r.doel.omschrijving} Open rondjes: voorlopige cijfers; dichte rondjes: definitieve. Gestippelde verticale lijn: methodewijziging (trendbreuk).`}
        teken={(Plot, breedte) => lijngrafiek(Plot, breedte, {
          jaren,
          yLabel: "vsv'ers",
          reeksen: [{ naam: 'Nederland', sleutel: 'NL', punten: r.reeks.map((p) => ({ schooljaar: p.schooljaar, waarde: alsGetal(p.totaal.vsv), voorlopig: p.telling.status === 'voorlopig' })) }],
          doel: { waarde: doelWaarde, label: doelLabel },
          breuken: r.methodewijzigingen.map((m) => ({ schooljaar: m.schooljaar, label: 'Methodewijziging' })),
        })} />
      <Tabel titel="Landelijke reeks, per schooljaar alle sectoren samen en vo, mbo en vavo" csv={csvUrl(url, 'reeks')}
        kolommen={[{ kop: 'Schooljaar', heel: true }, { kop: 'Status' }, { kop: 'Sector', heel: true }, ...CIJFERKOLOMMEN, { kop: 'Opmerking' }]}
        rijen={r.reeks.flatMap((p) => [
          [p.schooljaar, p.telling.status, 'alle sectoren', ...cijfercellen(p.totaal),
            p.methodewijziging ? `Methodewijziging: ${p.methodewijziging.omschrijving}` : ''],
          ...p.sector.map((s) => [p.schooljaar, p.telling.status, label(SECTOREN, s.waarde), ...cijfercellen(s.cijfer), '']),
        ])} />
      <Tellingen tellingen={r.reeks.map((p) => p.telling)} />
      <AllesDownloaden url={url} wat="de landelijke reeks" />
      <p className="utrecht-paragraph utrecht-paragraph--small">
        Per schooljaar staat eerst het landelijke totaal (alle sectoren), daarna de startpopulatie, het aantal vsv'ers en het
        vsv-percentage van vo, mbo en vavo; zo staat het ook in de CSV. Doel: {r.doel.omschrijving}
      </p>
    </>
  );
}

/** The scale of synthetic demo data, if the series is such data (the target is scaled with it). */
function demoschaal(r: Reeks): number | null {
  return r.reeks.find((p) => p.telling.synthetisch && p.telling.schaal !== null)?.telling.schaal ?? null;
}

/** The school year a target "in 2024" is judged on: the one that ends in that year (2023-2024). */
export function doelSchooljaar(jaar: number): string {
  return `${jaar - 1}-${jaar}`;
}

/**
 * One sentence: was the national target met? It is judged on the school year ending in the
 * target year; provisional figures say so, a year without a count says that it is not known
 * yet. Synthetic demo data is judged against the target times its scale, and says so.
 */
export function Doelzin({ r }: { r: Reeks }) {
  const jaar = doelSchooljaar(r.doel.jaar);
  const schaal = demoschaal(r);
  const doel = schaal === null ? r.doel.doelAantal : Math.round(r.doel.doelAantal * schaal);
  const doeltekst = schaal === null
    ? `ten hoogste ${aantal(doel)} nieuwe vsv'ers in ${r.doel.jaar}`
    : `ten hoogste ${aantal(r.doel.doelAantal)} nieuwe vsv'ers in ${r.doel.jaar}; voor deze synthetische demodata (schaal ${schaaltekst(schaal)}) ${aantal(doel)}`;
  const punt = r.reeks.find((p) => p.schooljaar === jaar);
  let zin: string;
  if (!punt) {
    zin = `Of het landelijke doel (${doeltekst}) is gehaald, is nog niet bekend: er is nog geen telling van schooljaar ${jaar}.`;
  } else if (typeof punt.totaal.vsv !== 'number') {
    zin = `Of het landelijke doel (${doeltekst}) is gehaald, is niet te zeggen: het aantal van ${jaar} is afgeschermd.`;
  } else {
    const n = punt.totaal.vsv;
    const gehaald = n <= doel;
    const verschil = Math.abs(n - doel);
    const voorlopig = punt.telling.status === 'voorlopig' ? ' volgens de voorlopige telling' : '';
    zin = `Het landelijke doel (${doeltekst}) is${voorlopig} ${gehaald ? '' : 'niet '}gehaald: in schooljaar ${jaar} waren er `
      + `${aantal(n)} nieuwe vsv'ers, ${verschil === 0 ? 'precies het doel' : `${aantal(verschil)} ${gehaald ? 'minder' : 'meer'} dan het doel`}.`;
  }
  return <p className="utrecht-paragraph bb-doelzin" data-testid="doelzin"><strong>{zin}</strong></p>;
}
