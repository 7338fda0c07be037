import { AllesDownloaden } from '../componenten/AllesDownloaden';
import { apiUrl, useApi, type Gemeente as GemeenteData } from '../api';
import { Bron } from '../componenten/Bron';
import { Jaarkeuze } from '../componenten/Jaarkeuze';
import { Kruimelpad } from '../componenten/Kruimelpad';
import { Toon } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { Procent } from '../componenten/Waarde';
import { Link, useRouter } from '../router';
import { Driejaarscijfers, Gebiedskerncijfers, Gebiedsnormen, Gebiedstrend, Gebiedsvestigingen, gebiedsonderdelen, Inhoudsopgave, vergelijkingszin } from './gebied';

/** One municipality (of residence on 1 October): key figures beside its region and the country, trend, schools above the norm, schools; its breakdowns are not published (docs/openbaarmaking.md). */
export function Gemeente({ p }: { p: Record<string, string> }) {
  const { zoek } = useRouter();
  const url = apiUrl(`/gemeenten/${encodeURIComponent(p.code!)}`, { schooljaar: zoek.get('schooljaar'), status: zoek.get('status') });
  const gemeente = useApi<GemeenteData>(url);
  const naam = gemeente.status === 'klaar' ? gemeente.data.naam : p.code!;
  return (
    <Pagina titel={`Gemeente ${naam}`}>
      <Kruimelpad stappen={[{ href: '/', tekst: 'Landelijk' }, { href: '/kaart?niveau=gemeenten', tekst: 'Kaart en gemeenten' },
        ...(gemeente.status === 'klaar' && gemeente.data.regio ? [{ href: `/regio/${gemeente.data.regio.rmcCode}`, tekst: `RMC-regio ${gemeente.data.regio.naam}` }] : [])]} />
      <Jaarkeuze />
      <Toon toestand={gemeente} klaar={(g) => (
        <>
          <Bron telling={g.telling} />
          <AllesDownloaden url={url} wat={`gemeente ${g.naam}`} />
          <p className="utrecht-paragraph">
            Gemeentecode {g.gemeenteCode}. {vergelijkingszin(g.totaal, g.landelijk.totaal, g.naam)}
            {' '}<Link href={`/vergelijken?gemeenten=${g.gemeenteCode}#kop-gemeenten-kiezen`}>Vergelijk {g.naam} met vergelijkbare gemeenten</Link>.
            {g.regio && <> De gemeente hoort bij <Link href={`/regio/${g.regio.rmcCode}`}>RMC-regio {g.regio.naam}</Link> (vsv-percentage <Procent p={g.regio.totaal.percentage} />).</>}
          </p>
          <Inhoudsopgave onderdelen={gebiedsonderdelen(g.naam, false)} />
          <Gebiedskerncijfers g={g} naam={g.naam} />
          <Gebiedstrend g={g} naam={g.naam} code={g.gemeenteCode} url={url} />
          <Driejaarscijfers g={g} naam={g.naam} url={url} />
          <Gebiedsnormen g={g} naam={g.naam} url={url} />
          <section aria-labelledby="kop-uitsplitsing">
            <h2 id="kop-uitsplitsing" className="utrecht-heading-2">Uitsplitsingen</h2>
            <p className="utrecht-paragraph">
              Voor een gemeente publiceren we alleen de totalen, zodat geen afgeschermd aantal uit de cijfers van de gemeenten en hun regio
              {' '}is terug te rekenen (<Link href="/over-deze-cijfers#kop-afscherming">waarom</Link>).
              {g.regio
                ? <> De uitsplitsingen naar sector, categorie, leerweg, leeftijd en geslacht staan bij <Link href={`/regio/${g.regio.rmcCode}#kop-uitsplitsing`}>RMC-regio {g.regio.naam}</Link>.</>
                : <> De uitsplitsingen naar sector, categorie, leerweg, leeftijd en geslacht staan bij de RMC-regio's en <Link href="/#kop-kerncijfers">landelijk</Link>.</>}
            </p>
          </section>
          <Gebiedsvestigingen g={g} naam={g.naam} url={url} />
        </>
      )} />
    </Pagina>
  );
}
