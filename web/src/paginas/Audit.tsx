import { useState } from 'react';
import { ApiFout } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { bewaarCsv, useRechten, useZoekopdracht, type Auditrecords } from '../toegang';

/**
 * The privacy officer's page: who read whose person data, when, and why; searchable by
 * account, person reference and period; downloadable as CSV. Only the role `privacy`.
 */
export function Audit() {
  const rechten = useRechten();
  const [filter, zetFilter] = useState({ accountId: '', referentie: '', van: '', tot: '' });

  const body = (p: number) => ({
    pagina: p, perPagina: 50,
    ...Object.fromEntries(Object.entries(filter).filter(([, w]) => w.trim() !== '').map(([k, w]) => [k, w.trim()])),
  });
  const { pagina, antwoord, melding, zetMelding, bezig, zoek, verstuur, csrfToken } = useZoekopdracht<Auditrecords>('/api/v1/audit/_zoek', body);

  if (rechten === null) return <Pagina titel="Audittrail"><Laden wat="uw rechten" /></Pagina>;
  if (rechten instanceof ApiFout || !rechten.handelingen.includes('audit.lezen')) {
    return (
      <Pagina titel="Audittrail">
        <Melding soort="warning"><p className="utrecht-paragraph">
          {rechten instanceof ApiFout ? rechten.message : rechten.gebruiker === null
            ? 'U bent niet ingelogd. Alleen de functionaris gegevensbescherming (rol privacy) ziet het audittrail.'
            : `Met de rol '${rechten.gebruiker.rol}' ziet u het audittrail niet; dat mag alleen de rol privacy.`}
        </p></Melding>
      </Pagina>
    );
  }

  const veld = (naam: keyof typeof filter, label: string, type = 'text', hint?: string) => (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={`a-${naam}`}>{label}</label></div>
      {hint && <div className="utrecht-form-field__description" id={`a-${naam}-hint`}>{hint}</div>}
      <div className="utrecht-form-field__input">
        <input id={`a-${naam}`} type={type} className="utrecht-textbox utrecht-textbox--html-input" value={filter[naam]} autoComplete="off"
          aria-describedby={hint ? `a-${naam}-hint` : undefined} onChange={(e) => zetFilter({ ...filter, [naam]: e.target.value })} />
      </div>
    </div>
  );

  return (
    <Pagina titel="Audittrail">
      <p className="utrecht-paragraph">
        Elke inzage in persoonsgegevens: wie, met welke rol en scope, wat, hoeveel personen, wanneer en met welk doel. Personen staan er alleen
        met hun interne referentie in. Het audittrail kan niet worden gewijzigd; de hashketen wordt gecontroleerd met <code>binnenboord audit controleer</code>.
      </p>
      <form onSubmit={verstuur} className="bb-formulier" aria-label="Audittrail doorzoeken">
        {veld('accountId', 'Account')}
        {veld('referentie', 'Persoonsreferentie', 'text', 'Bijvoorbeeld p0123456789abcdef0123 (zoals in de personenlijst).')}
        {veld('van', 'Vanaf', 'date')}
        {veld('tot', 'Tot en met', 'date')}
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={bezig}>Zoeken</button>
      </form>
      <div aria-live="polite">
        {melding && <Melding soort="error"><p className="utrecht-paragraph">{melding}</p></Melding>}
        {antwoord && (
          <section aria-labelledby="a-uitkomst">
            <h2 className="utrecht-heading-2" id="a-uitkomst">{antwoord.paginering.totaalAantal} inzage(n)</h2>
            <div className="utrecht-table-container bb-scrollvak" role="region" aria-labelledby="a-uitkomst" tabIndex={0}>
              <table className="utrecht-table">
                <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                  {['Nr.', 'Tijdstip (UTC)', 'Wie', 'Rol en scope', 'Handeling', 'Doel', 'Personen', 'Gevraagd'].map((k) => (
                    <th key={k} scope="col" className="utrecht-table__header-cell">{k}</th>
                  ))}
                </tr></thead>
                <tbody className="utrecht-table__body">
                  {antwoord.records.map((r) => (
                    <tr key={r.id} className="utrecht-table__row">
                      <td className="utrecht-table__cell">{r.id}</td>
                      <td className="utrecht-table__cell">{r.tijdstip.replace('T', ' ').slice(0, 19)}</td>
                      <td className="utrecht-table__cell">{r.weergavenaam} ({r.accountId}, {r.soort})</td>
                      <td className="utrecht-table__cell">{r.rol}, {r.scope}</td>
                      <td className="utrecht-table__cell">{r.handeling}</td>
                      <td className="utrecht-table__cell">{r.doel}</td>
                      <td className="utrecht-table__cell">{r.aantalPersonen}</td>
                      <td className="utrecht-table__cell"><code>{JSON.stringify(r.parameters)}</code></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="bb-knoppen">
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig || pagina <= 1} onClick={() => void zoek(pagina - 1)}>Vorige pagina</button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig || pagina >= antwoord.paginering.aantalPaginas} onClick={() => void zoek(pagina + 1)}>Volgende pagina</button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig}
                onClick={() => void bewaarCsv('/api/v1/audit/_zoek', body(pagina), 'audittrail.csv', csrfToken).catch((e: Error) => zetMelding(e.message))}>
                Downloaden (CSV)
              </button>
            </div>
          </section>
        )}
      </div>
    </Pagina>
  );
}
