import { csvUrl, type Categoriecijfer, type Cijfer, type Gemeente, type Regio } from '../api';
import { Tellingen } from '../componenten/Bron';
import { Grafiek } from '../componenten/Grafiek';
import { Kerncijfers } from '../componenten/Kerncijfers';
import { CIJFERKOLOMMEN, Tabel, cijfercellen, naamcel, type Sorteercel } from '../componenten/Tabel';
import { Getal, Procent } from '../componenten/Waarde';
import { lijngrafiek, staafgrafiek } from '../grafieken';
import { CATEGORIEEN, GESLACHTEN, LEEFTIJDSGROEPEN, LEERWEGEN, SECTOREN, getal, label, normtekst, procent } from '../opmaak';
import { Link } from '../router';

/**
 * What a region and a municipality page share: key figures beside the national ones, the
 * trend, the breakdowns with the national figure in each row, and the school locations.
 */
type Velden = 'telling' | 'totaal' | 'uitsplitsingen' | 'landelijk' | 'trend' | 'vestigingen' | 'normbasis' | 'instellingen';
type Gebied = Pick<Regio, Velden> | Pick<Gemeente, Velden>;

const LANDELIJK_KOLOMMEN = [{ kop: 'Landelijk vsv-percentage', getal: true }];

/**
 * The key figures, with the status (voorlopig/definitief) of the year shown, and the number of
 * vsv'ers of the school year before it (from the trend) with its own status.
 */
export function Gebiedskerncijfers({ g, naam }: { g: Gebied; naam: string }) {
  const i = g.trend.findIndex((p) => p.schooljaar === g.telling.schooljaar);
  const vorig = i > 0 ? g.trend[i - 1] : undefined;
  return (
    <Kerncijfers label={`Kerncijfers ${naam}, ${g.telling.schooljaar}`} items={[
      { waarde: <Getal a={g.totaal.vsv} />, label: `nieuwe vsv'ers in ${g.telling.schooljaar} (${g.telling.status})` },
      ...(vorig ? [{ waarde: <Getal a={vorig.cijfer.vsv} />, label: `nieuwe vsv'ers in ${vorig.schooljaar} (vorig schooljaar, ${vorig.telling.status})` }] : []),
      { waarde: <Procent p={g.totaal.percentage} />, label: 'vsv-percentage' },
      { waarde: <Getal a={g.totaal.startpopulatie} />, label: 'startpopulatie' },
      { waarde: <Procent p={g.landelijk.totaal.percentage} />, label: 'vsv-percentage landelijk' },
    ]} />
  );
}

/** "Op deze pagina": jump links to the sections, in the order of the page. */
export function Inhoudsopgave({ onderdelen }: { onderdelen: { id: string; tekst: string }[] }) {
  return (
    <nav className="bb-inhoudsopgave" aria-labelledby="kop-inhoudsopgave">
      <h2 id="kop-inhoudsopgave" className="utrecht-heading-3">Op deze pagina</h2>
      <ul>
        {onderdelen.map((o) => <li key={o.id}><a className="utrecht-link utrecht-link--html-a" href={`#${o.id}`}>{o.tekst}</a></li>)}
      </ul>
    </nav>
  );
}

/** The sections of a region or municipality page, in their order; the ids are those of their headings. */
/** The page's sections in order; a region's page (with its municipalities) ends with its absence figures (Verzuimsectie). */
export function gebiedsonderdelen(naam: string, metGemeenten: boolean): { id: string; tekst: string }[] {
  return [
    { id: 'kop-trend', tekst: 'Verloop' },
    ...(metGemeenten ? [] : [{ id: 'kop-driejaar', tekst: 'Driejaarscijfers' }]),
    { id: 'kop-normen', tekst: 'Scholen boven de norm' },
    { id: 'kop-uitsplitsing', tekst: 'Uitsplitsingen' },
    ...(metGemeenten ? [{ id: 'kop-gemeenten', tekst: `Gemeenten in ${naam}` }] : []),
    { id: 'kop-vestigingen', tekst: 'Schoolvestigingen' },
    ...(metGemeenten ? [{ id: 'kop-verzuim', tekst: 'Verzuim' }] : []),
  ];
}

