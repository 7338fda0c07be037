import type { Static } from '@sinclair/typebox';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { DELEN, GEBEURTENISSOORTEN, VELDEN, type Gebeurtenissoort } from '../../../src/domain/dossier/gebeurtenis';
import type { DossierAntwoord } from '../../../src/server/schemasDossiers';
import { ApiFout } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { usePost } from '../opvolging';
import { Link } from '../router';
import { OORZAAKNAAM, STATUSNAAM } from './overdrachtTeksten';

/**
 * One dossier (docs/opvolging.md "Dossiers"): who, its state and owner, a form to record what
 * happened (contact attempt, first contact, intake, trajectory, outcome, contact details,
 * note, next contact; the fields follow the kind chosen, from the same definition the server
 * checks), the pending handover ("Overdragen": choose what to pass on and why, send), and the
 * timeline. Opening the page is recorded in the audit trail.
 */
type Dossier = Static<typeof DossierAntwoord>;

const SOORTNAAM: Record<Gebeurtenissoort, string> = {
  contactpoging: 'Contactpoging', 'eerste-contact': 'Eerste contact', intake: 'Intake', traject: 'Traject gestart',
  uitkomst: 'Uitkomst', contactgegeven: 'Contactgegeven', notitie: 'Notitie', 'volgend-contact': 'Volgend contact plannen',
  gedeeld: 'Gedeeld met school of partner',
};
const VELDNAAM: Record<string, string> = {
  kanaal: 'Kanaal', resultaat: 'Resultaat', toelichting: 'Toelichting', doel: 'Doel', partner: 'Partnerorganisatie', categorie: 'Categorie',
  soort: 'Soort gegeven', waarde: 'Gegeven', bron: 'Bron', bronDatum: 'Datum van de bron', tekst: 'Tekst', op: 'Datum volgend contact',
  organisatie: 'Naam van de school of organisatie', soortOrganisatie: 'School of partner', delen: 'Wat is gedeeld', grondslag: 'Grondslag',
};

const vandaag = () => new Date().toISOString().slice(0, 10);

/** A part of the record that can be passed on (gebeurtenis.ts DELEN), in words. */
function deelNaam(deel: string): string {
  return deel.startsWith('notitie:') ? `Notities met doel ${deel.slice('notitie:'.length)}` : SOORTNAAM[deel as Gebeurtenissoort] ?? deel;
}

/**
 * The pending handover of this dossier (docs/opvolging.md "Overdracht"): while proposed or
 * refused, the holder chooses the parts to pass on and gives a reason, then sends; once sent it
 * waits for the receiver. The holder keeps the dossier until the receiver accepts.
 */
function Overdragen({ o, klaar }: { o: NonNullable<Dossier['overdracht']>; klaar: (tekst: string) => Promise<void> }) {
  const post = usePost();
  const [delen, zetDelen] = useState<string[]>(o.delen ?? []);
  const [reden, zetReden] = useState('');
  const [fout, zetFout] = useState<string | null>(null);
  const [bezig, zetBezig] = useState(false);
  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    zetBezig(true);
    zetFout(null);
    try {
      await post.json(`/api/v1/overdrachten/${o.overdrachtId}/verzending`, { delen, reden });
      await klaar(`Overdracht aan ${o.naar} verzonden.`);
    } catch (x) {
      zetFout((x as Error).message);
    } finally {
      zetBezig(false);
    }
  };
  return (
    <section aria-labelledby="d-overdragen">
      <h2 className="utrecht-heading-2" id="d-overdragen">Overdragen</h2>
      <p className="utrecht-paragraph">
        Volgens de lijsten van {o.voorgesteldOp.slice(0, 7)} hoort dit dossier bij {o.naar} ({OORZAAKNAAM[o.oorzaak]}). Status: {STATUSNAAM[o.status]}
        {o.weigerreden ? ` — reden: ${o.weigerreden}` : ''}. U blijft houder tot de ontvanger aanvaardt; de ontvanger ziet vóór aanvaarding alleen
        naam, geboortedatum en oorzaak.
      </p>
      {o.status === 'verzonden' ? (
        <p className="utrecht-paragraph">U gaf door: {(o.delen ?? []).map(deelNaam).join(', ') || 'alleen de tijdlijn uit de leveringen'}. Reden: {o.reden}</p>
      ) : (
        <form onSubmit={(e) => void verstuur(e)} className="bb-formulier" aria-labelledby="d-overdragen">
          <fieldset className="utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">Wat geeft u door (de tijdlijn uit de leveringen gaat altijd mee)</legend>
            {DELEN.map((deel) => (
              <div className="utrecht-form-field utrecht-form-field--checkbox" key={deel}>
                <input id={`d-deel-${deel}`} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={delen.includes(deel)}
                  onChange={(e) => zetDelen(e.target.checked ? [...delen, deel] : delen.filter((x) => x !== deel))} />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`d-deel-${deel}`}>{deelNaam(deel)}</label>
              </div>
            ))}
          </fieldset>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="d-overdracht-reden">Waarom, en wat moet de ontvanger weten</label></div>
            <div className="utrecht-form-field__input">
              <textarea id="d-overdracht-reden" className="utrecht-textarea utrecht-textarea--html-textarea" value={reden} maxLength={1000} required rows={3}
                onChange={(e) => zetReden(e.target.value)} />
            </div>
          </div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={bezig}>{o.status === 'geweigerd' ? 'Opnieuw verzenden' : 'Verzenden'}</button>
          <div aria-live="polite">{fout && <Melding soort="error"><p className="utrecht-paragraph">{fout}</p></Melding>}</div>
        </form>
      )}
    </section>
  );
}

