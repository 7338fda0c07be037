import { AllesDownloaden } from '../componenten/AllesDownloaden';
import { apiUrl, csvUrl, useApi, type Categoriecijfer, type Instelling as InstellingData } from '../api';
import { Bron, Tellingen } from '../componenten/Bron';
import { Grafiek } from '../componenten/Grafiek';
import { Jaarkeuze } from '../componenten/Jaarkeuze';
import { Kerncijfers } from '../componenten/Kerncijfers';
import { Kruimelpad } from '../componenten/Kruimelpad';
import { Toon } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { CIJFERKOLOMMEN, Tabel, cijfercellen, type Cel } from '../componenten/Tabel';
import { Getal, Procent } from '../componenten/Waarde';
import { lijngrafiek, staafgrafiek } from '../grafieken';
import { CATEGORIEEN, SECTOREN, getal, label, normoordeelLabel, normtekst } from '../opmaak';
import { Link, useRouter } from '../router';
import { InstellingTegenLandelijk } from './InstellingLandelijk';

/**
 * One institution (BRIN): figures per category against the norm, per location, and the
 * trend with every category against the norm of its year. Up to 2014-2015 that is the
 * performance norm of the year; after that the last norm that was set, as a reference norm,
 * and every cell says so. A pupil counts at every institution where they were enrolled on
 * 1 October.
 */
function normcellen(c: Categoriecijfer): Cel[] {
  return [
    c.cijfer.norm === null ? <><span aria-hidden="true">–</span><span className="visueel-verborgen">geen norm</span></>
      : c.vastgesteld || !c.normjaar ? normtekst(c.cijfer.norm, null, true)
        : <>{normtekst(c.cijfer.norm, null, true)}<span className="bb-normjaar"> (referentienorm {c.normjaar})</span></>,
    <span className={`bb-oordeel--${c.cijfer.normoordeel}`}>{normoordeelLabel(c.cijfer.normoordeel, c.vastgesteld)}</span>,
  ];
}

/** "2 boven de norm, 1 afgeschermd" for the row of all categories. */
function samenvattingstekst(s: InstellingData['normsamenvatting'], vastgesteld: boolean): string {
  const delen = [`${s.aantalBovenNorm} boven de ${vastgesteld ? 'norm' : 'referentienorm'}`, `${s.aantalBinnenNorm} binnen`];
  if (s.aantalAfgeschermd > 0) delen.push(`${s.aantalAfgeschermd} afgeschermd`);
  return delen.join(', ');
}

