import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiFout } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { Link } from '../router';
import { useSessie } from '../sessie';
import { useRechten } from '../toegang';
import { leerlingnaam, SOORTNAAM, STATUSNAAM, verzoek, Verzoekfout, type Leerling, type Leerlingen, type NieuweMeldingInvoer, type Verslag } from '../verzuim';

/**
 * "Verzuim melden" for a school (issue 10 item 1): find the pupil among the school's own
 * enrolments by name and date of birth, fill in the data set of opvolging.md, and see every
 * refusal beside its own field; or upload a CSV file and see the result per line.
 */
type Formulier = Record<string, string>;

const LEEG: Formulier = {
  soort: '16u4w', vestiging: '00', lesplaats: '', meldingsdatum: new Date().toISOString().slice(0, 10), startdatum: '', einddatum: '',
  verzuimDagen: '', verzuimUren: '', alleLessenGemist: 'nee', vermoedelijkeReden: '', ondernomenActie: '', gemeenteGevraagdTeHandelen: 'ja',
  redenNietHandelen: '', melderNaam: '', melderFunctie: '', melderTelefoon: '', melderEmail: '', telefoonLeerlingOfOuder: '',
  verblijfadres: '', verblijfGemeenteCode: '',
};

function alsMelding(f: Formulier, referentie: string): NieuweMeldingInvoer {
  const tekst = (k: string) => (f[k]!.trim() === '' ? undefined : f[k]!.trim());
  const getal = (k: string) => (f[k]!.trim() === '' ? undefined : Number(f[k]!.replace(',', '.')));
  return {
    leerlingReferentie: referentie, soort: f.soort, vestiging: tekst('vestiging'), lesplaats: tekst('lesplaats'),
    meldingsdatum: tekst('meldingsdatum'), startdatum: tekst('startdatum'), einddatum: tekst('einddatum'),
    verzuimDagen: getal('verzuimDagen'), verzuimUren: getal('verzuimUren'), alleLessenGemist: f.alleLessenGemist === 'ja',
    vermoedelijkeReden: tekst('vermoedelijkeReden'), ondernomenActie: tekst('ondernomenActie'),
    gemeenteGevraagdTeHandelen: f.gemeenteGevraagdTeHandelen === 'ja', redenNietHandelen: tekst('redenNietHandelen'),
    melderNaam: tekst('melderNaam'), melderFunctie: tekst('melderFunctie'), melderTelefoon: tekst('melderTelefoon'),
    melderEmail: tekst('melderEmail'), telefoonLeerlingOfOuder: tekst('telefoonLeerlingOfOuder'), verblijfadres: tekst('verblijfadres'),
    verblijfGemeenteCode: tekst('verblijfGemeenteCode'),
  };
}