export function Gebiedstrend({ g, naam, code, url }: { g: Gebied; naam: string; /** RMC or municipality code: the line keeps its style on every page */ code: string; url: string }) {
  const jaren = g.trend.map((p) => p.schooljaar);
  return (
    <section aria-labelledby="kop-trend">
      <h2 id="kop-trend" className="utrecht-heading-2">Verloop over de schooljaren</h2>
      <Grafiek titel={`vsv-percentage ${naam} en landelijk`} sleutel={JSON.stringify(g.trend.map((p) => [p.schooljaar, p.cijfer.percentage, p.landelijk.percentage]))}
        samenvatting={`Lijngrafiek van het vsv-percentage van ${naam} en van Nederland (zwarte gestreepte lijn, vierkantjes) per schooljaar. Niet getoonde percentages ontbreken in de grafiek.`}
        uitleg="De legenda onder de grafiek geeft de lijn van elk gebied. Open symbolen: voorlopige cijfers. Een percentage dat op minder dan 5 vsv'ers rust, ontbreekt. Gestippelde verticale lijn: methodewijziging (trendbreuk)."
        teken={(Plot, breedte) => lijngrafiek(Plot, breedte, {
          jaren, yLabel: 'vsv-percentage', percentage: true,
          reeksen: [
            { naam, sleutel: code, punten: g.trend.map((p) => ({ schooljaar: p.schooljaar, waarde: getal(p.cijfer.percentage), voorlopig: p.telling.status === 'voorlopig' })) },
            { naam: 'Nederland', sleutel: 'NL', punten: g.trend.map((p) => ({ schooljaar: p.schooljaar, waarde: getal(p.landelijk.percentage), voorlopig: p.telling.status === 'voorlopig' })) },
          ],
          breuken: g.trend.filter((p) => p.methodewijziging).map((p) => ({ schooljaar: p.schooljaar, label: 'Methodewijziging' })),
        })} />
      <Tabel titel={`Verloop ${naam}`} csv={csvUrl(url, 'trend')}
        kolommen={[{ kop: 'Schooljaar' }, { kop: 'Status' }, ...CIJFERKOLOMMEN, ...LANDELIJK_KOLOMMEN, { kop: 'Opmerking' }]}
        rijen={g.trend.map((p) => [p.schooljaar, p.telling.status, ...cijfercellen(p.cijfer), <Procent p={p.landelijk.percentage} />,
          p.methodewijziging ? `Methodewijziging: ${p.methodewijziging.omschrijving}` : ''])} />
      <Tellingen tellingen={g.trend.map((p) => p.telling)} />
    </section>
  );
}

/**
 * The three-year figures of a municipality (issue 11, small areas): the sum of three school
 * years, newest first, with what is withheld and why (docs/openbaarmaking.md, "Driejaarscijfer").
 */
export function Driejaarscijfers({ g, naam, url }: { g: Gemeente; naam: string; url: string }) {
  const nieuwste = [...g.driejaarcijfers].reverse();
  return (
    <section aria-labelledby="kop-driejaar">
      <h2 id="kop-driejaar" className="utrecht-heading-2">Driejaarscijfers</h2>
      <p className="utrecht-paragraph">
        In een kleine gemeente zijn de cijfers van één schooljaar vaak <abbr title="minder dan 5">&lt;5</abbr> of afgeschermd. Een driejaarscijfer
        {' '}telt de startpopulaties en de vsv&apos;ers van drie opeenvolgende schooljaren op (definitieve tellingen) en geeft het percentage van
        {' '}die sommen. Het is geen gemiddelde van drie percentages. Ook een driejaarscijfer wordt afgeschermd als het met de jaarcijfers
        {' '}een afgeschermd aantal zou teruggeven (<Link href="/over-deze-cijfers#kop-driejaar">hoe</Link>).
      </p>
      {nieuwste.length === 0
        ? <p className="utrecht-paragraph">Er zijn (nog) geen driejaarscijfers voor {naam}: daarvoor zijn definitieve tellingen van drie opeenvolgende schooljaren nodig, en een driejaarscijfer verschijnt pas als zijn afscherming na de telling is berekend.</p>
        : <Tabel titel={`Driejaarscijfers ${naam}`} csv={csvUrl(url, 'driejaarcijfers')}
            kolommen={[{ kop: 'Schooljaren' }, ...CIJFERKOLOMMEN]}
            rijen={nieuwste.map((d) => [`${d.schooljaren[0]} t/m ${d.schooljaren[2]}`, ...cijfercellen(d.cijfer)])} />}
    </section>
  );
}

