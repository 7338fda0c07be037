import { lazy, Suspense, type ComponentType } from 'react';
import type { Webpad } from '../../src/server/webpaden';
import { useNaarAnker } from './anker';
import { Laden } from './componenten/Melding';
import { Landelijk } from './paginas/Landelijk';
import { Link, match, RouterProvider, useRouter } from './router';
import { ROLNAAM, scopeNaam, SessieProvider, useSessie } from './sessie';

/**
 * The frame of every page: skip link, header with the main menu, the page in <main>, and
 * the footer. The landing page is in the first bundle; the other pages load when visited.
 */
const Kaart = lazy(() => import('./paginas/Kaart').then((m) => ({ default: m.Kaart })));
const Regio = lazy(() => import('./paginas/Regio').then((m) => ({ default: m.Regio })));
const Gemeente = lazy(() => import('./paginas/Gemeente').then((m) => ({ default: m.Gemeente })));
const Instellingen = lazy(() => import('./paginas/Instellingen').then((m) => ({ default: m.Instellingen })));
const Instelling = lazy(() => import('./paginas/Instelling').then((m) => ({ default: m.Instelling })));
const Vergelijken = lazy(() => import('./paginas/Vergelijken').then((m) => ({ default: m.Vergelijken })));
const Personen = lazy(() => import('./paginas/Personen').then((m) => ({ default: m.Personen })));
const VerzuimMelden = lazy(() => import('./paginas/VerzuimMelden').then((m) => ({ default: m.VerzuimMelden })));
const VerzuimMeldingen = lazy(() => import('./paginas/VerzuimMeldingen').then((m) => ({ default: m.VerzuimMeldingen })));
const VerzuimCijfers = lazy(() => import('./paginas/VerzuimCijfers').then((m) => ({ default: m.VerzuimCijfers })));
const DossierPagina = lazy(() => import('./paginas/Dossier').then((m) => ({ default: m.DossierPagina })));
const WerklijstPagina = lazy(() => import('./paginas/Werklijst').then((m) => ({ default: m.WerklijstPagina })));
const OverdrachtenPagina = lazy(() => import('./paginas/Overdrachten').then((m) => ({ default: m.OverdrachtenPagina })));
const EffectrapportagePagina = lazy(() => import('./paginas/Effectrapportage').then((m) => ({ default: m.EffectrapportagePagina })));
const Maandlijsten = lazy(() => import('./paginas/Maandlijsten').then((m) => ({ default: m.Maandlijsten })));
const Audit = lazy(() => import('./paginas/Audit').then((m) => ({ default: m.Audit })));
const Inloggen = lazy(() => import('./paginas/Inloggen').then((m) => ({ default: m.Inloggen })));
const Beheer = lazy(() => import('./paginas/Beheer').then((m) => ({ default: m.Beheer })));
const OverDezeCijfers = lazy(() => import('./paginas/OverDezeCijfers').then((m) => ({ default: m.OverDezeCijfers })));
const NietGevonden = lazy(() => import('./paginas/NietGevonden').then((m) => ({ default: m.NietGevonden })));

// Every pattern must be in WEBPADEN (src/server/webpaden.ts), or the server answers it with 404.
const ROUTES: [Webpad, ComponentType<{ p: Record<string, string> }>][] = [
  ['/', Landelijk],
  ['/kaart', Kaart],
  ['/regio/:code', Regio],
  ['/gemeente/:code', Gemeente],
  ['/instellingen', Instellingen],
  ['/instelling/:brin', Instelling],
  ['/vergelijken', Vergelijken],
  ['/personen', Personen],
  ['/maandlijsten', Maandlijsten],
  ['/dossier/:id', DossierPagina],
  ['/werklijst', WerklijstPagina],
  ['/overdrachten', OverdrachtenPagina],
  ['/effectrapportage', EffectrapportagePagina],
  ['/audit', Audit],
  ['/verzuim/melden', VerzuimMelden],
  ['/verzuim/mijn-meldingen', () => <VerzuimMeldingen alsSchool />],
  ['/verzuim/meldingen', () => <VerzuimMeldingen alsSchool={false} />],
  ['/verzuim/cijfers', VerzuimCijfers],
  ['/inloggen', Inloggen],
  ['/beheer', Beheer],
  ['/over-deze-cijfers', OverDezeCijfers],
];

const MENU = [
  { href: '/', tekst: 'Landelijk' },
  { href: '/kaart', tekst: "Kaart en regio's" },
  { href: '/instellingen', tekst: 'Instellingen' },
  { href: '/vergelijken', tekst: 'Vergelijken' },
];