/** One labelled field with its description and, after a refusal, its own error messages (linked by aria-describedby). */
function Veld({ id, label, fouten, uitleg, children }: { id: string; label: string; fouten?: readonly string[]; uitleg?: string; children: (aria: object) => ReactNode }) {
  const omschrijving = [uitleg ? `${id}-uitleg` : '', fouten?.length ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`utrecht-form-field${fouten?.length ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{label}</label></div>
      {uitleg && <div className="utrecht-form-field__description" id={`${id}-uitleg`}>{uitleg}</div>}
      {fouten?.length ? <div className="utrecht-form-field-error-message" id={`${id}-fout`}>{fouten.join(' ')}</div> : null}
      <div className="utrecht-form-field__input">{children({ 'aria-describedby': omschrijving, 'aria-invalid': fouten?.length ? true : undefined })}</div>
    </div>
  );
}

export function VerzuimMelden() {
  const rechten = useRechten();
  const { sessie } = useSessie();
  const csrf = sessie?.csrfToken;
  const [zoekvraag, zetZoekvraag] = useState({ naam: '', geboortedatum: '' });
  const [gevonden, zetGevonden] = useState<Leerlingen | null>(null);
  const [zoekfout, zetZoekfout] = useState<string | null>(null);
  const [leerling, zetLeerling] = useState<Leerling | null>(null);
  const [f, zetF] = useState<Formulier>(LEEG);
  const [fouten, zetFouten] = useState<Verzoekfout | null>(null);
  const [gemeld, zetGemeld] = useState<{ meldingId: number; status: string; tijdigheid: string; opmerkingen: string[] } | null>(null);
  const [bezig, zetBezig] = useState(false);
  const [verslag, zetVerslag] = useState<Verslag | null>(null);
  const [csvFout, zetCsvFout] = useState<string | null>(null);

  if (rechten === null) return <Pagina titel="Verzuim melden"><Laden wat="uw rechten" /></Pagina>;
  if (rechten instanceof ApiFout || !rechten.handelingen.includes('verzuim.melden')) {
    return (
      <Pagina titel="Verzuim melden">
        <Melding soort="warning"><p className="utrecht-paragraph">
          {rechten instanceof ApiFout ? rechten.message : 'Verzuim melden kan alleen met een account van een school. Log in als school.'}
        </p></Melding>
      </Pagina>
    );
  }

  const zoek = async (e: FormEvent) => {
    e.preventDefault();
    zetZoekfout(null);
    try {
      zetGevonden(await verzoek<Leerlingen>('POST', '/api/v1/leerlingen/_zoek', csrf, zoekvraag));
    } catch (x) {
      zetGevonden(null);
      const v = x as Verzoekfout;
      zetZoekfout(Object.keys(v.perVeld ?? {}).length ? Object.values(v.perVeld).flat().join(' ') : v.message);
    }
  };

  const meld = async (e: FormEvent) => {
    e.preventDefault();
    if (!leerling) return;
    zetBezig(true);
    zetFouten(null);
    zetGemeld(null);
    try {
      zetGemeld(await verzoek('POST', '/api/v1/verzuimmeldingen', csrf, alsMelding(f, leerling.referentie)));
      zetF({ ...LEEG, melderNaam: f.melderNaam ?? '', melderFunctie: f.melderFunctie ?? '', melderTelefoon: f.melderTelefoon ?? '', melderEmail: f.melderEmail ?? '' });
      zetLeerling(null);
      zetGevonden(null);
    } catch (x) {
      zetFouten(x as Verzoekfout);
    } finally {
      zetBezig(false);
    }
  };

  const upload = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const bestand = (e.currentTarget.elements.namedItem('v-csv') as HTMLInputElement).files?.[0];
    zetCsvFout(null);
    zetVerslag(null);
    if (!bestand) {
      zetCsvFout('Kies eerst een CSV-bestand.');
      return;
    }
    zetBezig(true);
    try {
      zetVerslag(await verzoek<Verslag>('POST', '/api/v1/verzuimmeldingen/_importeren', csrf, await bestand.text(), true));
    } catch (x) {
      zetCsvFout((x as Error).message);
    } finally {
      zetBezig(false);
    }
  };

  const per = fouten?.perVeld ?? {};
  const tekstveld = (k: string, label: string, opties: { type?: string; uitleg?: string; max?: number; autoComplete?: string } = {}) => (
    <Veld id={`v-${k}`} label={label} fouten={per[k]} uitleg={opties.uitleg}>
      {(aria) => (
        <input id={`v-${k}`} name={k} type={opties.type ?? 'text'} className="utrecht-textbox utrecht-textbox--html-input" value={f[k]}
          maxLength={opties.max} autoComplete={opties.autoComplete ?? 'off'} onChange={(e) => zetF({ ...f, [k]: e.target.value })} {...aria} />
      )}
    </Veld>
  );
  const tekstvak = (k: string, label: string, uitleg?: string) => (
    <Veld id={`v-${k}`} label={label} fouten={per[k]} uitleg={uitleg}>
      {(aria) => <textarea id={`v-${k}`} name={k} className="utrecht-textarea utrecht-textarea--html-textarea" rows={3} value={f[k]} onChange={(e) => zetF({ ...f, [k]: e.target.value })} {...aria} />}
    </Veld>
  );
  const keuze = (k: string, label: string, opties: [string, string][]) => (
    <Veld id={`v-${k}`} label={label} fouten={per[k]}>
      {(aria) => (
        <select id={`v-${k}`} name={k} className="utrecht-select utrecht-select--html-select" value={f[k]} onChange={(e) => zetF({ ...f, [k]: e.target.value })} {...aria}>
          {opties.map(([w, t]) => <option key={w} value={w}>{t}</option>)}
        </select>
      )}
    </Veld>
  );
  const bekendeVelden = new Set(Object.keys(LEEG));
  const overigeFouten = Object.entries(per).filter(([k]) => !bekendeVelden.has(k)).flatMap(([k, r]) => r.map((x) => `${k === 'leerlingReferentie' ? 'leerling' : k}: ${x}`));

  return (
    <Pagina titel="Verzuim melden">
      <p className="utrecht-paragraph">
        Meld ongeoorloofd verzuim van een eigen leerling aan de gemeente waar de leerling woont (Leerplichtwet 1969 art. 21a). De melding gaat
        meteen naar leerplicht, of bij een rmc-melding van een 18-plusser naar de RMC-regio. Onder <Link className="utrecht-link" href="/verzuim/mijn-meldingen">Mijn meldingen</Link> ziet
        u de status en de contactpersoon.
      </p>
      <Melding soort="info" rol="note"><p className="utrecht-paragraph">Elke zoekopdracht en elke melding wordt vastgelegd in het audittrail.</p></Melding>

      <section aria-labelledby="v-stap1">
        <h2 className="utrecht-heading-2" id="v-stap1">1. Leerling zoeken</h2>
        <form onSubmit={zoek} className="bb-formulier" aria-label="Leerling zoeken">
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="z-naam">Naam (of een deel ervan)</label></div>
            <div className="utrecht-form-field__input"><input id="z-naam" className="utrecht-textbox utrecht-textbox--html-input" value={zoekvraag.naam} autoComplete="off" onChange={(e) => zetZoekvraag({ ...zoekvraag, naam: e.target.value })} /></div>
          </div>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="z-geboortedatum">Geboortedatum</label></div>
            <div className="utrecht-form-field__input"><input id="z-geboortedatum" type="date" className="utrecht-textbox utrecht-textbox--html-input" value={zoekvraag.geboortedatum} onChange={(e) => zetZoekvraag({ ...zoekvraag, geboortedatum: e.target.value })} /></div>
          </div>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">Zoeken</button>
        </form>
        <div aria-live="polite">
          {zoekfout && <Melding soort="error"><p className="utrecht-paragraph">{zoekfout}</p></Melding>}
          {gevonden && gevonden.leerlingen.length === 0 && <p className="utrecht-paragraph">Geen leerling van uw school gevonden met deze naam en geboortedatum.</p>}
          {gevonden && gevonden.leerlingen.length > 0 && (
            <ul className="bb-leerlingen" aria-label="Gevonden leerlingen">
              {gevonden.leerlingen.map((l) => (
                <li key={l.referentie}>
                  <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-pressed={leerling?.referentie === l.referentie}
                    onClick={() => { zetLeerling(l); zetF((x) => ({ ...x, vestiging: l.vestigingen[0] ?? x.vestiging ?? '00' })); }}>
                    Kies {leerlingnaam(l)}, geboren {l.geboortedatum}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {gevonden?.meer && <p className="utrecht-paragraph">Er zijn meer leerlingen gevonden; maak de naam preciezer.</p>}
        </div>
      </section>

      <section aria-labelledby="v-stap2">
        <h2 className="utrecht-heading-2" id="v-stap2">2. De melding</h2>
        <div aria-live="polite">
          {gemeld && (
            <Melding soort="info" data-testid="gemeld"><p className="utrecht-paragraph">
              Melding {gemeld.meldingId} is vastgelegd en doorgestuurd ({STATUSNAAM[gemeld.status] ?? gemeld.status}).
              {gemeld.tijdigheid === 'te-laat' ? ' Let op: de melding is te laat gedaan.' : ''} {gemeld.opmerkingen.join(' ')}
            </p></Melding>
          )}
          {fouten && (
            <Melding soort="error"><p className="utrecht-paragraph">De melding is niet vastgelegd. {Object.keys(per).length > 0 ? 'Verbeter de velden met een melding.' : fouten.message}</p>
              {overigeFouten.length > 0 && <ul>{overigeFouten.map((x) => <li key={x}>{x}</li>)}</ul>}
            </Melding>
          )}
        </div>
        {!leerling ? <p className="utrecht-paragraph">Zoek en kies eerst de leerling.</p> : (
          <form onSubmit={meld} aria-label="Verzuimmelding" noValidate>
            <p className="utrecht-paragraph">Leerling: <strong>{leerlingnaam(leerling)}</strong>, geboren {leerling.geboortedatum}.</p>
            <fieldset className="utrecht-form-fieldset"><legend className="utrecht-form-fieldset__legend">Verzuim</legend>
              {keuze('soort', 'Soort melding', Object.entries(SOORTNAAM))}
              {keuze('vestiging', 'Vestiging', leerling.vestigingen.map((v) => [v, v]))}
              {tekstveld('lesplaats', 'Lesplaats', { max: 200 })}
              {tekstveld('meldingsdatum', 'Meldingsdatum', { type: 'date' })}
              {tekstveld('startdatum', 'Eerste dag van het verzuim', { type: 'date' })}
              {tekstveld('einddatum', 'Laatste dag van het verzuim', { type: 'date', uitleg: 'Verplicht bij 16u4w, lrv en rmc.' })}
              {tekstveld('verzuimDagen', 'Verzuimde dagen', { uitleg: 'Getal, bijvoorbeeld 2 of 2.5.' })}
              {tekstveld('verzuimUren', 'Verzuimde lesuren', { uitleg: 'Bij 16u4w minstens 16.' })}
              {keuze('alleLessenGemist', 'Alle lessen in de periode gemist', [['nee', 'nee'], ['ja', 'ja']])}
            </fieldset>
            <fieldset className="utrecht-form-fieldset"><legend className="utrecht-form-fieldset__legend">Wat de school weet en deed</legend>
              {tekstvak('vermoedelijkeReden', 'Vermoedelijke reden')}
              {tekstvak('ondernomenActie', 'Wat de school al deed')}
              {keuze('gemeenteGevraagdTeHandelen', 'Vraagt u de gemeente te handelen?', [['ja', 'ja'], ['nee', 'nee, ter kennisneming']])}
              {tekstvak('redenNietHandelen', 'Waarom niet', 'Alleen als u de gemeente niet vraagt te handelen.')}
            </fieldset>
            <fieldset className="utrecht-form-fieldset"><legend className="utrecht-form-fieldset__legend">Melder en contact</legend>
              {tekstveld('melderNaam', 'Uw naam', { autoComplete: 'name' })}
              {tekstveld('melderFunctie', 'Uw functie', { autoComplete: 'organization-title' })}
              {tekstveld('melderTelefoon', 'Uw telefoonnummer', { type: 'tel', autoComplete: 'tel' })}
              {tekstveld('melderEmail', 'Uw e-mailadres', { type: 'email', autoComplete: 'email' })}
              {tekstveld('telefoonLeerlingOfOuder', 'Telefoonnummer van de leerling of een ouder (optioneel)', { type: 'tel' })}
              {tekstveld('verblijfadres', 'Verblijfadres, als het afwijkt van de BRP (optioneel)')}
              {tekstveld('verblijfGemeenteCode', 'Gemeentecode van dat adres (optioneel)', { uitleg: 'GM en 4 cijfers, bijvoorbeeld GM0344.', max: 6 })}
            </fieldset>
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={bezig}>Melding versturen</button>
          </form>
        )}
      </section>

      <section aria-labelledby="v-stap3">
        <h2 className="utrecht-heading-2" id="v-stap3">Of: een CSV-bestand met meldingen</h2>
        <p className="utrecht-paragraph">
          Het formaat staat in de documentatie (docs/verzuim.md): een kopregel met de kolommen van de dataset, één melding per regel.
          Geldige regels worden gemeld; regels met fouten komen terug met de reden.
        </p>
        <form onSubmit={upload} className="bb-formulier" aria-label="CSV-bestand uploaden">
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="v-csv">CSV-bestand</label></div>
            <div className="utrecht-form-field__input"><input id="v-csv" name="v-csv" type="file" accept=".csv,text/csv" /></div>
          </div>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={bezig}>Bestand versturen</button>
        </form>
        <div aria-live="polite">
          {csvFout && <Melding soort="error"><p className="utrecht-paragraph">{csvFout}</p></Melding>}
          {verslag && (
            <section aria-labelledby="v-verslag">
              <h3 className="utrecht-heading-3" id="v-verslag">{verslag.gelezen} regel(s) gelezen: {verslag.aantalGemeld} gemeld, {verslag.aantalGeweigerd} geweigerd</h3>
              <div className="utrecht-table-container bb-scrollvak" role="region" aria-labelledby="v-verslag" tabIndex={0}>
                <table className="utrecht-table">
                  <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell">Regel</th>
                    <th scope="col" className="utrecht-table__header-cell">Uitkomst</th>
                    <th scope="col" className="utrecht-table__header-cell">Kolom</th>
                    <th scope="col" className="utrecht-table__header-cell">Toelichting</th>
                  </tr></thead>
                  <tbody className="utrecht-table__body">
                    {[
                      ...verslag.gemeld.map((g) => ({ regel: g.regel, uitkomst: `gemeld (melding ${g.meldingId})`, kolom: '', tekst: [g.tijdigheid === 'te-laat' ? 'te laat' : '', ...g.opmerkingen].filter(Boolean).join('; ') })),
                      ...verslag.geweigerd.map((w) => ({ regel: w.regel, uitkomst: 'geweigerd', kolom: w.kolom ?? '', tekst: w.reden })),
                    ].sort((a, b) => a.regel - b.regel).map((r, i) => (
                      <tr key={i} className="utrecht-table__row">
                        <td className="utrecht-table__cell">{r.regel}</td><td className="utrecht-table__cell">{r.uitkomst}</td>
                        <td className="utrecht-table__cell">{r.kolom}</td><td className="utrecht-table__cell">{r.tekst}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </div>
      </section>
    </Pagina>
  );
}
