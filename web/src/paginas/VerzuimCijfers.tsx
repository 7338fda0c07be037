import { useEffect, useState, type FormEvent } from 'react';
import type { Static } from '@sinclair/typebox';
import type { Verzuimcijfers } from '../../../src/server/schemasVerzuim';
import { ApiFout, leesFout } from '../api';
import { Laden, Melding } from '../componenten/Melding';
import { Pagina } from '../componenten/Pagina';
import { useRechten } from '../toegang';
import { ACTIENAAM, REDENNAAM, SOORTNAAM, STATUSNAAM } from '../verzuim';

/**
 * Absence figures of the user's own municipality, region or school per school year
 * (docs/rules/verzuim-cijfers.md): counts of reports, no persons. The school year runs from
 * 1 August to 31 July; the picker offers the current one and every year with reports.
 */
type Cijfers = Static<typeof Verzuimcijfers>;

function lopendSchooljaar(vandaag: Date): string {
  const begin = vandaag.getUTCMonth() >= 7 ? vandaag.getUTCFullYear() : vandaag.getUTCFullYear() - 1;
  return `${begin}-${begin + 1}`;
}

const procent = (p: number | null) => (p === null ? '–' : `${p.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`);

function Telling({ id, titel, kop, rijen }: { id: string; titel: string; kop: string; rijen: readonly [string, number][] }) {
  return (
    <div className="utrecht-table-container" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="utrecht-table">
        <caption className="utrecht-table__caption" id={id}>{titel}</caption>
        <thead className="utrecht-table__header"><tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">{kop}</th>
          <th scope="col" className="utrecht-table__header-cell bb-getal">Meldingen</th>
        </tr></thead>
        <tbody className="utrecht-table__body">
          {rijen.map(([naam, n]) => (
            <tr key={naam} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">{naam}</th>
              <td className="utrecht-table__cell bb-getal">{n.toLocaleString('nl-NL')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VerzuimCijfers() {
  const rechten = useRechten();
  const [jaar, zetJaar] = useState(lopendSchooljaar(new Date()));
  const [cijfers, zetCijfers] = useState<Cijfers | null>(null);
  const [melding, zetMelding] = useState<string | null>(null);
  const toon = async (e?: FormEvent) => {
    e?.preventDefault();
    zetMelding(null);
    const r = await fetch(`/api/v1/verzuimcijfers?schooljaar=${jaar}`, { headers: { accept: 'application/json' } });
    if (r.ok) zetCijfers((await r.json()) as Cijfers);
    else zetMelding((await leesFout(r)).message);
  };
  const mag = rechten !== null && !(rechten instanceof ApiFout) && rechten.handelingen.includes('verzuim.cijfers');
  // shows the current school year once the rights are known; later years on request
  useEffect(() => { if (mag) void toon(); }, [mag]);

  if (rechten === null) return <Pagina titel="Verzuimcijfers"><Laden wat="uw rechten" /></Pagina>;
  if (!mag) {
    return <Pagina titel="Verzuimcijfers"><Melding soort="warning"><p className="utrecht-paragraph">De verzuimcijfers zijn er voor leerplicht, RMC en scholen, over de eigen meldingen.</p></Melding></Pagina>;
  }
  const naam = (namen: Readonly<Record<string, string>>) => (k: string) => namen[k] ?? k;
  const jaren = [...new Set([lopendSchooljaar(new Date()), jaar, ...(cijfers?.schooljarenMetMeldingen ?? [])])].sort().reverse();
  return (
    <Pagina titel="Verzuimcijfers">
      <p className="utrecht-paragraph">Aantallen verzuimmeldingen van uw gemeente, regio of school per schooljaar (1 augustus tot en met 31 juli, naar meldingsdatum). Geen leerlingen: de meldingen zelf staan bij de verzuimmeldingen.</p>
      <form onSubmit={(e) => void toon(e)} className="bb-formulier" aria-label="Schooljaar kiezen">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="vc-jaar">Schooljaar</label></div>
          <div className="utrecht-form-field__input">
            <select id="vc-jaar" className="utrecht-select utrecht-select--html-select" value={jaar} onChange={(e) => zetJaar(e.target.value)}>
              {jaren.map((j) => <option key={j} value={j}>{j}</option>)}
            </select>
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">Tonen</button>
      </form>
      <div aria-live="polite">
        {melding && <Melding soort="error"><p className="utrecht-paragraph">{melding}</p></Melding>}
        {cijfers && (
          <>
            <h2 className="utrecht-heading-2">{cijfers.scope}, schooljaar {cijfers.schooljaar}</h2>
            <p className="utrecht-paragraph">
              {cijfers.meldingen.toLocaleString('nl-NL')} meldingen. Te laat gemeld: {procent(cijfers.tijdigheid.aandeelTeLaat)}
              {' '}({cijfers.tijdigheid.teLaat} van {cijfers.tijdigheid.tijdig + cijfers.tijdigheid.teLaat} met een termijn). Eerste actie na
              {' '}{cijfers.eersteActie.dagenMediaan === null ? '–' : `${cijfers.eersteActie.dagenMediaan} dagen (mediaan)`}
              {cijfers.eersteActie.dagen90 === null ? '' : `, ${cijfers.eersteActie.dagen90} dagen bij 90 % van de meldingen`}; {cijfers.eersteActie.zonderActie} meldingen nog zonder actie.
            </p>
            <p className="utrecht-paragraph" data-testid="vsv-met-melding">
              {cijfers.vsvMetMelding === null
                ? `Verzuim vóór uitval: er is nog geen telling van schooljaar ${cijfers.schooljaar}.`
                : `Verzuim vóór uitval: ${cijfers.vsvMetMelding.metMelding} van de ${cijfers.vsvMetMelding.vsvers} vsv'ers van de ${cijfers.vsvMetMelding.status === 'definitief' ? 'definitieve' : 'voorlopige'} telling ${cijfers.vsvMetMelding.schooljaar} (${procent(cijfers.vsvMetMelding.aandeel)}) hadden in het jaar van hun uitval (1 oktober tot en met 30 september) een verzuimmelding.`}
            </p>
            <Telling id="vc-soort" titel="Per soort melding" kop="Soort" rijen={Object.entries(cijfers.perSoort).map(([k, n]) => [naam(SOORTNAAM)(k), n])} />
            <Telling id="vc-status" titel="Per status" kop="Status" rijen={Object.entries(cijfers.perStatus).map(([k, n]) => [naam(STATUSNAAM)(k), n])} />
            <Telling id="vc-reden" titel="Afgesloten, per reden" kop="Afsluitreden" rijen={Object.entries(cijfers.perAfsluitreden).map(([k, n]) => [naam(REDENNAAM)(k), n])} />
            <Telling id="vc-actie" titel="Eerste actie per melding" kop="Actie" rijen={Object.entries(cijfers.eersteActie.perSoort).map(([k, n]) => [naam(ACTIENAAM)(k), n])} />
            <div className="utrecht-table-container" role="region" aria-labelledby="vc-school" tabIndex={0}>
              <table className="utrecht-table">
                <caption className="utrecht-table__caption" id="vc-school">Per school: aandeel te laat gemeld</caption>
                <thead className="utrecht-table__header"><tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">School (BRIN)</th>
                  <th scope="col" className="utrecht-table__header-cell bb-getal">Meldingen</th>
                  <th scope="col" className="utrecht-table__header-cell bb-getal">Tijdig</th>
                  <th scope="col" className="utrecht-table__header-cell bb-getal">Te laat</th>
                  <th scope="col" className="utrecht-table__header-cell bb-getal">Zonder termijn</th>
                  <th scope="col" className="utrecht-table__header-cell bb-getal">Aandeel te laat</th>
                </tr></thead>
                <tbody className="utrecht-table__body">
                  {cijfers.perSchool.map((s) => (
                    <tr key={s.brin} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">{s.brin}</th>
                      <td className="utrecht-table__cell bb-getal">{s.meldingen}</td>
                      <td className="utrecht-table__cell bb-getal">{s.tijdig}</td>
                      <td className="utrecht-table__cell bb-getal">{s.teLaat}</td>
                      <td className="utrecht-table__cell bb-getal">{s.zonderOordeel}</td>
                      <td className="utrecht-table__cell bb-getal">{procent(s.aandeelTeLaat)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </Pagina>
  );
}
