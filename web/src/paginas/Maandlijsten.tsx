import { useEffect, useState, type FormEvent } from 'react';
import { ApiFout, haal, type Schooljaren } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { maandenVan, usePost, type Lijst } from '../opvolging';
import { Link } from '../router';
import { useRechten } from '../toegang';

/**
 * The monthly lists of lijsten.md for the user's scope: pick a list and a month, narrow it,
 * sort by a column (the server sorts, so every page of a long list is in order), see who is
 * new since last month, open a person's dossier, and download the list (CSV exactly as
 * `binnenboord lijst`, or Excel). Every view and download is recorded in the audit trail.
 */
const LIJSTEN = [
  ['werkvoorraad', 'Werkvoorraad (nog niet terug)'],
  ['uitschrijvingen', 'Uitschrijvingen (deze maand uitgevallen)'],
  ['herinschrijvingen', 'Herinschrijvingen (terug, met reden)'],
  ['startset', 'Startset (1 oktober)'],
  ['uitval', 'Uitval (tegen de startset)'],
  ['verlate-startkwalificatie', 'Verlate startkwalificatie'],
] as const;
const VOOR_SCHOOL = ['uitschrijvingen', 'herinschrijvingen', 'startset'];

type Sorteer = 'naam' | 'gemeenteCode' | 'leeftijd' | 'brin' | 'onderwijstype' | 'einddatum' | 'reden' | 'nieuw';
const KOLOMMEN: readonly { sleutel: Sorteer; kop: string; school: boolean }[] = [
  { sleutel: 'naam', kop: 'Naam', school: false },
  { sleutel: 'nieuw', kop: 'Nieuw', school: true },
  { sleutel: 'gemeenteCode', kop: 'Woongemeente', school: false },
  { sleutel: 'leeftijd', kop: 'Leeftijd', school: true },
  { sleutel: 'brin', kop: 'BRIN', school: true },
  { sleutel: 'onderwijstype', kop: 'Onderwijstype', school: true },
  { sleutel: 'einddatum', kop: 'Einddatum', school: true },
  { sleutel: 'reden', kop: 'Reden', school: true },
];

function naam(r: Lijst['rijen'][number]): string {
  return [r.voornamen, r.voorvoegsel, r.geslachtsnaam].filter(Boolean).join(' ') || r.referentie;
}

