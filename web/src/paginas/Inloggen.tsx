import { useState, type FormEvent } from 'react';
import { ApiFout } from '../api';
import { Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { Link, useRouter } from '../router';
import { useSessie } from '../sessie';

/** What went wrong in a login through the organisation (the server sends the browser back with ?fout=…). */
const OIDC_FOUTEN: Readonly<Record<string, string>> = {
  'oidc-onbereikbaar': 'Inloggen via uw organisatie is nu niet mogelijk: de inlogdienst is niet bereikbaar. Probeer het later opnieuw.',
  'oidc-geweigerd': 'Inloggen via uw organisatie is afgebroken of geweigerd.',
  'oidc-verlopen': 'Het inloggen via uw organisatie duurde te lang of is in een ander venster begonnen. Probeer het opnieuw.',
  'oidc-mislukt': 'Inloggen via uw organisatie is mislukt. Probeer het opnieuw.',
  'oidc-rol': 'Uw organisatie gaf geen geldige rol en scope voor Binnenboord mee. Neem contact op met uw beheerder.',
  'oidc-geen-account': 'Er is geen (actief) Binnenboord-account voor u. Neem contact op met uw beheerder.',
};

/** Logging in with a user name and password (or through the organisation's OpenID provider, when set up). */
export function Inloggen() {
  const { sessie, logIn } = useSessie();
  const { navigeer, zoek } = useRouter();
  const [naam, zetNaam] = useState('');
  const [wachtwoord, zetWachtwoord] = useState('');
  const [fout, zetFout] = useState<string | null>(() => OIDC_FOUTEN[zoek.get('fout') ?? ''] ?? null);
  const [bezig, zetBezig] = useState(false);

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    zetBezig(true);
    zetFout(null);
    try {
      const s = await logIn(naam, wachtwoord);
      navigeer(s.startpagina ?? '/', { vervang: true });
    } catch (f) {
      zetFout(f instanceof ApiFout ? f.message : 'Inloggen lukte niet. Controleer de verbinding en probeer het opnieuw.');
      zetWachtwoord('');
    } finally {
      zetBezig(false);
    }
  };

  if (sessie?.ingelogd && sessie.gebruiker) {
    return (
      <Pagina titel="Inloggen">
        <p className="utrecht-paragraph">U bent al ingelogd als {sessie.gebruiker.weergavenaam}. Ga naar uw <Link href={sessie.startpagina ?? '/'}>startpagina</Link>.</p>
      </Pagina>
    );
  }
  return (
    <Pagina titel="Inloggen">
      <p className="utrecht-paragraph">Log in om gegevens te zien die bij uw rol horen. De openbare cijfers zijn zonder inloggen te zien.</p>
      {fout && <Melding soort="error" data-testid="inlogfout"><p className="utrecht-paragraph">{fout}</p></Melding>}
      <form method="post" action="/api/v1/sessie/_inloggen" onSubmit={verstuur} className="bb-formulier" aria-label="Inloggen">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="inlog-naam">Gebruikersnaam</label></div>
          <div className="utrecht-form-field__input">
            <input id="inlog-naam" name="gebruikersnaam" className="utrecht-textbox utrecht-textbox--html-input" value={naam} onChange={(e) => zetNaam(e.target.value)}
              autoComplete="username" autoCapitalize="none" spellCheck={false} required />
          </div>
        </div>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="inlog-wachtwoord">Wachtwoord</label></div>
          <div className="utrecht-form-field__input">
            <input id="inlog-wachtwoord" name="wachtwoord" type="password" className="utrecht-textbox utrecht-textbox--html-input" value={wachtwoord}
              onChange={(e) => zetWachtwoord(e.target.value)} autoComplete="current-password" required />
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={bezig}>Inloggen</button>
      </form>
      {sessie?.inlogmethoden.includes('oidc') && (
        <p className="utrecht-paragraph"><a className="utrecht-link utrecht-link--html-a" href="/api/v1/sessie/oidc/start">Inloggen via uw organisatie</a></p>
      )}
    </Pagina>
  );
}
