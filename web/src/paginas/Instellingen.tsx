import { useEffect, useRef, useState, type FormEvent } from 'react';
import { apiUrl, csvUrl, downloadUrl, useApi, type Instellingen as InstellingenData, type Toestand } from '../api';
import { Bron } from '../componenten/Bron';
import { Toon } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { CIJFERKOLOMMEN, Tabel, cijfercellen, naamcel } from '../componenten/Tabel';
import { Link, useRouter } from '../router';

/**
 * The table's sort in the page URL (`sorteer-instellingen=vsv-ers-af`, web/src/componenten/Tabel.tsx)
 * as the API's `sorteer` (`-vsv`): the API ranks the whole list, so a ranking runs across pages
 * and the download holds the same order.
 */
const API_VELDEN: Record<string, string> = {
  instelling: 'naam', brin: 'brin', soort: 'soort', plaats: 'plaats', startpopulatie: 'startpopulatie', 'vsv-ers': 'vsv', 'vsv-percentage': 'percentage',
};

export function apiSortering(waarde: string | null): string | null {
  const m = waarde ? /^(.+)-(op|af)$/.exec(waarde) : null;
  const veld = m ? API_VELDEN[m[1]!] : undefined;
  if (!m || !veld) return null;
  return m[2] === 'af' ? `-${veld}` : veld;
}

/** While the next page or order loads, the last list stays (so the sort button keeps keyboard focus). */
function useVorigeTijdensLaden<T>(t: Toestand<T>): { toestand: Toestand<T>; bezig: boolean } {
  const vorige = useRef<Toestand<T>>(t);
  if (t.status !== 'laden') vorige.current = t;
  if (t.status === 'laden' && vorige.current.status === 'klaar') return { toestand: vorige.current, bezig: true };
  return { toestand: t, bezig: t.status === 'laden' };
}

/** Instellingen: search institutions by name (or BRIN) and place, paged, ranked by any column across pages. */
export function Instellingen() {
  const { zoek, navigeer } = useRouter();
  const [naam, zetNaam] = useState(zoek.get('naam') ?? '');
  const [plaats, zetPlaats] = useState(zoek.get('plaats') ?? '');
  useEffect(() => {
    zetNaam(zoek.get('naam') ?? '');
    zetPlaats(zoek.get('plaats') ?? '');
  }, [zoek]);
  const pagina = zoek.get('pagina');
  const sorteer = apiSortering(zoek.get('sorteer-instellingen'));
  const url = apiUrl('/instellingen', { naam: zoek.get('naam'), plaats: zoek.get('plaats'), sorteer, pagina, paginaGrootte: 25 });
  const { toestand: resultaat, bezig } = useVorigeTijdensLaden(useApi<InstellingenData>(url));
  const allemaal = apiUrl('/instellingen', { sorteer });

  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (naam.trim()) q.set('naam', naam.trim());
    if (plaats.trim()) q.set('plaats', plaats.trim());
    // a new search keeps the chosen order
    const volgorde = zoek.get('sorteer-instellingen');
    if (volgorde) q.set('sorteer-instellingen', volgorde);
    navigeer(`/instellingen${q.toString() ? `?${q}` : ''}`);
  };
  const paginaHref = (n: number) => {
    const q = new URLSearchParams(zoek);
    q.set('pagina', String(n));
    return `/instellingen?${q}`;
  };

  return (
    <Pagina titel="Instellingen zoeken">
      <p className="utrecht-paragraph">Zoek een school of mbo-instelling op naam of BRIN-nummer en op plaats (de gemeente van een van de vestigingen).</p>
      <form method="get" action="/instellingen" onSubmit={verstuur} className="bb-formulier" role="search" aria-label="Instellingen zoeken">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="zoek-naam">Naam of BRIN</label></div>
          <div className="utrecht-form-field__input">
            <input id="zoek-naam" name="naam" type="search" className="utrecht-textbox utrecht-textbox--html-input" value={naam} onChange={(e) => zetNaam(e.target.value)} autoComplete="off" maxLength={100} />
          </div>
        </div>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="zoek-plaats">Plaats</label></div>
          <div className="utrecht-form-field__input">
            <input id="zoek-plaats" name="plaats" type="search" className="utrecht-textbox utrecht-textbox--html-input" value={plaats} onChange={(e) => zetPlaats(e.target.value)} autoComplete="off" maxLength={100} />
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">Zoeken</button>
      </form>
      <p className="utrecht-paragraph bb-alles-downloaden" data-testid="alle-instellingen">
        Alle instellingen in één bestand, met hun cijfers:{' '}
        <a className="utrecht-link utrecht-link--html-a" href={downloadUrl(allemaal, 'xlsx')} download>Excel<span className="visueel-verborgen">-bestand met alle instellingen</span></a>
        {' · '}
        <a className="utrecht-link utrecht-link--html-a" href={downloadUrl(allemaal, 'csv')} download>CSV<span className="visueel-verborgen"> met alle instellingen</span></a>
      </p>
      <Toon toestand={resultaat} wat="de instellingen" klaar={(r) => {
        const { pagina: nu, aantalPaginas, totaalAantal } = r.paginering;
        return (
          <section aria-labelledby="kop-resultaten" aria-busy={bezig}>
            <h2 id="kop-resultaten" className="utrecht-heading-2" aria-live="polite">
              {totaalAantal === 1 ? '1 instelling gevonden' : `${totaalAantal} instellingen gevonden`}
            </h2>
            <Bron telling={r.telling} />
            {r.instellingen.length > 0 && (
              <Tabel titel={`Instellingen, pagina ${nu} van ${aantalPaginas}`} csv={csvUrl(url)} sorteer={{ id: 'instellingen', opServer: true, rangschik: true }}
                downloadtekst={`de hele lijst: ${totaalAantal === 1 ? '1 instelling' : `alle ${totaalAantal} instellingen`}`}
                kolommen={[{ kop: 'Instelling' }, { kop: 'BRIN' }, { kop: 'Soort' }, { kop: 'Plaats' }, ...CIJFERKOLOMMEN]}
                rijen={r.instellingen.map((i) => [naamcel(i.naam, <Link href={`/instelling/${i.brin}`}>{i.naam}</Link>), i.brin, i.soort, i.plaatsen.join(', '), ...cijfercellen(i.totaal)])} />
            )}
            {aantalPaginas > 1 && (
              <nav className="bb-paginering" aria-label="Paginering">
                <ol>
                  {nu > 1 && <li><Link href={paginaHref(nu - 1)} rel="prev">Vorige pagina</Link></li>}
                  {Array.from({ length: aantalPaginas }, (_, i) => i + 1).filter((n) => Math.abs(n - nu) <= 2 || n === 1 || n === aantalPaginas).map((n) => (
                    <li key={n}>{n === nu ? <span aria-current="page">Pagina {n}</span> : <Link href={paginaHref(n)}><span className="visueel-verborgen">Pagina </span>{n}</Link>}</li>
                  ))}
                  {nu < aantalPaginas && <li><Link href={paginaHref(nu + 1)} rel="next">Volgende pagina</Link></li>}
                </ol>
              </nav>
            )}
          </section>
        );
      }} />
    </Pagina>
  );
}