export function Maandlijsten() {
  const rechten = useRechten();
  const post = usePost();
  const [maanden, zetMaanden] = useState<string[]>([]);
  const [vraag, zetVraag] = useState({ soort: 'werkvoorraad', maand: '', gemeenteCode: '', brin: '', alleenNieuw: false });
  const [sortering, zetSortering] = useState<{ sorteer: Sorteer; aflopend: boolean } | null>(null);
  const [pagina, zetPagina] = useState(1);
  const [antwoord, zetAntwoord] = useState<Lijst | null>(null);
  const [melding, zetMelding] = useState<string | null>(null);
  const [bezig, zetBezig] = useState(false);

  useEffect(() => {
    haal<Schooljaren>('/api/v1/schooljaren').then((s) => {
      const nu = new Date().toISOString().slice(0, 7);
      const lijst = maandenVan(s.schooljaren.map((j) => j.schooljaar)).filter((m) => m <= nu);
      zetMaanden(lijst);
      zetVraag((v) => ({ ...v, maand: v.maand || lijst[0] || '' }));
    }).catch(() => zetMaanden([]));
  }, []);

  const school = rechten && !(rechten instanceof ApiFout) && rechten.gebruiker?.rol === 'school';
  useEffect(() => {
    if (school) zetVraag((v) => ({ ...v, soort: 'uitschrijvingen' }));
  }, [school]);

  const body = (p: number, s = sortering) => ({
    soort: vraag.soort, maand: vraag.maand, pagina: p, perPagina: 50,
    ...(vraag.gemeenteCode ? { gemeenteCode: vraag.gemeenteCode.toUpperCase() } : {}),
    ...(vraag.brin ? { brin: vraag.brin.toUpperCase() } : {}),
    ...(vraag.alleenNieuw ? { alleenNieuw: true } : {}),
    ...(s ? s : {}),
  });
  const zoek = async (p: number, s = sortering) => {
    zetBezig(true);
    zetMelding(null);
    try {
      zetAntwoord(await post.json<Lijst>('/api/v1/lijsten/_zoek', body(p, s)));
      zetPagina(p);
    } catch (e) {
      zetAntwoord(null);
      zetMelding((e as Error).message);
    } finally {
      zetBezig(false);
    }
  };
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    void zoek(1);
  };
  const sorteer = (sleutel: Sorteer) => {
    const s = { sorteer: sleutel, aflopend: sortering?.sorteer === sleutel ? !sortering.aflopend : false };
    zetSortering(s);
    void zoek(1, s);
  };
  const download = (formaat: 'csv' | 'xlsx') => {
    const { alleenNieuw: _n, pagina: _p, perPagina: _pp, ...rest } = body(1) as Record<string, unknown>;
    void post.download('/api/v1/lijsten/_zoek', rest, formaat, `lijst-${vraag.soort}-${vraag.maand}.${formaat}`).catch((e: Error) => zetMelding(e.message));
  };

  if (rechten === null) return <Pagina titel="Maandlijsten"><Laden wat="uw rechten" /></Pagina>;
  if (rechten instanceof ApiFout || !rechten.handelingen.includes('lijst.lezen')) {
    return (
      <Pagina titel="Maandlijsten">
        <Melding soort="warning"><p className="utrecht-paragraph">
          {rechten instanceof ApiFout ? rechten.message : rechten.gebruiker === null
            ? 'U bent niet ingelogd. Log in met een account van een RMC-regio, een gemeente (leerplicht) of een school.'
            : `Met de rol '${rechten.gebruiker.rol}' ziet u geen maandlijsten.`}
        </p></Melding>
      </Pagina>
    );
  }
  const g = rechten.gebruiker!;
  const kolommen = KOLOMMEN.filter((k) => !school || k.school);
  const lijsten = LIJSTEN.filter(([s]) => !school || VOOR_SCHOOL.includes(s));

  return (
    <Pagina titel="Maandlijsten">
      <p className="utrecht-paragraph">
        De maandlijsten voor {g.weergavenaam} ({g.scope.soort === 'landelijk' ? 'landelijk' : `${g.scope.soort} ${g.scope.code}`}): wie uitviel,
        wie nog niet terug is en wie weer onderwijs volgt. {school ? 'U ziet alleen uw eigen oud-leerlingen.' : 'Klik op een naam voor het dossier.'}
      </p>
      <Melding soort="info" rol="note"><p className="utrecht-paragraph">
        Elke lijst die u opent en elke download wordt vastgelegd in het audittrail: wie, wanneer, welke personen en met welk doel (maandlijst).
      </p></Melding>
      <form onSubmit={verstuur} className="bb-formulier" aria-label="Maandlijst kiezen">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="l-soort">Lijst</label></div>
          <div className="utrecht-form-field__input">
            <select id="l-soort" className="utrecht-select utrecht-select--html-select" value={vraag.soort} onChange={(e) => zetVraag({ ...vraag, soort: e.target.value })}>
              {lijsten.map(([s, t]) => <option key={s} value={s}>{t}</option>)}
            </select>
          </div>
        </div>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="l-maand">Maand</label></div>
          <div className="utrecht-form-field__input">
            <select id="l-maand" className="utrecht-select utrecht-select--html-select" value={vraag.maand} onChange={(e) => zetVraag({ ...vraag, maand: e.target.value })}>
              {maanden.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          </div>
        </div>
        {g.rol === 'rmc' && (
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="l-gemeente">Alleen gemeente (optioneel)</label></div>
            <div className="utrecht-form-field__input">
              <input id="l-gemeente" className="utrecht-textbox utrecht-textbox--html-input" value={vraag.gemeenteCode} maxLength={6} autoComplete="off"
                placeholder="GM0344" onChange={(e) => zetVraag({ ...vraag, gemeenteCode: e.target.value })} />
            </div>
          </div>
        )}
        {!school && (
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="l-brin">Alleen instelling (BRIN, optioneel)</label></div>
            <div className="utrecht-form-field__input">
              <input id="l-brin" className="utrecht-textbox utrecht-textbox--html-input" value={vraag.brin} maxLength={4} autoComplete="off"
                onChange={(e) => zetVraag({ ...vraag, brin: e.target.value })} />
            </div>
          </div>
        )}
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <input id="l-nieuw" type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={vraag.alleenNieuw}
            onChange={(e) => zetVraag({ ...vraag, alleenNieuw: e.target.checked })} />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="l-nieuw">Alleen nieuw sinds vorige maand</label>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={bezig || !vraag.maand}>Lijst tonen</button>
      </form>
      <div aria-live="polite">
        {melding && <Melding soort="error"><p className="utrecht-paragraph">{melding}</p></Melding>}
        {antwoord && (
          <section aria-labelledby="l-uitkomst">
            <h2 className="utrecht-heading-2" id="l-uitkomst">
              {antwoord.paginering.totaalAantal} {antwoord.paginering.totaalAantal === 1 ? 'persoon' : 'personen'} op {antwoord.lijst.soort} {antwoord.lijst.maand}
            </h2>
            <p className="utrecht-paragraph">
              Berekend op {antwoord.lijst.berekendOp} uit leveringen {antwoord.lijst.leveringen.join(', ') || 'geen'}; &lsquo;nieuw&rsquo;: niet op deze lijst van de maand ervoor.
            </p>
            {antwoord.uitval && (
              <div className="utrecht-table-container" role="region" aria-labelledby="l-uitvalkop" tabIndex={0}>
                <table className="utrecht-table">
                  <caption className="utrecht-table__caption" id="l-uitvalkop">Uitval per categorie tegen de startset</caption>
                  <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell">Categorie</th>
                    <th scope="col" className="utrecht-table__header-cell bb-getal">Startset</th>
                    <th scope="col" className="utrecht-table__header-cell bb-getal">Uitval</th>
                    <th scope="col" className="utrecht-table__header-cell bb-getal">Uitval (%)</th>
                  </tr></thead>
                  <tbody className="utrecht-table__body">
                    {antwoord.uitval.map((c) => (
                      <tr key={c.categorie} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell">{c.categorie}</th>
                        <td className="utrecht-table__cell bb-getal">{c.startsetPersonen}</td>
                        <td className="utrecht-table__cell bb-getal">{c.uitvalPersonen}</td>
                        <td className="utrecht-table__cell bb-getal">{c.uitvalpercentage === '' ? '–' : c.uitvalpercentage.replace('.', ',')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="utrecht-table-container bb-scrollvak" role="region" aria-labelledby="l-uitkomst" tabIndex={0}>
              <table className="utrecht-table">
                <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                  {kolommen.map((k) => {
                    const actief = sortering?.sorteer === k.sleutel || (!sortering && k.sleutel === (school ? 'brin' : 'naam'));
                    const aflopend = actief && Boolean(sortering?.aflopend);
                    return (
                      <th key={k.sleutel} scope="col" className="utrecht-table__header-cell" aria-sort={actief ? (aflopend ? 'descending' : 'ascending') : undefined}>
                        <button type="button" className="bb-sorteerknop" onClick={() => sorteer(k.sleutel)} disabled={bezig}>{k.kop}</button>
                      </th>
                    );
                  })}
                </tr></thead>
                <tbody className="utrecht-table__body">
                  {antwoord.rijen.map((r) => (
                    <tr key={r.referentie} className="utrecht-table__row">
                      {!school && <td className="utrecht-table__cell">{r.dossierId ? <Link href={`/dossier/${r.dossierId}`}>{naam(r)}</Link> : naam(r)}</td>}
                      <td className="utrecht-table__cell">{r.nieuw ? <strong className="bb-nieuw">nieuw</strong> : ''}</td>
                      {!school && <td className="utrecht-table__cell">{r.gemeenteCode}</td>}
                      <td className="utrecht-table__cell bb-getal">{r.leeftijd}</td>
                      <td className="utrecht-table__cell">{r.brin}</td>
                      <td className="utrecht-table__cell">{r.onderwijstype}</td>
                      <td className="utrecht-table__cell">{r.einddatum}</td>
                      <td className="utrecht-table__cell">{r.reden}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="utrecht-paragraph">Pagina {pagina} van {Math.max(1, antwoord.paginering.aantalPaginas)}</p>
            <div className="bb-knoppen">
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig || pagina <= 1} onClick={() => void zoek(pagina - 1)}>Vorige pagina</button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig || pagina >= antwoord.paginering.aantalPaginas} onClick={() => void zoek(pagina + 1)}>Volgende pagina</button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig} onClick={() => download('csv')}>Hele lijst downloaden (CSV)</button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={bezig} onClick={() => download('xlsx')}>Hele lijst downloaden (Excel)</button>
            </div>
          </section>
        )}
      </div>
    </Pagina>
  );
}
