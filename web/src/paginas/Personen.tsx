import { useEffect, useState } from 'react';
import { ApiFout, haal, type Schooljaren } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { bewaarCsv, useRechten, useZoekopdracht, type Personen as PersonenAntwoord } from '../toegang';

/**
 * Persons of a count within the user's own scope (rmc, leerplicht, school), with the fields
 * the user's role may see. Every search and every download is recorded in the audit trail,
 * with the purpose chosen here; the page says so before the first search.
 */
const KOPPEN: Record<string, string> = {
  referentie: 'Referentie', voornamen: 'Voornamen', voorvoegsel: 'Voorvoegsel', geslachtsnaam: 'Achternaam', geboortedatum: 'Geboortedatum',
  gemeenteCode: 'Woongemeente (T0)', leeftijd: 'Leeftijd (T0)', brin: 'BRIN', vestiging: 'Vestiging', inschrijvingId: 'Inschrijving',
  sector: 'Sector', categorie: 'Categorie', voortijdigSchoolverlater: "Vsv'er", reden: 'Reden',
};

function cel(w: unknown): string {
  if (w === true) return 'ja';
  if (w === false) return 'nee';
  return w === null || w === undefined ? '' : String(w);
}

export function Personen() {
  const rechten = useRechten();
  const [jaren, zetJaren] = useState<string[]>([]);
  const [vraag, zetVraag] = useState({ schooljaar: '', status: 'definitief', doel: '', alleenVsv: true, brin: '' });

  useEffect(() => {
    haal<Schooljaren>('/api/v1/schooljaren').then((s) => {
      const namen = s.schooljaren.map((j) => j.schooljaar).reverse();
      zetJaren(namen);
      zetVraag((v) => ({ ...v, schooljaar: v.schooljaar || namen[0] || '' }));
    }).catch(() => zetJaren([]));
  }, []);
  useEffect(() => {
    if (rechten && !(rechten instanceof ApiFout) && rechten.doelen[0]) zetVraag((v) => ({ ...v, doel: v.doel || rechten.doelen[0]!.doel }));
  }, [rechten]);

  const body = (p: number) => ({
    schooljaar: vraag.schooljaar, status: vraag.status, doel: vraag.doel, alleenVsv: vraag.alleenVsv, pagina: p, perPagina: 50,
    ...(vraag.brin ? { brin: vraag.brin.toUpperCase() } : {}),
  });
  const { pagina, antwoord, melding, zetMelding, bezig, zoek, verstuur, csrfToken } = useZoekopdracht<PersonenAntwoord>('/api/v1/personen/_zoek', body);

  if (rechten === null) return <Pagina titel="Personen"><Laden wat="uw rechten" /></Pagina>;
  if (rechten instanceof ApiFout || !rechten.handelingen.includes('persoon.lezen')) {
    return (
      <Pagina titel="Personen">
        <Melding soort="warning"><p className="utrecht-paragraph">
          {rechten instanceof ApiFout ? rechten.message : rechten.gebruiker === null
            ? 'U bent niet ingelogd. Log in met een account van een RMC-regio, een gemeente (leerplicht) of een school.'
            : `Met de rol '${rechten.gebruiker.rol}' ziet u geen persoonsgegevens.`}
        </p></Melding>
      </Pagina>
    );
  }

  const g = rechten.gebruiker!;
  const scope = g.scope.soort === 'landelijk' ? 'landelijk' : `${g.scope.soort} ${g.scope.code}`;

  return (
    <Pagina titel="Personen">
      <p className="utrecht-paragraph">
        U ziet als <strong>{g.weergavenaam}</strong> (rol {g.rol}, scope {scope}) de personen van een telling binnen uw scope,
        met alleen de gegevens die uw taak nodig heeft.
      </p>
      <Melding soort="info" rol="note"><p className="utrecht-paragraph">
        Elke zoekopdracht en elke download wordt vastgelegd in het audittrail: wie, wanneer, welke personen en met welk doel.
      </p></Melding>
      <form onSubmit={verstuur} className="bb-formulier" aria-label="Personen zoeken">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="p-jaar">Schooljaar</label></div>
          <div className="utrecht-form-field__input">
            <select id="p-jaar" className="utrecht-select utrecht-select--html-select" value={vraag.schooljaar} onChange={(e) => zetVraag({ ...vraag, schooljaar: e.target.value })}>
              {jaren.map((j) => <option key={j} value={j}>{j}</option>)}
            </select>
          </div>
        </div>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="p-status">Telling</label></div>
          <div className="utrecht-form-field__input">
            <select id="p-status" className="utrecht-select utrecht-select--html-select" value={vraag.status} onChange={(e) => zetVraag({ ...vraag, status: e.target.value })}>
              <option value="definitief">definitief</option>
              <option value="voorlopig">voorlopig</option>
            </select>
          </div>
        </div>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="p-doel">Doel van de inzage</label></div>
          <div className="utrecht-form-field__input">
            <select id="p-doel" className="utrecht-select utrecht-select--html-select" value={vraag.doel} onChange={(e) => zetVraag({ ...vraag, doel: e.target.value })}>
              {rechten.doelen.map((d) => <option key={d.doel} value={d.doel}>{d.omschrijving}</option>)}
            </select>
          </div>
        </div>
        {g.rol !== 'school' && (
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="p-brin">Alleen instelling (BRIN, optioneel)</label></div>
            <div className="utrecht-form-field__input">
              <input id="p-brin" className="utrecht-textbox utrecht-textbox--html-input" value={vraag.brin} maxLength={4} autoComplete="off"
                onChange={(e) => zetVraag({ ...vraag, brin: e.target.value })} />
            </div>
          </div>
        )}
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <input id="p-vsv" type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={vraag.alleenVsv}
            onChange={(e) => zetVraag({ ...vraag, alleenVsv: e.target.checked })} />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="p-vsv">Alleen voortijdig schoolverlaters</label>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={bezig || !vraag.schooljaar}>Zoeken</button>
      </form>
      <div aria-live="polite">
        {melding && <Melding soort="error"><p className="utrecht-paragraph">{melding}</p></Melding>}
        {antwoord && (
          <section aria-labelledby="p-uitkomst">
            <h2 className="utrecht-heading-2" id="p-uitkomst">
              {antwoord.paginering.totaalAantal} {antwoord.paginering.totaalAantal === 1 ? 'persoon' : 'personen'} (telling {antwoord.telling.runId}, {antwoord.telling.schooljaar}, {antwoord.telling.status})
            </h2>
            <div className="utrecht-table-container bb-scrollvak" role="region" aria-labelledby="p-uitkomst" tabIndex={0}>
              <table className="utrecht-table">
                <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                  {antwoord.velden.map((v) => <th key={v} scope="col" className="utrecht-table__header-cell">{KOPPEN[v] ?? v}</th>)}
                </tr></thead>
                <tbody className="utrecht-table__body">
                  {antwoord.personen.map((p, i) => (
                    <tr key={String(p.referentie ?? i)} className="utrecht-table__row">
                      {antwoord.velden.map((v) => <td key={v} className="utrecht-table__cell">{cel(p[v])}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="utrecht-paragraph">Pagina {pagina} van {Math.max(1, antwoord.paginering.aantalPaginas)}</p>
            <div className="bb-knoppen">
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig || pagina <= 1} onClick={() => void zoek(pagina - 1)}>Vorige pagina</button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig || pagina >= antwoord.paginering.aantalPaginas} onClick={() => void zoek(pagina + 1)}>Volgende pagina</button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig}
                onClick={() => void bewaarCsv('/api/v1/personen/_zoek', body(pagina), `personen-${vraag.schooljaar}.csv`, csrfToken).catch((e: Error) => zetMelding(e.message))}>
                Deze pagina downloaden (CSV)
              </button>
            </div>
          </section>
        )}
      </div>
    </Pagina>
  );
}
