import type { Static } from '@sinclair/typebox';
import { useEffect, useState, type FormEvent } from 'react';
import type { Overdracht } from '../../../src/server/schemasDossiers';
import { ApiFout } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { usePost } from '../opvolging';
import { Link } from '../router';
import { useRechten } from '../toegang';
import { OORZAAKNAAM, STATUSNAAM } from './overdrachtTeksten';

/**
 * The warm handovers of the officer's municipality or region (docs/opvolging.md "Overdracht"):
 * incoming ones to accept or refuse (before accepting only name, date of birth and cause are
 * shown: the dossier and what was passed on come with acceptance), and outgoing ones with their
 * status. Sending happens on the dossier page. Opening this page is recorded in the audit trail.
 */
type Rij = Static<typeof Overdracht>;

const naam = (o: Rij) => [o.voornamen, o.voorvoegsel, o.geslachtsnaam].filter(Boolean).join(' ') || 'naam onbekend';
const datum = (t: string | null) => (t ? t.slice(0, 10) : '');

function Weigeren({ o, bezig, weiger }: { o: Rij; bezig: boolean; weiger: (o: Rij, reden: string) => void }) {
  const [reden, zetReden] = useState('');
  const id = `w-reden-${o.overdrachtId}`;
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    weiger(o, reden);
  };
  return (
    <form onSubmit={verstuur} className="bb-formulier" aria-label={`Overdracht van ${naam(o)} weigeren`}>
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>Reden van weigeren</label></div>
        <div className="utrecht-form-field__input">
          <input id={id} type="text" className="utrecht-textbox utrecht-textbox--html-input" value={reden} maxLength={1000} required autoComplete="off"
            onChange={(e) => zetReden(e.target.value)} />
        </div>
      </div>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={bezig}>Weigeren</button>
    </form>
  );
}