/** Menu items of a logged-in role: only the roles with person data get the person, case-work and absence pages. */
const MAANDLIJSTEN = { href: '/maandlijsten', tekst: 'Maandlijsten' };
const PERSONEN = { href: '/personen', tekst: 'Personen' };
const WERKLIJST = { href: '/werklijst', tekst: 'Werklijst' };
const OVERDRACHTEN = { href: '/overdrachten', tekst: 'Overdrachten' };
const VERZUIMMELDINGEN = { href: '/verzuim/meldingen', tekst: 'Verzuimmeldingen' };
const VERZUIMCIJFERS = { href: '/verzuim/cijfers', tekst: 'Verzuimcijfers' };
const ROLMENU: Readonly<Record<string, readonly { href: string; tekst: string }[]>> = {
  rmc: [MAANDLIJSTEN, WERKLIJST, OVERDRACHTEN, { href: '/effectrapportage', tekst: 'Effectrapportage' }, VERZUIMMELDINGEN, VERZUIMCIJFERS, PERSONEN],
  leerplicht: [MAANDLIJSTEN, WERKLIJST, OVERDRACHTEN, VERZUIMMELDINGEN, VERZUIMCIJFERS, PERSONEN],
  school: [MAANDLIJSTEN, { href: '/verzuim/melden', tekst: 'Verzuim melden' }, { href: '/verzuim/mijn-meldingen', tekst: 'Mijn meldingen' }, VERZUIMCIJFERS, PERSONEN],
  beheer: [{ href: '/beheer', tekst: 'Beheer' }],
  privacy: [{ href: '/audit', tekst: 'Privacy' }],
};

/** Who is logged in (name, role, scope) with a logout button; or a link to log in. */
function Gebruikerskop() {
  const { sessie, logUit } = useSessie();
  const { navigeer } = useRouter();
  if (!sessie) return null;
  if (!sessie.ingelogd || !sessie.gebruiker) {
    return <div className="bb-gebruiker"><Link href="/inloggen">Inloggen</Link></div>;
  }
  const g = sessie.gebruiker;
  const uitloggen = async () => {
    await logUit();
    navigeer('/inloggen', { vervang: true });
  };
  return (
    <div className="bb-gebruiker" data-testid="gebruiker">
      <p className="utrecht-paragraph bb-gebruiker__wie">
        <span className="visueel-verborgen">Ingelogd als </span><strong>{g.weergavenaam}</strong>
        <span> · rol {ROLNAAM[g.rol] ?? g.rol} · {scopeNaam(g.scope)}</span>
      </p>
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void uitloggen()}>Uitloggen</button>
    </div>
  );
}

function Hoofdmenu() {
  const { sessie } = useSessie();
  const rol = sessie?.ingelogd ? sessie.gebruiker?.rol : undefined;
  const items = rol && ROLMENU[rol] ? [...MENU, ...ROLMENU[rol]] : MENU;
  return (
    <nav className="bb-menu" aria-label="Hoofdmenu">
      <ul className="utrecht-nav-list">
        {items.map((m) => (
          <li key={m.href} className="utrecht-nav-list__item"><Link href={m.href} menu className="utrecht-nav-list__link">{m.tekst}</Link></li>
        ))}
      </ul>
    </nav>
  );
}

function Inhoud() {
  const { pad } = useRouter();
  useNaarAnker();
  for (const [patroon, Pagina] of ROUTES) {
    const p = match(patroon, pad);
    if (p) return <Pagina key={`${patroon}:${JSON.stringify(p)}`} p={p} />;
  }
  return <NietGevonden />;
}

export function App() {
  return (
    <RouterProvider>
      <SessieProvider>
        <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">Naar de inhoud</a>
        <header className="utrecht-page-header">
          <div className="utrecht-page-header__content bb-kop__inhoud">
            <Link href="/" className="bb-logo">Binnenboord <span className="visueel-verborgen">– </span><small>vsv-cijfers</small></Link>
            <Hoofdmenu />
            <Gebruikerskop />
          </div>
        </header>
        <main id="inhoud" className="utrecht-page-body" tabIndex={-1}>
          <div className="utrecht-page-body__content">
            <Suspense fallback={<Laden wat="de pagina" />}>
              <Inhoud />
            </Suspense>
          </div>
        </main>
        <footer className="utrecht-page-footer bb-voet">
          <div className="utrecht-page-footer__content">
            <p className="utrecht-paragraph">
              Binnenboord toont de uitkomsten van de vsv-telling. Op deze openbare pagina's geldt de afscherming van DUO:
              aantallen van 1 tot en met 4 staan als &lt;5, en een percentage dat op minder dan 5 vsv'ers rust, wordt niet getoond.
              {' '}<Link href="/over-deze-cijfers">Over deze cijfers</Link>: definitie, methode, afscherming, bronnen en hoe u ze aanhaalt.
            </p>
            <p className="utrecht-paragraph">
              Alle cijfers zijn ook te krijgen via de <a className="utrecht-link utrecht-link--html-a" href="/api/v1/openapi.json">API (OpenAPI-beschrijving)</a>.
              Kaartgrenzen: CBS / PDOK, vereenvoudigd door cartomap/nl.
            </p>
          </div>
        </footer>
      </SessieProvider>
    </RouterProvider>
  );
}
