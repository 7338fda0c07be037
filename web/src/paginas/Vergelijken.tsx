import { useEffect, useState, type FormEvent } from 'react';
import { apiUrl, csvUrl, useApi, type Gemeentelijst, type Instellingen, type Regiolijst, type Vergelijking } from '../api';
import { Tellingen } from '../componenten/Bron';
import { Grafiek } from '../componenten/Grafiek';
import { Melding, Toon } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { Tabel } from '../componenten/Tabel';
import { Procent } from '../componenten/Waarde';
import { lijngrafiek } from '../grafieken';
import { getal } from '../opmaak';
import { Link, useRouter } from '../router';

/**
 * Vergelijken: RMC regions, municipalities and institutions side by side over the school
 * years, with the national series. A municipality can be compared with a ready-made peer
 * group (G4, G40, same size, its region) in one click; every series keeps its own style on
 * every page and is named in the legend.
 */
const MAX = 8;

function lijst(tekst: string | null): string[] {
  return [...new Set((tekst ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean))];
}

export function Vergelijken() {
  const { zoek, navigeer } = useRouter();
  const regiolijst = useApi<Regiolijst>('/api/v1/rmc-regios');
  const gekozenRegios = lijst(zoek.get('regios'));
  const gekozenBrins = lijst(zoek.get('instellingen'));
  const gekozenGemeenten = lijst(zoek.get('gemeenten'));
  const [regios, zetRegios] = useState<string[]>(gekozenRegios);
  const [brins, zetBrins] = useState(gekozenBrins.join(', '));
  useEffect(() => {
    zetRegios(lijst(zoek.get('regios')));
    zetBrins(lijst(zoek.get('instellingen')).join(', '));
  }, [zoek]);
  const iets = gekozenRegios.length + gekozenBrins.length + gekozenGemeenten.length > 0;
  const url = iets ? apiUrl('/vergelijking', { rmcCodes: gekozenRegios.join(','), gemeenteCodes: gekozenGemeenten.join(','), brins: gekozenBrins.join(',') }) : null;
  const vergelijking = useApi<Vergelijking>(url);

  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (regios.length) q.set('regios', regios.join(','));
    if (gekozenGemeenten.length) q.set('gemeenten', gekozenGemeenten.join(','));
    const b = lijst(brins.replace(/\s+/g, ','));
    if (b.length) q.set('instellingen', b.join(','));
    navigeer(`/vergelijken${q.toString() ? `?${q}` : ''}`);
  };
  const wissel = (code: string) => zetRegios((r) => (r.includes(code) ? r.filter((c) => c !== code) : [...r, code]));
  const voegToe = (brin: string) => zetBrins((b) => lijst(`${b},${brin}`).join(', '));

  return (
    <Pagina titel="Vergelijken over de jaren">
      <p className="utrecht-paragraph">Kies tot {MAX} RMC-regio's, gemeenten en instellingen samen. Het landelijke cijfer staat er altijd bij; bij een instelling ook het landelijke cijfer van haar eigen sector.</p>
      <Gemeentekeuze gekozen={gekozenGemeenten} zoek={zoek} navigeer={navigeer} />
      <ZoekInstelling voegToe={voegToe} gekozen={lijst(brins.replace(/\s+/g, ','))} />
      <form method="get" action="/vergelijken" onSubmit={verstuur} aria-label="Regio's en instellingen kiezen">
        <fieldset className="bb-keuzes">
          <legend>RMC-regio's</legend>
          {regiolijst.status === 'klaar' && regiolijst.data.regios.filter((r) => r.rmcCode !== 'onbekend').map((r) => (
            <div key={r.rmcCode} className="bb-keuze">
              <input type="checkbox" id={`regio-${r.rmcCode}`} name="regio" value={r.rmcCode} checked={regios.includes(r.rmcCode)} onChange={() => wissel(r.rmcCode)} />
              <label htmlFor={`regio-${r.rmcCode}`}>{r.naam} ({r.rmcCode})</label>
            </div>
          ))}
        </fieldset>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="vergelijk-brins">Instellingen (BRIN-nummers, gescheiden door komma's)</label></div>
          <div className="utrecht-form-field__description" id="vergelijk-brins-uitleg">Bijvoorbeeld 10AA, 20BB. <Link href="/instellingen">Zoek een BRIN-nummer</Link>.</div>
          <div className="utrecht-form-field__input">
            <input id="vergelijk-brins" name="instellingen" className="utrecht-textbox utrecht-textbox--html-input" value={brins} onChange={(e) => zetBrins(e.target.value)} aria-describedby="vergelijk-brins-uitleg" autoComplete="off" />
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">Vergelijk</button>
      </form>
      {!iets && <p className="utrecht-paragraph">Nog niets gekozen.</p>}
      {url && <Toon toestand={vergelijking} klaar={(v) => <Uitkomst v={v} url={url} />} />}
    </Pagina>
  );
}

/**
 * Find an institution by name or place and add its BRIN to the comparison, so nobody has to
 * know BRIN codes. A separate form: Enter in the search box searches, it does not compare.
 */
