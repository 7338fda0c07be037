import { useEffect, useState, type FormEvent } from 'react';
import { ApiFout } from '../api';
import { Laden, Melding as Bericht } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { useSessie } from '../sessie';
import { useRechten } from '../toegang';
import { ACTIENAAM, leerlingnaam, REDENNAAM, SOORTNAAM, STATUSNAAM, verzoek, Verzoekfout, type Melding, type Meldingen } from '../verzuim';

/**
 * The absence reports (issue 10 items 3–4). Leerplicht and RMC ("Verzuimmeldingen"): the
 * reports routed to them with the late and overdue flags, and per report the actions, a
 * contact person and closing with reason and remark. A school ("Mijn meldingen"): its own
 * reports with status and contact person only (the API gives it nothing more). Both see the
 * share of reports filed late per school.
 */
const FILTERS: [string, string][] = [['open', 'open meldingen'], ['achterstallig', 'achterstallig'], ['te-laat', 'te laat gemeld'], ['alle', 'alle meldingen']];

function filterBody(filter: string, pagina: number) {
  const basis = { pagina, perPagina: 50 };
  if (filter === 'open') return { ...basis, status: 'open' };
  if (filter === 'achterstallig') return { ...basis, alleenAchterstallig: true };
  if (filter === 'te-laat') return { ...basis, alleenTeLaat: true };
  return basis;
}

function Vlaggen({ m }: { m: Melding }) {
  return (
    <>
      {m.teLaat && <span className="bb-vlag bb-vlag--te-laat">te laat gemeld</span>}
      {m.achterstallig && <span className="bb-vlag bb-vlag--achterstallig">achterstallig</span>}
    </>
  );
}

