import { apiUrl, csvUrl, useApi, type Cijfer, type Instelling, type Kerncijfers } from '../api';
import { Grafiek } from '../componenten/Grafiek';
import { Toon } from '../componenten/Melding';
import { CIJFERKOLOMMEN, Tabel, cijfercellen, type Cel } from '../componenten/Tabel';
import { Procent } from '../componenten/Waarde';
import { staafgrafiek } from '../grafieken';
import { CATEGORIEEN, LEERWEGEN, SECTOREN, getal, label } from '../opmaak';

/**
 * A fair comparison for an institution: each sector, each level and each mbo learning path
 * (bol, bbl) it offers against the national figure of that same sector, level or path (an mbo school against mbo-2 nationally, never
 * against the all-sector total, which vo's low percentages pull down). Same school year and
 * status as the institution's figures. Only the parts where the institution has pupils.
 */
interface Rij {
  label: string;
  eigen: Cijfer;
  landelijk: Cijfer | undefined;
}

function heeftLeerlingen(c: Cijfer): boolean {
  return c.startpopulatie !== 0;
}

/** "+1,2 procentpunt" between two shown percentages, or nothing. */
function verschilcel(eigen: Cijfer, landelijk: Cijfer | undefined): Cel {
  if (eigen.percentage === null || !landelijk || landelijk.percentage === null) {
    return { weergave: <><span aria-hidden="true">–</span><span className="visueel-verborgen">niet te vergelijken</span></>, waarde: null };
  }
  const v = Number(eigen.percentage) - Number(landelijk.percentage);
  const tekst = `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2).replace('.', ',')}`;
  return { weergave: `${tekst} procentpunt`, waarde: v };
}

export function InstellingTegenLandelijk({ i }: { i: Instelling }) {
  const url = apiUrl('/landelijk/kerncijfers', { schooljaar: i.telling.schooljaar, status: i.telling.status });
  const landelijk = useApi<Kerncijfers>(url);
  return (
    <section aria-labelledby="kop-landelijk">
      <h2 id="kop-landelijk" className="utrecht-heading-2">Tegen het landelijke cijfer van dezelfde sector en hetzelfde niveau</h2>
      <p className="utrecht-paragraph">
        Elke sector en elk niveau van {i.naam} naast het landelijke vsv-percentage van precies die sector of dat niveau, in
        {' '}{i.telling.schooljaar} ({i.telling.status}). Niet tegen het landelijke totaal van alle sectoren: dat ligt door het vo veel lager.
      </p>
      <Toon toestand={landelijk} wat="de landelijke cijfers" klaar={(l) => {
        const rijen: Rij[] = [
          ...i.sector.filter((s) => heeftLeerlingen(s.cijfer)).map((s) => ({
            label: `${label(SECTOREN, s.waarde)} (hele sector)`, eigen: s.cijfer, landelijk: l.uitsplitsingen.sector.find((x) => x.waarde === s.waarde)?.cijfer,
          })),
          ...i.categorie.filter((c) => heeftLeerlingen(c.cijfer)).map((c) => ({
            label: label(CATEGORIEEN, c.waarde), eigen: c.cijfer, landelijk: l.uitsplitsingen.categorie.find((x) => x.waarde === c.waarde)?.cijfer,
          })),
          ...i.leerweg.filter((c) => heeftLeerlingen(c.cijfer)).map((c) => ({
            label: `mbo, ${label(LEERWEGEN, c.waarde)}`, eigen: c.cijfer, landelijk: l.uitsplitsingen.leerweg.find((x) => x.waarde === c.waarde)?.cijfer,
          })),
        ];
        if (rijen.length === 0) return <p className="utrecht-paragraph">{i.naam} heeft in {i.telling.schooljaar} geen leerlingen in de startpopulatie.</p>;
        return (
          <>
            <Grafiek titel={`vsv-percentage ${i.naam} en landelijk, per sector en niveau, ${i.telling.schooljaar}`}
              sleutel={JSON.stringify(rijen.map((r) => [r.label, r.eigen.percentage, r.landelijk?.percentage]))}
              samenvatting={`Staafdiagram van het vsv-percentage van ${i.naam} per sector en niveau; een gestreept streepje per rij geeft het landelijke percentage van dezelfde sector of hetzelfde niveau.`}
              uitleg="Staaf: de instelling. Gestreept streepje: landelijk, dezelfde sector of hetzelfde niveau."
              teken={(Plot, breedte) => staafgrafiek(Plot, breedte, {
                xLabel: 'vsv-percentage', vergelijkingLabel: 'landelijk',
                staven: rijen.map((r) => ({ label: r.label, waarde: getal(r.eigen.percentage), vergelijking: getal(r.landelijk?.percentage) })),
              })} />
            <Tabel titel={`${i.naam} tegen landelijk per sector en niveau, ${i.telling.schooljaar}`} csv={csvUrl(url, 'categorie')}
              downloadtekst="de landelijke cijfers per niveau"
              kolommen={[{ kop: 'Sector of niveau' }, ...CIJFERKOLOMMEN, { kop: 'Landelijk vsv-percentage (zelfde sector of niveau)', getal: true }, { kop: 'Verschil', getal: true }]}
              rijen={rijen.map((r) => [r.label, ...cijfercellen(r.eigen), <Procent p={r.landelijk?.percentage} />, verschilcel(r.eigen, r.landelijk)])} />
          </>
        );
      }} />
    </section>
  );
}