function ZoekInstelling({ voegToe, gekozen }: { voegToe: (brin: string) => void; gekozen: readonly string[] }) {
  const [tekst, zetTekst] = useState('');
  const [zoekterm, zetZoekterm] = useState('');
  const url = zoekterm ? apiUrl('/instellingen', { naam: zoekterm, paginaGrootte: '10' }) : null;
  const treffers = useApi<Instellingen>(url);
  return (
    <section aria-labelledby="kop-zoek-instelling" className="bb-zoek-instelling">
      <h2 id="kop-zoek-instelling" className="utrecht-heading-2">Instelling zoeken op naam</h2>
      <p className="utrecht-paragraph">"Voeg toe" zet het BRIN-nummer in het veld Instellingen hieronder.</p>
      <form role="search" aria-label="Instelling zoeken om toe te voegen" onSubmit={(e) => { e.preventDefault(); zetZoekterm(tekst.trim()); }}>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="vergelijk-zoek">Naam of BRIN</label></div>
          <div className="utrecht-form-field__input">
            <input id="vergelijk-zoek" type="search" className="utrecht-textbox utrecht-textbox--html-input" value={tekst} onChange={(e) => zetTekst(e.target.value)} autoComplete="off" />
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">Zoeken</button>
      </form>
      {url && <Toon toestand={treffers} klaar={(t) => (t.instellingen.length === 0
        ? <p className="utrecht-paragraph" role="status">Geen instelling gevonden voor “{zoekterm}”.</p>
        : (
          <ul className="utrecht-unordered-list" aria-label={`Gevonden instellingen voor ${zoekterm}`}>
            {t.instellingen.map((i) => (
              <li key={i.brin} className="utrecht-unordered-list__item">
                {i.naam} ({i.brin}{i.plaatsen.length ? `, ${i.plaatsen.join(', ')}` : ''}){' '}
                {gekozen.includes(i.brin)
                  ? <span>— gekozen</span>
                  : <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => voegToe(i.brin)}
                    aria-label={`Voeg ${i.naam} (${i.brin}) toe aan de vergelijking`}>Voeg toe</button>}
              </li>
            ))}
          </ul>
        ))} />}
    </section>
  );
}

function Uitkomst({ v, url }: { v: Vergelijking; url: string }) {
  const jaren = v.reeksen[0]?.punten.map((p) => p.schooljaar) ?? [];
  if (jaren.length === 0) return <Melding><p className="utrecht-paragraph">Er zijn nog geen tellingen opgeslagen.</p></Melding>;
  const naam = (r: Vergelijking['reeksen'][number]) => (r.soort === 'instelling' ? `${r.naam} (${r.code})` : r.naam);
  return (
    <section aria-labelledby="kop-vergelijking">
      <h2 id="kop-vergelijking" className="utrecht-heading-2">Vergelijking</h2>
      <Grafiek titel="vsv-percentage per schooljaar" sleutel={JSON.stringify(v.reeksen.map((r) => r.punten.map((p) => p.cijfer.percentage)))}
        samenvatting={`Lijngrafiek van het vsv-percentage per schooljaar van ${v.reeksen.map(naam).join(', ')}. Elke lijn heeft een eigen lijnstijl en symbool, in de legenda onder de grafiek met naam.`}
        uitleg="Elke reeks heeft een eigen lijnstijl, kleur en symbool, op elke pagina dezelfde; de legenda onder de grafiek geeft de namen. Open symbolen: voorlopige cijfers. Niet getoonde percentages ontbreken. Gestippelde verticale lijn: methodewijziging (trendbreuk)."
        teken={(Plot, breedte) => lijngrafiek(Plot, breedte, {
          jaren, yLabel: 'vsv-percentage', percentage: true,
          reeksen: v.reeksen.map((r) => ({ naam: r.code === 'NL' ? 'Nederland' : r.naam, sleutel: r.code, punten: r.punten.map((p) => ({ schooljaar: p.schooljaar, waarde: getal(p.cijfer.percentage), voorlopig: p.telling.status === 'voorlopig' })) })),
          breuken: v.methodewijzigingen.map((m) => ({ schooljaar: m.schooljaar, label: 'Methodewijziging' })),
        })} />
      <Tabel titel="vsv-percentage per schooljaar" csv={csvUrl(url)}
        kolommen={[{ kop: 'Schooljaar' }, { kop: 'Status' }, ...v.reeksen.map((r) => ({ kop: naam(r), getal: true }))]}
        rijen={jaren.map((jaar, i) => [jaar, v.reeksen[0]!.punten[i]!.telling.status, ...v.reeksen.map((r) => <Procent p={r.punten[i]?.cijfer.percentage} />)])} />
      <Tellingen tellingen={v.reeksen[0]!.punten.map((p) => p.telling)} />
      {v.reeksen.some((r) => r.soort === 'instelling') && (
        <p className="utrecht-paragraph" data-testid="instelling-eerlijk">
          "Nederland" is alle sectoren samen; dat ligt door het vo veel lager dan het mbo.
          {v.reeksen.some((r) => r.soort === 'landelijk-sector')
            ? ` Vergelijk een instelling daarom met de lijn van haar eigen sector: ${v.reeksen.filter((r) => r.soort === 'landelijk-sector').map((r) => `"${r.naam}"`).join(' en ')}.`
            : ''}
          {' '}Per niveau tegen landelijk staat op de pagina van de instelling:{' '}
          {v.reeksen.filter((r) => r.soort === 'instelling').map((r, i) => (
            <span key={r.code}>{i > 0 && ', '}<Link href={`/instelling/${r.code}#kop-landelijk`}>{r.naam} tegen landelijk per sector en niveau</Link></span>
          ))}.
        </p>
      )}
    </section>
  );
}