function naam(d: Dossier['dossier']): string {
  return [d.voornamen, d.voorvoegsel, d.geslachtsnaam].filter(Boolean).join(' ') || d.referentie;
}

export function DossierPagina({ p }: { p: Record<string, string> }) {
  const post = usePost();
  const [dossier, zetDossier] = useState<Dossier | ApiFout | null>(null);
  const [soort, zetSoort] = useState<Gebeurtenissoort>('contactpoging');
  const [datum, zetDatum] = useState(vandaag());
  const [gegevens, zetGegevens] = useState<Record<string, string>>({});
  const [melding, zetMelding] = useState<{ soort: 'info' | 'error'; tekst: string } | null>(null);
  const [bezig, zetBezig] = useState(false);

  const laad = useCallback(async () => {
    const r = await fetch(`/api/v1/dossiers/${encodeURIComponent(p.id ?? '')}`, { headers: { accept: 'application/json' } });
    if (!r.ok) {
      const detail = ((await r.json().catch(() => ({}))) as { detail?: string }).detail ?? `Status ${r.status}`;
      zetDossier(new ApiFout(r.status, detail));
      return;
    }
    zetDossier((await r.json()) as Dossier);
  }, [p.id]);
  useEffect(() => {
    void laad();
  }, [laad]);

  const kiesSoort = (s: Gebeurtenissoort) => {
    zetSoort(s);
    zetGegevens({});
  };
  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    zetBezig(true);
    zetMelding(null);
    try {
      const ingevuld = Object.fromEntries(Object.entries(gegevens).filter(([, w]) => w !== ''));
      await post.json(`/api/v1/dossiers/${p.id}/gebeurtenissen`, { soort, datum, gegevens: ingevuld });
      zetGegevens({});
      // the confirmation once the timeline shows the event, so what is announced is on the page
      await laad();
      zetMelding({ soort: 'info', tekst: `${SOORTNAAM[soort]} vastgelegd.` });
    } catch (fout) {
      zetMelding({ soort: 'error', tekst: (fout as Error).message });
    } finally {
      zetBezig(false);
    }
  };

  if (dossier === null) return <Pagina titel="Dossier"><Laden wat="het dossier" /></Pagina>;
  if (dossier instanceof ApiFout) {
    return <Pagina titel="Dossier"><Melding soort="warning"><p className="utrecht-paragraph">{dossier.message}</p></Melding></Pagina>;
  }
  const d = dossier.dossier;
  return (
    <Pagina titel={`Dossier ${naam(d)}`}>
      <p className="utrecht-paragraph"><Link href="/maandlijsten">Terug naar de maandlijsten</Link> · <Link href="/werklijst">Werklijst</Link></p>
      <dl className="bb-gegevens">
        <dt>Status</dt><dd>{d.status}{d.sluitreden ? ` (${d.sluitreden}, ${d.geslotenMaand})` : ''}</dd>
        <dt>Geopend</dt><dd>lijsten van {d.geopendMaand}</dd>
        <dt>Dossierhouder</dt><dd>{d.eigenaar}</dd>
        <dt>Geboortedatum</dt><dd>{d.geboortedatum ?? 'onbekend'}</dd>
        <dt>Behandelaar</dt><dd>{d.behandelaar ?? 'nog niemand'}</dd>
        <dt>Volgend contact</dt><dd>{d.volgendContact ?? 'niet gepland'}</dd>
      </dl>
      {dossier.overdracht && (
        <Overdragen key={`${dossier.overdracht.overdrachtId}-${dossier.overdracht.status}`} o={dossier.overdracht} klaar={async (tekst) => {
          await laad();
          zetMelding({ soort: 'info', tekst });
        }} />
      )}
      <section aria-labelledby="d-vastleggen">
        <h2 className="utrecht-heading-2" id="d-vastleggen">Vastleggen</h2>
        <form onSubmit={(e) => void verstuur(e)} className="bb-formulier" aria-labelledby="d-vastleggen">
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="d-soort">Wat legt u vast</label></div>
            <div className="utrecht-form-field__input">
              <select id="d-soort" className="utrecht-select utrecht-select--html-select" value={soort} onChange={(e) => kiesSoort(e.target.value as Gebeurtenissoort)}>
                {GEBEURTENISSOORTEN.map((s) => <option key={s} value={s}>{SOORTNAAM[s]}</option>)}
              </select>
            </div>
          </div>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="d-datum">Datum</label></div>
            <div className="utrecht-form-field__input">
              <input id="d-datum" type="date" className="utrecht-textbox utrecht-textbox--html-input" value={datum} max={vandaag()} required onChange={(e) => zetDatum(e.target.value)} />
            </div>
          </div>
          {VELDEN[soort].map((v) => {
            const id = `d-veld-${v.naam}`;
            const label = `${VELDNAAM[v.naam] ?? v.naam}${v.optioneel ? ' (optioneel)' : ''}`;
            const zet = (w: string) => zetGegevens({ ...gegevens, [v.naam]: w });
            if (v.lijst) {
              // a list field: checkboxes, sent as a comma-separated list (gebeurtenis.ts)
              const gekozen = (gegevens[v.naam] ?? '').split(',').filter(Boolean);
              const wissel = (k: string, aan: boolean) => zet((aan ? [...gekozen, k] : gekozen.filter((x) => x !== k)).join(','));
              return (
                <fieldset className="utrecht-form-fieldset" key={v.naam}>
                  <legend className="utrecht-form-fieldset__legend">{label}</legend>
                  {v.lijst.map((k) => (
                    <div className="utrecht-form-field utrecht-form-field--checkbox" key={k}>
                      <input id={`${id}-${k}`} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={gekozen.includes(k)}
                        onChange={(e) => wissel(k, e.target.checked)} />
                      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${id}-${k}`}>{k}</label>
                    </div>
                  ))}
                </fieldset>
              );
            }
            return (
              <div className="utrecht-form-field" key={v.naam}>
                <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{label}</label></div>
                <div className="utrecht-form-field__input">
                  {v.keuzes ? (
                    <select id={id} className="utrecht-select utrecht-select--html-select" value={gegevens[v.naam] ?? ''} required={!v.optioneel} onChange={(e) => zet(e.target.value)}>
                      <option value="">kies…</option>
                      {v.keuzes.map((k) => <option key={k} value={k}>{k}</option>)}
                    </select>
                  ) : (
                    <input id={id} type={v.datum ? 'date' : 'text'} className="utrecht-textbox utrecht-textbox--html-input" value={gegevens[v.naam] ?? ''}
                      maxLength={v.vrij} required={!v.optioneel} autoComplete="off" onChange={(e) => zet(e.target.value)} />
                  )}
                </div>
              </div>
            );
          })}
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={bezig}>Vastleggen</button>
        </form>
        <div aria-live="polite">{melding && <Melding soort={melding.soort}><p className="utrecht-paragraph">{melding.tekst}</p></Melding>}</div>
      </section>
      <section aria-labelledby="d-tijdlijn">
        <h2 className="utrecht-heading-2" id="d-tijdlijn">Tijdlijn</h2>
        <ol className="bb-tijdlijn">
          {dossier.tijdlijn.map((i, n) => (
            <li key={n}>
              <time dateTime={i.datum}>{i.datum}</time> · <span className="bb-tijdlijn__bron">{i.bron}</span> · {i.omschrijving}{i.door ? ` — ${i.door}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </Pagina>
  );
}
