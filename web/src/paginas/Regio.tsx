import { AllesDownloaden } from '../componenten/AllesDownloaden';
import { apiUrl, csvUrl, useApi, type Regio as RegioData } from '../api';
import { Bron } from '../componenten/Bron';
import { Jaarkeuze } from '../componenten/Jaarkeuze';
import { Kruimelpad } from '../componenten/Kruimelpad';
import { Toon } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { Verzuimsectie } from '../componenten/Verzuimsectie';
import { CIJFERKOLOMMEN, Tabel, cijfercellen, naamcel } from '../componenten/Tabel';
import { Link, useRouter } from '../router';
import { aandeelcel } from './gebied';
import { Gebiedskerncijfers, Gebiedsnormen, Gebiedstrend, Gebiedsuitsplitsingen, Gebiedsvestigingen, gebiedsonderdelen, Inhoudsopgave, vergelijkingszin } from './gebied';

/** One RMC region: key figures, trend, schools above the norm, breakdowns against the national figures, its municipalities and schools. */
export function Regio({ p }: { p: Record<string, string> }) {
  const { zoek } = useRouter();
  const url = apiUrl(`/rmc-regios/${encodeURIComponent(p.code!)}`, { schooljaar: zoek.get('schooljaar'), status: zoek.get('status') });
  const regio = useApi<RegioData>(url);
  const naam = regio.status === 'klaar' ? regio.data.naam : p.code!;
  return (
    <Pagina titel={`RMC-regio ${naam}`}>
      <Kruimelpad stappen={[{ href: '/', tekst: 'Landelijk' }, { href: '/kaart', tekst: "Kaart en regio's" }]} />
      <Jaarkeuze />
      <Toon toestand={regio} klaar={(r) => (
        <>
          <Bron telling={r.telling} />
          <AllesDownloaden url={url} wat={`RMC-regio ${r.naam}`} />
          <p className="utrecht-paragraph">RMC-regio {r.rmcCode}. {vergelijkingszin(r.totaal, r.landelijk.totaal, r.naam)} <Link href={`/vergelijken?regios=${r.rmcCode}`}>Vergelijk met andere regio's</Link>.</p>
          <Inhoudsopgave onderdelen={gebiedsonderdelen(r.naam, true)} />
          <Gebiedskerncijfers g={r} naam={r.naam} />
          <Gebiedstrend g={r} naam={r.naam} code={r.rmcCode} url={url} />
          <Gebiedsnormen g={r} naam={r.naam} url={url} />
          <Gebiedsuitsplitsingen g={r} naam={r.naam} url={url} />
          <section aria-labelledby="kop-gemeenten">
            <h2 id="kop-gemeenten" className="utrecht-heading-2">Gemeenten in {r.naam}</h2>
            {r.gemeenten.length === 0
              ? <p className="utrecht-paragraph">Geen gemeenten bekend voor deze regio in {r.telling.schooljaar}.</p>
              : <Tabel titel={`Gemeenten in ${r.naam}, ${r.telling.schooljaar} (woongemeente op 1 oktober)`} csv={csvUrl(url, 'gemeenten')}
                sorteer={{ id: 'gemeenten', standaard: { kolom: "vsv'ers", richting: 'af' }, rangschik: true }}
                kolommen={[{ kop: 'Gemeente' }, ...CIJFERKOLOMMEN, { kop: "Aandeel in de vsv'ers van de regio", getal: true }]}
                rijen={r.gemeenten.map((g) => [naamcel(g.naam, <Link href={`/gemeente/${g.gemeenteCode}`}>{g.naam}</Link>), ...cijfercellen(g.cijfer),
                  aandeelcel(g.cijfer.vsv, r.totaal.vsv)])} />}
          </section>
          <Gebiedsvestigingen g={r} naam={r.naam} url={url} />
          <Verzuimsectie rmcCode={r.rmcCode} />
        </>
      )} />
    </Pagina>
  );
}
