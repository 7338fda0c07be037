import { Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { Link } from '../router';
import { scopeNaam, useSessie } from '../sessie';

/**
 * Start pages of the roles whose own pages are built by the policy side of issue 8: the person
 * data of rmc, leerplicht and school (/personen) and the privacy officer's audit trail
 * (/privacy). Those pages replace these routes on merge.
 */
export function Rolstart({ titel }: { titel: string }) {
  const { sessie } = useSessie();
  if (!sessie) return null;
  if (!sessie.ingelogd || !sessie.gebruiker) {
    return (
      <Pagina titel={titel}>
        <Melding soort="warning"><p className="utrecht-paragraph">Deze pagina is alleen voor ingelogde gebruikers. <Link href="/inloggen">Log in</Link>.</p></Melding>
      </Pagina>
    );
  }
  return (
    <Pagina titel={titel}>
      <p className="utrecht-paragraph">Welkom, {sessie.gebruiker.weergavenaam}. U werkt als {sessie.gebruiker.rol} voor {scopeNaam(sessie.gebruiker.scope)}.</p>
    </Pagina>
  );
}
