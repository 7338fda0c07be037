import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { ApiFout, haal, type Schooljaren } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { useRechten } from '../toegang';
import { usePost } from '../opvolging';
import { Grafiek } from '../componenten/Grafiek';
import { staafgrafiek } from '../grafieken';
import { Link } from '../router';

/**
 * The RMC annual effect report of the user's own region (docs/opvolging.md
 * "Effectrapportage"): four tables for a school year, from the region's dossiers, with CSV and
 * Excel downloads. Each count opens the dossiers behind it (a read of persons, audited).
 */
interface Achter { titel: string; dossiers: { dossierId: string; voornamen: string | null; voorvoegsel: string | null; geslachtsnaam: string | null; geboortedatum: string | null; status: string }[]; totaal: number }
type Groep = { groep: string; dossiers: number };
interface Rapport { rmcCode: string; schooljaar: string; van: string; tot: string; kerncijfers: Groep[]; wekenTotIntake: Groep[]; uitkomsten: Groep[]; oudVsvers: Groep[] }

const TABELLEN = [
  ['kerncijfers', 'Eerste contacten, intakes en trajecten'],
  ['wekenTotIntake', 'Weken van de lijst tot de intake'],
  ['uitkomsten', 'Uitkomsten per categorie'],
  ['oudVsvers', "Oud-vsv'ers naar jaren uit het onderwijs (eind schooljaar)"],
] as const;