function uitsplitsingsrijen(eigen: { waarde: string; cijfer: Cijfer }[], landelijk: { waarde: string; cijfer: Cijfer }[], labels: Record<string, string>) {
  return eigen.map((o, i) => [label(labels, o.waarde), ...cijfercellen(o.cijfer), <Procent p={landelijk[i]?.cijfer.percentage} />]);
}

export function Gebiedsuitsplitsingen({ g, naam, url }: { g: Gebied; naam: string; url: string }) {
  const u = g.uitsplitsingen;
  const l = g.landelijk.uitsplitsingen;
  const jaar = g.telling.schooljaar;
  return (
    <section aria-labelledby="kop-uitsplitsing">
      <h2 id="kop-uitsplitsing" className="utrecht-heading-2">Uitsplitsingen, {jaar}</h2>
      <Grafiek titel={`vsv-percentage per categorie, ${naam} en landelijk`} sleutel={JSON.stringify([u.categorie, l.categorie].map((x) => x.map((o) => o.cijfer.percentage)))}
        samenvatting={`Staafdiagram van het vsv-percentage per categorie in ${naam}; een gestreept streepje per categorie geeft het landelijke percentage.`}
        uitleg="Staaf: deze regio of gemeente. Gestreept streepje: landelijk. Categorieën zonder getoond percentage hebben geen staaf."
        teken={(Plot, breedte) => staafgrafiek(Plot, breedte, {
          xLabel: 'vsv-percentage', vergelijkingLabel: 'landelijk',
          staven: u.categorie.map((o, i) => ({ label: label(CATEGORIEEN, o.waarde), waarde: getal(o.cijfer.percentage), vergelijking: getal(l.categorie[i]?.cijfer.percentage) })),
        })} />
      <Tabel titel={`Naar sector, ${jaar}`} csv={csvUrl(url, 'sector')} kolommen={[{ kop: 'Sector' }, ...CIJFERKOLOMMEN, ...LANDELIJK_KOLOMMEN]}
        rijen={uitsplitsingsrijen(u.sector, l.sector, SECTOREN)} />
      <Tabel titel={`Naar categorie, ${jaar}`} csv={csvUrl(url, 'categorie')} kolommen={[{ kop: 'Categorie' }, ...CIJFERKOLOMMEN, ...LANDELIJK_KOLOMMEN]}
        rijen={uitsplitsingsrijen(u.categorie, l.categorie, CATEGORIEEN)} />
      <Tabel titel={`mbo naar leerweg, ${jaar}`} csv={csvUrl(url, 'leerweg')} kolommen={[{ kop: 'Leerweg' }, ...CIJFERKOLOMMEN, ...LANDELIJK_KOLOMMEN]}
        rijen={uitsplitsingsrijen(u.leerweg, l.leerweg, LEERWEGEN)} />
      <Tabel titel={`Naar leeftijd op 1 oktober, ${jaar}`} csv={csvUrl(url, 'leeftijdsgroep')} kolommen={[{ kop: 'Leeftijd' }, ...CIJFERKOLOMMEN, ...LANDELIJK_KOLOMMEN]}
        rijen={uitsplitsingsrijen(u.leeftijdsgroep, l.leeftijdsgroep, LEEFTIJDSGROEPEN)} />
      <Tabel titel={`Naar geslacht, ${jaar}`} csv={csvUrl(url, 'geslacht')} kolommen={[{ kop: 'Geslacht' }, ...CIJFERKOLOMMEN, ...LANDELIJK_KOLOMMEN]}
        rijen={uitsplitsingsrijen(u.geslacht, l.geslacht, GESLACHTEN)} />
    </section>
  );
}

