import type { Static } from '@sinclair/typebox';
import type { LandelijkVerzuimAntwoord, RegioVerzuimAntwoord } from '../../../src/server/schemasVerzuimPubliek';
import { apiUrl, csvUrl, useApi } from '../api';
import { useRouter } from '../router';
import { SOORTNAAM } from '../verzuim';
import { Toon } from './Melding';
import { Tabel } from './Tabel';
import { Getal, Procent } from './Waarde';

type Landelijk = Static<typeof LandelijkVerzuimAntwoord>;
type Regio = Static<typeof RegioVerzuimAntwoord>;
type Aandeel = NonNullable<Landelijk['vsvMetMelding']>;

/**
 * "Verzuim" beside the vsv figures on the public national and region pages (issue 10 item 5;
 * docs/rules/verzuim-cijfers.md, "Openbare verzuimcijfers"): reports by type and the share of
 * vsv'ers who had a report in the year they dropped out, with "<5" and "x" as in the vsv tables.
 * The school year is the page's (a report's school year runs 1 August to 31 July); without one
 * the latest with absence figures.
 */
export function Verzuimsectie({ rmcCode }: { rmcCode?: string }) {
  const gevraagd = useRouter().zoek.get('schooljaar');
  // first which school years have figures, so a year without them is said, not asked for (a 404)
  const jaren = useApi<{ schooljaren: string[] }>(apiUrl('/verzuim/schooljaren'));
  const lijst = jaren.status === 'klaar' ? jaren.data.schooljaren : null;
  const schooljaar = lijst && (gevraagd ? (lijst.includes(gevraagd) ? gevraagd : null) : (lijst[0] ?? null));
  const url = schooljaar ? apiUrl(rmcCode ? `/rmc-regios/${encodeURIComponent(rmcCode)}/verzuim` : '/verzuim', { schooljaar }) : null;
  const cijfers = useApi<Landelijk | Regio>(url);
  return (
    <section aria-labelledby="kop-verzuim" data-testid="verzuim">
      <h2 id="kop-verzuim" className="utrecht-heading-2">Verzuim</h2>
      {lijst !== null && !schooljaar
        ? <p className="utrecht-paragraph">{gevraagd ? `Er zijn geen openbare verzuimcijfers van schooljaar ${gevraagd}.` : 'Er zijn nog geen openbare verzuimcijfers.'}</p>
        : <Toon toestand={url ? cijfers : jaren} wat="de verzuimcijfers" klaar={() => (cijfers.status === 'klaar' && url ? <Verzuimblok c={cijfers.data} url={url} /> : null)} />}
    </section>
  );
}

const datum = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

function aandeelrij(naam: string, a: Aandeel | null) {
  return [naam, <Getal a={a?.vsvers} />, <Getal a={a?.metMelding} />, <Procent p={a?.percentage} />];
}

function Verzuimblok({ c, url }: { c: Landelijk | Regio; url: string }) {
  const gebied = 'rmcCode' in c ? c.naam : 'Nederland';
  const telling = c.tellingStatus === null ? null : `${c.tellingStatus === 'definitief' ? 'definitieve' : 'voorlopige'} telling ${c.schooljaar}`;
  return (
    <>
      <p className="utrecht-paragraph">
        Verzuimmeldingen van scholen aan leerplicht en RMC met een meldingsdatum in schooljaar {c.schooljaar} (1 augustus tot en met 31 juli),
        {'rmcCode' in c ? ` voor leerlingen die in een gemeente van ${c.naam} wonen,` : ''} berekend op {datum(c.berekendOp)}.
        In totaal <strong><Getal a={c.meldingen} /></strong> meldingen{'rmcCode' in c ? <>, landelijk <Getal a={c.landelijk.meldingen} /></> : null}.
      </p>
      <Tabel titel={`Verzuimmeldingen naar soort, ${gebied}, ${c.schooljaar}`} csv={csvUrl(url, 'meldingen')}
        kolommen={[{ kop: 'Soort melding' }, { kop: 'Meldingen', getal: true }]}
        rijen={[...c.uitsplitsingen.soort.map((s) => [SOORTNAAM[s.waarde] ?? s.waarde, <Getal a={s.aantal} />]), ['alle soorten', <Getal a={c.meldingen} />]]} />
      {telling === null
        ? <p className="utrecht-paragraph">Er is nog geen telling van {c.schooljaar}, dus nog geen aandeel vsv'ers met een verzuimmelding.</p>
        : <Tabel titel={`Verzuim vóór uitval: vsv'ers van de ${telling} met een verzuimmelding in het jaar van hun uitval (1 oktober tot en met 30 september)`}
          kolommen={[{ kop: 'Gebied' }, { kop: "vsv'ers", getal: true }, { kop: 'Met een melding', getal: true }, { kop: 'Aandeel', getal: true }]}
          rijen={'rmcCode' in c
            ? [aandeelrij(c.naam, c.vsvMetMelding), aandeelrij('Nederland', c.landelijk.vsvMetMelding)]
            : [aandeelrij('Nederland', c.vsvMetMelding)]} />}
    </>
  );
}
