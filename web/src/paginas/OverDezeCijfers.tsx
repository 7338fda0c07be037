import { useApi, type Schooljaren } from '../api';
import { definitietekst } from '../componenten/Bron';
import { Pagina } from '../componenten/Pagina';
import { Link } from '../router';

/**
 * "Over deze cijfers": what a vsv'er is, how the count is made, the method changes that break
 * the series, the openbaarmaking rules, where the data comes from and how to cite a figure. In
 * plain Dutch; the definition version and method changes come from the API, so this page
 * never disagrees with the figures.
 */
export function OverDezeCijfers() {
  const jaren = useApi<Schooljaren>('/api/v1/schooljaren');
  const lijst = jaren.status === 'klaar' ? jaren.data.schooljaren : [];
  const definities = [...new Set(lijst.map((j) => definitietekst(j.telling.definitieversie)))];
  const breuken = lijst.filter((j) => j.methodewijziging);
  const voorbeeldjaar = lijst.at(-1)?.schooljaar ?? '2023-2024';
  const vandaag = new Date().toLocaleDateString('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
  return (
    <Pagina titel="Over deze cijfers">
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        Wat de vsv-cijfers van Binnenboord betekenen, hoe ze worden berekend, wat u niet ziet en waarom, en hoe u ze aanhaalt.
      </p>

      <section aria-labelledby="kop-definitie">
        <h2 id="kop-definitie" className="utrecht-heading-2">Wie is een nieuwe voortijdig schoolverlater?</h2>
        <p className="utrecht-paragraph">
          Een nieuwe voortijdig schoolverlater (vsv'er) in schooljaar {voorbeeldjaar} is een jongere die op 1 oktober aan het begin van
          {' '}dat schooljaar stond ingeschreven in het voortgezet onderwijs, het mbo of het vavo, toen jonger was dan 22 jaar, een jaar
          {' '}later (op 1 oktober) geen onderwijs meer volgde en geen startkwalificatie had: een havo-, vwo- of mbo-diploma op niveau 2 of hoger.
        </p>
        <p className="utrecht-paragraph">
          Wie in dat jaar overleed, emigreerde, vrijstelling had van de kwalificatieplicht of werkt met een mbo-1-diploma (ten minste 12 uur
          {' '}per week), telt niet als vsv'er. Het <strong>vsv-percentage</strong> is het aantal vsv'ers gedeeld door de startpopulatie: alle
          {' '}leerlingen en studenten die op 1 oktober meetelden.
        </p>
        <p className="utrecht-paragraph">
          Regio en gemeente zijn die van de woonplaats op 1 oktober. Bij de cijfers per instelling telt een leerling mee bij elke instelling
          {' '}waar hij toen stond ingeschreven; landelijk en per regio telt hij één keer.
        </p>
        {definities.length > 0 && <p className="utrecht-paragraph">De cijfers volgen {definities.join('; ')} van het ministerie van OCW.</p>}
      </section>

      <section aria-labelledby="kop-status">
        <h2 id="kop-status" className="utrecht-heading-2">Voorlopig en definitief</h2>
        <p className="utrecht-paragraph">
          Een <strong>voorlopig</strong> cijfer wordt berekend voordat bekend is wie tot en met 31 december nog een startkwalificatie
          {' '}haalde; het kan daarom iets hoger zijn dan het <strong>definitieve</strong> cijfer, dat later volgt. Elke pagina zegt bij elk
          {' '}cijfer of het voorlopig of definitief is.
        </p>
      </section>

      <section aria-labelledby="kop-methode">
        <h2 id="kop-methode" className="utrecht-heading-2">Methodewijzigingen</h2>
        <p className="utrecht-paragraph">
          Soms verandert de manier van meten. Cijfers van voor en na zo'n wijziging zijn niet direct te vergelijken; in de grafieken staat
          {' '}dan een gestippelde verticale lijn.
        </p>
        {breuken.length > 0
          ? <ul>{breuken.map((j) => <li key={j.schooljaar}><strong>{j.schooljaar}</strong>: {j.methodewijziging!.omschrijving}</li>)}</ul>
          : <p className="utrecht-paragraph">In de schooljaren met cijfers is de methode niet gewijzigd.</p>}
      </section>

      <section aria-labelledby="kop-afscherming">
        <h2 id="kop-afscherming" className="utrecht-heading-2">Wat u niet ziet, en waarom</h2>
        <p className="utrecht-paragraph">Niemand mag uit de cijfers kunnen afleiden om welke jongere het gaat. Daarom gelden voor iedereen de regels van DUO:</p>
        <ul>
          <li><strong>&lt;5</strong>: een aantal van 1 tot en met 4 wordt niet getoond.</li>
          <li><strong>x</strong>: een aantal wordt ook niet getoond als een ander afgeschermd aantal er anders uit de totalen te herleiden is.</li>
          <li><strong>–</strong> bij een percentage: een percentage dat op minder dan 5 vsv'ers rust (ook 0), of waarvan een aantal is afgeschermd,
            {' '}wordt niet getoond; bij een aantal betekent – dat de groep in die telling niet voorkomt.</li>
          <li><strong>n.u.</strong> (niet uitgesplitst): deze uitsplitsing wordt voor dit gebied niet gepubliceerd, wat de aantallen ook zijn,
            {' '}omdat er te weinig leerlingen zijn om haar af te schermen zonder dat iets terug te rekenen is.</li>
        </ul>
        <p className="utrecht-paragraph">
          Voor een <strong>gemeente</strong> publiceren we alleen de totalen (startpopulatie, vsv'ers, percentage). De uitsplitsingen naar sector,
          {' '}categorie, leerweg, leeftijd en geslacht staan bij de RMC-regio en landelijk. Zou elke gemeente ze ook hebben, dan kon men een
          {' '}afgeschermd aantal terugrekenen door de gemeenten van een regio van de regio af te trekken.
        </p>
        <p className="utrecht-paragraph">Downloads (Excel en CSV) en de API tonen precies hetzelfde; een download legt de tekens nog eens uit.</p>
      </section>

      <section aria-labelledby="kop-driejaar">
        <h2 id="kop-driejaar" className="utrecht-heading-2">Driejaarscijfers voor kleine gemeenten</h2>
        <p className="utrecht-paragraph">
          Bij een gemeente staan ook <strong>driejaarscijfers</strong>: de startpopulaties en de vsv&apos;ers van drie opeenvolgende schooljaren
          {' '}opgeteld, en het percentage van die sommen (geen gemiddelde van drie percentages). Alleen definitieve tellingen tellen mee. Waar
          {' '}de losse jaren van een kleine gemeente <strong>&lt;5</strong> of <strong>x</strong> zijn, is de som vaak wel te tonen.
        </p>
        <p className="utrecht-paragraph">
          Ook een som krijgt dezelfde afscherming: een som van 1 tot en met 4 is <strong>&lt;5</strong>, en een som die samen met de
          {' '}jaarcijfers van de gemeente, haar regio of het land een afgeschermd jaarcijfer zou teruggeven of versmallen, wordt
          {' '}<strong>x</strong> of <strong>n.u.</strong> Voor elk venster van drie jaren wordt dat na de telling met dezelfde rekensommen
          {' '}nagegaan als die van een aanvaller; pas daarna verschijnt het driejaarscijfer.
        </p>
      </section>

      <section aria-labelledby="kop-bronnen">
        <h2 id="kop-bronnen" className="utrecht-heading-2">Bronnen</h2>
        <p className="utrecht-paragraph">
          De cijfers worden berekend uit de registraties van inschrijvingen, diploma's, vrijstellingen, werk en verhuizingen die per schooljaar
          {' '}worden geleverd; bij elk cijfer staat wanneer het is berekend en op welke dag de registraties zijn ontvangen. De indeling in
          {' '}RMC-regio's en gemeenten is die van het schooljaar zelf; de kaartgrenzen komen van CBS / PDOK. Alle cijfers zijn ook
          {' '}te krijgen via de <a className="utrecht-link utrecht-link--html-a" href="/api/v1/openapi.json">API (OpenAPI-beschrijving)</a>.
        </p>
      </section>

      <section aria-labelledby="kop-citeren">
        <h2 id="kop-citeren" className="utrecht-heading-2">Zo haalt u de cijfers aan</h2>
        <p className="utrecht-paragraph">Noem het gebied, het schooljaar, of het cijfer voorlopig of definitief is, en de datum waarop u het raadpleegde. Bijvoorbeeld:</p>
        <blockquote className="bb-citaat">
          Binnenboord, vsv-cijfers, RMC-regio Utrecht, schooljaar {voorbeeldjaar} (voorlopig). Geraadpleegd op {vandaag}, {window.location.origin}/regio/19.
        </blockquote>
        <p className="utrecht-paragraph">Terug naar de <Link href="/">landelijke cijfers</Link>.</p>
      </section>
    </Pagina>
  );
}
