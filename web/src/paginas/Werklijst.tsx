import type { Static } from '@sinclair/typebox';
import { useEffect, useState, type FormEvent } from 'react';
import type { WerklijstAntwoord } from '../../../src/server/schemasDossiers';
import { ApiFout } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { usePost } from '../opvolging';
import { Link } from '../router';
import { useRechten } from '../toegang';

/**
 * The officer's worklist (docs/opvolging.md "Werklijst"; not the list `werkvoorraad` of
 * lijsten.md): new names, contacts due, intakes overdue, periodic contact with oud-vsv'ers, and
 * the open work per behandelaar and in total. Opening it is recorded in the audit trail.
 */
type Werklijst = Static<typeof WerklijstAntwoord>;
type Item = Werklijst['nieuweNamen'][number];

function naam(i: Item): string {
  return [i.voornamen, i.voorvoegsel, i.geslachtsnaam].filter(Boolean).join(' ') || i.referentie;
}

function Lijstje({ id, titel, items, leeg, extra }: { id: string; titel: string; items: readonly Item[]; leeg: string; extra?: (i: Item) => string }) {
  return (
    <section aria-labelledby={id}>
      <h2 className="utrecht-heading-2" id={id}>{titel} ({items.length})</h2>
      {items.length === 0 ? <p className="utrecht-paragraph">{leeg}</p> : (
        <ul className="utrecht-unordered-list">
          {items.map((i) => (
            <li key={i.dossierId} className="utrecht-unordered-list__item">
              <Link href={`/dossier/${i.dossierId}`}>{naam(i)}</Link> — {i.dagenSindsLijst} dagen sinds de lijst{extra ? `; ${extra(i)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function WerklijstPagina() {
  const rechten = useRechten();
  const post = usePost();
  const [peildatum, zetPeildatum] = useState(new Date().toISOString().slice(0, 10));
  const [antwoord, zetAntwoord] = useState<Werklijst | null>(null);
  const [melding, zetMelding] = useState<string | null>(null);

  const laad = async (d: string) => {
    zetMelding(null);
    try {
      zetAntwoord(await post.json<Werklijst>('/api/v1/werklijst/_zoek', { peildatum: d }));
    } catch (e) {
      zetMelding((e as Error).message);
    }
  };
  const magLezen = rechten && !(rechten instanceof ApiFout) && rechten.handelingen.includes('werklijst.lezen');
  useEffect(() => {
    if (magLezen) void laad(peildatum);
  }, [magLezen]); // once the rights are known; the date form reloads it

  if (rechten === null) return <Pagina titel="Werklijst"><Laden wat="uw rechten" /></Pagina>;
  if (!magLezen) {
    return <Pagina titel="Werklijst"><Melding soort="warning"><p className="utrecht-paragraph">
      {rechten instanceof ApiFout ? rechten.message : 'De werklijst is er voor RMC-medewerkers en leerplichtambtenaren. Log in met zo\'n account.'}
    </p></Melding></Pagina>;
  }
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    void laad(peildatum);
  };
  return (
    <Pagina titel="Werklijst">
      <p className="utrecht-paragraph">Wat er te doen is in uw dossiers, en het open werk van uw {rechten.gebruiker?.rol === 'rmc' ? 'regio' : 'gemeente'}. Elke keer dat u deze pagina opent, wordt vastgelegd in het audittrail.</p>
      <form onSubmit={verstuur} className="bb-formulier" aria-label="Peildatum kiezen">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="w-datum">Peildatum</label></div>
          <div className="utrecht-form-field__input">
            <input id="w-datum" type="date" className="utrecht-textbox utrecht-textbox--html-input" value={peildatum} required onChange={(e) => zetPeildatum(e.target.value)} />
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">Tonen</button>
      </form>
      <div aria-live="polite">
        {melding && <Melding soort="error"><p className="utrecht-paragraph">{melding}</p></Melding>}
        {antwoord && (
          <>
            <Lijstje id="w-nieuw" titel="Nieuwe namen" items={antwoord.nieuweNamen} leeg="Geen nieuwe namen: elk dossier is opgepakt." />
            <Lijstje id="w-contact" titel="Contacten te doen" items={antwoord.contactenTeDoen} leeg="Geen contacten aan de beurt." extra={(i) => `gepland ${i.volgendContact ?? ''}`} />
            <Lijstje id="w-intake" titel="Intakes te laat" items={antwoord.intakesTeLaat} leeg="Geen intakes te laat."
              extra={(i) => (i.intake === 'meer-dan-6-weken' ? 'meer dan 6 weken' : '4 tot 6 weken')} />
            <Lijstje id="w-periodiek" titel={`Periodiek contact met oud-vsv'ers (elke ${antwoord.contactintervalMaanden} maanden)`} items={antwoord.periodiekContact}
              leeg="Geen oud-vsv'ers aan de beurt." extra={(i) => `${i.jarenUitOnderwijs ?? ''} jaar uit het onderwijs`} />
            <div className="utrecht-table-container" role="region" aria-labelledby="w-openwerk" tabIndex={0}>
              <table className="utrecht-table">
                <caption className="utrecht-table__caption" id="w-openwerk">Open werk per behandelaar</caption>
                <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                  {['Behandelaar', 'Open', 'Nieuw', 'Contacten te doen', 'Intakes te laat', 'Periodiek contact'].map((k, n) => (
                    <th key={k} scope="col" className={`utrecht-table__header-cell${n ? ' bb-getal' : ''}`}>{k}</th>
                  ))}
                </tr></thead>
                <tbody className="utrecht-table__body">
                  {[...antwoord.openWerk.perBehandelaar, antwoord.openWerk.totaal].map((b) => (
                    <tr key={b.behandelaar} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">{b.behandelaar}</th>
                      <td className="utrecht-table__cell bb-getal">{b.open}</td>
                      <td className="utrecht-table__cell bb-getal">{b.nieuw}</td>
                      <td className="utrecht-table__cell bb-getal">{b.contactenTeDoen}</td>
                      <td className="utrecht-table__cell bb-getal">{b.intakesTeLaat}</td>
                      <td className="utrecht-table__cell bb-getal">{b.periodiekContact}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </Pagina>
  );
}