export function Gebiedsvestigingen({ g, naam, url }: { g: Gebied; naam: string; url: string }) {
  return (
    <section aria-labelledby="kop-vestigingen">
      <h2 id="kop-vestigingen" className="utrecht-heading-2">Schoolvestigingen in {naam}</h2>
      {g.vestigingen.length === 0
        ? <p className="utrecht-paragraph">Er zijn geen schoolvestigingen met leerlingen in de startpopulatie in dit gebied.</p>
        : <Tabel titel={`Schoolvestigingen in ${naam}, ${g.telling.schooljaar} (alle leerlingen van de vestiging, waar ze ook wonen)`} csv={csvUrl(url, 'vestigingen')}
          sorteer={{ id: 'vestigingen', standaard: { kolom: "vsv'ers", richting: 'af' }, rangschik: true }}
          kolommen={[{ kop: 'Vestiging' }, { kop: 'BRIN' }, { kop: 'Plaats' }, ...CIJFERKOLOMMEN]}
          rijen={g.vestigingen.map((v) => [naamcel(v.naam, <Link href={`/instelling/${v.brin}`}>{v.naam}</Link>), `${v.brin} ${v.vestiging}`, v.plaats, ...cijfercellen(v.cijfer)])} />}
    </section>
  );
}

/** "vo bovenbouw havo/vwo (18,37%; norm 0,5%)" for each category above the norm. */
function bovenDeNorm(categorieen: Categoriecijfer[]): string {
  const boven = categorieen.filter((c) => c.cijfer.normoordeel === 'niet-gehaald' && c.cijfer.norm !== null);
  return boven.map((c) => `${label(CATEGORIEEN, c.waarde)} (${procent(c.cijfer.percentage)}; norm ${normtekst(c.cijfer.norm!, null, true)})`).join('; ');
}

/**
 * Which schools in the area are above their norm. First only the institutions with a location
 * in the area that have at least one category above the norm; every institution (with the
 * number of categories above, within and withheld) is behind a native <details>. The norm
 * applies per institution and category, so the figures are those of the whole institution.
 * The caption says which norm year applies and whether it is a reference norm.
 */