export function Instelling({ p }: { p: Record<string, string> }) {
  const { zoek } = useRouter();
  const url = apiUrl(`/instellingen/${encodeURIComponent(p.brin!)}`, { schooljaar: zoek.get('schooljaar'), status: zoek.get('status') });
  const instelling = useApi<InstellingData>(url);
  const naam = instelling.status === 'klaar' ? instelling.data.naam : `Instelling ${p.brin}`;
  return (
    <Pagina titel={naam}>
      <Kruimelpad stappen={[{ href: '/', tekst: 'Landelijk' }, { href: '/instellingen', tekst: 'Instellingen' }]} />
      <Jaarkeuze />
      <Toon toestand={instelling} klaar={(i) => {
        const jaar = i.telling.schooljaar;
        const jaren = i.trend.map((t) => t.schooljaar);
        return (
          <>
            <Bron telling={i.telling} />
            <AllesDownloaden url={url} wat={i.naam} />
            <dl className="utrecht-data-list">
              <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">BRIN</dt><dd className="utrecht-data-list__item-value">{i.brin}</dd></div>
              <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">Soort</dt><dd className="utrecht-data-list__item-value">{i.soort}</dd></div>
              <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">Vestigingen</dt><dd className="utrecht-data-list__item-value">{i.vestigingen.map((v) => `${v.naam} (${v.plaats})`).join('; ') || 'geen geleverd'}</dd></div>
            </dl>
            <p className="utrecht-paragraph"><Link href={`/vergelijken?instellingen=${i.brin}`}>Vergelijk met andere instellingen</Link></p>
            <Kerncijfers label={`Kerncijfers ${i.naam}, ${jaar}`} items={[
              { waarde: <Getal a={i.totaal.vsv} />, label: `nieuwe vsv'ers in ${jaar}` },
              { waarde: <Procent p={i.totaal.percentage} />, label: 'vsv-percentage' },
              { waarde: <Getal a={i.totaal.startpopulatie} />, label: 'leerlingen en studenten in de startpopulatie' },
            ]} />
            <section aria-labelledby="kop-normen">
              <h2 id="kop-normen" className="utrecht-heading-2">Per categorie, tegen de norm</h2>
              <p className="utrecht-paragraph" data-testid="normbasis">
                {i.normbasis.omschrijving} {i.normbasis.normjaar !== null && `Aantal categorieën: ${samenvattingstekst(i.normsamenvatting, i.normbasis.vastgesteld)}.`}
              </p>
              {i.categorie.length > 0 && (
                <Grafiek titel={`vsv-percentage per categorie en de norm, ${jaar}`} sleutel={JSON.stringify(i.categorie.map((c) => [c.waarde, c.cijfer.percentage, c.cijfer.norm]))}
                  samenvatting={`Staafdiagram van het vsv-percentage per categorie van ${i.naam}; een gestreept streepje geeft de ${i.normbasis.vastgesteld ? 'prestatienorm' : 'referentienorm'}, als er een norm is.`}
                  uitleg={i.normbasis.vastgesteld
                    ? 'Staaf: vsv-percentage van de instelling. Gestreept streepje: de norm (het hoogst toegestane percentage).'
                    : `Staaf: vsv-percentage van de instelling. Gestreept streepje: de laatst vastgestelde norm (${i.normbasis.normjaar ?? '–'}), ter vergelijking.`}
                  teken={(Plot, breedte) => staafgrafiek(Plot, breedte, {
                    xLabel: 'vsv-percentage', vergelijkingLabel: 'norm',
                    staven: i.categorie.map((c) => ({ label: label(CATEGORIEEN, c.waarde), waarde: getal(c.cijfer.percentage), vergelijking: c.cijfer.norm })),
                  })} />
              )}
              <Tabel titel={`Per categorie, ${jaar}, ${i.normbasis.normjaar === null ? 'zonder norm'
                : i.normbasis.vastgesteld ? `tegen de prestatienorm van ${jaar}` : `tegen de referentienorm (laatst vastgestelde norm, ${i.normbasis.normjaar})`}`} csv={csvUrl(url, 'categorie')}
                kolommen={[{ kop: 'Categorie' }, ...CIJFERKOLOMMEN, { kop: 'Norm', getal: true }, { kop: 'Oordeel' }]}
                rijen={i.categorie.map((c) => [label(CATEGORIEEN, c.waarde), ...cijfercellen(c.cijfer), ...normcellen(c)])} />
              <Tabel titel={`Per sector, ${jaar}`} csv={csvUrl(url, 'sector')}
                kolommen={[{ kop: 'Sector' }, ...CIJFERKOLOMMEN]} rijen={i.sector.map((s) => [label(SECTOREN, s.waarde), ...cijfercellen(s.cijfer)])} />
            </section>
            <InstellingTegenLandelijk i={i} />
            <section aria-labelledby="kop-vestigingen">
              <h2 id="kop-vestigingen" className="utrecht-heading-2">Per vestiging</h2>
              <Tabel titel={`Per vestiging en categorie, ${jaar}`} csv={csvUrl(url, 'vestigingen')}
                kolommen={[{ kop: 'Vestiging' }, { kop: 'Plaats' }, { kop: 'Categorie' }, ...CIJFERKOLOMMEN, { kop: 'Norm', getal: true }, { kop: 'Oordeel' }]}
                rijen={i.vestigingen.flatMap((v) => [
                  [`${v.naam} (${v.vestiging})`, v.plaats, 'alle categorieën', ...cijfercellen(v.totaal), '', ''],
                  ...v.categorie.map((c) => [`${v.naam} (${v.vestiging})`, v.plaats, label(CATEGORIEEN, c.waarde), ...cijfercellen(c.cijfer), ...normcellen(c)]),
                ])} />
            </section>
            <section aria-labelledby="kop-trend">
              <h2 id="kop-trend" className="utrecht-heading-2">Verloop over de schooljaren</h2>
              <Grafiek titel={`vsv-percentage ${i.naam} per schooljaar`} sleutel={JSON.stringify(i.trend.map((t) => [t.schooljaar, t.totaal.percentage]))}
                samenvatting={`Lijngrafiek van het vsv-percentage van ${i.naam} per schooljaar. Niet getoonde percentages ontbreken.`}
                uitleg="Open symbolen: voorlopige cijfers. Gestippelde verticale lijn: methodewijziging (trendbreuk)."
                teken={(Plot, breedte) => lijngrafiek(Plot, breedte, {
                  jaren, yLabel: 'vsv-percentage', percentage: true,
                  reeksen: [{ naam: i.naam, sleutel: i.brin, punten: i.trend.map((t) => ({ schooljaar: t.schooljaar, waarde: getal(t.totaal.percentage), voorlopig: t.telling.status === 'voorlopig' })) }],
                  breuken: i.trend.filter((t) => t.methodewijziging).map((t) => ({ schooljaar: t.schooljaar, label: 'Methodewijziging' })),
                })} />
              <Tabel titel={`Verloop ${i.naam}, per categorie tegen de norm (tot en met 2014-2015 de prestatienorm van het jaar, daarna de laatst vastgestelde norm van 2014-2015 als referentienorm)`}
                csv={csvUrl(url, 'trend')}
                kolommen={[{ kop: 'Schooljaar' }, { kop: 'Status' }, { kop: 'Categorie' }, ...CIJFERKOLOMMEN, { kop: 'Norm', getal: true }, { kop: 'Oordeel' }, { kop: 'Opmerking' }]}
                rijen={i.trend.flatMap((t) => {
                  const opmerking = t.methodewijziging ? `Methodewijziging: ${t.methodewijziging.omschrijving}` : '';
                  const vastgesteld = t.categorie.some((c) => c.vastgesteld);
                  const beoordeeld = t.categorie.some((c) => c.normjaar !== null);
                  return [
                    [t.schooljaar, t.telling.status, 'alle categorieën', ...cijfercellen(t.totaal), '', beoordeeld ? samenvattingstekst(t.normsamenvatting, vastgesteld) : '', opmerking],
                    ...t.categorie.map((c) => [t.schooljaar, t.telling.status, label(CATEGORIEEN, c.waarde), ...cijfercellen(c.cijfer), ...normcellen(c), '']),
                  ];
                })} />
              <Tellingen tellingen={i.trend.map((t) => t.telling)} />
            </section>
          </>
        );
      }} />
    </Pagina>
  );
}