export function VerzuimMeldingen({ alsSchool }: { alsSchool: boolean }) {
  const titel = alsSchool ? 'Mijn meldingen' : 'Verzuimmeldingen';
  const rechten = useRechten();
  const { sessie } = useSessie();
  const csrf = sessie?.csrfToken;
  const [filter, zetFilter] = useState(alsSchool ? 'alle' : 'open');
  const [pagina, zetPagina] = useState(1);
  const [antwoord, zetAntwoord] = useState<Meldingen | null>(null);
  const [fout, zetFout] = useState<string | null>(null);
  const [gekozen, zetGekozen] = useState<number | null>(null);
  const mag = rechten !== null && !(rechten instanceof ApiFout) && rechten.handelingen.includes('verzuim.lezen')
    && (rechten.gebruiker?.rol === 'school') === alsSchool;

  useEffect(() => {
    if (!mag || sessie === null) return;
    let weg = false;
    verzoek<Meldingen>('POST', '/api/v1/verzuimmeldingen/_zoek', csrf, filterBody(filter, pagina))
      .then((a) => { if (!weg) { zetAntwoord(a); zetFout(null); } })
      .catch((e: Error) => { if (!weg) { zetAntwoord(null); zetFout(e.message); } });
    return () => { weg = true; };
  }, [mag, filter, pagina, csrf, sessie]);

  if (rechten === null) return <Pagina titel={titel}><Laden wat="uw rechten" /></Pagina>;
  if (!mag) {
    return (
      <Pagina titel={titel}>
        <Bericht soort="warning"><p className="utrecht-paragraph">
          {rechten instanceof ApiFout ? rechten.message : alsSchool
            ? 'Deze pagina is voor een school. Log in met een account van een school.'
            : 'Deze pagina is voor leerplicht en RMC. Log in met een account van een gemeente (leerplicht) of een RMC-regio.'}
        </p></Bericht>
      </Pagina>
    );
  }

  const melding = antwoord?.meldingen.find((m) => m.meldingId === gekozen) ?? null;
  const bijgewerkt = (m: Melding) => {
    zetAntwoord((a) => (a ? { ...a, meldingen: a.meldingen.map((x) => (x.meldingId === m.meldingId ? m : x)) } : a));
  };

  return (
    <Pagina titel={titel}>
      <p className="utrecht-paragraph">
        {alsSchool
          ? 'De verzuimmeldingen van uw school, met de status bij de gemeente of het RMC en wie de melding behandelt. De aantekeningen van de gemeente ziet u niet.'
          : `De verzuimmeldingen die naar uw ${rechten.gebruiker?.rol === 'rmc' ? 'RMC-regio' : 'gemeente'} zijn gestuurd. Achterstallig: in behandeling en langer dan ${antwoord?.achterstandWeken ?? '…'} weken zonder actie.`}
      </p>
      <Bericht soort="info" rol="note"><p className="utrecht-paragraph">Elke inzage en elke wijziging wordt vastgelegd in het audittrail.</p></Bericht>
      <form className="bb-formulier" aria-label="Meldingen filteren" onSubmit={(e) => e.preventDefault()}>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="m-filter">Toon</label></div>
          <div className="utrecht-form-field__input">
            <select id="m-filter" className="utrecht-select utrecht-select--html-select" value={filter} onChange={(e) => { zetFilter(e.target.value); zetPagina(1); }}>
              {FILTERS.filter(([w]) => !alsSchool || w !== 'achterstallig').map(([w, t]) => <option key={w} value={w}>{t}</option>)}
            </select>
          </div>
        </div>
      </form>
      <div aria-live="polite">
        {fout && <Bericht soort="error"><p className="utrecht-paragraph">{fout}</p></Bericht>}
        {!antwoord && !fout && <Laden wat="de meldingen" />}
      </div>
      {antwoord && (
        <>
          <section aria-labelledby="m-lijst">
            <h2 className="utrecht-heading-2" id="m-lijst">{antwoord.paginering.totaalAantal} {antwoord.paginering.totaalAantal === 1 ? 'melding' : 'meldingen'}</h2>
            <div className="utrecht-table-container bb-scrollvak" role="region" aria-labelledby="m-lijst" tabIndex={0}>
              <table className="utrecht-table">
                <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">Melding</th>
                  <th scope="col" className="utrecht-table__header-cell">Leerling</th>
                  <th scope="col" className="utrecht-table__header-cell">Soort</th>
                  <th scope="col" className="utrecht-table__header-cell">Meldingsdatum</th>
                  {!alsSchool && <th scope="col" className="utrecht-table__header-cell">School</th>}
                  <th scope="col" className="utrecht-table__header-cell">Status</th>
                  <th scope="col" className="utrecht-table__header-cell">Contactpersoon</th>
                  <th scope="col" className="utrecht-table__header-cell">Signalen</th>
                  {!alsSchool && <th scope="col" className="utrecht-table__header-cell"><span className="visueel-verborgen">Behandelen</span></th>}
                </tr></thead>
                <tbody className="utrecht-table__body">
                  {antwoord.meldingen.map((m) => (
                    <tr key={m.meldingId} className="utrecht-table__row">
                      <td className="utrecht-table__cell">{m.meldingId}</td>
                      <td className="utrecht-table__cell">{leerlingnaam(m.leerling)}</td>
                      <td className="utrecht-table__cell">{m.soort}</td>
                      <td className="utrecht-table__cell">{m.meldingsdatum}</td>
                      {!alsSchool && <td className="utrecht-table__cell">{m.brin}</td>}
                      <td className="utrecht-table__cell">{STATUSNAAM[m.status ?? ''] ?? m.status}</td>
                      <td className="utrecht-table__cell">{m.contactpersoon ?? '–'}</td>
                      <td className="utrecht-table__cell"><Vlaggen m={m} /></td>
                      {!alsSchool && (
                        <td className="utrecht-table__cell">
                          <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-expanded={gekozen === m.meldingId}
                            aria-controls="m-behandelen" onClick={() => zetGekozen(gekozen === m.meldingId ? null : m.meldingId!)}>
                            Behandelen<span className="visueel-verborgen"> melding {m.meldingId}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="bb-knoppen">
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={pagina <= 1} onClick={() => zetPagina(pagina - 1)}>Vorige pagina</button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={pagina >= antwoord.paginering.aantalPaginas} onClick={() => zetPagina(pagina + 1)}>Volgende pagina</button>
            </div>
          </section>
          {!alsSchool && melding && <Behandelen key={melding.meldingId} m={melding} csrf={csrf} bijgewerkt={bijgewerkt} />}
          <section aria-labelledby="m-tijdig">
            <h2 className="utrecht-heading-2" id="m-tijdig">Op tijd gemeld, per school</h2>
            <p className="utrecht-paragraph">Meldingen met een meldtermijn (16u4w en lrv): gemeld binnen 5 schooldagen na het bereiken van de drempel, of later.</p>
            <div className="utrecht-table-container" role="region" aria-labelledby="m-tijdig" tabIndex={0}>
              <table className="utrecht-table">
                <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">School</th>
                  <th scope="col" className="utrecht-table__header-cell">Meldingen</th>
                  <th scope="col" className="utrecht-table__header-cell">Op tijd</th>
                  <th scope="col" className="utrecht-table__header-cell">Te laat</th>
                  <th scope="col" className="utrecht-table__header-cell">Aandeel te laat</th>
                </tr></thead>
                <tbody className="utrecht-table__body">
                  {antwoord.tijdigheidPerSchool.map((s) => (
                    <tr key={s.brin} className="utrecht-table__row">
                      <td className="utrecht-table__cell">{s.brin}</td><td className="utrecht-table__cell">{s.aantalMeldingen}</td>
                      <td className="utrecht-table__cell">{s.tijdig}</td><td className="utrecht-table__cell">{s.teLaat}</td>
                      <td className="utrecht-table__cell">{s.aandeelTeLaat === null ? 'geen cijfer' : `${s.aandeelTeLaat.toLocaleString('nl-NL')} %`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </Pagina>
  );
}

function Behandelen({ m, csrf, bijgewerkt }: { m: Melding; csrf: string | undefined; bijgewerkt: (m: Melding) => void }) {
  const [contact, zetContact] = useState(m.contactpersoon ?? '');
  const [actie, zetActie] = useState({ soort: 'gesprek-leerling-en-ouders', datum: new Date().toISOString().slice(0, 10), toelichting: '' });
  const [sluit, zetSluit] = useState({ afsluitreden: '', afsluitopmerking: '' });
  const [melding, zetMelding] = useState<{ soort: 'info' | 'error'; tekst: string } | null>(null);
  const open = m.status !== 'afgesloten';

  const doe = (wat: string, methode: 'POST' | 'PATCH', url: string, body: object) => async (e: FormEvent) => {
    e.preventDefault();
    try {
      bijgewerkt(await verzoek<Melding>(methode, url, csrf, body));
      zetMelding({ soort: 'info', tekst: `${wat}: vastgelegd.` });
    } catch (x) {
      const v = x as Verzoekfout;
      const redenen = Object.values(v.perVeld ?? {}).flat();
      zetMelding({ soort: 'error', tekst: `${wat}: ${redenen.length ? redenen.join(' ') : v.message}` });
    }
  };
  const url = `/api/v1/verzuimmeldingen/${m.meldingId}`;

  return (
    <section id="m-behandelen" aria-labelledby="m-behandelen-kop" className="bb-behandelen">
      <h2 className="utrecht-heading-2" id="m-behandelen-kop">Melding {m.meldingId}: {leerlingnaam(m.leerling)}</h2>
      <dl className="utrecht-data-list">
        {([
          ['Soort', SOORTNAAM[m.soort ?? ''] ?? m.soort], ['Periode', `${m.startdatum} tot en met ${m.einddatum ?? m.startdatum}`],
          ['Meldingsdatum', `${m.meldingsdatum}${m.teLaat ? ` (te laat: uiterlijk ${m.uiterlijkeMeldingsdatum})` : ''}`],
          ['Verzuim', `${m.verzuimDagen} dag(en), ${m.verzuimUren} lesuur/-uren${m.alleLessenGemist ? ', alle lessen gemist' : ''}`],
          ['School', `${m.brin} vestiging ${m.vestiging}, ${m.lesplaats}`], ['Geboortedatum', m.leerling?.geboortedatum ?? ''],
          ['Vermoedelijke reden', m.vermoedelijkeReden], ['Wat de school deed', m.ondernomenActie],
          ['Gemeente gevraagd te handelen', m.gemeenteGevraagdTeHandelen ? 'ja' : `nee: ${m.redenNietHandelen ?? ''}`],
          ['Melder', `${m.melder?.naam} (${m.melder?.functie}), ${m.melder?.telefoon}, ${m.melder?.email}`],
          ['Telefoon leerling of ouder', m.telefoonLeerlingOfOuder ?? '–'], ['Verblijfadres', m.verblijfadres ? `${m.verblijfadres} (${m.verblijfGemeenteCode})` : 'volgens de BRP'],
          ['Status', `${STATUSNAAM[m.status ?? ''] ?? m.status}${m.afsluitreden ? `: ${REDENNAAM[m.afsluitreden] ?? m.afsluitreden}, ${m.afsluitopmerking}` : ''}`],
        ] as [string, unknown][]).map(([k, w]) => (
          <div key={k} className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{k}</dt><dd className="utrecht-data-list__item-value">{String(w ?? '')}</dd></div>
        ))}
      </dl>
      <h3 className="utrecht-heading-3">Acties</h3>
      {m.acties?.length ? (
        <ul>{m.acties.map((a, i) => <li key={i}>{a.datum}: {ACTIENAAM[a.soort] ?? a.soort} ({a.medewerker}){a.toelichting ? ` – ${a.toelichting}` : ''}</li>)}</ul>
      ) : <p className="utrecht-paragraph">Nog geen acties.</p>}
      <div aria-live="polite">{melding && <Bericht soort={melding.soort}><p className="utrecht-paragraph">{melding.tekst}</p></Bericht>}</div>
      {open && (
        <>
          <form className="bb-formulier" aria-label="Contactpersoon" onSubmit={doe('Contactpersoon', 'PATCH', url, { contactpersoon: contact })}>
            <div className="utrecht-form-field">
              <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="b-contact">Contactpersoon (ziet de school)</label></div>
              <div className="utrecht-form-field__input"><input id="b-contact" className="utrecht-textbox utrecht-textbox--html-input" value={contact} onChange={(e) => zetContact(e.target.value)} autoComplete="name" /></div>
            </div>
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">Contactpersoon opslaan</button>
          </form>
          {m.status === 'in-behandeling' && (
            <form className="bb-formulier" aria-label="Actie vastleggen" onSubmit={doe('Actie', 'POST', `${url}/acties`, { soort: actie.soort, datum: actie.datum, ...(actie.toelichting.trim() ? { toelichting: actie.toelichting } : {}) })}>
              <div className="utrecht-form-field">
                <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="b-actie">Actie</label></div>
                <div className="utrecht-form-field__input">
                  <select id="b-actie" className="utrecht-select utrecht-select--html-select" value={actie.soort} onChange={(e) => zetActie({ ...actie, soort: e.target.value })}>
                    {Object.entries(ACTIENAAM).map(([w, t]) => <option key={w} value={w}>{t}</option>)}
                  </select>
                </div>
              </div>
              <div className="utrecht-form-field">
                <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="b-datum">Datum</label></div>
                <div className="utrecht-form-field__input"><input id="b-datum" type="date" className="utrecht-textbox utrecht-textbox--html-input" value={actie.datum} onChange={(e) => zetActie({ ...actie, datum: e.target.value })} /></div>
              </div>
              <div className="utrecht-form-field">
                <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="b-toelichting">Aantekening (ziet de school niet)</label></div>
                <div className="utrecht-form-field__input"><input id="b-toelichting" className="utrecht-textbox utrecht-textbox--html-input" value={actie.toelichting} onChange={(e) => zetActie({ ...actie, toelichting: e.target.value })} /></div>
              </div>
              <button type="submit" className="utrecht-button utrecht-button--secondary-action">Actie vastleggen</button>
            </form>
          )}
          <form className="bb-formulier" aria-label="Melding afsluiten" onSubmit={doe('Afsluiten', 'PATCH', url, { status: 'afgesloten', ...(sluit.afsluitreden ? { afsluitreden: sluit.afsluitreden } : {}), afsluitopmerking: sluit.afsluitopmerking })}>
            <div className="utrecht-form-field">
              <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="b-reden">Reden van afsluiten</label></div>
              <div className="utrecht-form-field__input">
                <select id="b-reden" className="utrecht-select utrecht-select--html-select" value={sluit.afsluitreden} onChange={(e) => zetSluit({ ...sluit, afsluitreden: e.target.value })}>
                  <option value="">kies een reden</option>
                  {Object.entries(REDENNAAM).map(([w, t]) => <option key={w} value={w}>{t}</option>)}
                </select>
              </div>
            </div>
            <div className="utrecht-form-field">
              <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="b-opmerking">Opmerking bij afsluiten</label></div>
              <div className="utrecht-form-field__input"><input id="b-opmerking" className="utrecht-textbox utrecht-textbox--html-input" value={sluit.afsluitopmerking} onChange={(e) => zetSluit({ ...sluit, afsluitopmerking: e.target.value })} /></div>
            </div>
            <button type="submit" className="utrecht-button utrecht-button--primary-action">Melding afsluiten</button>
          </form>
        </>
      )}
    </section>
  );
}
