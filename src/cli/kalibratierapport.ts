import { leesRegionalePercentages } from '../generator/gepubliceerd.js';
import { AANGENOMEN_REGIOPERCENTAGES } from '../generator/regio.js';
import { afwijking, doelen, NIVEAU_LEERWEG, UITSLUITINGEN_DOEL } from '../kalibratie/doelen.js';
import { pct, type Jaaruitkomst, type Teller } from '../kalibratie/uitkomsten.js';
import { table } from './table.js';

/**
 * The calibration report: computed figures beside the published ones, per school year,
 * with the deviation. Published counts are multiplied by the scale; percentages are not.
 */
const p2 = (x: number | null) => (x === null ? '' : x.toFixed(2));
const n0 = (x: number | null) => (x === null ? '' : Math.round(x).toLocaleString('nl-NL'));
const punten = (a: number | null, b: number | null) => (a === null || b === null ? '' : `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(2)}`);

export async function kalibratierapport(uitkomsten: readonly Jaaruitkomst[], schaal: number, gedeeld: string): Promise<string> {
  const d = doelen();
  const uit: string[] = [];
  uit.push(`Landelijk (gepubliceerde aantallen × schaal ${schaal}):`);
  uit.push(table(
    ['schooljaar', 'startpopulatie', 'vsv', 'vsv %', 'gepubl. vsv', 'gepubl. %', 'afwijking vsv', 'afwijking %-punt'],
    uitkomsten.map((u) => {
      const g = d.get(u.jaar)?.gepubliceerd.totaal;
      const doel = g?.aantal != null ? g.aantal * schaal : null;
      return [naam(u.jaar), n0(u.totaal.startpopulatie), n0(u.totaal.vsv), p2(pct(u.totaal)), n0(doel), p2(g?.percentage ?? null),
        afwijking(u.totaal.vsv, doel), punten(pct(u.totaal), g?.percentage ?? null)];
    })));
  uit.push('');
  uit.push('Per sector (vo: gepubliceerd voor 2017-2018 tot en met 2019-2020):');
  uit.push(table(
    ['schooljaar', 'vo start', 'vo vsv', 'vo %', 'gepubl.', 'gepubl. %', 'afw.', 'mbo start', 'mbo vsv', 'mbo %', 'gepubl.', 'gepubl. %', 'afw.', 'vavo vsv', 'vavo %'],
    uitkomsten.map((u) => {
      const g = d.get(u.jaar)?.gepubliceerd;
      const vo = u.sector.get('vo');
      const mbo = u.sector.get('mbo');
      const vavo = u.sector.get('vavo');
      const gvo = g?.vo?.aantal != null ? g.vo.aantal * schaal : null;
      const gmbo = g?.mbo?.aantal != null ? g.mbo.aantal * schaal : null;
      return [naam(u.jaar), n0(vo?.startpopulatie ?? 0), n0(vo?.vsv ?? 0), p2(pct(vo)), n0(gvo), p2(g?.vo?.percentage ?? null), afwijking(vo?.vsv ?? 0, gvo),
        n0(mbo?.startpopulatie ?? 0), n0(mbo?.vsv ?? 0), p2(pct(mbo)), n0(gmbo), p2(g?.mbo?.percentage ?? null), afwijking(mbo?.vsv ?? 0, gmbo),
        n0(vavo?.vsv ?? 0), p2(pct(vavo))];
    })));

  const basis = uitkomsten.find((u) => u.jaar === 2016);
  if (basis) {
    uit.push('');
    uit.push('mbo 2016-2017 naar niveau en leerweg (vsv %):');
    uit.push(table(['niveau', 'bol start', 'bol %', 'gepubl. bol %', 'bbl start', 'bbl %', 'gepubl. bbl %'],
      [1, 2, 3, 4].map((n) => {
        const bol = basis.niveauLeerweg.get(`bol-${n}`);
        const bbl = basis.niveauLeerweg.get(`bbl-${n}`);
        return [String(n), n0(bol?.startpopulatie ?? 0), p2(pct(bol)), p2(NIVEAU_LEERWEG.percentages.bol[n - 1]!),
          n0(bbl?.startpopulatie ?? 0), p2(pct(bbl)), p2(NIVEAU_LEERWEG.percentages.bbl[n - 1]!)];
      })));
  }

  uit.push('');
  uit.push('Categorieën (vsv %):');
  const categorieen = ['vo-onderbouw', 'vo-bovenbouw-vmbo', 'vo-bovenbouw-havo-vwo', 'mbo-1', 'mbo-2', 'mbo-3-4', 'vavo'];
  uit.push(table(['schooljaar', ...categorieen], uitkomsten.map((u) => [naam(u.jaar), ...categorieen.map((c) => p2(pct(u.categorie.get(c))))])));

  uit.push('');
  uit.push('Leeftijd op T0 (CBS 2017/\'18: 88% van de vsv\'ers is 18+; vsv-% <18 0,4, 18+ 6,1):');
  const aandeel = (u: Jaaruitkomst, sector: string) => {
    const jong = u.sectorLeeftijd.get(`${sector} <18`);
    const oud = u.sectorLeeftijd.get(`${sector} 18+`);
    const vsv = (jong?.vsv ?? 0) + (oud?.vsv ?? 0);
    return vsv ? `${((100 * (oud?.vsv ?? 0)) / vsv).toFixed(0)}%` : '';
  };
  uit.push(table(['schooljaar', 'mbo start <18', 'mbo start 18+', 'mbo % <18', 'mbo % 18+', 'mbo-vsv\'ers 18+', 'alle vsv\'ers 18+', 'alle % <18', 'alle % 18+'],
    uitkomsten.map((u) => {
      const jong = u.sectorLeeftijd.get('mbo <18');
      const oud = u.sectorLeeftijd.get('mbo 18+');
      const allJong = u.leeftijdsgroep.get('<18');
      const allOud = u.leeftijdsgroep.get('18+');
      return [naam(u.jaar), n0(jong?.startpopulatie ?? 0), n0(oud?.startpopulatie ?? 0), p2(pct(jong)), p2(pct(oud)), aandeel(u, 'mbo'),
        allOud && u.totaal.vsv ? `${((100 * allOud.vsv) / u.totaal.vsv).toFixed(0)}%` : '', p2(pct(allJong)), p2(pct(allOud))];
    })));

  uit.push('');
  const t = UITSLUITINGEN_DOEL;
  uit.push(`Uitgesloten groepen, gemiddeld per schooljaar, naast de landelijke aantallen 2012-2013 × schaal (${t.bron.omschrijving}):`);
  const gemiddeld = (reden: string) => uitkomsten.reduce((s, u) => s + (u.reden.get(reden) ?? 0), 0) / Math.max(1, uitkomsten.length);
  uit.push(table(['reden', 'berekend', 'gepubliceerd 2012-2013', 'afwijking'], [
    ['mbo1-werk', n0(gemiddeld('mbo1-werk')), n0(t.entreeMetWerk * schaal), afwijking(gemiddeld('mbo1-werk'), t.entreeMetWerk * schaal)],
    ['vrijstelling', n0(gemiddeld('vrijstelling')), n0(t.vrijstelling * schaal), afwijking(gemiddeld('vrijstelling'), t.vrijstelling * schaal)],
    ['verlate-startkwalificatie', n0(gemiddeld('verlate-startkwalificatie')), n0(t.verlateStartkwalificatie * schaal), afwijking(gemiddeld('verlate-startkwalificatie'), t.verlateStartkwalificatie * schaal)],
    ['politie-defensie', n0(gemiddeld('politie-defensie')), n0(t.defensiePolitie * schaal), afwijking(gemiddeld('politie-defensie'), t.defensiePolitie * schaal)],
    ['dji', n0(gemiddeld('dji')), '', ''],
    ['overleden', n0(gemiddeld('overleden')), '', ''],
    ['geemigreerd', n0(gemiddeld('geemigreerd')), '', ''],
    ['niet-bekostigd (binnen reden onderwijs)', n0(uitkomsten.reduce((s, u) => s + u.nietBekostigd, 0) / Math.max(1, uitkomsten.length)), n0(t.nietBekostigd * schaal),
      afwijking(uitkomsten.reduce((s, u) => s + u.nietBekostigd, 0) / Math.max(1, uitkomsten.length), t.nietBekostigd * schaal)],
  ]));

  if (basis) {
    const s3 = await leesRegionalePercentages(gedeeld);
    uit.push('');
    uit.push('RMC-regio\'s 2016-2017 (vsv %; gepubliceerd: S3, regio\'s 1-24, 14 = Arnhem/Nijmegen; 25-39 aangenomen):');
    const codes = [...basis.rmc.keys()].filter((c) => c !== 'onbekend').sort();
    uit.push(table(['rmc', 'startpopulatie', 'vsv', 'vsv %', 'gepubliceerd %', 'afwijking %-punt'], codes.map((c) => {
      const x = basis.rmc.get(c) as Teller;
      const g = s3.get(c === '14' ? '40' : c) ?? null;
      const aanname = AANGENOMEN_REGIOPERCENTAGES[c];
      return [c, n0(x.startpopulatie), n0(x.vsv), p2(pct(x)), g !== null ? p2(g) : aanname !== undefined ? `(${p2(aanname)})` : '', punten(pct(x), g)];
    })));
  }
  return `${uit.join('\n')}\n`;
}

const naam = (jaar: number) => `${jaar}-${jaar + 1}`;
