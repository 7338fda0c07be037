import type { Static } from '@sinclair/typebox';
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AccountSchema, MachineclientSchema } from '../../../src/server/auth/schemas';
import { ApiFout } from '../api';
import { Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { Link } from '../router';
import { scopeNaam, useSessie } from '../sessie';

/**
 * The beheer page (role beheer only): accounts of people and machine clients — list, create,
 * change role and scope, block and unblock, set a new password, a new API key. Every change
 * goes through the API with the session's CSRF token; the API decides who may.
 */
type Account = Static<typeof AccountSchema>;
type Machineclient = Static<typeof MachineclientSchema>;

const ROLLEN = ['rmc', 'leerplicht', 'school', 'analist', 'beheer', 'privacy'] as const;
const SCOPE_UITLEG = 'RMC-regiocode (bijv. 19) bij rmc, gemeentecode (bijv. GM0344) bij leerplicht, BRIN (bijv. 20BB) bij school; leeg bij analist, beheer en privacy.';

function Veld({ id, label, uitleg, children }: { id: string; label: string; uitleg?: string; children: ReactNode }) {
  return (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{label}</label></div>
      {uitleg && <div className="utrecht-form-field__description" id={`${id}-uitleg`}>{uitleg}</div>}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function Rolkeuze({ id, waarde, zet }: { id: string; waarde: string; zet: (w: string) => void }) {
  return (
    <select id={id} className="utrecht-select utrecht-select--html-select" value={waarde} onChange={(e) => zet(e.target.value)}>
      {ROLLEN.map((r) => <option key={r} value={r}>{r}</option>)}
    </select>
  );
}

const tekstvak = 'utrecht-textbox utrecht-textbox--html-input';
const knop = 'utrecht-button utrecht-button--secondary-action';

export function Beheer() {
  const { sessie, verstuur } = useSessie();
  const [accounts, zetAccounts] = useState<Account[] | null>(null);
  const [clients, zetClients] = useState<Machineclient[] | null>(null);
  const [melding, zetMelding] = useState<{ soort: 'info' | 'error'; tekst: string } | null>(null);
  const [sleutel, zetSleutel] = useState<{ naam: string; sleutel: string } | null>(null);
  const magBeheren = sessie?.ingelogd && sessie.gebruiker?.rol === 'beheer';

  const laad = useCallback(async () => {
    const haal = async <T,>(url: string): Promise<T> => {
      const r = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
      if (!r.ok) throw new ApiFout(r.status, `De lijst kon niet worden geladen (status ${r.status}).`);
      return (await r.json()) as T;
    };
    try {
      zetAccounts((await haal<{ accounts: Account[] }>('/api/v1/accounts')).accounts);
      zetClients((await haal<{ machineclients: Machineclient[] }>('/api/v1/machineclients')).machineclients);
    } catch (e) {
      zetMelding({ soort: 'error', tekst: (e as Error).message });
    }
  }, []);
  useEffect(() => {
    if (magBeheren) void laad();
  }, [magBeheren, laad]);

  /** Runs a change, says what happened (or what went wrong) and reloads the lists. */
  const doe = async (werk: () => Promise<unknown>, gelukt: string): Promise<boolean> => {
    zetMelding(null);
    try {
      await werk();
      zetMelding({ soort: 'info', tekst: gelukt });
      await laad();
      return true;
    } catch (e) {
      zetMelding({ soort: 'error', tekst: e instanceof ApiFout ? e.message : 'De wijziging is niet gelukt.' });
      return false;
    }
  };

  if (!sessie) return null;
  if (!magBeheren) {
    return (
      <Pagina titel="Beheer">
        <Melding soort="warning"><p className="utrecht-paragraph">Deze pagina is alleen voor de rol beheer. {sessie.ingelogd ? '' : <Link href="/inloggen">Log in</Link>}</p></Melding>
      </Pagina>
    );
  }
  return (
    <Pagina titel="Beheer">
      <p className="utrecht-paragraph">Accounts van personen en machineclients. Blokkeren, een andere rol of scope en een nieuw wachtwoord beëindigen de open sessies van dat account meteen.</p>
      <div aria-live="polite">{melding && <Melding soort={melding.soort} rol={melding.soort === 'error' ? 'alert' : 'status'} data-testid="beheermelding"><p className="utrecht-paragraph">{melding.tekst}</p></Melding>}</div>

      <h2 className="utrecht-heading-2">Accounts</h2>
      {accounts && <Accounttabel accounts={accounts} doe={doe} verstuur={verstuur} />}
      <NieuwAccount doe={doe} verstuur={verstuur} />

      <h2 className="utrecht-heading-2">Machineclients</h2>
      <p className="utrecht-paragraph">Een machineclient (bijvoorbeeld de leerlingadministratie van een school) gebruikt de API met <code>Authorization: Bearer</code> en een API-sleutel. De sleutel wordt één keer getoond.</p>
      {sleutel && (
        <Melding soort="warning" rol="status" data-testid="nieuwe-sleutel">
          <p className="utrecht-paragraph">API-sleutel van {sleutel.naam} (nu kopiëren; hij wordt niet opnieuw getoond):</p>
          <p className="utrecht-paragraph"><code className="bb-sleutel">{sleutel.sleutel}</code></p>
        </Melding>
      )}
      {clients && <Clienttabel clients={clients} doe={doe} verstuur={verstuur} toonSleutel={zetSleutel} />}
      <NieuweClient doe={doe} verstuur={verstuur} toonSleutel={zetSleutel} />
    </Pagina>
  );
}

type Doe = (werk: () => Promise<unknown>, gelukt: string) => Promise<boolean>;
type Verstuur = ReturnType<typeof useSessie>['verstuur'];

function Accounttabel({ accounts, doe, verstuur }: { accounts: Account[]; doe: Doe; verstuur: Verstuur }) {
  const [gekozen, kies] = useState<Account | null>(null);
  return (
    <>
      <div className="utrecht-table-container bb-scrollvak" role="region" aria-label="Accounts" tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="visueel-verborgen">Alle accounts</caption>
          <thead className="utrecht-table__header"><tr className="utrecht-table__row">
            {['Gebruikersnaam', 'Naam', 'Rol', 'Scope', 'Status', 'Acties'].map((k) => <th key={k} className="utrecht-table__header-cell" scope="col">{k}</th>)}
          </tr></thead>
          <tbody className="utrecht-table__body">
            {accounts.map((a) => (
              <tr key={a.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">{a.gebruikersnaam}</td>
                <td className="utrecht-table__cell">{a.weergavenaam}</td>
                <td className="utrecht-table__cell">{a.rol}</td>
                <td className="utrecht-table__cell">{scopeNaam(a.scope)}</td>
                <td className="utrecht-table__cell">{a.geblokkeerd ? 'geblokkeerd' : 'actief'}{a.demo ? ' (demo)' : ''}</td>
                <td className="utrecht-table__cell">
                  <button type="button" className={knop} onClick={() => kies(a)} aria-label={`Wijzig ${a.gebruikersnaam}`}>Wijzig</button>{' '}
                  <button type="button" className={knop} aria-label={`${a.geblokkeerd ? 'Deblokkeer' : 'Blokkeer'} ${a.gebruikersnaam}`}
                    onClick={() => void doe(() => verstuur('PATCH', `/api/v1/accounts/${a.id}`, { geblokkeerd: !a.geblokkeerd }), `${a.gebruikersnaam} is ${a.geblokkeerd ? 'gedeblokkeerd' : 'geblokkeerd'}.`)}>
                    {a.geblokkeerd ? 'Deblokkeer' : 'Blokkeer'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {gekozen && <WijzigAccount key={gekozen.id} account={gekozen} doe={doe} verstuur={verstuur} sluit={() => kies(null)} />}
    </>
  );
}

function WijzigAccount({ account, doe, verstuur, sluit }: { account: Account; doe: Doe; verstuur: Verstuur; sluit: () => void }) {
  const [rol, zetRol] = useState<string>(account.rol);
  const [scope, zetScope] = useState(account.scope.code ?? '');
  const [wachtwoord, zetWachtwoord] = useState('');
  const wijzig = async (e: FormEvent) => {
    e.preventDefault();
    if (await doe(() => verstuur('PATCH', `/api/v1/accounts/${account.id}`, { rol, scopecode: scope || null }), `Rol en scope van ${account.gebruikersnaam} zijn gewijzigd.`)) sluit();
  };
  const reset = async (e: FormEvent) => {
    e.preventDefault();
    if (await doe(() => verstuur('POST', `/api/v1/accounts/${account.id}/_wachtwoord`, { wachtwoord }), `${account.gebruikersnaam} heeft een nieuw wachtwoord.`)) sluit();
  };
  return (
    <section aria-labelledby="wijzig-kop">
      <h3 className="utrecht-heading-3" id="wijzig-kop">{account.gebruikersnaam} wijzigen</h3>
      <form className="bb-formulier" onSubmit={wijzig} aria-label={`Rol en scope van ${account.gebruikersnaam}`}>
        <Veld id="wijzig-rol" label="Rol"><Rolkeuze id="wijzig-rol" waarde={rol} zet={zetRol} /></Veld>
        <Veld id="wijzig-scope" label="Scopecode" uitleg={SCOPE_UITLEG}>
          <input id="wijzig-scope" className={tekstvak} value={scope} onChange={(e) => zetScope(e.target.value)} aria-describedby="wijzig-scope-uitleg" autoComplete="off" />
        </Veld>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">Rol en scope opslaan</button>
      </form>
      <form className="bb-formulier" onSubmit={reset} aria-label={`Nieuw wachtwoord voor ${account.gebruikersnaam}`}>
        <Veld id="wijzig-wachtwoord" label="Nieuw wachtwoord" uitleg="Minstens 12 tekens. Geef het de gebruiker op een veilige manier door.">
          <input id="wijzig-wachtwoord" type="password" className={tekstvak} value={wachtwoord} onChange={(e) => zetWachtwoord(e.target.value)} aria-describedby="wijzig-wachtwoord-uitleg" autoComplete="new-password" />
        </Veld>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">Wachtwoord zetten</button>{' '}
        <button type="button" className={knop} onClick={sluit}>Annuleren</button>
      </form>
    </section>
  );
}

function NieuwAccount({ doe, verstuur }: { doe: Doe; verstuur: Verstuur }) {
  const [v, zet] = useState({ gebruikersnaam: '', weergavenaam: '', rol: 'analist', scope: '', wachtwoord: '' });
  const veld = (k: keyof typeof v) => (e: { target: { value: string } }) => zet({ ...v, [k]: e.target.value });
  const maak = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await doe(() => verstuur('POST', '/api/v1/accounts', {
      gebruikersnaam: v.gebruikersnaam, weergavenaam: v.weergavenaam, rol: v.rol, scopecode: v.scope || null, wachtwoord: v.wachtwoord,
    }), `Account ${v.gebruikersnaam} is gemaakt.`);
    if (ok) zet({ gebruikersnaam: '', weergavenaam: '', rol: 'analist', scope: '', wachtwoord: '' });
  };
  return (
    <>
    <h3 className="utrecht-heading-3" id="nieuw-account-kop">Nieuw account</h3>
    <form className="bb-formulier" onSubmit={maak} aria-labelledby="nieuw-account-kop">
      <Veld id="nieuw-naam" label="Gebruikersnaam"><input id="nieuw-naam" className={tekstvak} value={v.gebruikersnaam} onChange={veld('gebruikersnaam')} autoComplete="off" required /></Veld>
      <Veld id="nieuw-weergavenaam" label="Naam"><input id="nieuw-weergavenaam" className={tekstvak} value={v.weergavenaam} onChange={veld('weergavenaam')} autoComplete="off" required /></Veld>
      <Veld id="nieuw-rol" label="Rol"><Rolkeuze id="nieuw-rol" waarde={v.rol} zet={(w) => zet({ ...v, rol: w })} /></Veld>
      <Veld id="nieuw-scope" label="Scopecode" uitleg={SCOPE_UITLEG}>
        <input id="nieuw-scope" className={tekstvak} value={v.scope} onChange={veld('scope')} aria-describedby="nieuw-scope-uitleg" autoComplete="off" />
      </Veld>
      <Veld id="nieuw-wachtwoord" label="Wachtwoord" uitleg="Minstens 12 tekens.">
        <input id="nieuw-wachtwoord" type="password" className={tekstvak} value={v.wachtwoord} onChange={veld('wachtwoord')} aria-describedby="nieuw-wachtwoord-uitleg" autoComplete="new-password" required />
      </Veld>
      <button type="submit" className="utrecht-button utrecht-button--primary-action">Account maken</button>
    </form>
    </>
  );
}

type ToonSleutel = (s: { naam: string; sleutel: string }) => void;

function Clienttabel({ clients, doe, verstuur, toonSleutel }: { clients: Machineclient[]; doe: Doe; verstuur: Verstuur; toonSleutel: ToonSleutel }) {
  if (clients.length === 0) return <p className="utrecht-paragraph">Er zijn nog geen machineclients.</p>;
  return (
    <div className="utrecht-table-container bb-scrollvak" role="region" aria-label="Machineclients" tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="visueel-verborgen">Alle machineclients</caption>
        <thead className="utrecht-table__header"><tr className="utrecht-table__row">
          {['Naam', 'Rol', 'Scope', 'Status', 'Laatst gebruikt', 'Acties'].map((k) => <th key={k} className="utrecht-table__header-cell" scope="col">{k}</th>)}
        </tr></thead>
        <tbody className="utrecht-table__body">
          {clients.map((c) => (
            <tr key={c.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">{c.naam}</td>
              <td className="utrecht-table__cell">{c.rol}</td>
              <td className="utrecht-table__cell">{scopeNaam(c.scope)}</td>
              <td className="utrecht-table__cell">{c.geblokkeerd ? 'geblokkeerd' : 'actief'}</td>
              <td className="utrecht-table__cell">{c.laatstGebruiktOp ? new Date(c.laatstGebruiktOp).toLocaleString('nl-NL') : 'nooit'}</td>
              <td className="utrecht-table__cell">
                <button type="button" className={knop} aria-label={`${c.geblokkeerd ? 'Deblokkeer' : 'Blokkeer'} ${c.naam}`}
                  onClick={() => void doe(() => verstuur('PATCH', `/api/v1/machineclients/${c.id}`, { geblokkeerd: !c.geblokkeerd }), `${c.naam} is ${c.geblokkeerd ? 'gedeblokkeerd' : 'geblokkeerd'}.`)}>
                  {c.geblokkeerd ? 'Deblokkeer' : 'Blokkeer'}
                </button>{' '}
                <button type="button" className={knop} aria-label={`Nieuwe sleutel voor ${c.naam}`}
                  onClick={() => void doe(async () => {
                    const r = await verstuur<{ sleutel: string }>('POST', `/api/v1/machineclients/${c.id}/_sleutel`);
                    toonSleutel({ naam: c.naam, sleutel: r.sleutel });
                  }, `${c.naam} heeft een nieuwe sleutel; de oude werkt niet meer.`)}>
                  Nieuwe sleutel
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NieuweClient({ doe, verstuur, toonSleutel }: { doe: Doe; verstuur: Verstuur; toonSleutel: ToonSleutel }) {
  const [v, zet] = useState({ naam: '', rol: 'school', scope: '' });
  const maak = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await doe(async () => {
      const r = await verstuur<{ sleutel: string }>('POST', '/api/v1/machineclients', { naam: v.naam, rol: v.rol, scopecode: v.scope || null });
      toonSleutel({ naam: v.naam, sleutel: r.sleutel });
    }, `Machineclient ${v.naam} is gemaakt.`);
    if (ok) zet({ naam: '', rol: 'school', scope: '' });
  };
  return (
    <>
    <h3 className="utrecht-heading-3" id="nieuwe-client-kop">Nieuwe machineclient</h3>
    <form className="bb-formulier" onSubmit={maak} aria-labelledby="nieuwe-client-kop">
      <Veld id="client-naam" label="Naam"><input id="client-naam" className={tekstvak} value={v.naam} onChange={(e) => zet({ ...v, naam: e.target.value })} autoComplete="off" required /></Veld>
      <Veld id="client-rol" label="Rol"><Rolkeuze id="client-rol" waarde={v.rol} zet={(w) => zet({ ...v, rol: w })} /></Veld>
      <Veld id="client-scope" label="Scopecode" uitleg={SCOPE_UITLEG}>
        <input id="client-scope" className={tekstvak} value={v.scope} onChange={(e) => zet({ ...v, scope: e.target.value })} aria-describedby="client-scope-uitleg" autoComplete="off" />
      </Veld>
      <button type="submit" className="utrecht-button utrecht-button--primary-action">Machineclient maken</button>
    </form>
    </>
  );
}
