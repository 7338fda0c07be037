import { Pagina } from '../componenten/Pagina';
import { Link } from '../router';

export function NietGevonden() {
  return (
    <Pagina titel="Pagina niet gevonden">
      <p className="utrecht-paragraph">Deze pagina bestaat niet. Ga naar de <Link href="/">landelijke cijfers</Link> of kies een onderdeel in het menu.</p>
    </Pagina>
  );
}