export function OverdrachtenPagina() {
  const rechten = useRechten();
  const post = usePost();
  const [rijen, zetRijen] = useState<Rij[] | null>(null);
  const [melding, zetMelding] = useState<{ soort: 'info' | 'error'; tekst: string } | null>(null);
  const [bezig, zetBezig] = useState(false);

  const laad = async () => {
    try {
      zetRijen((await post.json<{ overdrachten: Rij[] }>('/api/v1/overdrachten/_zoek', {})).overdrachten);
    } catch (e) {
      zetMelding({ soort: 'error', tekst: (e as Error).message });
    }
  };
  const magLezen = rechten && !(rechten instanceof ApiFout) && rechten.handelingen.includes('overdracht.lezen');
  useEffect(() => {
    if (magLezen) void laad();
  }, [magLezen]);

  const stap = async (o: Rij, pad: 'aanvaarding' | 'weigering', body: object, klaar: string) => {
    zetBezig(true);
    zetMelding(null);
    try {
      await post.json(`/api/v1/overdrachten/${o.overdrachtId}/${pad}`, body);
      zetMelding({ soort: 'info', tekst: klaar });
      await laad();
    } catch (e) {
      zetMelding({ soort: 'error', tekst: (e as Error).message });
    } finally {
      zetBezig(false);
    }
  };

  if (rechten === null) return <Pagina titel="Overdrachten"><Laden wat="uw rechten" /></Pagina>;
  if (!magLezen) {
    return <Pagina titel="Overdrachten"><Melding soort="warning"><p className="utrecht-paragraph">
      {rechten instanceof ApiFout ? rechten.message : 'Overdrachten zijn er voor RMC-medewerkers en leerplichtambtenaren. Log in met zo\'n account.'}
    </p></Melding></Pagina>;
  }
  const inkomend = (rijen ?? []).filter((o) => o.richting === 'inkomend');
  const uitgaand = (rijen ?? []).filter((o) => o.richting === 'uitgaand');
  return (
    <Pagina titel="Overdrachten">
      <p className="utrecht-paragraph">
        Dossiers die door een verhuizing of de 18e verjaardag naar een andere gemeente of RMC-regio gaan. De afzender kiest wat hij doorgeeft en waarom;
        u ziet het dossier pas als u de overdracht aanvaardt. Elke keer dat u deze pagina opent, wordt vastgelegd in het audittrail.
      </p>
      <div aria-live="polite">{melding && <Melding soort={melding.soort}><p className="utrecht-paragraph">{melding.tekst}</p></Melding>}</div>
      {rijen === null ? <Laden wat="de overdrachten" /> : (
        <>
          <section aria-labelledby="o-inkomend">
            <h2 className="utrecht-heading-2" id="o-inkomend">Inkomend ({inkomend.length})</h2>
            {inkomend.length === 0 ? <p className="utrecht-paragraph">Er zijn geen overdrachten aan u verzonden.</p> : (
              <ul className="utrecht-unordered-list bb-overdrachten">
                {inkomend.map((o) => (
                  <li key={o.overdrachtId} className="utrecht-unordered-list__item">
                    <h3 className="utrecht-heading-3">{naam(o)}</h3>
                    <dl className="bb-gegevens">
                      <dt>Geboortedatum</dt><dd>{o.geboortedatum ?? 'onbekend'}</dd>
                      <dt>Oorzaak</dt><dd>{OORZAAKNAAM[o.oorzaak]}</dd>
                      <dt>Van</dt><dd>{o.van}</dd>
                      <dt>Verzonden</dt><dd>{datum(o.verzondenOp)}{o.verzondenDoor ? ` door ${o.verzondenDoor}` : ''}</dd>
                      <dt>Status</dt><dd>{STATUSNAAM[o.status]}{o.weigerreden ? ` (${o.weigerreden})` : ''}</dd>
                      {o.status === 'aanvaard' && <><dt>Reden van de afzender</dt><dd>{o.reden}</dd></>}
                    </dl>
                    {o.status === 'verzonden' && (
                      <>
                        <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={bezig}
                          onClick={() => void stap(o, 'aanvaarding', {}, `Overdracht van ${naam(o)} aanvaard: het dossier is nu van u.`)}>
                          Aanvaarden
                        </button>
                        <Weigeren o={o} bezig={bezig} weiger={(x, reden) => void stap(x, 'weigering', { reden }, `Overdracht van ${naam(x)} geweigerd.`)} />
                      </>
                    )}
                    {o.status === 'aanvaard' && o.dossierId && <p className="utrecht-paragraph"><Link href={`/dossier/${o.dossierId}`}>Dossier van {naam(o)} openen</Link></p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="o-uitgaand">
            <h2 className="utrecht-heading-2" id="o-uitgaand">Uitgaand ({uitgaand.length})</h2>
            {uitgaand.length === 0 ? <p className="utrecht-paragraph">U heeft geen dossiers over te dragen.</p> : (
              <div className="utrecht-table-container" role="region" aria-labelledby="o-uitgaand-tabel" tabIndex={0}>
                <table className="utrecht-table">
                  <caption className="utrecht-table__caption" id="o-uitgaand-tabel">Uitgaande overdrachten</caption>
                  <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                    {['Naam', 'Oorzaak', 'Naar', 'Voorgesteld', 'Status'].map((k) => <th key={k} scope="col" className="utrecht-table__header-cell">{k}</th>)}
                  </tr></thead>
                  <tbody className="utrecht-table__body">
                    {uitgaand.map((o) => (
                      <tr key={o.overdrachtId} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell">
                          {o.status === 'aanvaard' || o.status === 'vervallen' || !o.dossierId ? naam(o) : <Link href={`/dossier/${o.dossierId}`}>{naam(o)}</Link>}
                        </th>
                        <td className="utrecht-table__cell">{OORZAAKNAAM[o.oorzaak]}</td>
                        <td className="utrecht-table__cell">{o.naar}</td>
                        <td className="utrecht-table__cell">{o.voorgesteldOp}</td>
                        <td className="utrecht-table__cell">
                          {STATUSNAAM[o.status]}
                          {o.status === 'geweigerd' && o.weigerreden ? `: ${o.weigerreden}` : ''}
                          {o.status === 'aanvaard' ? ` door ${o.beslotenDoor ?? ''} op ${datum(o.beslotenOp)}` : ''}
                          {o.status === 'voorgesteld' ? ' — kies in het dossier wat u doorgeeft' : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </Pagina>
  );
}