export function EffectrapportagePagina() {
  const rechten = useRechten();
  const [jaren, zetJaren] = useState<string[]>([]);
  const [jaar, zetJaar] = useState('');
  const [rapport, zetRapport] = useState<Rapport | null>(null);
  const [melding, zetMelding] = useState<string | null>(null);
  const [achter, zetAchter] = useState<Achter | null>(null);
  const post = usePost();
  const toonAchter = async (tabel: string, titel: string, groep: string) => {
    zetMelding(null);
    try {
      const a = await post.json<{ dossiers: Achter['dossiers']; paginering: { totaalAantal: number } }>(
        `/api/v1/rmc-regios/${regio}/effectrapportage/_dossiers`, { schooljaar: jaar, tabel, groep, perPagina: 200 });
      zetAchter({ titel: `${titel}: ${groep}`, dossiers: a.dossiers, totaal: a.paginering.totaalAantal });
    } catch (e) {
      zetMelding((e as Error).message);
    }
  };
  useEffect(() => {
    haal<Schooljaren>('/api/v1/schooljaren').then((s) => {
      const namen = s.schooljaren.map((j) => j.schooljaar).reverse();
      zetJaren(namen);
      zetJaar((j) => j || namen[0] || '');
    }).catch(() => zetJaren([]));
  }, []);
  const regio = rechten && !(rechten instanceof ApiFout) && rechten.gebruiker?.scope.soort === 'rmc-regio' ? rechten.gebruiker.scope.code : null;
  const url = (formaat = '') => `/api/v1/rmc-regios/${regio}/effectrapportage?schooljaar=${jaar}${formaat}`;
  const toon = async (e?: FormEvent) => {
    e?.preventDefault();
    zetMelding(null);
    const r = await fetch(url(), { headers: { accept: 'application/json' } });
    if (r.ok) zetRapport((await r.json()) as Rapport);
    else zetMelding(((await r.json().catch(() => ({}))) as { detail?: string }).detail ?? `Status ${r.status}`);
  };

  if (rechten === null) return <Pagina titel="Effectrapportage"><Laden wat="uw rechten" /></Pagina>;
  if (rechten instanceof ApiFout || !rechten.handelingen.includes('effectrapportage.lezen') || !regio) {
    return <Pagina titel="Effectrapportage"><Melding soort="warning"><p className="utrecht-paragraph">De effectrapportage is er voor RMC-medewerkers van de eigen regio.</p></Melding></Pagina>;
  }
  return (
    <Pagina titel="Effectrapportage">
      <p className="utrecht-paragraph">De tabellen van de jaarlijkse RMC-effectrapportage van regio {regio}, uit de dossiers van de regio.</p>
      <form onSubmit={(e) => void toon(e)} className="bb-formulier" aria-label="Schooljaar kiezen">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="e-jaar">Schooljaar</label></div>
          <div className="utrecht-form-field__input">
            <select id="e-jaar" className="utrecht-select utrecht-select--html-select" value={jaar} onChange={(e) => zetJaar(e.target.value)}>
              {jaren.map((j) => <option key={j} value={j}>{j}</option>)}
            </select>
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={!jaar}>Tonen</button>
      </form>
      <div aria-live="polite">
        {melding && <Melding soort="error"><p className="utrecht-paragraph">{melding}</p></Melding>}
        {rapport && (
          <>
            <h2 className="utrecht-heading-2">Schooljaar {rapport.schooljaar} ({rapport.van} tot en met {rapport.tot})</h2>
            {TABELLEN.map(([sleutel, titel]) => (
              <Fragment key={sleutel}>
                <Grafiek titel={`${titel}, ${rapport.schooljaar}`} sleutel={JSON.stringify(rapport[sleutel])}
                  samenvatting={`Staafdiagram: ${titel.toLowerCase()}, aantal dossiers per groep; dezelfde aantallen staan in de tabel eronder.`}
                  teken={(Plot, breedte) => staafgrafiek(Plot, breedte, {
                    xLabel: 'dossiers', vergelijkingLabel: '', aantallen: true,
                    staven: rapport[sleutel].map((g) => ({ label: g.groep, waarde: g.dossiers })),
                  })} />
                <div className="utrecht-table-container" role="region" aria-labelledby={`e-${sleutel}`} tabIndex={0}>
                  <table className="utrecht-table">
                    <caption className="utrecht-table__caption" id={`e-${sleutel}`}>{titel}</caption>
                    <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                      <th scope="col" className="utrecht-table__header-cell">Groep</th>
                      <th scope="col" className="utrecht-table__header-cell bb-getal">Dossiers</th>
                    </tr></thead>
                    <tbody className="utrecht-table__body">
                      {rapport[sleutel].map((g) => (
                        <tr key={g.groep} className="utrecht-table__row">
                          <th scope="row" className="utrecht-table__header-cell">{g.groep}</th>
                          <td className="utrecht-table__cell bb-getal">
                            {g.dossiers === 0 ? 0 : (
                              <button type="button" className="utrecht-button utrecht-button--subtle" aria-label={`${g.dossiers}: de dossiers achter ${titel}, ${g.groep} tonen`}
                                onClick={() => void toonAchter(sleutel, titel, g.groep)}>{g.dossiers}</button>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Fragment>
            ))}
            {achter && (
              <section aria-labelledby="e-achter">
                <h2 id="e-achter" className="utrecht-heading-2">Dossiers achter {achter.titel}</h2>
                <p className="utrecht-paragraph">{achter.totaal} dossier{achter.totaal === 1 ? '' : 's'} (elk één keer, ook met twee gebeurtenissen in het jaar). Deze inzage staat in het audittrail.</p>
                <ul className="utrecht-unordered-list">
                  {achter.dossiers.map((d) => (
                    <li key={d.dossierId} className="utrecht-unordered-list__item">
                      <Link href={`/dossier/${d.dossierId}`}>{[d.voornamen, d.voorvoegsel, d.geslachtsnaam].filter(Boolean).join(' ') || '(naam onbekend)'}</Link>
                      {d.geboortedatum ? `, geboren ${d.geboortedatum}` : ''} ({d.status})
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <div className="bb-knoppen">
              <a className="utrecht-button utrecht-button--secondary-action" href={url('&formaat=csv')} download>Downloaden (CSV)</a>
              <a className="utrecht-button utrecht-button--secondary-action" href={url('&formaat=xlsx')} download>Downloaden (Excel)</a>
            </div>
          </>
        )}
      </div>
    </Pagina>
  );
}