export function Gebiedsnormen({ g, naam, url }: { g: Gebied; naam: string; url: string }) {
  const jaar = g.telling.schooljaar;
  const n = g.normbasis;
  const soort = n.normjaar === null ? 'geen norm' : n.vastgesteld ? `prestatienorm ${n.normjaar}` : `referentienorm ${n.normjaar}, de laatst vastgestelde norm`;
  const uitleg = n.normjaar === null ? n.omschrijving
    : n.vastgesteld ? `Vergeleken met de norm van ${n.normjaar}.`
      : `Vergeleken met de laatst vastgestelde norm (${n.normjaar}); voor latere jaren is er geen eigen norm.`;
  const boven = g.instellingen.filter((i) => i.normsamenvatting.aantalBovenNorm > 0);
  const metAfgeschermd = g.instellingen.filter((i) => i.normsamenvatting.aantalAfgeschermd > 0).length;
  const kolommen = [{ kop: 'Instelling' }, { kop: 'BRIN' }, { kop: 'Vestigingen in' }, { kop: 'Categorieën boven de norm', getal: true },
    { kop: 'Binnen de norm', getal: true }, { kop: 'Oordeel afgeschermd', getal: true }, { kop: 'Boven de norm (percentage; norm)' }];
  const rijen = (lijst: Gebied['instellingen']) => lijst.map((i) => [naamcel(i.naam, <Link href={`/instelling/${i.brin}`}>{i.naam}</Link>), i.brin, i.plaatsen.join(', '),
    i.normsamenvatting.aantalBovenNorm, i.normsamenvatting.aantalBinnenNorm, i.normsamenvatting.aantalAfgeschermd, bovenDeNorm(i.categorie)]);
  return (
    <section aria-labelledby="kop-normen">
      <h2 id="kop-normen" className="utrecht-heading-2">Scholen boven de norm</h2>
      <p className="utrecht-paragraph" data-testid="normuitleg">
        {uitleg} De norm geldt per instelling en categorie; daarom staan hier de cijfers van de hele instelling, ook van vestigingen buiten {naam}.
        Een oordeel wordt niet getoond (afgeschermd) als het percentage op minder dan 5 vsv'ers rust.
      </p>
      {g.instellingen.length === 0
        ? <p className="utrecht-paragraph">Er zijn geen instellingen met leerlingen in de startpopulatie met een vestiging in dit gebied.</p>
        : <>
          <p className="utrecht-paragraph" data-testid="normen-samenvatting">
            {boven.length} van de {g.instellingen.length} {g.instellingen.length === 1 ? 'instelling' : 'instellingen'} met een vestiging in {naam}
            {' '}{boven.length === 1 ? 'heeft' : 'hebben'} in {jaar} een of meer categorieën boven de {n.vastgesteld ? 'norm' : 'referentienorm'}.
            {metAfgeschermd > 0 && ` Bij ${metAfgeschermd} ${metAfgeschermd === 1 ? 'instelling is' : 'instellingen is'} het oordeel over een of meer categorieën afgeschermd; die categorieën tellen niet mee.`}
          </p>
          {boven.length > 0 && (
            <div data-testid="normen-boven">
              <Tabel titel={`Instellingen in ${naam} boven de norm, ${jaar} (${soort}); meeste boven de norm eerst`} csv={csvUrl(url, 'instellingen')}
                sorteer={{ id: 'boven-norm' }} kolommen={kolommen} rijen={rijen(boven)} />
            </div>
          )}
          <details className="bb-uitklap" data-testid="normen-alle">
            <summary>Alle instellingen in dit gebied ({g.instellingen.length})</summary>
            <Tabel titel={`Alle instellingen met een vestiging in ${naam}, ${jaar}: categorieën boven de norm (${soort}); meeste boven de norm eerst`} csv={csvUrl(url, 'instellingen')}
              sorteer={{ id: 'instellingen' }} kolommen={kolommen} rijen={rijen(g.instellingen)} />
          </details>
        </>}
    </section>
  );
}

export function vergelijkingszin(eigen: Cijfer, landelijk: Cijfer, naam: string): string {
  if (eigen.percentage === null || landelijk.percentage === null) return `Het vsv-percentage van ${naam} wordt niet getoond of is niet te vergelijken.`;
  const verschil = Number(eigen.percentage) - Number(landelijk.percentage);
  const richting = verschil > 0 ? 'hoger dan' : verschil < 0 ? 'lager dan' : 'gelijk aan';
  return `Het vsv-percentage van ${naam} (${procent(eigen.percentage)}) is ${richting} het landelijke (${procent(landelijk.percentage)}).`;
}

/** The share of an area in the vsv'ers of its region ("who contributes most"); none when a count is withheld. */
export function aandeelcel(deel: Cijfer['vsv'] | null | undefined, geheel: Cijfer['vsv'] | null | undefined): Sorteercel {
  if (typeof deel !== 'number' || typeof geheel !== 'number' || geheel === 0) {
    return { weergave: <><span aria-hidden="true">–</span><span className="visueel-verborgen">niet te berekenen</span></>, waarde: null };
  }
  const p = (100 * deel) / geheel;
  return { weergave: procent(p.toFixed(1)), waarde: p };
}