interface Groepen {
  gemeente: { gemeenteCode: string; naam: string; jongeren: number | null };
  groepen: { id: string; naam: string; omschrijving: string; gemeenten: { gemeenteCode: string; naam: string }[] }[];
}

/**
 * Municipalities: add one from a list, remove one, and compare the first with a ready-made
 * peer group in one click (the group's members replace the other municipalities). Every
 * change is a new page URL, so a comparison can be shared.
 */
function Gemeentekeuze({ gekozen, zoek, navigeer }: { gekozen: string[]; zoek: URLSearchParams; navigeer: (href: string) => void }) {
  const lijstAntwoord = useApi<Gemeentelijst>(apiUrl('/gemeenten'));
  const [keuze, zetKeuze] = useState('');
  const eerste = gekozen[0];
  const groepen = useApi<Groepen>(eerste ? apiUrl('/vergelijking/groepen', { gemeenteCode: eerste }) : null);
  const namen = new Map(lijstAntwoord.status === 'klaar' ? lijstAntwoord.data.gemeenten.map((g) => [g.gemeenteCode, g.naam]) : []);
  const naar = (codes: string[]) => {
    const q = new URLSearchParams(zoek);
    for (const k of [...q.keys()]) if (k.startsWith('sorteer-')) q.delete(k);
    if (codes.length) q.set('gemeenten', [...new Set(codes)].slice(0, MAX).join(','));
    else q.delete('gemeenten');
    navigeer(`/vergelijken?${q}`);
  };
  const opties = lijstAntwoord.status === 'klaar'
    ? lijstAntwoord.data.gemeenten.filter((g) => g.gemeenteCode !== 'onbekend' && !gekozen.includes(g.gemeenteCode))
      .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
    : [];
  return (
    <section aria-labelledby="kop-gemeenten-kiezen" className="bb-gemeentekeuze">
      <h2 id="kop-gemeenten-kiezen" className="utrecht-heading-2">Gemeenten</h2>
      <form className="bb-formulier" aria-label="Gemeente toevoegen" onSubmit={(e) => { e.preventDefault(); if (keuze) naar([...gekozen, keuze]); }}>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="vergelijk-gemeente">Gemeente</label></div>
          <div className="utrecht-form-field__input">
            <select id="vergelijk-gemeente" className="utrecht-select utrecht-select--html-select" value={keuze} onChange={(e) => zetKeuze(e.target.value)}
              disabled={lijstAntwoord.status !== 'klaar'}>
              <option value="">{lijstAntwoord.status === 'klaar' ? 'Kies een gemeente' : 'Bezig met laden…'}</option>
              {opties.map((g) => <option key={g.gemeenteCode} value={g.gemeenteCode}>{g.naam}</option>)}
            </select>
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">Voeg gemeente toe</button>
      </form>
      {gekozen.length > 0 && (
        <ul className="utrecht-unordered-list" aria-label="Gekozen gemeenten">
          {gekozen.map((c) => (
            <li key={c} className="utrecht-unordered-list__item">
              {namen.get(c) ?? c}{' '}
              <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => naar(gekozen.filter((x) => x !== c))}
                aria-label={`Haal ${namen.get(c) ?? c} uit de vergelijking`}>Haal weg</button>
            </li>
          ))}
        </ul>
      )}
      {eerste && groepen.status === 'klaar' && (
        <div data-testid="vergelijkingsgroepen">
          <h3 className="utrecht-heading-3">Vergelijk {groepen.data.gemeente.naam} met een groep</h3>
          <ul className="bb-groepen">
            {groepen.data.groepen.filter((g) => g.gemeenten.length > 0).map((g) => (
              <li key={g.id}>
                <button type="button" className="utrecht-button utrecht-button--secondary-action"
                  onClick={() => naar([eerste, ...g.gemeenten.map((x) => x.gemeenteCode)])}>
                  {g.naam}<span className="visueel-verborgen">: vergelijk {groepen.data.gemeente.naam} met {g.gemeenten.length} gemeenten</span>
                </button>{' '}
                <span className="bb-groepen__uitleg">{g.omschrijving} ({g.gemeenten.map((x) => x.naam).join(', ')})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
